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

// The outcome of a successful token request.
class MSALQT_AUTH_EXPORT AuthenticationResult
{
public:
    AuthenticationResult();
    AuthenticationResult(const AuthenticationResult &other);
    AuthenticationResult &operator=(const AuthenticationResult &other);
    AuthenticationResult(AuthenticationResult &&other) noexcept = default;
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(AuthenticationResult)
    ~AuthenticationResult();

    void swap(AuthenticationResult &other) noexcept { d.swap(other.d); }

    bool isNull() const; // no access token

    QString accessToken() const;
    void setAccessToken(const QString &token);
    QString tokenType() const; // "Bearer"
    void setTokenType(const QString &type);
    QDateTime expiresOn() const;
    void setExpiresOn(const QDateTime &when);
    QDateTime extendedExpiresOn() const;
    void setExtendedExpiresOn(const QDateTime &when);
    QDateTime refreshOn() const; // the server's hint (refresh_in) for a proactive refresh; null if none
    void setRefreshOn(const QDateTime &when);
    QStringList scopes() const;  // as granted, which may differ from what was asked
    void setScopes(const QStringList &scopes);

    QString idToken() const;     // raw compact JWT, already validated; empty for app-only tokens
    void setIdToken(const QString &token);
    QJsonObject idTokenClaims() const;
    void setIdTokenClaims(const QJsonObject &claims);

    Account account() const;     // null for app-only tokens
    void setAccount(const Account &account);
    QString tenantId() const;
    void setTenantId(const QString &tenantId);

    QString correlationId() const;
    void setCorrelationId(const QString &id);
    bool isFromCache() const;
    void setFromCache(bool fromCache);

    // Authorization header value: "Bearer <token>".
    QByteArray authorizationHeader() const;

private:
    QSharedDataPointer<AuthenticationResultData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(AuthenticationResult)
Q_DECLARE_METATYPE(MsalQt::AuthenticationResult)
