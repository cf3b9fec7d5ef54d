#pragma once

#include "authorityresolver_p.h"
#include "autorefresh_p.h"
#include "httpclient_p.h"

#include <MsalQt/cachestorage.h>
#include <MsalQt/clientapplication.h>
#include <MsalQt/tokencache.h>

#include <QHash>
#include <QDeadlineTimer>
#include <QPointer>

namespace MsalQt {

class SilentFlow;

class ClientApplicationPrivate
{
    Q_DECLARE_PUBLIC(ClientApplication)
public:
    ClientApplicationPrivate(const QString &clientId, const Authority &authority);
    virtual ~ClientApplicationPrivate();

    // Called by the public constructor once q_ptr is set.
    void init(ClientApplication *q);

    virtual bool isConfidential() const = 0;
    // Adds the client's proof of identity to a token request (confidential clients only). A
    // client assertion names the token endpoint it is for (RFC 7523 §3, "aud"). An error when
    // no proof could be made (the request then fails with it).
    virtual AuthError addClientAuthentication(Internal::FormFields *form, const QUrl &tokenEndpoint) const
    {
        Q_UNUSED(form)
        Q_UNUSED(tokenEndpoint)
        return {};
    }

    // Why no request can run on this application (invalid client id or authority), or no error.
    virtual AuthError configurationError() const;

    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }
    qint64 nowSecs() const { return clock ? clock().toSecsSinceEpoch() : QDateTime::currentSecsSinceEpoch(); }

    // Runs `done` once the persisted cache is in memory (at once without a storage), unless
    // `context` is gone; with the storage's error if it could not be read. When another process
    // has changed the storage since, it is read again first.
    void ensureCacheLoaded(QObject *context, const std::function<void(const AuthError &)> &done);
    // Reads the storage: the first load, or a reload that adopts another process's changes.
    void startLoad(bool reload);
    void loadFinished(CacheStorageJob *job, bool reload);
    // CacheStorage::changedExternally(): follow it once the cache is loaded (before that, the
    // first load reads whatever is there).
    void storageChangedExternally();
    // accountsChanged() when the list of accounts differs from the last one told; the cache's
    // account generation spares the comparison when nothing account-related changed.
    void checkAccounts();
    // Merges this process's changes into the storage; `done` runs when that is over, with the
    // save's error (also emitted through cacheError()) or none.
    void persistCache(QObject *context, const std::function<void(const AuthError &)> &done);
    // Changes a failed save left pending (a full disk) are saved again, in the background, when
    // a request next uses the cache; not while a save is under way, and not within
    // saveRetryInterval of a failed save (a read-only file system stays read-only a while).
    void retryPendingSave();
    int savesInFlight = 0;
    static constexpr std::chrono::seconds saveRetryInterval{10};
    QDeadlineTimer saveRetryNotBefore; // expired: a retry may be made
    // The cloud's host aliases known without a network round trip.
    QStringList knownEnvironments() const;
    // The application is being deleted: finishes every unfinished request with
    // AuthError::Cancelled while the application is still whole, and detaches them from it.
    // Called first by the most derived destructor (again by the base one, then a no-op).
    void endRequests();

    enum class CacheState { NotLoaded, Loading, Loaded };
    CacheState cacheState = CacheState::NotLoaded;
    bool reloading = false; // the load under way adopts another process's changes
    QList<std::pair<QPointer<QObject>, std::function<void(const AuthError &)>>> cacheWaiters;
    TokenCache *tokenCache = nullptr;
    QPointer<CacheStorage> storage;
    QHash<QString, SilentFlow *> silentLeaders; // single flight: one network refresh per key
    QList<TokenRequest *> requests; // alive, finished or not (a request removes itself when deleted)
    bool closing = false;           // endRequests() has run: no request starts any more work
    quint64 seenAccountGeneration = 0;
    QList<Account> seenAccounts; // as accountsChanged() last told them

    ClientApplication *q_ptr = nullptr;
    QString clientId;
    Authority authority;
    QStringList clientCapabilities; // sent as xms_cc in the claims of every request
    Internal::AutoRefresher *autoRefresher = nullptr; // while setAutoRefresh(true)
    std::chrono::seconds refreshLeadTime{300};
    QNetworkAccessManager *ownManager = nullptr;
    std::unique_ptr<Internal::HttpClient> http;
    Internal::AuthorityResolver *resolver = nullptr;

    // A request for another tenant than the authority's (a guest's tenant, a multi-tenant app's
    // customer): the authority with that tenant segment, why it cannot be asked for (an error
    // before any network traffic), and its metadata's resolver, made once per tenant.
    Authority authorityForTenant(const QString &tenant) const;
    AuthError checkRequestTenant(const QString &tenant) const;
    Internal::AuthorityResolver *resolverFor(const QString &tenant);
    QHash<QString, Internal::AuthorityResolver *> tenantResolvers; // by tenant, lower case
    std::chrono::seconds clockSkew{300};
    std::function<QDateTime()> clock;
};

} // namespace MsalQt
