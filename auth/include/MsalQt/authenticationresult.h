#pragma once

#include <MsalQt/account.h>
#include <MsalQt/msalqt_global.h>

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QStringList>

namespace MsalQt {
class AuthenticationResultData;
} // namespace MsalQt
// Out of line, so that the inline moves below need not see AuthenticationResultData.
QT_BEGIN_NAMESPACE
QT_DECLARE_QSDP_SPECIALIZATION_DTOR_WITH_EXPORT(MsalQt::AuthenticationResultData, MSALQT_AUTH_EXPORT)
QT_END_NAMESPACE

namespace MsalQt {

/// The outcome of a successful token request.
class MSALQT_AUTH_EXPORT AuthenticationResult
{
    Q_GADGET
    /// accessToken(), as a read-only property (QML: `.accessToken`).
    Q_PROPERTY(QString accessToken READ accessToken)
    /// tokenType(), as a read-only property (QML: `.tokenType`).
    Q_PROPERTY(QString tokenType READ tokenType)
    /// expiresOn(), as a read-only property (QML: `.expiresOn`).
    Q_PROPERTY(QDateTime expiresOn READ expiresOn)
    /// extendedExpiresOn(), as a read-only property (QML: `.extendedExpiresOn`).
    Q_PROPERTY(QDateTime extendedExpiresOn READ extendedExpiresOn)
    /// refreshOn(), as a read-only property (QML: `.refreshOn`).
    Q_PROPERTY(QDateTime refreshOn READ refreshOn)
    /// scopes(), as a read-only property (QML: `.scopes`).
    Q_PROPERTY(QStringList scopes READ scopes)
    /// idToken(), as a read-only property (QML: `.idToken`).
    Q_PROPERTY(QString idToken READ idToken)
    /// idTokenClaims(), as a read-only property (QML: `.idTokenClaims`).
    Q_PROPERTY(QJsonObject idTokenClaims READ idTokenClaims)
    /// account(), as a read-only property (QML: `.account`).
    Q_PROPERTY(MsalQt::Account account READ account)
    /// tenantId(), as a read-only property (QML: `.tenantId`).
    Q_PROPERTY(QString tenantId READ tenantId)
    /// correlationId(), as a read-only property (QML: `.correlationId`).
    Q_PROPERTY(QString correlationId READ correlationId)
    /// isFromCache(), as a read-only property (QML: `.isFromCache`).
    Q_PROPERTY(bool isFromCache READ isFromCache)
    /// isNull(), as a read-only property (QML: `.isNull`).
    Q_PROPERTY(bool isNull READ isNull)
public:
    /// Constructs a null result.
    AuthenticationResult();
    /// Copies `other`; the two share their data until one of them changes.
    AuthenticationResult(const AuthenticationResult &other);
    /// Assigns `other` to this result.
    AuthenticationResult &operator=(const AuthenticationResult &other);
    /// Moves `other` into a new result.
    AuthenticationResult(AuthenticationResult &&other) noexcept = default;
    /// Move-assigns `other` to this result.
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(AuthenticationResult)
    /// Destroys the result.
    ~AuthenticationResult();

    /// Swaps this result with `other`; never fails.
    void swap(AuthenticationResult &other) noexcept { d.swap(other.d); }

    bool isNull() const; ///< no access token

    /// The access token, to present to the resource (see authorizationHeader()).
    QString accessToken() const;
    /// Sets the access token.
    void setAccessToken(const QString &token);
    QString tokenType() const; ///< "Bearer"
    /// Sets the token type.
    void setTokenType(const QString &type);
    /// When the access token expires.
    QDateTime expiresOn() const;
    /// Sets when the access token expires.
    void setExpiresOn(const QDateTime &when);
    /// Until when the access token may still be used while the platform cannot issue a new one
    /// (the server's ext_expires_in); never before expiresOn() for a token from the cache; null if
    /// none was given.
    QDateTime extendedExpiresOn() const;
    /// Sets the extended expiry.
    void setExtendedExpiresOn(const QDateTime &when);
    QDateTime refreshOn() const; ///< the server's hint (refresh_in) for a proactive refresh; null if none
    /// Sets when to refresh proactively.
    void setRefreshOn(const QDateTime &when);
    QStringList scopes() const;  ///< as granted, which may differ from what was asked
    /// Sets the granted scopes.
    void setScopes(const QStringList &scopes);

    QString idToken() const;     ///< raw compact JWT, already validated; empty for app-only tokens
    /// Sets the raw ID token.
    void setIdToken(const QString &token);
    /// The claims of the ID token; empty when there is none. Those of a token from the cache are
    /// decoded from idToken() at each call.
    QJsonObject idTokenClaims() const;
    /// Sets the claims of the ID token.
    void setIdTokenClaims(const QJsonObject &claims);

    Account account() const;     ///< null for app-only tokens
    /// Sets the account.
    void setAccount(const Account &account);
    /// The tenant of the tokens: the ID token's "tid", else the authority's tenant; empty when
    /// neither names one.
    /// The tenant that issued the tokens.
    QString tenantId() const;
    /// Sets the tenant of the tokens.
    /// Sets the tenant that issued the tokens.
    void setTenantId(const QString &tenantId);

    /// The correlation id of the request that got the tokens (sent as client-request-id); empty
    /// for ConfidentialClientApplication::cachedTokenForClient(), which makes no request.
    /// The correlation id of the request that got the tokens (client-request-id); empty for
    /// a result answered from the cache without a request.
    QString correlationId() const;
    /// Sets the correlation id.
    void setCorrelationId(const QString &id);
    /// Whether the access token came from the token cache rather than from the network.
    bool isFromCache() const;
    /// Sets whether the access token came from the cache.
    void setFromCache(bool fromCache);

    /// Authorization header value: "Bearer <token>".
    QByteArray authorizationHeader() const;

private:
    QSharedDataPointer<AuthenticationResultData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(AuthenticationResult)
Q_DECLARE_METATYPE(MsalQt::AuthenticationResult)
