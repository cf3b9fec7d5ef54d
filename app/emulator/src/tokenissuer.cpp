#include "tokenissuer.h"

#include "scopeset.h"
#include "services.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace MsalQt::Emulator {

namespace {

constexpr qint64 idTokenLifetime = 3600;

QString base64Url(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// The platform's "uti" is a unique token identifier of 22 base64url characters.
QString randomUti()
{
    QByteArray random(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 4);
    return base64Url(random);
}

} // namespace

QString TokenIssuer::pairwiseSubject(const QString &oid, const QString &clientId)
{
    return base64Url(QCryptographicHash::hash((oid.toLower() + QLatin1Char(':') + clientId.toLower()).toUtf8(),
                                              QCryptographicHash::Sha256));
}

QString TokenIssuer::clientInfo(const QString &oid, const QString &tenantId)
{
    const QJsonObject info{{QStringLiteral("uid"), oid}, {QStringLiteral("utid"), tenantId}};
    return base64Url(QJsonDocument(info).toJson(QJsonDocument::Compact));
}

QJsonObject TokenIssuer::commonClaims(const QString &tenantId, qint64 lifetimeSeconds) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return QJsonObject{
        {QStringLiteral("iss"), m_services.issuerFor(tenantId)},
        {QStringLiteral("iat"), now},
        {QStringLiteral("nbf"), now},
        {QStringLiteral("exp"), now + lifetimeSeconds},
        {QStringLiteral("tid"), tenantId},
        {QStringLiteral("uti"), randomUti()},
        {QStringLiteral("ver"), QStringLiteral("2.0")},
    };
}

void TokenIssuer::addLifetimes(QJsonObject *response) const
{
    const int lifetime = m_services.accessTokenLifetime;
    response->insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
    response->insert(QStringLiteral("expires_in"), lifetime);
    response->insert(QStringLiteral("ext_expires_in"), lifetime);
    // The platform suggests a proactive refresh halfway through long-lived tokens.
    if (lifetime > 7200)
        response->insert(QStringLiteral("refresh_in"), lifetime / 2);
}

QJsonObject TokenIssuer::issueDelegated(const App &client, const User &user, const ScopeSet &scopes,
                                        const DelegatedOptions &options)
{
    const Config &config = m_services.config;
    const Resource *resource = config.resource(scopes.resourceAppId());
    Q_ASSERT(resource);
    const GuestMembership *guest = options.tenantId.isEmpty() ? nullptr : user.guestIn(options.tenantId);
    const QString tid = guest ? guest->tenantId : user.tenantId;
    const QString oid = guest ? guest->oid : user.oid; // the object in the tenant the token is for
    const QString subject = pairwiseSubject(oid, client.clientId);

    QJsonArray amr{QStringLiteral("pwd")};
    if (options.mfaPerformed)
        amr.append(QStringLiteral("mfa"));
    QJsonObject access = commonClaims(tid, m_services.accessTokenLifetime);
    access.insert(QStringLiteral("aud"), resource->audience);
    access.insert(QStringLiteral("amr"), amr);
    access.insert(QStringLiteral("azp"), client.clientId);
    access.insert(QStringLiteral("appid"), client.clientId);
    access.insert(QStringLiteral("azpacr"), client.isPublic ? QStringLiteral("0") : QStringLiteral("1"));
    access.insert(QStringLiteral("idtyp"), QStringLiteral("user"));
    access.insert(QStringLiteral("name"), user.displayName);
    access.insert(QStringLiteral("oid"), oid);
    access.insert(QStringLiteral("preferred_username"), user.username);
    access.insert(QStringLiteral("scp"), scopes.scpClaim(config));
    access.insert(QStringLiteral("sub"), subject);
    // Only the access token: resources (Graph) check authentication contexts, clients do not.
    if (!options.authContexts.isEmpty())
        access.insert(QStringLiteral("acrs"), QJsonArray::fromStringList(options.authContexts));
    if (!options.clientCapabilities.isEmpty())
        access.insert(QStringLiteral("xms_cc"), QJsonArray::fromStringList(options.clientCapabilities));
    // After a session revocation in this same second, the new token must read as newer.
    const auto revokedAt = m_services.sessionRevokedAt.constFind(user.oid);
    if (revokedAt != m_services.sessionRevokedAt.constEnd()
        && access.value(QLatin1String("iat")).toInteger() <= *revokedAt)
        access.insert(QStringLiteral("iat"), *revokedAt + 1);

    QJsonObject response;
    addLifetimes(&response);
    response.insert(QStringLiteral("scope"), scopes.granted(config));
    response.insert(QStringLiteral("access_token"), QString::fromLatin1(m_services.keys.sign(access)));

    if (options.refreshToken) {
        response.insert(QStringLiteral("refresh_token"),
                        m_services.refreshTokens.issue(user.oid, client.clientId, tid, scopes.requested()));
    }
    if (scopes.openid()) {
        QJsonObject id = commonClaims(tid, idTokenLifetime);
        id.insert(QStringLiteral("aud"), client.clientId);
        id.insert(QStringLiteral("name"), user.displayName);
        id.insert(QStringLiteral("oid"), oid);
        id.insert(QStringLiteral("preferred_username"), user.username);
        id.insert(QStringLiteral("sub"), subject);
        if (scopes.email())
            id.insert(QStringLiteral("email"), user.username);
        if (!options.nonce.isEmpty())
            id.insert(QStringLiteral("nonce"), options.nonce);
        if (options.authTime > 0)
            id.insert(QStringLiteral("auth_time"), options.authTime);
        response.insert(QStringLiteral("id_token"), QString::fromLatin1(m_services.keys.sign(id)));
    }
    if (!options.b2cPolicy.isEmpty())
        applyB2CShape(&response, user, options.b2cPolicy);
    if (options.clientInfo) {
        // B2C files accounts per user flow: uid is "{oid}-{policy}". utid is the home tenant,
        // also in a tenant the user is a guest of.
        const QString uid = options.b2cPolicy.isEmpty() ? user.oid : user.oid + QLatin1Char('-') + options.b2cPolicy;
        response.insert(QStringLiteral("client_info"), clientInfo(uid, user.tenantId));
    }
    return response;
}

QJsonObject TokenIssuer::issueAppOnly(const App &client, const Resource &resource, const QString &tenantId,
                                      const QString &requestedScope)
{
    QJsonObject access = commonClaims(tenantId, m_services.accessTokenLifetime);
    access.insert(QStringLiteral("aud"), resource.audience);
    access.insert(QStringLiteral("azp"), client.clientId);
    access.insert(QStringLiteral("appid"), client.clientId);
    access.insert(QStringLiteral("azpacr"), QStringLiteral("1"));
    access.insert(QStringLiteral("idp"), m_services.issuerFor(tenantId));
    access.insert(QStringLiteral("idtyp"), QStringLiteral("app"));
    access.insert(QStringLiteral("oid"), client.servicePrincipalId);
    access.insert(QStringLiteral("sub"), client.servicePrincipalId);
    if (!resource.appRoles.isEmpty())
        access.insert(QStringLiteral("roles"), QJsonArray::fromStringList(resource.appRoles));

    QJsonObject response;
    addLifetimes(&response);
    // The platform omits "scope" here; echoing the request is harmless and helps clients
    // that always read it.
    response.insert(QStringLiteral("scope"), requestedScope.trimmed());
    response.insert(QStringLiteral("access_token"), QString::fromLatin1(m_services.keys.sign(access)));
    return response;
}

} // namespace MsalQt::Emulator
