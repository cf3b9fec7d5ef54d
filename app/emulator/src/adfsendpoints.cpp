#include "adfsendpoints.h"

#include "authorizeendpoint.h"
#include "devicecodeendpoint.h"
#include "discoveryendpoints.h"
#include "httprequest.h"
#include "scopeset.h"
#include "services.h"
#include "tokenendpoint.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace MsalQt::Emulator {

namespace {

// The grants AD FS 2019 serves at /adfs/oauth2/token; the platform's others (SAML bearer,
// on-behalf-of) are not offered here.
const QStringList &farmGrants()
{
    static const QStringList grants = {
        QStringLiteral("authorization_code"), QStringLiteral("refresh_token"),
        QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"), QStringLiteral("client_credentials"),
        QStringLiteral("password"),
    };
    return grants;
}

std::optional<QJsonObject> payloadOf(const QString &jwt)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    const QByteArray json = QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

// A Windows security identifier, stable per user, as AD FS's "sid" claim carries one.
QString windowsSid(const QString &oid)
{
    const QByteArray hash = QCryptographicHash::hash(oid.toLower().toUtf8(), QCryptographicHash::Sha256);
    const auto part = [&hash](int i) {
        return QString::number(quint32(quint8(hash[i])) << 24 | quint32(quint8(hash[i + 1])) << 16
                               | quint32(quint8(hash[i + 2])) << 8 | quint32(quint8(hash[i + 3])));
    };
    return QStringLiteral("S-1-5-21-%1-%2-%3-1105").arg(part(0), part(4), part(8));
}

} // namespace

AdfsEndpoints::AdfsEndpoints(Services &services, TokenEndpoint &token, AuthorizeEndpoint &authorize,
                             DeviceCodeEndpoint &deviceCode)
    : m_services(services), m_token(token), m_authorize(authorize), m_deviceCode(deviceCode)
{
}

bool AdfsEndpoints::handles(const QStringList &segments)
{
    return segments.size() >= 2 && segments.first().compare(QLatin1String("adfs"), Qt::CaseInsensitive) == 0;
}

std::optional<TenantRef> AdfsEndpoints::farmTenant() const
{
    for (const Tenant &tenant : m_services.config.tenants()) {
        if (tenant.federated)
            return m_services.tenants.resolve(tenant.id);
    }
    return std::nullopt;
}

QString AdfsEndpoints::issuer() const
{
    return m_services.baseUrl.toString() + QStringLiteral("/adfs");
}

HttpResponse AdfsEndpoints::route(const HttpRequest &request)
{
    const QString path = request.segments().mid(1).join(QLatin1Char('/')).toLower();
    const auto tenant = farmTenant();
    if (!tenant)
        return m_services.errors.notFound(request);
    if (path == QLatin1String(".well-known/openid-configuration"))
        return openIdConfiguration();
    if (path == QLatin1String("discovery/keys"))
        return DiscoveryEndpoints(m_services).keys(request);
    if (path == QLatin1String("oauth2/authorize"))
        return farmIssuerInRedirect(m_authorize.handle(request, *tenant), *tenant);
    if (path == QLatin1String("oauth2/devicecode"))
        return reshape(m_deviceCode.handle(request, *tenant));
    if (path == QLatin1String("oauth2/token"))
        return token(request, *tenant);
    return m_services.errors.notFound(request);
}

HttpResponse AdfsEndpoints::farmIssuerInRedirect(HttpResponse response, const TenantRef &tenant) const
{
    // RFC 9207's "iss" (Server::setAuthorizationResponseIssuer): the farm's, not the tenant's.
    const QString platform = m_services.issuerFor(tenant.tenant->id);
    const QByteArray location = response.header("Location");
    if (!location.isEmpty()) {
        response.setHeader("Location", QByteArray(location).replace(QUrl::toPercentEncoding(platform),
                                                                    QUrl::toPercentEncoding(issuer())));
    }
    response.setBody(QByteArray(response.body()).replace(platform.toUtf8(), issuer().toUtf8()));
    return response;
}

HttpResponse AdfsEndpoints::openIdConfiguration() const
{
    const QString root = issuer();
    const auto strings = [](std::initializer_list<const char *> list) {
        QJsonArray array;
        for (const char *s : list)
            array.append(QLatin1String(s));
        return array;
    };
    // The shape of AD FS 2019's /adfs/.well-known/openid-configuration.
    return HttpResponse::json(200, QJsonObject{
        {QStringLiteral("issuer"), root},
        {QStringLiteral("authorization_endpoint"), root + QStringLiteral("/oauth2/authorize")},
        {QStringLiteral("token_endpoint"), root + QStringLiteral("/oauth2/token")},
        {QStringLiteral("jwks_uri"), root + QStringLiteral("/discovery/keys")},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
         strings({"client_secret_post", "client_secret_basic", "private_key_jwt", "windows_client_authentication"})},
        {QStringLiteral("response_types_supported"),
         strings({"code", "id_token", "code id_token", "id_token token", "code token", "code id_token token"})},
        {QStringLiteral("response_modes_supported"), strings({"query", "fragment", "form_post"})},
        {QStringLiteral("grant_types_supported"),
         strings({"authorization_code", "refresh_token", "client_credentials",
                  "urn:ietf:params:oauth:grant-type:jwt-bearer", "implicit", "password", "srv_challenge",
                  "urn:ietf:params:oauth:grant-type:device_code", "device_code"})},
        {QStringLiteral("subject_types_supported"), strings({"pairwise"})},
        {QStringLiteral("scopes_supported"),
         strings({"user_impersonation", "vpn_cert", "email", "openid", "profile", "allatclaims", "logon_cert",
                  "aza", "winhello_cert"})},
        {QStringLiteral("id_token_signing_alg_values_supported"), strings({"RS256"})},
        {QStringLiteral("token_endpoint_auth_signing_alg_values_supported"), strings({"RS256"})},
        {QStringLiteral("access_token_issuer"), m_services.baseUrl.toString() + QStringLiteral("/adfs/services/trust")},
        {QStringLiteral("claims_supported"),
         strings({"aud", "iss", "iat", "exp", "auth_time", "nonce", "at_hash", "c_hash", "sub", "upn",
                  "unique_name", "pwd_url", "pwd_exp", "mfa_auth_time", "sid", "nbf"})},
        {QStringLiteral("microsoft_multi_refresh_token"), true},
        {QStringLiteral("userinfo_endpoint"), root + QStringLiteral("/userinfo")},
        {QStringLiteral("capabilities"), QJsonArray()},
        {QStringLiteral("end_session_endpoint"), root + QStringLiteral("/oauth2/logout")},
        {QStringLiteral("as_access_token_token_binding_supported"), true},
        {QStringLiteral("as_refresh_token_token_binding_supported"), true},
        {QStringLiteral("resource_access_token_token_binding_supported"), true},
        {QStringLiteral("op_id_token_token_binding_supported"), true},
        {QStringLiteral("rp_id_token_token_binding_supported"), true},
        {QStringLiteral("frontchannel_logout_supported"), true},
        {QStringLiteral("frontchannel_logout_session_supported"), true},
        {QStringLiteral("device_authorization_endpoint"), root + QStringLiteral("/oauth2/devicecode")},
    });
}

HttpResponse AdfsEndpoints::error(int status, const QString &error, const QString &description) const
{
    // AD FS answers {"error", "error_description": "MSISnnnn: ..."}: no AADSTS codes, no trace ids.
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("error"), error},
                                                  {QStringLiteral("error_description"), description}});
}

HttpResponse AdfsEndpoints::token(const HttpRequest &request, const TenantRef &tenant)
{
    if (request.method() != "POST")
        return error(405, QStringLiteral("invalid_request"), QStringLiteral("MSIS9001: The token endpoint takes POST only."));
    const QString grantType = request.formValue(QStringLiteral("grant_type"));
    if (!farmGrants().contains(grantType)) {
        return error(400, QStringLiteral("unsupported_grant_type"),
                     QStringLiteral("MSIS9611: The authorization server does not support the requested 'grant_type'."));
    }
    // AD FS never sends client_info: a client asking for it is simply not answered with one.
    if (grantType == QLatin1String("password"))
        return passwordGrant(request, tenant);
    return reshape(m_token.handle(request, tenant));
}

HttpResponse AdfsEndpoints::passwordGrant(const HttpRequest &request, const TenantRef &tenant)
{
    // The platform refuses a federated user's password; AD FS is where it belongs.
    const App *app = m_services.config.app(request.formValue(QStringLiteral("client_id")));
    if (!app || !app->isPublic || !app->allowsGrant(QStringLiteral("password"))) {
        return error(400, QStringLiteral("unauthorized_client"),
                     QStringLiteral("MSIS9605: The client is not allowed to access the requested resource."));
    }
    const User *user = m_services.config.userByName(request.formValue(QStringLiteral("username")));
    if (!user || user->tenantId != tenant.tenant->id
        || user->password != request.formValue(QStringLiteral("password"))) {
        return error(400, QStringLiteral("invalid_grant"), QStringLiteral("MSIS9659: Invalid 'username' or 'password'."));
    }
    PlatformError scopeError;
    const auto scopes = ScopeSet::parse(request.formValue(QStringLiteral("scope")), m_services.config, &scopeError);
    if (!scopes)
        return error(400, QStringLiteral("invalid_scope"), QStringLiteral("MSIS9330: ") + scopeError.description);
    TokenIssuer::DelegatedOptions options;
    options.refreshToken = scopes->offlineAccess();
    return reshape(HttpResponse::json(200, m_services.issuer.issueDelegated(*app, *user, *scopes, options)));
}

QJsonObject AdfsEndpoints::adfsClaims(const QJsonObject &platform) const
{
    QJsonObject claims = platform;
    // "uti" stays: it keeps two tokens minted in the same second apart, as AD FS's own do.
    for (const char *name : {"tid", "oid", "preferred_username", "name", "idp", "azpacr", "idtyp", "azp"})
        claims.remove(QLatin1String(name));
    claims.insert(QStringLiteral("iss"), issuer());
    claims.insert(QStringLiteral("ver"), QStringLiteral("1.0"));
    const User *user = m_services.config.userByOid(platform.value(QLatin1String("oid")).toString());
    if (user && !platform.contains(QLatin1String("roles"))) {
        const QString domain = user->username.section(QLatin1Char('@'), 1).section(QLatin1Char('.'), 0, 0).toUpper();
        claims.insert(QStringLiteral("upn"), user->username);
        claims.insert(QStringLiteral("unique_name"), domain + QLatin1Char('\\') + user->username.section(QLatin1Char('@'), 0, 0));
        claims.insert(QStringLiteral("sid"), windowsSid(user->oid));
        claims.insert(QStringLiteral("auth_time"), platform.value(QLatin1String("iat")));
        claims.insert(QStringLiteral("authmethod"),
                      QStringLiteral("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"));
    }
    return claims;
}

HttpResponse AdfsEndpoints::reshape(const HttpResponse &platform) const
{
    const QJsonDocument document = QJsonDocument::fromJson(platform.body());
    if (!document.isObject())
        return platform;
    QJsonObject body = document.object();
    if (platform.status() != 200) {
        // AD FS's error shape: the platform's fields without its codes and ids.
        QJsonObject adfs;
        for (const char *name : {"error", "error_description"}) {
            if (body.contains(QLatin1String(name)))
                adfs.insert(QLatin1String(name), body.value(QLatin1String(name)));
        }
        return HttpResponse::json(platform.status(), adfs);
    }
    for (const char *name : {"client_info", "ext_expires_in", "refresh_in"})
        body.remove(QLatin1String(name));
    for (const char *name : {"id_token", "access_token"}) {
        if (!body.contains(QLatin1String(name)))
            continue;
        const auto claims = payloadOf(body.value(QLatin1String(name)).toString());
        if (claims)
            body.insert(QLatin1String(name), QString::fromLatin1(m_services.keys.sign(adfsClaims(*claims))));
    }
    if (body.contains(QLatin1String("scope"))) {
        // AD FS names a resource's scopes with the resource ("https://graph.microsoft.com/User.Read"),
        // where the platform shortens Graph's to "User.Read".
        QStringList scopes = body.value(QLatin1String("scope")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (QString &scope : scopes) {
            static const QStringList oidc = {QStringLiteral("openid"), QStringLiteral("profile"),
                                             QStringLiteral("email"), QStringLiteral("offline_access")};
            if (!oidc.contains(scope) && !scope.contains(QLatin1Char('/')) && m_services.config.graph())
                scope = m_services.config.graph()->uri + QLatin1Char('/') + scope;
        }
        body.insert(QStringLiteral("scope"), scopes.join(QLatin1Char(' ')));
    }
    if (body.contains(QLatin1String("token_type")))
        body.insert(QStringLiteral("token_type"), QStringLiteral("bearer")); // AD FS writes it in lower case
    return HttpResponse::json(200, body);
}

} // namespace MsalQt::Emulator
