#pragma once

#include "authorizerequest.h"
#include "errorresponses.h"
#include "httpresponse.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace MsalQt::Emulator {

class HttpRequest;
struct App;
struct Fault;
struct Services;
struct TenantRef;
struct User;

// GET/POST /{tenant}/oauth2/v2.0/authorize: the browser side of the authorization code flow
// (and the legacy implicit grant). Checks the client and redirect URI first and answers an
// HTML error page when those are wrong, because redirecting to an unverified URI would leak
// to an attacker; every later error goes back to the app as an error redirect. Between the
// pages (login, account chooser, consent) the request waits here under an opaque "ctx" that
// the forms post back, so no request parameter travels through hidden fields.
class AuthorizeEndpoint
{
public:
    explicit AuthorizeEndpoint(Services &services) : m_services(services) { }

    // `fault`: an injected ServiceError, answered as an error redirect as soon as the client
    // and redirect URI are known to be good (before any page).
    HttpResponse handle(const HttpRequest &http, const TenantRef &tenant, const Fault *fault = nullptr);

private:
    struct Pending {
        AuthorizeRequest request;
        QDateTime createdAt;
    };

    std::optional<HttpResponse> readClient(const HttpRequest &http, const TenantRef &tenant,
                                           AuthorizeRequest *request) const;
    std::optional<PlatformError> readParameters(const HttpRequest &http, const App &app,
                                                AuthorizeRequest *request) const;
    HttpResponse start(const HttpRequest &http, const TenantRef &tenant, const AuthorizeRequest &request);
    HttpResponse resume(const HttpRequest &http, const TenantRef &tenant, const Fault *fault);
    HttpResponse continueAs(const HttpRequest &http, const TenantRef &tenant, AuthorizeRequest request,
                            const User &user, const QString &sessionId, const QString &ctx);
    HttpResponse finish(const HttpRequest &http, const AuthorizeRequest &request, const User &user,
                        const QString &sessionId);

    HttpResponse loginPage(const HttpRequest &http, const AuthorizeRequest &request, const QString &username,
                           const QString &message = {}, const QString &detail = {}, const QString &ctx = {});
    HttpResponse errorRedirect(const HttpRequest &http, const AuthorizeRequest &request, const PlatformError &error);
    HttpResponse errorPage(const HttpRequest &http, int aadstsCode, const QString &description) const;

    // Permissions the request needs consent for: "<resource appId>/<scope>" and OIDC names.
    QStringList permissions(const AuthorizeRequest &request) const;
    QStringList describe(const QStringList &permissions) const;
    QList<const User *> sessionAccounts(const HttpRequest &http, QString *sessionId) const;
    // The accounts whose sign-in in the session is recent enough for the request's max_age.
    QList<const User *> freshEnough(const QList<const User *> &accounts, const QString &sessionId,
                                    const AuthorizeRequest &request) const;

    QString park(const AuthorizeRequest &request, const QString &ctx = {});
    const App &appOf(const AuthorizeRequest &request) const;

    Services &m_services;
    QHash<QString, Pending> m_pending;
};

} // namespace MsalQt::Emulator
