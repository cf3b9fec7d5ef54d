#include "discoveryendpoints.h"

#include "httprequest.h"
#include "services.h"

#include <QJsonArray>

namespace MsalQt::Emulator {

namespace {

QJsonArray strings(std::initializer_list<const char *> list)
{
    QJsonArray a;
    for (const char *s : list)
        a.append(QLatin1String(s));
    return a;
}

QString hostPort(const QUrl &base)
{
    return base.host() + QLatin1Char(':') + QString::number(base.port());
}

} // namespace

HttpResponse DiscoveryEndpoints::openIdConfiguration(const HttpRequest &, const TenantRef &tenant) const
{
    const QString base = m_services.baseUrl.toString();
    const QString root = base + QLatin1Char('/') + tenant.endpointSegment();
    const QJsonObject doc{
        {QStringLiteral("token_endpoint"), root + QStringLiteral("/oauth2/v2.0/token")},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
         strings({"client_secret_post", "private_key_jwt", "client_secret_basic"})},
        {QStringLiteral("jwks_uri"), root + QStringLiteral("/discovery/v2.0/keys")},
        {QStringLiteral("response_modes_supported"), strings({"query", "fragment", "form_post"})},
        {QStringLiteral("subject_types_supported"), strings({"pairwise"})},
        {QStringLiteral("id_token_signing_alg_values_supported"), strings({"RS256"})},
        {QStringLiteral("response_types_supported"), strings({"code", "id_token", "code id_token", "id_token token"})},
        {QStringLiteral("scopes_supported"), strings({"openid", "profile", "email", "offline_access"})},
        {QStringLiteral("issuer"), base + QLatin1Char('/') + tenant.issuerSegment() + QStringLiteral("/v2.0")},
        {QStringLiteral("request_uri_parameter_supported"), false},
        {QStringLiteral("userinfo_endpoint"), base + QStringLiteral("/oidc/userinfo")},
        {QStringLiteral("authorization_endpoint"), root + QStringLiteral("/oauth2/v2.0/authorize")},
        {QStringLiteral("device_authorization_endpoint"), root + QStringLiteral("/oauth2/v2.0/devicecode")},
        {QStringLiteral("http_logout_supported"), true},
        {QStringLiteral("frontchannel_logout_supported"), true},
        {QStringLiteral("end_session_endpoint"), root + QStringLiteral("/oauth2/v2.0/logout")},
        {QStringLiteral("claims_supported"),
         strings({"sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name",
                  "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name",
                  "tid", "ver", "at_hash", "c_hash", "email"})},
        {QStringLiteral("kerberos_endpoint"), root + QStringLiteral("/kerberos")},
        // Like the platform: a region for a real tenant, null for the multi-tenant aliases.
        {QStringLiteral("tenant_region_scope"), tenant.isAlias() ? QJsonValue() : QJsonValue(QStringLiteral("NA"))},
        {QStringLiteral("cloud_instance_name"), QStringLiteral("microsoftonline.com")},
        {QStringLiteral("cloud_graph_host_name"), QStringLiteral("graph.windows.net")},
        {QStringLiteral("msgraph_host"), hostPort(m_services.baseUrl)},
        {QStringLiteral("rbac_url"), QStringLiteral("https://pas.windows.net")},
    };
    return HttpResponse::json(200, doc);
}

HttpResponse DiscoveryEndpoints::keys(const HttpRequest &) const
{
    return HttpResponse::json(200, m_services.keys.jwks());
}

HttpResponse DiscoveryEndpoints::instance(const HttpRequest &request) const
{
    const auto invalidInstance = [&] {
        return m_services.errors.platform(request, 400, QStringLiteral("invalid_instance"), 50049,
                                          QStringLiteral("Unknown or invalid instance."));
    };
    const QString endpoint = request.queryValue(QStringLiteral("authorization_endpoint"));
    if (endpoint.isEmpty())
        return invalidInstance();
    const QUrl url(endpoint, QUrl::StrictMode);
    const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QUrl &base = m_services.baseUrl;
    const bool knownHost = url.host() == base.host() || url.host() == QLatin1String("localhost");
    // Only authorities on this emulator are "known instances"; the path must be
    // /{tenant}/oauth2[/v2.0]/authorize.
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || !knownHost || url.port() != base.port() || segments.size() < 3
        || segments.at(1) != QLatin1String("oauth2") || segments.last() != QLatin1String("authorize"))
        return invalidInstance();

    const QString hp = hostPort(base);
    const QString localhost = QStringLiteral("localhost:") + QString::number(base.port());
    const QString preferredCache = m_services.preferredCache.isEmpty() ? hp : m_services.preferredCache;
    QJsonArray aliases{hp, localhost};
    if (preferredCache != hp && preferredCache != localhost)
        aliases.append(preferredCache);
    const QJsonObject metadata{
        {QStringLiteral("preferred_network"), hp},
        {QStringLiteral("preferred_cache"), preferredCache},
        {QStringLiteral("aliases"), aliases},
    };
    QString version = request.queryValue(QStringLiteral("api-version"));
    if (version.isEmpty())
        version = QStringLiteral("1.1");
    return HttpResponse::json(200, QJsonObject{
        {QStringLiteral("tenant_discovery_endpoint"),
         base.toString() + QLatin1Char('/') + segments.first() + QStringLiteral("/v2.0/.well-known/openid-configuration")},
        {QStringLiteral("api-version"), version},
        {QStringLiteral("metadata"), QJsonArray{metadata}},
    });
}

} // namespace MsalQt::Emulator
