#include "authenticatedreply_p.h"

#include <MsalQt/authenticatednetworkaccess.h>
#include <MsalQt/authority.h>
#include <MsalQt/authorizationagent.h>
#include <MsalQt/clientapplication.h>

#include <QCoreApplication>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace MsalQt {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::AuthenticatedNetworkAccess)
};

constexpr std::chrono::milliseconds longestTimeout = std::chrono::hours(24);

// Scopes that name no resource: they come with any token.
bool isOpenIdScope(const QString &scope)
{
    return scope == QLatin1String("openid") || scope == QLatin1String("profile") || scope == QLatin1String("email")
        || scope == QLatin1String("offline_access");
}

// The resources scopes name: a URL's origin, Microsoft Graph for a scope without a resource.
QList<QUrl> resourcesOf(const QStringList &scopes)
{
    QList<QUrl> resources;
    auto add = [&resources](const QUrl &url) {
        if (!resources.contains(url))
            resources.append(url);
    };
    for (const QString &scope : scopes) {
        if (isOpenIdScope(scope))
            continue;
        if (!scope.contains(QLatin1String("://"))) {
            add(QUrl(QStringLiteral("https://graph.microsoft.com")));
            continue;
        }
        const QUrl url(scope);
        if (url.scheme() != QLatin1String("https") || url.host().isEmpty())
            continue; // api://… names an application, not where it is
        QUrl origin;
        origin.setScheme(url.scheme());
        origin.setHost(url.host());
        origin.setPort(url.port());
        add(origin);
    }
    return resources;
}

QString pathWithSlash(const QUrl &url)
{
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    return path;
}

bool isUnder(const QUrl &url, const QUrl &base)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    return url.scheme().compare(base.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(base.host(), Qt::CaseInsensitive) == 0
        && url.port(defaultPort) == base.port(defaultPort) && pathWithSlash(url).startsWith(pathWithSlash(base));
}
} // namespace

class AuthenticatedNetworkAccessPrivate
{
public:
    AuthError refusalFor(const QUrl &url) const;
    AuthenticatedCall callFor(AuthenticatedNetworkAccess *access, const QNetworkRequest &request,
                              const QByteArray &verb) const;
    QList<QUrl> effectiveAllowedUrls() const { return allowedUrls.isEmpty() ? resourcesOf(scopes) : allowedUrls; }

    QPointer<ClientApplication> application;
    QPointer<QNetworkAccessManager> network;
    QPointer<AuthorizationAgent> agent;
    Account account;
    QStringList scopes;
    QList<QUrl> allowedUrls;
    std::chrono::milliseconds timeout{0};
};

AuthError AuthenticatedNetworkAccessPrivate::refusalFor(const QUrl &url) const
{
    if (!url.isValid() || url.host().isEmpty())
        return AuthError(AuthError::InvalidConfiguration, Tr::tr("“%1” is not a URL a request can be sent to.")
                                                              .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    const bool encrypted = url.scheme() == QLatin1String("https");
    if (!encrypted && !(url.scheme() == QLatin1String("http") && Authority::isLoopbackHost(url.host())))
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("A token is only sent over https: %1 is not encrypted, so nothing was sent.")
                             .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
    const QList<QUrl> allowed = effectiveAllowedUrls();
    if (std::none_of(allowed.begin(), allowed.end(), [&url](const QUrl &base) { return isUnder(url, base); }))
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("A token for %1 may not be sent to %2, so nothing was sent. Name that address in "
                                "AuthenticatedNetworkAccess::setAllowedUrls() if it is meant to receive it.")
                             .arg(scopes.join(QLatin1Char(' ')), url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
    return {};
}

AuthenticatedNetworkAccess::AuthenticatedNetworkAccess(ClientApplication *application, QObject *parent)
    : QObject(parent), d_ptr(new AuthenticatedNetworkAccessPrivate)
{
    d_ptr->application = application;
}

AuthenticatedNetworkAccess::~AuthenticatedNetworkAccess() = default;

ClientApplication *AuthenticatedNetworkAccess::application() const { return d_func()->application; }
Account AuthenticatedNetworkAccess::account() const { return d_func()->account; }
void AuthenticatedNetworkAccess::setAccount(const Account &account) { d_func()->account = account; }
QStringList AuthenticatedNetworkAccess::scopes() const { return d_func()->scopes; }
void AuthenticatedNetworkAccess::setScopes(const QStringList &scopes) { d_func()->scopes = scopes; }
QList<QUrl> AuthenticatedNetworkAccess::allowedUrls() const { return d_func()->effectiveAllowedUrls(); }
void AuthenticatedNetworkAccess::setAllowedUrls(const QList<QUrl> &urls) { d_func()->allowedUrls = urls; }
AuthorizationAgent *AuthenticatedNetworkAccess::interactiveAgent() const { return d_func()->agent; }
void AuthenticatedNetworkAccess::setInteractiveAgent(AuthorizationAgent *agent) { d_func()->agent = agent; }

std::chrono::milliseconds AuthenticatedNetworkAccess::transferTimeout() const
{
    Q_D(const AuthenticatedNetworkAccess);
    if (d->timeout.count() > 0)
        return d->timeout;
    return d->application ? std::clamp(d->application->httpTimeout(), std::chrono::milliseconds(1), longestTimeout)
                          : std::chrono::milliseconds(std::chrono::seconds(30));
}

void AuthenticatedNetworkAccess::setTransferTimeout(std::chrono::milliseconds timeout)
{
    d_func()->timeout = timeout.count() <= 0 ? std::chrono::milliseconds(0) : std::min(timeout, longestTimeout);
}

QNetworkAccessManager *AuthenticatedNetworkAccess::networkAccessManager() const
{
    Q_D(const AuthenticatedNetworkAccess);
    if (d->network)
        return d->network;
    return d->application ? d->application->networkAccessManager() : nullptr;
}

void AuthenticatedNetworkAccess::setNetworkAccessManager(QNetworkAccessManager *manager) { d_func()->network = manager; }

AuthenticatedCall AuthenticatedNetworkAccessPrivate::callFor(AuthenticatedNetworkAccess *access,
                                                           const QNetworkRequest &request, const QByteArray &verb) const
{
    AuthenticatedCall call;
    call.request = request;
    call.verb = verb;
    call.access = access;
    call.application = application;
    call.network = access->networkAccessManager();
    call.agent = agent;
    call.account = account;
    call.scopes = scopes;
    call.timeout = access->transferTimeout();
    call.refusal = refusalFor(request.url());
    return call;
}

AuthenticatedReply *AuthenticatedNetworkAccess::sendCustomRequest(const QNetworkRequest &request, const QByteArray &verb,
                                                                   const QByteArray &data)
{
    AuthenticatedCall call = d_func()->callFor(this, request, verb);
    call.body = data;
    call.hasBody = !data.isEmpty() || verb == "POST" || verb == "PUT" || verb == "PATCH";
    return new AuthenticatedReply(std::make_unique<AuthenticatedReplyPrivate>(std::move(call)), this);
}

AuthenticatedReply *AuthenticatedNetworkAccess::sendCustomRequest(const QNetworkRequest &request, const QByteArray &verb,
                                                                   QIODevice *data)
{
    // A sequential device cannot go back: what it holds now is the body, kept for a second send.
    if (!data || data->isSequential())
        return sendCustomRequest(request, verb, data ? data->readAll() : QByteArray());
    AuthenticatedCall call = d_func()->callFor(this, request, verb);
    call.hasBody = true;
    call.bodyIsDevice = true;
    call.device = data;
    call.deviceStart = data->pos();
    return new AuthenticatedReply(std::make_unique<AuthenticatedReplyPrivate>(std::move(call)), this);
}

AuthenticatedReply *AuthenticatedNetworkAccess::get(const QNetworkRequest &request)
{
    return sendCustomRequest(request, "GET");
}

AuthenticatedReply *AuthenticatedNetworkAccess::post(const QNetworkRequest &request, const QByteArray &data)
{
    return sendCustomRequest(request, "POST", data);
}

AuthenticatedReply *AuthenticatedNetworkAccess::post(const QNetworkRequest &request, QIODevice *data)
{
    return sendCustomRequest(request, "POST", data);
}

AuthenticatedReply *AuthenticatedNetworkAccess::put(const QNetworkRequest &request, const QByteArray &data)
{
    return sendCustomRequest(request, "PUT", data);
}

AuthenticatedReply *AuthenticatedNetworkAccess::put(const QNetworkRequest &request, QIODevice *data)
{
    return sendCustomRequest(request, "PUT", data);
}

AuthenticatedReply *AuthenticatedNetworkAccess::patch(const QNetworkRequest &request, const QByteArray &data)
{
    return sendCustomRequest(request, "PATCH", data);
}

AuthenticatedReply *AuthenticatedNetworkAccess::patch(const QNetworkRequest &request, QIODevice *data)
{
    return sendCustomRequest(request, "PATCH", data);
}

AuthenticatedReply *AuthenticatedNetworkAccess::deleteResource(const QNetworkRequest &request)
{
    return sendCustomRequest(request, "DELETE");
}

} // namespace MsalQt
