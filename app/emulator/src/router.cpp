#include "router.h"

#include "adfsendpoints.h"
#include "authorizeendpoint.h"
#include "b2cendpoints.h"
#include "devicecodeendpoint.h"
#include "deviceloginpage.h"
#include "discoveryendpoints.h"
#include "federationserver.h"
#include "graphendpoint.h"
#include "htmlpages.h"
#include "httprequest.h"
#include "services.h"
#include "tokenendpoint.h"

namespace MsalQt::Emulator {

namespace {

enum class Route { None, OpenIdConfiguration, Keys, DeviceCode, Token, DeviceLogin, Logout, Authorize };

// The platform treats paths case-insensitively.
Route tenantRoute(const QStringList &rest)
{
    const QString path = rest.join(QLatin1Char('/')).toLower();
    if (path == QLatin1String("v2.0/.well-known/openid-configuration"))
        return Route::OpenIdConfiguration;
    if (path == QLatin1String("discovery/v2.0/keys"))
        return Route::Keys;
    if (path == QLatin1String("oauth2/v2.0/devicecode"))
        return Route::DeviceCode;
    if (path == QLatin1String("oauth2/v2.0/token"))
        return Route::Token;
    if (path == QLatin1String("oauth2/deviceauth"))
        return Route::DeviceLogin;
    if (path == QLatin1String("oauth2/v2.0/logout"))
        return Route::Logout;
    if (path == QLatin1String("oauth2/v2.0/authorize"))
        return Route::Authorize;
    return Route::None;
}

bool isPath(const QStringList &segments, std::initializer_list<const char *> expected)
{
    if (segments.size() != qsizetype(expected.size()))
        return false;
    qsizetype i = 0;
    for (const char *e : expected) {
        if (segments.at(i++).compare(QLatin1String(e), Qt::CaseInsensitive) != 0)
            return false;
    }
    return true;
}

} // namespace

Router::Router(Services &services)
    : m_services(services)
    , m_discovery(std::make_unique<DiscoveryEndpoints>(services))
    , m_deviceCode(std::make_unique<DeviceCodeEndpoint>(services))
    , m_deviceLogin(std::make_unique<DeviceLoginPage>(services))
    , m_token(std::make_unique<TokenEndpoint>(services))
    , m_authorize(std::make_unique<AuthorizeEndpoint>(services))
    , m_graph(std::make_unique<GraphEndpoint>(services))
    , m_adfs(std::make_unique<AdfsEndpoints>(services, *m_token, *m_authorize, *m_deviceCode))
    , m_b2c(std::make_unique<B2CEndpoints>(services))
{
}

Router::~Router() = default;

HttpResponse Router::route(const HttpRequest &request)
{
    const QStringList segments = request.segments();
    if (isPath(segments, {"v1.0", "me"}))
        return m_graph->me(request);
    if (isPath(segments, {"v1.0", "me", "todo", "lists"}))
        return m_graph->todoLists(request);
    if (isPath(segments, {"oidc", "userinfo"}))
        return m_graph->userInfo(request);
    // User realm discovery and the federation server (AD FS paths); stateless, so built per request.
    if (segments.size() == 3 && isPath(segments.mid(0, 2), {"common", "userrealm"}))
        return FederationServer(m_services).userRealm(request, segments.at(2));
    if (isPath(segments, {"adfs", "services", "trust", "mex"}))
        return FederationServer(m_services).mex(request);
    if (isPath(segments, {"adfs", "services", "trust", "13", "usernamemixed"}))
        return FederationServer(m_services).usernameMixed(request);
    if (isPath(segments, {"adfs", "services", "trust", "13", "windowstransport"}))
        return FederationServer(m_services).windowsTransport(request);
    if (AdfsEndpoints::handles(segments))
        return m_adfs->route(request);
    // Instance discovery validates the authority passed as a parameter, not the path's tenant.
    if (segments.size() == 3 && isPath(segments.mid(1), {"discovery", "instance"}))
        return m_discovery->instance(request);
    if (const auto b2c = m_b2c->match(segments))
        return m_b2c->route(request, *b2c, *m_discovery, *m_authorize, *m_token);
    return routeTenantPath(request);
}

bool Router::isAuthorize(const HttpRequest &request)
{
    const QStringList segments = request.segments();
    return segments.size() >= 2 && tenantRoute(segments.mid(1)) == Route::Authorize;
}

HttpResponse Router::routeAuthorizeFault(const HttpRequest &request, const Fault &fault)
{
    const QString segment = request.segments().value(0);
    const auto tenant = m_services.tenants.resolve(segment);
    if (!tenant)
        return m_services.errors.tenantNotFound(request, segment);
    return m_authorize->handle(request, *tenant, &fault);
}

HttpResponse Router::routeTenantPath(const HttpRequest &request)
{
    const QStringList segments = request.segments();
    const Route route = segments.size() >= 2 ? tenantRoute(segments.mid(1)) : Route::None;
    if (route == Route::None)
        return m_services.errors.notFound(request);
    const auto tenant = m_services.tenants.resolve(segments.first());
    if (!tenant)
        return m_services.errors.tenantNotFound(request, segments.first());

    switch (route) {
    case Route::OpenIdConfiguration:
        return m_discovery->openIdConfiguration(request, *tenant);
    case Route::Keys:
        return m_discovery->keys(request);
    case Route::DeviceCode:
        return m_deviceCode->handle(request, *tenant);
    case Route::Token:
        return m_token->handle(request, *tenant);
    case Route::Authorize:
        return m_authorize->handle(request, *tenant);
    case Route::DeviceLogin:
        return m_deviceLogin->handle(request);
    case Route::Logout: {
        // Ends the browser session of /authorize, so the next sign-in really asks again.
        m_services.authorization.sessions.signOut(request.header("cookie"));
        HttpResponse page = HttpResponse::html(200, HtmlPages::notice(QStringLiteral("You signed out of your account"),
                                                                      QStringLiteral("It's a good idea to close all "
                                                                                     "browser windows.")));
        page.setHeader("Set-Cookie", SessionStore::clearCookieHeader());
        return page;
    }
    case Route::None:
        break;
    }
    return m_services.errors.notFound(request);
}

} // namespace MsalQt::Emulator
