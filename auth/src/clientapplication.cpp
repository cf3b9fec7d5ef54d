#include <MsalQt/clientapplication.h>

#include "cache/tokencache_p.h"
#include "clientapplication_p.h"
#include "flows/refreshtokenflow_p.h"
#include "flows/silentflow_p.h"
#include "logging_p.h"

#include <MsalQt/cachestoragejob.h>

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

#include <memory>

namespace MsalQt {

namespace {
// Each request asks the system (environment or desktop settings) for its proxy.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        return systemProxyForQuery(query);
    }
};
} // namespace

ClientApplicationPrivate::ClientApplicationPrivate(const QString &clientId, const Authority &authority)
    : clientId(clientId), authority(authority)
{
}

ClientApplicationPrivate::~ClientApplicationPrivate() = default;

void ClientApplicationPrivate::init(ClientApplication *q)
{
    q_ptr = q;
    ownManager = new QNetworkAccessManager(q);
    ownManager->setProxyFactory(new SystemProxyFactory);
    http = std::make_unique<Internal::HttpClient>(ownManager);
    resolver = new Internal::AuthorityResolver(authority, http.get(), q);
    tokenCache = new TokenCache(q);
    seenAccountGeneration = TokenCachePrivate::get(tokenCache)->accountGeneration();
    // Changes made through TokenCache itself (removeAccount(), clear(), deserialize()).
    QObject::connect(tokenCache, &TokenCache::changed, q, [this] { checkAccounts(); });
}

QStringList ClientApplicationPrivate::knownEnvironments() const
{
    return resolver->environments();
}

void ClientApplicationPrivate::ensureCacheLoaded(QObject *context, const std::function<void(const AuthError &)> &done)
{
    if (!storage) {
        done(AuthError());
        return;
    }
    if (cacheState == CacheState::Loaded) {
        // Like msal-extensions before each access: one stat(2) for a file, no read unless it
        // changed. The watcher (changedExternally) may not have told us yet: its notice is queued.
        if (!storage->isStale()) {
            done(AuthError());
            return;
        }
        startLoad(true);
    }
    cacheWaiters.append({context, done});
    if (cacheState == CacheState::NotLoaded)
        startLoad(false);
}

void ClientApplicationPrivate::startLoad(bool reload)
{
    cacheState = CacheState::Loading;
    reloading = reload;
    CacheStorageJob *job = storage->load();
    QObject::connect(job, &CacheStorageJob::finished, q_ptr,
                     [this, reload](CacheStorageJob *job) { loadFinished(job, reload); });
}

void ClientApplicationPrivate::loadFinished(CacheStorageJob *job, bool reload)
{
    Q_Q(ClientApplication);
    TokenCachePrivate *cache = TokenCachePrivate::get(tokenCache);
    AuthError error = job->error();
    if (!error.isError() && reload) {
        // Merged, not replaced: a change of ours that is not saved yet (a save in flight) stays,
        // and the next save writes it. An unreadable file leaves the cache as it was.
        QString why;
        if (!cache->adoptStored(job->data(), &why))
            error = AuthError(AuthError::StorageError, why);
    } else if (!error.isError() && !job->data().trimmed().isEmpty()) {
        // A first load after a failed one: what this process got meanwhile (kept in memory, not
        // saved) is merged into what is read, not replaced by it. A damaged part of the file
        // (logged) does not keep the rest from being read; the storage keeps a copy of the file
        // before its next save.
        QString why;
        if (!(cache->hasUnsavedChanges()
                  ? cache->adoptStored(job->data(), &why)
                  : cache->load(job->data(), &why, TokenCachePrivate::LoadMode::Lenient)))
            error = AuthError(AuthError::StorageError, why);
    }
    const bool failed = error.isError();
    if (failed) {
        qCWarning(lcMsalAuth).noquote() << (reload ? "Token cache could not be reloaded:" : "Token cache could not be loaded:")
                                        << error.errorString();
        // A load that fails leaves the cache as it was, and requests go on with it, each
        // reporting the fault in TokenRequest::cacheError(); the next request tries again (a
        // first load, or a reload while the storage is still stale).
        cacheState = reload ? CacheState::Loaded : CacheState::NotLoaded;
        Q_EMIT q->cacheError(error);
    } else {
        cacheState = CacheState::Loaded;
        // Loaded, but something was lost or kept aside (CacheReset: the saved sign-ins are
        // gone): the application and the waiting requests are told.
        error = job->warningError();
        if (error.isError())
            Q_EMIT q->cacheError(error);
        checkAccounts();
        cache->notifyChanged();
        if (!reload)
            Q_EMIT q->cacheLoaded();
    }
    const auto waiters = std::exchange(cacheWaiters, {});
    for (const auto &[context, callback] : waiters) {
        if (context)
            callback(error);
    }
    // Another process may have written while this load was under way (the watcher's notice is
    // ignored while loading): read again. Not after a failure, which would only fail again.
    if (!failed && cacheState == CacheState::Loaded && storage && storage->isStale())
        startLoad(true);
}

void ClientApplicationPrivate::storageChangedExternally()
{
    if (cacheState != CacheState::Loaded || !storage || !storage->isStale())
        return; // not loaded yet, or loading: the load reads it (and looks again when done)
    startLoad(true);
}

static bool sameAccounts(const QList<Account> &a, const QList<Account> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        // Account's operator== compares identity only; a new username or name is a change too.
        if (a.at(i) != b.at(i) || a.at(i).username() != b.at(i).username() || a.at(i).name() != b.at(i).name()
            || a.at(i).tenantId() != b.at(i).tenantId() || a.at(i).tenantProfiles() != b.at(i).tenantProfiles())
            return false;
    }
    return true;
}

void ClientApplicationPrivate::checkAccounts()
{
    TokenCachePrivate *cache = TokenCachePrivate::get(tokenCache);
    if (cache->accountGeneration() == seenAccountGeneration)
        return;
    seenAccountGeneration = cache->accountGeneration();
    const QList<Account> &now = cache->accountList();
    if (sameAccounts(now, seenAccounts))
        return;
    seenAccounts = now;
    Q_Q(ClientApplication);
    Q_EMIT q->accountsChanged();
}

void ClientApplicationPrivate::persistCache(QObject *context, const std::function<void(const AuthError &)> &done)
{
    TokenCachePrivate *cache = TokenCachePrivate::get(tokenCache);
    checkAccounts();
    cache->notifyChanged();
    if (!storage || !cache->hasUnsavedChanges()) {
        done(AuthError());
        return;
    }
    ++savesInFlight;
    // The storage may outlive the application: the merge must not touch a destroyed cache.
    QPointer<TokenCache> alive(tokenCache);
    // The changes the merge wrote end only once the storage says they are stored: on a failed
    // write (a full disk) they stay pending, in memory, and the next save writes them.
    auto merged = std::make_shared<quint64>(0); // no change generation is 0
    CacheStorageJob *job = storage->save([alive, cache, merged](const QByteArray &stored) {
        return alive ? cache->mergeWithStored(stored, merged.get()) : stored;
    });
    QPointer<QObject> guard(context);
    // A storage deleted while it saves takes the job with it, without finished(): the request
    // that waits for the save goes on (its token is in memory) and cacheError() says why.
    auto delivered = std::make_shared<bool>(false);
    QObject::connect(job, &CacheStorageJob::finished, q_ptr, [this, guard, done, delivered, alive, cache, merged](CacheStorageJob *job) {
        Q_Q(ClientApplication);
        *delivered = true;
        --savesInFlight;
        // The merge adopted what other processes stored meanwhile, their accounts included.
        checkAccounts();
        const AuthError error = job->error();
        if (error.isError()) {
            qCWarning(lcMsalAuth).noquote() << "Token cache could not be saved:" << error.errorString();
            saveRetryNotBefore.setRemainingTime(saveRetryInterval);
            Q_EMIT q->cacheError(error);
        } else {
            if (alive)
                cache->markSaved(*merged);
            Q_EMIT q->cacheSaved();
        }
        if (guard)
            done(error);
    });
    QObject::connect(job, &QObject::destroyed, q_ptr, [this, guard, done, delivered] {
        if (*delivered)
            return;
        *delivered = true;
        --savesInFlight;
        Q_Q(ClientApplication);
        qCWarning(lcMsalAuth) << "Token cache could not be saved: the storage was deleted while saving";
        const AuthError error(AuthError::StorageError,
                              QCoreApplication::translate("MsalQt::ClientApplication",
                                                          "The cache storage was deleted while saving."));
        Q_EMIT q->cacheError(error);
        if (guard)
            done(error);
    });
}

void ClientApplicationPrivate::retryPendingSave()
{
    if (!storage || savesInFlight > 0 || !saveRetryNotBefore.hasExpired()
        || !TokenCachePrivate::get(tokenCache)->hasUnsavedChanges())
        return;
    qCInfo(lcMsalAuth) << "Token cache: saving changes a failed save left pending";
    persistCache(q_ptr, [](const AuthError &) {});
}

AuthError ClientApplicationPrivate::configurationError() const
{
    if (clientId.trimmed().isEmpty()) {
        return AuthError(AuthError::InvalidConfiguration,
                         QCoreApplication::translate("MsalQt::ClientApplication",
                                                     "No client id is set: register the application and pass its application (client) id."));
    }
    if (!authority.isValid()) {
        return AuthError(AuthError::InvalidConfiguration,
                         QCoreApplication::translate("MsalQt::ClientApplication", "The authority is not valid: %1")
                             .arg(authority.errorString()));
    }
    return {};
}

ClientApplication::ClientApplication(ClientApplicationPrivate &dd, QObject *parent)
    : QObject(parent), d_ptr(&dd)
{
    d_ptr->init(this);
}

ClientApplication::~ClientApplication()
{
    Q_D(ClientApplication);
    d->endRequests();
}

void ClientApplicationPrivate::endRequests()
{
    if (closing)
        return;
    closing = true;
    // finished() is emitted here, while the application is whole; a slot may delete other
    // requests (each removes itself from the list), so walk a copy and check each is alive.
    const QList<QPointer<TokenRequest>> alive(requests.cbegin(), requests.cend());
    for (const QPointer<TokenRequest> &request : alive) {
        if (request)
            TokenRequestPrivate::get(request)->abandon(
                QCoreApplication::translate("MsalQt::TokenRequest", "The application was deleted before the request finished."));
    }
    for (TokenRequest *request : std::exchange(requests, {}))
        TokenRequestPrivate::get(request)->detachFromApplication();
}

QString ClientApplication::clientId() const
{
    Q_D(const ClientApplication);
    return d->clientId;
}

Authority ClientApplication::authority() const
{
    Q_D(const ClientApplication);
    return d->authority;
}

QNetworkAccessManager *ClientApplication::networkAccessManager() const
{
    Q_D(const ClientApplication);
    return d->http->networkAccessManager();
}

void ClientApplication::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    Q_D(ClientApplication);
    d->http->setNetworkAccessManager(manager); // none, or once it is destroyed: our own
}

TokenRequest *ClientApplication::acquireTokenSilent(const QStringList &scopes, const Account &account,
                                                   SilentOptions options, const QString &claims)
{
    Q_D(ClientApplication);
    return TokenRequestPrivate::create(new SilentFlow(d, scopes, account, options, claims), this);
}

TokenRequest *ClientApplication::acquireTokenByRefreshToken(const QString &refreshToken, const QStringList &scopes)
{
    Q_D(ClientApplication);
    return TokenRequestPrivate::create(new RefreshTokenFlow(d, scopes, refreshToken), this);
}

TokenRequest *ClientApplication::acquireTokenSilentForTenant(const QStringList &scopes, const Account &account,
                                                            const QString &tenant, SilentOptions options,
                                                            const QString &claims)
{
    Q_D(ClientApplication);
    auto *flow = new SilentFlow(d, scopes, account, options, claims);
    flow->setRequestTenant(tenant);
    return TokenRequestPrivate::create(flow, this);
}

TokenCache *ClientApplication::tokenCache() const
{
    Q_D(const ClientApplication);
    return d->tokenCache;
}

QList<Account> ClientApplication::accounts() const
{
    Q_D(const ClientApplication);
    return d->tokenCache->accounts();
}

void ClientApplication::removeAccount(const Account &account)
{
    Q_D(ClientApplication);
    // Loaded first, so that the removal is merged into what is stored rather than lost.
    d->ensureCacheLoaded(this, [d, account](const AuthError &) {
        // Also when the load failed: the account goes from memory, and the save merges the
        // removal into what is stored if it can be read then.
        if (d->tokenCache->removeAccount(account))
            d->persistCache(d->q_ptr, [](const AuthError &) {});
    });
}

void ClientApplication::setCacheStorage(CacheStorage *storage)
{
    Q_D(ClientApplication);
    if (d->storage)
        d->storage->disconnect(this);
    d->storage = storage;
    d->cacheState = ClientApplicationPrivate::CacheState::NotLoaded;
    if (!storage)
        return;
    connect(storage, &CacheStorage::changedExternally, this, [d] { d->storageChangedExternally(); });
    // A storage destroyed mid-load takes its jobs with it, without finished(): fail the waiters.
    connect(storage, &QObject::destroyed, this, [d] {
        if (d->cacheState != ClientApplicationPrivate::CacheState::Loading)
            return;
        d->cacheState = ClientApplicationPrivate::CacheState::NotLoaded;
        const AuthError error(AuthError::StorageError,
                              QCoreApplication::translate("MsalQt::ClientApplication", "The cache storage was deleted while loading."));
        const auto waiters = std::exchange(d->cacheWaiters, {});
        for (const auto &[context, callback] : waiters) {
            if (context)
                callback(error);
        }
    });
}

CacheStorage *ClientApplication::cacheStorage() const
{
    Q_D(const ClientApplication);
    return d->storage;
}

void ClientApplication::loadCache()
{
    Q_D(ClientApplication);
    using State = ClientApplicationPrivate::CacheState;
    if (!d->storage || (d->cacheState == State::Loaded && !d->storage->isStale())) {
        QMetaObject::invokeMethod(this, &ClientApplication::cacheLoaded, Qt::QueuedConnection);
        return;
    }
    // The first load emits cacheLoaded() itself; a reload (or waiting for one) does not.
    const bool loaded = d->cacheState == State::Loaded || (d->cacheState == State::Loading && d->reloading);
    d->ensureCacheLoaded(this, [this, d, loaded](const AuthError &) {
        // A reload that failed or warned leaves the cache loaded (cacheError() told why).
        if (loaded && d->cacheState == State::Loaded)
            Q_EMIT cacheLoaded();
    });
}

QStringList ClientApplication::clientCapabilities() const
{
    Q_D(const ClientApplication);
    return d->clientCapabilities;
}

void ClientApplication::setClientCapabilities(const QStringList &capabilities)
{
    Q_D(ClientApplication);
    d->clientCapabilities.clear();
    for (const QString &capability : capabilities) {
        const QString trimmed = capability.trimmed();
        if (!trimmed.isEmpty() && !d->clientCapabilities.contains(trimmed))
            d->clientCapabilities.append(trimmed);
    }
}

bool ClientApplication::autoRefresh() const
{
    Q_D(const ClientApplication);
    return d->autoRefresher != nullptr;
}

void ClientApplication::setAutoRefresh(bool enabled)
{
    Q_D(ClientApplication);
    if (enabled == (d->autoRefresher != nullptr))
        return;
    if (enabled) {
        d->autoRefresher = new Internal::AutoRefresher(this, d->refreshLeadTime);
    } else {
        delete d->autoRefresher; // its timer and schedules with it
        d->autoRefresher = nullptr;
    }
}

std::chrono::seconds ClientApplication::refreshLeadTime() const
{
    Q_D(const ClientApplication);
    return d->refreshLeadTime;
}

void ClientApplication::setRefreshLeadTime(std::chrono::seconds leadTime)
{
    Q_D(ClientApplication);
    d->refreshLeadTime = std::max(leadTime, std::chrono::seconds(0));
    if (d->autoRefresher)
        d->autoRefresher->setLeadTime(d->refreshLeadTime);
}

std::chrono::milliseconds ClientApplication::httpTimeout() const
{
    Q_D(const ClientApplication);
    return d->http->timeout();
}

void ClientApplication::setHttpTimeout(std::chrono::milliseconds timeout)
{
    Q_D(ClientApplication);
    d->http->setTimeout(timeout);
}

std::chrono::milliseconds ClientApplication::retryDelay() const
{
    Q_D(const ClientApplication);
    return d->http->retryDelay();
}

void ClientApplication::setRetryDelay(std::chrono::milliseconds delay)
{
    Q_D(ClientApplication);
    d->http->setRetryDelay(delay);
}

std::chrono::milliseconds ClientApplication::instanceDiscoveryTimeout() const
{
    Q_D(const ClientApplication);
    return d->resolver->instanceDiscoveryTimeout();
}

void ClientApplication::setInstanceDiscoveryTimeout(std::chrono::milliseconds timeout)
{
    Q_D(ClientApplication);
    d->resolver->setInstanceDiscoveryTimeout(timeout);
    for (Internal::AuthorityResolver *resolver : std::as_const(d->tenantResolvers))
        resolver->setInstanceDiscoveryTimeout(timeout);
}

bool ClientApplication::isInstanceDiscoveryEnabled() const
{
    Q_D(const ClientApplication);
    return d->resolver->isInstanceDiscoveryEnabled();
}

void ClientApplication::setInstanceDiscoveryEnabled(bool enabled)
{
    Q_D(ClientApplication);
    if (d->resolver->hasStarted()) {
        // The aliases the cache uses would change under the tokens already found with them.
        if (enabled != d->resolver->isInstanceDiscoveryEnabled())
            qCWarning(lcMsalAuth) << "setInstanceDiscoveryEnabled() after the first request is ignored";
        return;
    }
    d->resolver->setInstanceDiscoveryEnabled(enabled);
}

QStringList ClientApplication::knownAuthorities() const
{
    Q_D(const ClientApplication);
    return d->resolver->knownAuthorities();
}

void ClientApplication::setKnownAuthorities(const QStringList &hosts)
{
    Q_D(ClientApplication);
    if (d->resolver->hasStarted()) {
        qCWarning(lcMsalAuth) << "setKnownAuthorities() after the first request is ignored";
        return;
    }
    d->resolver->setKnownAuthorities(hosts);
}

std::chrono::seconds ClientApplication::clockSkew() const
{
    Q_D(const ClientApplication);
    return d->clockSkew;
}

void ClientApplication::setClockSkew(std::chrono::seconds skew)
{
    Q_D(ClientApplication);
    d->clockSkew = skew;
}

void ClientApplication::setClock(const std::function<QDateTime()> &clock)
{
    Q_D(ClientApplication);
    d->clock = clock;
    d->http->setClock(clock);
}

QDateTime ClientApplication::currentDateTime() const
{
    Q_D(const ClientApplication);
    return d->now();
}

void ClientApplication::setPiiLoggingEnabled(bool enabled)
{
    Internal::setPiiLoggingEnabled(enabled);
}

bool ClientApplication::isPiiLoggingEnabled()
{
    return Internal::piiLoggingEnabled();
}

} // namespace MsalQt
