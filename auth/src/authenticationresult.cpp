#include <MsalQt/authenticationresult.h>

#include "jwt_p.h"

namespace MsalQt {

class AuthenticationResultData : public QSharedData
{
public:
    QString accessToken;
    QString tokenType;
    QDateTime expiresOn;
    QDateTime extendedExpiresOn;
    QDateTime refreshOn;
    QStringList scopes;
    QString idToken;
    QJsonObject idTokenClaims;
    Account account;
    QString tenantId;
    QString correlationId;
    bool fromCache = false;
};

// An empty result is made, and replaced, for every request: one shared, never-changed instance
// (a setter detaches from it), rather than an allocation each.
static const QSharedDataPointer<AuthenticationResultData> &emptyResult()
{
    static const QSharedDataPointer<AuthenticationResultData> empty(new AuthenticationResultData);
    return empty;
}

AuthenticationResult::AuthenticationResult() : d(emptyResult()) {}
AuthenticationResult::AuthenticationResult(const AuthenticationResult &other) = default;
AuthenticationResult &AuthenticationResult::operator=(const AuthenticationResult &other) = default;
AuthenticationResult::~AuthenticationResult() = default;

bool AuthenticationResult::isNull() const { return d->accessToken.isEmpty(); }
QString AuthenticationResult::accessToken() const { return d->accessToken; }
void AuthenticationResult::setAccessToken(const QString &token) { d->accessToken = token; }
QString AuthenticationResult::tokenType() const { return d->tokenType; }
void AuthenticationResult::setTokenType(const QString &type) { d->tokenType = type; }
QDateTime AuthenticationResult::expiresOn() const { return d->expiresOn; }
void AuthenticationResult::setExpiresOn(const QDateTime &when) { d->expiresOn = when; }
QDateTime AuthenticationResult::extendedExpiresOn() const { return d->extendedExpiresOn; }
void AuthenticationResult::setExtendedExpiresOn(const QDateTime &when) { d->extendedExpiresOn = when; }
QDateTime AuthenticationResult::refreshOn() const { return d->refreshOn; }
void AuthenticationResult::setRefreshOn(const QDateTime &when) { d->refreshOn = when; }
QStringList AuthenticationResult::scopes() const { return d->scopes; }
void AuthenticationResult::setScopes(const QStringList &scopes) { d->scopes = scopes; }
QString AuthenticationResult::idToken() const { return d->idToken; }
void AuthenticationResult::setIdToken(const QString &token) { d->idToken = token; }
QJsonObject AuthenticationResult::idTokenClaims() const
{
    if (!d->idTokenClaims.isEmpty() || d->idToken.isEmpty())
        return d->idTokenClaims;
    // A result served from the cache carries its ID token only, validated when it was received:
    // decoding it is enough, and it is done when somebody asks, not at every cache hit.
    const auto jwt = Internal::Jwt::decode(d->idToken.toUtf8(), nullptr);
    return jwt ? jwt->claims : QJsonObject();
}
void AuthenticationResult::setIdTokenClaims(const QJsonObject &claims) { d->idTokenClaims = claims; }
Account AuthenticationResult::account() const { return d->account; }
void AuthenticationResult::setAccount(const Account &account) { d->account = account; }
QString AuthenticationResult::tenantId() const { return d->tenantId; }
void AuthenticationResult::setTenantId(const QString &tenantId) { d->tenantId = tenantId; }
QString AuthenticationResult::correlationId() const { return d->correlationId; }
void AuthenticationResult::setCorrelationId(const QString &id) { d->correlationId = id; }
bool AuthenticationResult::isFromCache() const { return d->fromCache; }
void AuthenticationResult::setFromCache(bool fromCache) { d->fromCache = fromCache; }

QByteArray AuthenticationResult::authorizationHeader() const
{
    const QString type = d->tokenType.isEmpty() ? QStringLiteral("Bearer") : d->tokenType;
    return type.toLatin1() + ' ' + d->accessToken.toLatin1();
}

} // namespace MsalQt

QT_BEGIN_NAMESPACE
QT_DEFINE_QSDP_SPECIALIZATION_DTOR(MsalQt::AuthenticationResultData)
QT_END_NAMESPACE
