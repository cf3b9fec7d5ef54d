#pragma once

#include <MsalQt/account.h>
#include <MsalQt/authenticationresult.h>
#include <MsalQt/autherror.h>
#include <MsalQt/authority.h>
#include <MsalQt/msalqt_global.h>
#include <MsalQt/tokenrequest.h>

#include <QDateTime>
#include <QObject>
#include <QScopedPointer>
#include <QStringList>

#include <chrono>
#include <functional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace MsalQt {

class CacheStorage;
class ClientApplicationPrivate;
class TokenCache;

/// What public and confidential clients share: the client id, the authority, the HTTP pipeline,
/// and the authority metadata (discovery documents and signing keys) fetched once and reused.
///
/// Threads: an application, its requests, its TokenCache and the storage set on it are QObjects
/// that live in the thread that created the application, as QNetworkAccessManager's do; use them
/// from that thread only (it needs a running event loop). They are not thread-safe. A worker
/// thread that needs tokens creates an application of its own there.
class MSALQT_AUTH_EXPORT ClientApplication : public QObject
{
    Q_OBJECT
public:
    /// Destroys the application. Its unfinished requests end first, with AuthError::Cancelled
    /// (see TokenRequest).
    ~ClientApplication() override;

    /// How acquireTokenSilent() may answer.
    enum SilentOption {
        /// a valid cached access token is answered at once
        NoSilentOptions = 0x0,
        ForceRefresh = 0x1, ///< skip cached access tokens: redeem the refresh token
    };
    /// A combination of SilentOption values.
    Q_DECLARE_FLAGS(SilentOptions, SilentOption)
    Q_FLAG(SilentOptions)

    /// The application (client) id the app registration was given.
    QString clientId() const;
    /// Where tokens come from, as given to the constructor.
    Authority authority() const;

    /// Silent acquisition: a cached access token with these scopes if one is valid for a while
    /// yet (no network), else the refresh token is redeemed. When only the person can go on (no
    /// refresh token, expired session, MFA, consent) the request fails with AuthError::UiRequired,
    /// whose claims() and subError() say why: then sign in interactively. `claims` is a claims
    /// challenge from a resource (a 401 with WWW-Authenticate), which forces a refresh.
    /// Concurrent identical requests share one network refresh.
    TokenRequest *acquireTokenSilent(const QStringList &scopes, const Account &account,
                                     SilentOptions options = NoSilentOptions, const QString &claims = {});

    /// Moving in: redeems a refresh token this application obtained elsewhere (ADAL,
    /// QtNetworkAuth, its own storage) for `scopes`, which must be ones the token was issued for,
    /// and stores the answer in the cache as a sign-in would: afterwards accounts() lists the
    /// account and acquireTokenSilent() serves it. As in MSAL Python and msal-node, the refresh
    /// token given is not stored itself, only the one the server answers with (the Microsoft
    /// identity platform sends a new one with each answer). The answer's validated ID token says whose tokens these are; one without
    /// an ID token fails with AuthError::InvalidResponse. A token the server refuses
    /// (invalid_grant: expired, revoked, for another client) fails with AuthError::UiRequired, as
    /// acquireTokenSilent() does. Meant for a one-time migration, not for tokens this library
    /// already holds. The refresh token is never logged.
    TokenRequest *acquireTokenByRefreshToken(const QString &refreshToken, const QStringList &scopes);

    /// Silent acquisition for another tenant than the authority's, as MSAL.NET's
    /// WithTenantId(): a guest (B2B) gets a token in a tenant it was invited to, or a
    /// multi-tenant application one in a customer's tenant, from the refresh token of the
    /// account's home sign-in, which the platform honours across tenants. `tenant` is a tenant
    /// id (GUID) or a verified domain; the request goes to that tenant's token endpoint, the ID
    /// token must come from that tenant's issuer, and the tokens are cached under that tenant
    /// (a new tenant profile of the account, see Account::tenantProfiles()). An empty tenant,
    /// or the authority's own, is acquireTokenSilent(). Refused with
    /// AuthError::InvalidConfiguration, before any network traffic, for an OpenID Connect or
    /// a /consumers authority and for the audience keywords (common, organizations,
    /// consumers). An account that is not a member or guest of the tenant gets
    /// AuthError::UiRequired with the server's error. Named apart from acquireTokenSilent()
    /// so that a braced `{}` argument never makes a call ambiguous.
    TokenRequest *acquireTokenSilentForTenant(const QStringList &scopes, const Account &account, const QString &tenant,
                                              SilentOptions options = NoSilentOptions, const QString &claims = {});
    /// The tokens and accounts this application holds; every flow writes to it.
    TokenCache *tokenCache() const;
    /// The signed-in accounts in the cache, sorted by username. With a storage set, the list is
    /// empty until the persisted cache has been loaded (asynchronously: loadCache() or the first
    /// request start the load); cacheLoaded() says when, and accountsChanged() whenever the list
    /// differs from what it was, so a list in the user interface follows that signal.
    QList<Account> accounts() const;
    /// Signs the account out of this application: removes it and its tokens from the cache (and
    /// from the storage, when one is set).
    void removeAccount(const Account &account);

    /// Where the cache persists. The first request loads it; every change is merged into it and
    /// saved. Without a storage the cache lives in memory only.
    ///
    /// Ownership: not owned, and either may be deleted first (the application holds a QPointer).
    /// Deleting the storage while the application uses it is as setCacheStorage(nullptr): the
    /// cache goes on in memory only. A load under way then fails and a save under way is lost;
    /// both are reported through cacheError() and the waiting requests'
    /// TokenRequest::cacheError(). A storage that outlives the application finishes its jobs
    /// without touching it.
    ///
    /// Storage faults never cost a request its token: a load that fails (an unreadable
    /// directory, a locked keyring, a lock nobody releases) lets the requests go on with what is
    /// in memory, and a save that fails (a full disk, a read-only file system) keeps the tokens in
    /// memory and the change pending, so the next save writes it. Each fault is emitted through
    /// cacheError() and carried by the request that met it (TokenRequest::cacheError()).
    ///
    /// Requests wait for the load: a request started right after setCacheStorage() runs once
    /// the persisted cache is in memory (checks of the request's own arguments and of the
    /// application's configuration come first; checks about the cache's contents, such as
    /// acquireTokenSilent()'s "no account", after the load). Once loaded, the application follows
    /// the storage, as msal-extensions does for the other MSAL libraries: before each request it
    /// asks CacheStorage::isStale() (for a file, one stat(2)) and, on CacheStorage::
    /// changedExternally(), without any request, it reads the storage again and merges what
    /// another process stored into memory, keeping its own changes that are not saved yet. A
    /// request waits for such a reload as for the first load; a reload that fails is reported
    /// through cacheError(), and requests go on with what is in memory.
    void setCacheStorage(CacheStorage *storage);
    /// The storage set with setCacheStorage(); null when there is none (or it was deleted).
    CacheStorage *cacheStorage() const;
    /// Loads the persisted cache now (done by the first request otherwise); cacheLoaded() or
    /// cacheError() follows. Already loaded: reads it again if another process changed it, then
    /// cacheLoaded().
    void loadCache();

    /// By default the application owns a QNetworkAccessManager using the system proxy settings.
    /// A manager set here is not owned and may be deleted at any time: requests then under way on
    /// it fail with AuthError::NetworkError (at once, not at their timeout), and later ones use the
    /// application's own manager again, as they do after setNetworkAccessManager(nullptr).
    QNetworkAccessManager *networkAccessManager() const;
    /// Sends the HTTP requests through `manager` (not owned); nullptr returns to the
    /// application's own manager.
    void setNetworkAccessManager(QNetworkAccessManager *manager);

    /// The client capabilities the application declares (none by default). "cp1" says that it
    /// handles claims challenges (AuthenticationChallenge), so that resources that support
    /// Continuous Access Evaluation give it long-lived tokens and send it a claims challenge when
    /// a session is revoked, instead of accepting a token until it expires.
    QStringList clientCapabilities() const;
    /// Declares client capabilities: each token request and each sign-in page then sends them as
    /// `xms_cc` in its `claims` parameter, merged with the request's own claims (which must then
    /// be a JSON object, or the request ends with AuthError::InvalidConfiguration). Empty
    /// entries are dropped.
    void setClientCapabilities(const QStringList &capabilities);

    /// Whether tokens are refreshed before they expire (off by default; while off, no timer runs).
    bool autoRefresh() const;
    /// Refresh before expiry: after each user token an acquisition of this application gets, a
    /// silent refresh (ClientApplication::ForceRefresh) of that account's token for those scopes
    /// runs in the background once the server's refresh hint (AuthenticationResult::refreshOn())
    /// has passed or refreshLeadTime() before expiry, whichever is first, and again after each
    /// new token. tokenRefreshed() or tokenRefreshFailed() tell how it went; a failed one is not
    /// retried (the next acquisition schedules it again). Turning it off drops every schedule.
    void setAutoRefresh(bool enabled);
    /// How long before expiry a token is refreshed (default 5 minutes); never sooner than half
    /// its remaining lifetime when the token lives less long than that.
    std::chrono::seconds refreshLeadTime() const;
    /// Sets how long before expiry a token is refreshed (negative values count as zero).
    void setRefreshLeadTime(std::chrono::seconds leadTime);

    /// How long one HTTP request may take before it fails with AuthError::Timeout (default 30 s);
    /// it also fails when nothing moves for half that long. A server that trickles its answer is
    /// still cut off at the full timeout.
    std::chrono::milliseconds httpTimeout() const;
    /// Sets the timeout of one HTTP request.
    void setHttpTimeout(std::chrono::milliseconds timeout);
    /// Pause before the one retry on 5xx or timeout (default 1 s). A 5xx with Retry-After is
    /// retried after the server's wait instead (never sooner than this), when that is no longer
    /// than httpTimeout(); a longer one ends the request with AuthError::Throttled and its
    /// retryAfter().
    std::chrono::milliseconds retryDelay() const;
    /// Sets the pause before the retry.
    void setRetryDelay(std::chrono::milliseconds delay);
    /// How long instance discovery may take before the library falls back to the authority alone
    /// (default 5 s).
    std::chrono::milliseconds instanceDiscoveryTimeout() const;
    /// Sets the timeout of instance discovery.
    void setInstanceDiscoveryTimeout(std::chrono::milliseconds timeout);
    /// Whether instance discovery may run (default true): for a Microsoft authority whose host
    /// is neither in the table of Microsoft clouds nor in knownAuthorities(), the library asks
    /// /common/discovery/instance for the host's aliases (the cache finds tokens under any of
    /// them) and refuses a host the platform does not know.
    bool isInstanceDiscoveryEnabled() const;
    /// Turns instance discovery off or on. Off, no request goes to /common/discovery/instance:
    /// the authority's host is its only alias, except for the built-in table of Microsoft clouds
    /// (public, China, US Government, the sovereign clouds), which needs no request and is still
    /// used, as MSAL.NET's WithInstanceDiscovery(false) and msal-node do. For private clouds and
    /// hosts the platform's instance discovery cannot see. Set it before the first request: once
    /// the authority's metadata is fetched (or being fetched), a change is ignored with a warning.
    void setInstanceDiscoveryEnabled(bool enabled);
    /// The hosts ("host" or "host:port") trusted without instance discovery; empty by default.
    QStringList knownAuthorities() const;
    /// Trusts these hosts without instance discovery, as msal-node's knownAuthorities: an
    /// authority on one of them is used as it is, its host its only alias. Entries may be hosts,
    /// "host:port" or URLs (only their host and port count). Set it before the first request:
    /// later changes are ignored with a warning, as for setInstanceDiscoveryEnabled().
    void setKnownAuthorities(const QStringList &hosts);
    /// Accepted difference between our clock and the server's when checking token lifetimes.
    std::chrono::seconds clockSkew() const;
    /// Sets the accepted clock difference.
    void setClockSkew(std::chrono::seconds skew);

    /// The clock used for token lifetimes; tests move time with it. Default: the system clock (UTC).
    void setClock(const std::function<QDateTime()> &clock);
    /// The time now by the clock set with setClock() (UTC).
    QDateTime currentDateTime() const;

    /// Personal data and (prefixes of) secrets in debug logs. Off by default; a process-wide switch.
    static void setPiiLoggingEnabled(bool enabled);
    /// Whether personal data are logged; see setPiiLoggingEnabled().
    static bool isPiiLoggingEnabled();

Q_SIGNALS:
    /// The persisted cache has been loaded for the first time (after setCacheStorage()), or
    /// loadCache() was called. Later reloads, when another process changed the storage, are
    /// told by accountsChanged() and TokenCache::changed() instead.
    void cacheLoaded();
    /// What accounts() returns has changed: the persisted cache was loaded, an account signed in
    /// or was removed (here, or in another process whose change was adopted), or an account's
    /// username or name changed. Emitted once per change, not per token stored; not emitted when
    /// a load or a sign-in leaves the list as it was.
    void accountsChanged();
    /// A change (a new token, a removed account) was merged into the storage.
    void cacheSaved();
    /// The persisted cache could not be read or written (a request that got its token still
    /// succeeds; the token is kept in memory).
    void cacheError(const MsalQt::AuthError &error);
    /// Auto-refresh (setAutoRefresh()) got a new token before the old one expired.
    void tokenRefreshed(const MsalQt::AuthenticationResult &result);
    /// Auto-refresh could not refresh `account`'s token for `scopes`: `error` says why
    /// (AuthError::UiRequired when the person must sign in again).
    void tokenRefreshFailed(const MsalQt::Account &account, const QStringList &scopes, const MsalQt::AuthError &error);

protected:
    /// For the applications of this library, whose private parts extend ClientApplicationPrivate.
    explicit ClientApplication(ClientApplicationPrivate &dd, QObject *parent);
    const QScopedPointer<ClientApplicationPrivate> d_ptr;

private:
    Q_DECLARE_PRIVATE(ClientApplication)
    Q_DISABLE_COPY(ClientApplication)
};

} // namespace MsalQt

Q_DECLARE_OPERATORS_FOR_FLAGS(MsalQt::ClientApplication::SilentOptions)
