#include "b2cendpoints.h"

#include "authorizeendpoint.h"
#include "discoveryendpoints.h"
#include "httprequest.h"
#include "services.h"
#include "tokenendpoint.h"

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

// B2C's error body: no error_codes, the code leads the description.
HttpResponse b2cError(int status, const QString &error, const QString &description)
{
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("error"), error},
                                                  {QStringLiteral("error_description"), description}});
}

} // namespace

std::optional<B2CEndpoints::Path> B2CEndpoints::match(const QStringList &segments) const
{
    QStringList s = segments;
    if (!s.isEmpty() && s.first().compare(QLatin1String("tfp"), Qt::CaseInsensitive) == 0)
        s.removeFirst();
    if (s.size() < 3)
        return std::nullopt;
    auto tenant = m_services.tenants.resolve(s.at(0));
    const QString policy = s.at(1).toLower();
    if (!tenant || tenant->isAlias() || !tenant->tenant || !tenant->tenant->b2cPolicies.contains(policy))
        return std::nullopt;
    tenant->policy = policy;
    return Path{*tenant, s.mid(2).join(QLatin1Char('/')).toLower()};
}

HttpResponse B2CEndpoints::route(const HttpRequest &request, const Path &path, DiscoveryEndpoints &discovery,
                                 AuthorizeEndpoint &authorize, TokenEndpoint &token) const
{
    if (path.rest == QLatin1String("v2.0/.well-known/openid-configuration"))
        return openIdConfiguration(path.tenant);
    if (path.rest == QLatin1String("discovery/v2.0/keys"))
        return discovery.keys(request);
    if (path.rest == QLatin1String("oauth2/v2.0/authorize"))
        return authorize.handle(request, path.tenant);
    if (path.rest == QLatin1String("oauth2/v2.0/token")) {
        if (auto refused = refuseGrant(request, path.tenant))
            return *refused;
        return token.handle(request, path.tenant);
    }
    // No device authorization endpoint (nor any other of the platform's) under a user flow.
    return m_services.errors.notFound(request);
}

HttpResponse B2CEndpoints::openIdConfiguration(const TenantRef &tenant) const
{
    const QString base = m_services.baseUrl.toString();
    const QString root = base + QLatin1Char('/') + tenant.endpointSegment();
    // The shape of a B2C user flow's document: the issuer ends in a slash, and there is no
    // device_authorization_endpoint.
    const QJsonObject doc{
        {QStringLiteral("issuer"), m_services.issuerFor(tenant.tenant->id) + QLatin1Char('/')},
        {QStringLiteral("authorization_endpoint"), root + QStringLiteral("/oauth2/v2.0/authorize")},
        {QStringLiteral("token_endpoint"), root + QStringLiteral("/oauth2/v2.0/token")},
        {QStringLiteral("end_session_endpoint"), root + QStringLiteral("/oauth2/v2.0/logout")},
        {QStringLiteral("jwks_uri"), root + QStringLiteral("/discovery/v2.0/keys")},
        {QStringLiteral("response_modes_supported"), strings({"query", "fragment", "form_post"})},
        {QStringLiteral("response_types_supported"),
         strings({"code", "code id_token", "code token", "code id_token token", "id_token", "id_token token",
                  "token", "token id_token"})},
        {QStringLiteral("scopes_supported"), strings({"openid"})},
        {QStringLiteral("subject_types_supported"), strings({"pairwise"})},
        {QStringLiteral("id_token_signing_alg_values_supported"), strings({"RS256"})},
        {QStringLiteral("token_endpoint_auth_methods_supported"), strings({"client_secret_post", "client_secret_basic"})},
        {QStringLiteral("claims_supported"),
         strings({"name", "emails", "oid", "sub", "tfp", "iss", "iat", "exp", "aud", "acr", "nonce", "auth_time"})},
    };
    return HttpResponse::json(200, doc);
}

std::optional<HttpResponse> B2CEndpoints::refuseGrant(const HttpRequest &request, const TenantRef &tenant) const
{
    const QString grant = request.formValue(QStringLiteral("grant_type"));
    const bool ropcFlow = tenant.policy.contains(QLatin1String("ropc"));
    if (grant == QLatin1String("authorization_code") || grant == QLatin1String("refresh_token")
        || grant == QLatin1String("client_credentials") || (grant == QLatin1String("password") && ropcFlow))
        return std::nullopt;
    return b2cError(400, QStringLiteral("unsupported_grant_type"),
                    QStringLiteral("AADB2C90086: The supplied grant_type [%1] is not supported.").arg(grant));
}

} // namespace MsalQt::Emulator
