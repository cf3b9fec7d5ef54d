#include "server.h"

#include "deviceloginpage.h"
#include "exchange.h"
#include "faultinjector.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "listener.h"
#include "router.h"
#include "services.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

// Debug is off by default so test logs stay readable; enable with
// QT_LOGGING_RULES="msalqt.emulator.debug=true" (the program's --verbose does).
Q_LOGGING_CATEGORY(lcEmulator, "msalqt.emulator", QtInfoMsg)

namespace MsalQt::Emulator {

namespace {

// A long-running emulator must not grow without bound; tests never get near this.
constexpr qsizetype maxRecordedRequests = 10000;

} // namespace

Server::Server(QObject *parent)
    : QObject(parent)
    , m_services(std::make_unique<Services>())
    , m_router(std::make_unique<Router>(*m_services))
    , m_faults(std::make_unique<FaultInjector>())
{
    qRegisterMetaType<MsalQt::Emulator::RecordedRequest>();
    m_listener = new Listener([this](const QHttpServerRequest &request, Exchange &exchange) {
        onRequest(request, exchange);
    }, this);
    const Config &config = m_services->config;
    if (config.accessTokenLifetime() > 0)
        m_services->accessTokenLifetime = config.accessTokenLifetime();
    if (config.deviceCodeInterval() >= 0)
        m_services->deviceCodeInterval = config.deviceCodeInterval();
    if (config.deviceCodeExpiresIn() > 0)
        m_services->deviceCodeExpiresIn = config.deviceCodeExpiresIn();
}

Server::~Server()
{
    // Delayed answers hold responders that point into the transport's connections: drop them
    // first. Then stop the transport: its sockets must not call back into a half-destroyed Server.
    m_delayed.clear();
    delete m_listener;
    m_listener = nullptr;
}

bool Server::loadConfig(const QJsonObject &json, QString *error)
{
    auto config = Config::fromJson(json, error);
    if (!config)
        return false;
    m_services->config = std::move(*config);
    // Codes and tokens point at users and apps of the old directory.
    m_services->deviceCodes.clear();
    m_services->refreshTokens.clear();
    m_services->authorization.clear();
    const Config &c = m_services->config;
    if (c.accessTokenLifetime() > 0)
        m_services->accessTokenLifetime = c.accessTokenLifetime();
    if (c.deviceCodeInterval() >= 0)
        m_services->deviceCodeInterval = c.deviceCodeInterval();
    if (c.deviceCodeExpiresIn() > 0)
        m_services->deviceCodeExpiresIn = c.deviceCodeExpiresIn();
    return true;
}

bool Server::loadConfigFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: not a JSON object (%2 at offset %3)")
                         .arg(path, parseError.errorString()).arg(parseError.offset);
        return false;
    }
    QString why;
    if (!loadConfig(doc.object(), &why)) {
        if (error)
            *error = path + QStringLiteral(": ") + why;
        return false;
    }
    return true;
}

bool Server::listen(const QHostAddress &address, quint16 port)
{
    if (m_port != 0)
        return false;
    m_port = m_listener->listen(address, port);
    if (m_port == 0)
        return false;
    m_address = address;
    m_services->baseUrl = baseUrl();
    m_services->errors.setBaseUrl(m_services->baseUrl);
    return true;
}

bool Server::isListening() const
{
    return m_port != 0;
}

quint16 Server::port() const
{
    return m_port;
}

QUrl Server::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    // A wildcard address is reachable on loopback; that is what clients should use.
    const bool wildcard = m_address.isNull() || m_address == QHostAddress::Any || m_address == QHostAddress::AnyIPv4
        || m_address == QHostAddress::AnyIPv6 || m_address == QHostAddress::LocalHost;
    url.setHost(wildcard ? QStringLiteral("127.0.0.1") : m_address.toString());
    url.setPort(m_port);
    return url;
}

QUrl Server::authorityUrl(const QString &tenant) const
{
    QUrl url = baseUrl();
    url.setPath(QLatin1Char('/') + (tenant.isEmpty() ? defaultTenantId() : tenant));
    return url;
}

QString Server::defaultTenantId() const
{
    return m_services->config.defaultTenant()->id;
}

QString Server::publicClientId() const
{
    const App *app = m_services->config.firstApp(true);
    return app ? app->clientId : QString();
}

QString Server::confidentialClientId() const
{
    const App *app = m_services->config.firstApp(false);
    return app ? app->clientId : QString();
}

QString Server::confidentialClientSecret() const
{
    const App *app = m_services->config.firstApp(false);
    return app && !app->secrets.isEmpty() ? app->secrets.first() : QString();
}

QList<Server::TestUser> Server::testUsers() const
{
    QList<TestUser> users;
    for (const User &u : m_services->config.users())
        users.append(TestUser{u.username, u.password, u.displayName, u.tenantId, u.mfaRequired, u.isMsa()});
    return users;
}

void Server::addFault(const Fault &fault)
{
    m_faults->add(fault);
}

void Server::clearFaults()
{
    m_faults->clear();
}

QList<RecordedRequest> Server::requests() const
{
    return m_requests;
}

int Server::requestCount(const QString &pathSuffix) const
{
    int count = 0;
    for (const RecordedRequest &r : m_requests) {
        if (r.path.endsWith(pathSuffix, Qt::CaseInsensitive))
            ++count;
    }
    return count;
}

void Server::clearRequests()
{
    m_requests.clear();
}

void Server::setDeviceCodeTiming(int intervalSeconds, int expiresInSeconds)
{
    m_services->deviceCodeInterval = qMax(0, intervalSeconds);
    m_services->deviceCodeExpiresIn = qMax(1, expiresInSeconds);
}

bool Server::approveDeviceCode(const QString &userCode, const QString &username)
{
    return m_router->deviceLogin().approve(userCode, username, nullptr).result == DeviceLoginPage::Result::Approved;
}

bool Server::declineDeviceCode(const QString &userCode)
{
    return m_router->deviceLogin().decline(userCode).result == DeviceLoginPage::Result::Declined;
}

void Server::setAccessTokenLifetime(int seconds)
{
    m_services->accessTokenLifetime = qMax(1, seconds);
}

void Server::rotateSigningKey(bool publish)
{
    m_services->keys.rotate(publish);
}

QString Server::signingKeyId() const
{
    return m_services->keys.currentKid();
}

void Server::revokeRefreshTokens(const QString &username)
{
    if (const User *user = m_services->config.userByName(username))
        m_services->refreshTokens.revokeUser(user->oid);
}

void Server::revokeSession(const QString &username)
{
    const User *user = m_services->config.userByName(username);
    if (!user)
        return;
    m_services->refreshTokens.revokeUser(user->oid);
    m_services->authorization.sessions.clear();
    // Tokens issued after an earlier revocation in this same second read as one second newer
    // (TokenIssuer): this revocation must be later still, to cover them.
    const qint64 earlier = m_services->sessionRevokedAt.value(user->oid, 0);
    m_services->sessionRevokedAt.insert(user->oid, std::max(QDateTime::currentSecsSinceEpoch(), earlier + 1));
}

void Server::setGraphAuthenticationContext(const QString &authContextId)
{
    m_services->graphAuthContext = authContextId;
}

void Server::setAutoSignIn(const QString &username)
{
    m_services->authorization.autoSignInUsername = username;
}

void Server::setAuthorizationResponseIssuer(bool enabled)
{
    m_services->authorization.responseIssuer = enabled;
}

void Server::setPreferredCacheEnvironment(const QString &environment)
{
    m_services->preferredCache = environment.toLower();
}

void Server::setAuthorizationCodeLifetime(int seconds)
{
    m_services->authorization.codeLifetimeSeconds = qMax(0, seconds);
}

void Server::clearSessions()
{
    m_services->authorization.sessions.clear();
}

void Server::onRequest(const QHttpServerRequest &qtRequest, Exchange &exchange)
{
    const HttpRequest request = HttpRequest::fromQt(qtRequest);
    const RecordedRequest recorded = request.toRecorded();
    m_requests.append(recorded);
    if (m_requests.size() > maxRecordedRequests)
        m_requests.removeFirst();
    Q_EMIT requestReceived(recorded);

    const std::optional<Fault> fault = m_faults->take(request);
    if (!fault) {
        answer(exchange, request, {});
        return;
    }
    // /authorize reports errors by redirecting the browser back to the app, so it builds the
    // answer to an injected service error itself.
    if (fault->kind == Fault::ServiceError && Router::isAuthorize(request)) {
        send(exchange, request, m_router->routeAuthorizeFault(request, *fault), "injected");
        return;
    }
    switch (fault->kind) {
    case Fault::CloseConnection:
        qCDebug(lcEmulator).noquote() << request.method() << request.path() << "-> connection closed (fault)";
        exchange.abort();
        return;
    case Fault::Delay: {
        // Never block the event loop: other requests keep being served meanwhile. The client
        // may be gone by the time the timer fires.
        const quint64 id = m_nextDelayed++;
        m_delayed.emplace(id, std::make_unique<Exchange>(exchange.keep()));
        QTimer::singleShot(qMax(0, fault->delayMs), this, [this, id, request] {
            const auto it = m_delayed.find(id);
            if (it == m_delayed.end())
                return;
            const std::unique_ptr<Exchange> delayed = std::move(it->second);
            m_delayed.erase(it);
            answer(*delayed, request, "delayed");
        });
        return;
    }
    case Fault::TruncatedJson:
        send(exchange, request, FaultInjector::truncate(m_router->route(request)), "truncated");
        return;
    default:
        send(exchange, request, FaultInjector::response(*fault, request, m_services->errors), "injected");
        return;
    }
}

void Server::answer(Exchange &exchange, const HttpRequest &request, const QByteArray &fault)
{
    if (exchange.isOpen())
        send(exchange, request, m_router->route(request), fault);
}

void Server::send(Exchange &exchange, const HttpRequest &request, HttpResponse response, const QByteArray &fault)
{
    response.setHeader("x-ms-request-id", request.traceId().toLatin1());
    if (request.wantsCorrelationEcho())
        response.setHeader("client-request-id", request.correlationId().toLatin1());
    if (response.header("Cache-Control").isEmpty()) {
        response.setHeader("Cache-Control", "no-store, no-cache");
        response.setHeader("Pragma", "no-cache");
    }
    // Paths only: queries, forms and bodies can carry codes, tokens and secrets.
    if (fault.isEmpty())
        qCDebug(lcEmulator).noquote() << request.method() << request.path() << "->" << response.status();
    else
        qCDebug(lcEmulator).noquote() << request.method() << request.path() << "->" << response.status()
                                      << "(" + fault + ")";
    if (request.method() == "HEAD")
        response.setBody({});
    exchange.respond(response, request.header("connection").toLower() == "close");
}

} // namespace MsalQt::Emulator
