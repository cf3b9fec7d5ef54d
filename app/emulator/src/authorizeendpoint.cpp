#include "authorizeendpoint.h"

#include "authorizationresponse.h"
#include "authorizepages.h"
#include "fault.h"
#include "httprequest.h"
#include "redirecturimatcher.h"
#include "scopeset.h"
#include "services.h"

#include <QRandomGenerator>

namespace MsalQt::Emulator {

namespace {

// A person may leave a page open for a while; after this the form posts answer "expired".
constexpr qint64 pendingLifetimeSeconds = 3600;
constexpr qsizetype maxPending = 1000;

// Parameters come from the query of a GET and from the body of a POST (the platform accepts
// both for /authorize).
QString param(const HttpRequest &http, const QString &name)
{
    return http.method() == "POST" ? http.formValue(name) : http.queryValue(name);
}

QString randomCtx()
{
    QByteArray random(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

PlatformError platformError(const QString &error, int code, const QString &description)
{
    PlatformError e;
    e.error = error;
    e.aadstsCode = code;
    e.description = description;
    return e;
}

PlatformError missing(const QString &name)
{
    return platformError(QStringLiteral("invalid_request"), 900144,
                         QStringLiteral("The request body must contain the following parameter: '%1'.").arg(name));
}

} // namespace

const App &AuthorizeEndpoint::appOf(const AuthorizeRequest &request) const
{
    const App *app = m_services.config.app(request.clientId);
    Q_ASSERT(app); // callers checked it; requests parked before a config reload are dropped in resume()
    return *app;
}

HttpResponse AuthorizeEndpoint::errorPage(const HttpRequest &http, int aadstsCode, const QString &description) const
{
    return HttpResponse::html(400, AuthorizePages::error(aadstsCode, description, http.traceId(), http.correlationId()));
}

HttpResponse AuthorizeEndpoint::errorRedirect(const HttpRequest &http, const AuthorizeRequest &request,
                                              const PlatformError &error)
{
    return AuthorizationResponse::deliver(
        request, AuthorizationResponse::errorParameters(http, request, error, m_services.baseUrl));
}

HttpResponse AuthorizeEndpoint::handle(const HttpRequest &http, const TenantRef &tenant, const Fault *fault)
{
    if (http.method() != "GET" && http.method() != "POST")
        return errorPage(http, 0, QStringLiteral("The request method is not supported by this endpoint."));
    if (http.method() == "POST" && http.hasFormValue(QStringLiteral("ctx")))
        return resume(http, tenant, fault);

    AuthorizeRequest request;
    request.tenantSegment = tenant.segment;
    request.b2cPolicy = tenant.policy;
    if (auto page = readClient(http, tenant, &request))
        return *page;
    // Faults answer "at once": tests of error redirects need no page in between.
    if (fault && fault->kind == Fault::ServiceError) {
        PlatformError e = platformError(fault->error.isEmpty() ? QStringLiteral("invalid_request") : fault->error,
                                        fault->aadstsCode,
                                        fault->description.isEmpty() ? QStringLiteral("Injected service error.")
                                                                     : fault->description);
        e.subError = fault->subError;
        e.claims = fault->claims;
        return errorRedirect(http, request, e);
    }
    if (auto error = readParameters(http, appOf(request), &request))
        return errorRedirect(http, request, *error);
    return start(http, tenant, request);
}

std::optional<HttpResponse> AuthorizeEndpoint::readClient(const HttpRequest &http, const TenantRef &tenant,
                                                          AuthorizeRequest *request) const
{
    const QString clientId = param(http, QStringLiteral("client_id"));
    if (clientId.isEmpty())
        return errorPage(http, 900144, QStringLiteral("The request body must contain the following parameter: "
                                                      "'client_id'."));
    const App *app = m_services.config.app(clientId);
    if (!app) {
        const QString directory = tenant.tenant ? tenant.tenant->displayName : tenant.segment;
        return errorPage(http, 700016,
                         QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. This "
                                        "can happen if the application has not been installed by the administrator "
                                        "of the tenant or consented to by any user in the tenant. You may have sent "
                                        "your authentication request to the wrong tenant.")
                             .arg(clientId, directory));
    }
    const QString redirectUri = param(http, QStringLiteral("redirect_uri"));
    if (redirectUri.isEmpty())
        return errorPage(http, 900144, QStringLiteral("The request body must contain the following parameter: "
                                                      "'redirect_uri'."));
    if (!RedirectUriMatcher::isRegistered(app->redirectUris, redirectUri)) {
        return errorPage(http, 50011,
                         QStringLiteral("The redirect URI '%1' specified in the request does not match the redirect "
                                        "URIs configured for the application '%2'. Make sure the redirect URI sent in "
                                        "the request matches one added to your application in the Azure portal. "
                                        "Navigate to https://aka.ms/redirectUriMismatchError to learn more about how "
                                        "to fix this.")
                             .arg(redirectUri, app->clientId));
    }
    request->clientId = app->clientId;
    request->redirectUri = redirectUri;
    request->state = param(http, QStringLiteral("state"));
    // Known before anything else can fail, so that error redirects use the right channel.
    const QStringList types = param(http, QStringLiteral("response_type")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    request->wantsCode = types.contains(QLatin1String("code"));
    request->wantsIdToken = types.contains(QLatin1String("id_token"));
    request->wantsToken = types.contains(QLatin1String("token"));
    const bool implicit = request->wantsIdToken || request->wantsToken;
    request->responseMode = implicit ? QStringLiteral("fragment") : QStringLiteral("query");
    const QString mode = param(http, QStringLiteral("response_mode"));
    if (mode == QLatin1String("form_post") || mode == QLatin1String("fragment")
        || (mode == QLatin1String("query") && !implicit))
        request->responseMode = mode;
    return std::nullopt;
}

std::optional<PlatformError> AuthorizeEndpoint::readParameters(const HttpRequest &http, const App &app,
                                                               AuthorizeRequest *request) const
{
    const QString responseType = param(http, QStringLiteral("response_type"));
    const QStringList types = responseType.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (types.isEmpty())
        return missing(QStringLiteral("response_type"));
    for (const QString &t : types) {
        if (t != QLatin1String("code") && t != QLatin1String("id_token") && t != QLatin1String("token"))
            return platformError(QStringLiteral("unsupported_response_type"), 0,
                                 QStringLiteral("The response_type '%1' is not supported.").arg(responseType));
    }
    // The platform names the first implicit part the registration does not allow.
    if (request->wantsToken && !app.implicitGrant)
        return platformError(QStringLiteral("unsupported_response_type"), 700051,
                             QStringLiteral("response_type 'token' is not enabled for the application."));
    if (request->wantsIdToken && !app.implicitGrant)
        return platformError(QStringLiteral("unsupported_response_type"), 700054,
                             QStringLiteral("response_type 'id_token' is not enabled for the application."));
    const QString mode = param(http, QStringLiteral("response_mode"));
    if (!mode.isEmpty() && mode != request->responseMode)
        return platformError(QStringLiteral("invalid_request"), 0,
                             QStringLiteral("The response_mode '%1' is not supported for response_type '%2'.")
                                 .arg(mode, responseType));

    request->scope = param(http, QStringLiteral("scope")).trimmed();
    if (request->scope.isEmpty())
        return missing(QStringLiteral("scope"));
    PlatformError scopeError;
    const auto scopes = ScopeSet::parse(request->scope, m_services.config, &scopeError);
    if (!scopes)
        return scopeError;
    if (request->wantsIdToken && !scopes->openid())
        request->scope = QStringLiteral("openid ") + request->scope; // an ID token is OpenID Connect by definition
    request->nonce = param(http, QStringLiteral("nonce"));
    if (request->wantsIdToken && request->nonce.isEmpty())
        return missing(QStringLiteral("nonce"));

    request->codeChallenge = param(http, QStringLiteral("code_challenge"));
    request->codeChallengeMethod = param(http, QStringLiteral("code_challenge_method"));
    if (!request->codeChallenge.isEmpty()) {
        if (request->codeChallengeMethod.isEmpty())
            request->codeChallengeMethod = QStringLiteral("plain"); // RFC 7636 §4.3
        if (request->codeChallengeMethod != QLatin1String("S256") && request->codeChallengeMethod != QLatin1String("plain"))
            return platformError(QStringLiteral("invalid_request"), 0,
                                 QStringLiteral("The code_challenge_method '%1' is not supported.")
                                     .arg(request->codeChallengeMethod));
        // Stricter than the platform on purpose: a public client's verifier must not travel
        // in the clear, so clients under test are held to S256.
        if (request->codeChallengeMethod == QLatin1String("plain") && app.isPublic)
            return platformError(QStringLiteral("invalid_request"), 0,
                                 QStringLiteral("The code_challenge_method 'plain' is not allowed for public clients; "
                                                "use 'S256'."));
        if (request->codeChallenge.size() < 43 || request->codeChallenge.size() > 128)
            return platformError(QStringLiteral("invalid_request"), 501491,
                                 QStringLiteral("Invalid size of Code_Challenge parameter."));
    } else if (!request->codeChallengeMethod.isEmpty()) {
        return missing(QStringLiteral("code_challenge"));
    }

    request->prompt = param(http, QStringLiteral("prompt"));
    static const QStringList prompts{QString(), QStringLiteral("login"), QStringLiteral("select_account"),
                                     QStringLiteral("consent"), QStringLiteral("none"), QStringLiteral("create")};
    if (!prompts.contains(request->prompt))
        return platformError(QStringLiteral("invalid_request"), 0,
                             QStringLiteral("Invalid value '%1' for the input parameter 'prompt'.").arg(request->prompt));
    request->loginHint = param(http, QStringLiteral("login_hint"));
    request->domainHint = param(http, QStringLiteral("domain_hint"));
    request->claims = param(http, QStringLiteral("claims"));
    const QString maxAge = param(http, QStringLiteral("max_age"));
    if (!maxAge.isEmpty()) {
        bool ok = false;
        request->maxAge = maxAge.toLongLong(&ok);
        if (!ok || request->maxAge < 0 || maxAge.startsWith(QLatin1Char('+')))
            return platformError(QStringLiteral("invalid_request"), 0,
                                 QStringLiteral("Invalid value '%1' for the input parameter 'max_age'.").arg(maxAge));
    }
    request->clientInfo = param(http, QStringLiteral("client_info")) == QLatin1String("1");
    return std::nullopt;
}

QList<const User *> AuthorizeEndpoint::sessionAccounts(const HttpRequest &http, QString *sessionId) const
{
    QList<const User *> users;
    const BrowserSession *session = m_services.authorization.sessions.fromCookieHeader(http.header("cookie"));
    if (!session)
        return users;
    *sessionId = session->id;
    for (const QString &oid : session->userOids) {
        if (const User *u = m_services.config.userByOid(oid))
            users.append(u);
    }
    return users;
}

QList<const User *> AuthorizeEndpoint::freshEnough(const QList<const User *> &accounts, const QString &sessionId,
                                                   const AuthorizeRequest &request) const
{
    // max_age (OpenID Connect Core §3.1.2.1): an account whose last active sign-in is older
    // must enter its credentials again, so it is no single sign-on candidate; max_age=0 always
    // asks (a sign-in in this same second included).
    if (request.maxAge < 0)
        return accounts;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<const User *> fresh;
    for (const User *u : accounts) {
        if (request.maxAge > 0 && now - m_services.authorization.sessions.authTime(sessionId, u->oid) <= request.maxAge)
            fresh.append(u);
    }
    return fresh;
}

HttpResponse AuthorizeEndpoint::start(const HttpRequest &http, const TenantRef &tenant, const AuthorizeRequest &request)
{
    AuthorizationState &state = m_services.authorization;
    QString sessionId;
    const QList<const User *> accounts = freshEnough(sessionAccounts(http, &sessionId), sessionId, request);

    if (!state.autoSignInUsername.isEmpty()) {
        const User *user = m_services.config.userByName(state.autoSignInUsername);
        if (!user)
            return errorPage(http, 0, QStringLiteral("The auto sign-in user '%1' is not in the directory.")
                                          .arg(state.autoSignInUsername));
        // Consent is implied: auto sign-in stands for a person who clicks through every page.
        state.consents.grant(user->oid, request.clientId, permissions(request));
        AuthorizeRequest r = request;
        r.prompt.clear();
        return continueAs(http, tenant, r, *user, state.sessions.signIn(sessionId, user->oid), {});
    }

    const User *hinted = nullptr;
    for (const User *u : accounts) {
        if (!request.loginHint.isEmpty() && u->username.compare(request.loginHint, Qt::CaseInsensitive) == 0)
            hinted = u;
    }

    if (request.prompt == QLatin1String("none")) {
        if (accounts.isEmpty() || (!request.loginHint.isEmpty() && !hinted))
            return errorRedirect(http, request, platformError(
                QStringLiteral("login_required"), 50058,
                QStringLiteral("A silent sign-in request was sent but no user is signed in. The cookies used to "
                               "represent the user's session were not sent in the request to Azure AD.")));
        if (!hinted && accounts.size() > 1)
            return errorRedirect(http, request, platformError(
                QStringLiteral("interaction_required"), 16000,
                QStringLiteral("SelectUserAccount - This is an interrupt thrown by Azure AD, which results in UI "
                               "that allows the user to select from among multiple valid SSO sessions.")));
        return continueAs(http, tenant, request, hinted ? *hinted : *accounts.first(), sessionId, {});
    }
    if (request.prompt == QLatin1String("login"))
        return loginPage(http, request, request.loginHint);
    if (request.prompt == QLatin1String("create")) {
        // Self-service sign-up. The emulator's directory is its configuration, so the page says
        // what a sign-up would be and signs in an existing account with the login form.
        return HttpResponse::html(200, AuthorizePages::signUp(http.path(), park(request), appOf(request).displayName,
                                                              request.loginHint));
    }
    if (!accounts.isEmpty() && request.prompt == QLatin1String("select_account")) {
        QList<AuthorizePages::Account> list;
        for (const User *u : accounts)
            list.append({u->username, u->displayName});
        return HttpResponse::html(200, AuthorizePages::accountChooser(http.path(), park(request),
                                                                      appOf(request).displayName, list));
    }
    // No prompt (or consent): single sign-on with the hinted or only account, else ask.
    if (hinted)
        return continueAs(http, tenant, request, *hinted, sessionId, {});
    if (accounts.size() == 1 && request.loginHint.isEmpty())
        return continueAs(http, tenant, request, *accounts.first(), sessionId, {});
    if (accounts.size() > 1 && request.loginHint.isEmpty()) {
        QList<AuthorizePages::Account> list;
        for (const User *u : accounts)
            list.append({u->username, u->displayName});
        return HttpResponse::html(200, AuthorizePages::accountChooser(http.path(), park(request),
                                                                      appOf(request).displayName, list));
    }
    return loginPage(http, request, request.loginHint);
}

HttpResponse AuthorizeEndpoint::loginPage(const HttpRequest &http, const AuthorizeRequest &request,
                                          const QString &username, const QString &message, const QString &detail,
                                          const QString &ctx)
{
    return HttpResponse::html(200, AuthorizePages::login(http.path(), park(request, ctx), appOf(request).displayName,
                                                         username, message, detail, !request.b2cPolicy.isEmpty()));
}

QString AuthorizeEndpoint::park(const AuthorizeRequest &request, const QString &ctx)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->createdAt.secsTo(now) > pendingLifetimeSeconds)
            it = m_pending.erase(it);
        else
            ++it;
    }
    if (m_pending.size() >= maxPending)
        m_pending.erase(m_pending.begin());
    const QString key = ctx.isEmpty() ? randomCtx() : ctx;
    m_pending.insert(key, Pending{request, now});
    return key;
}

HttpResponse AuthorizeEndpoint::resume(const HttpRequest &http, const TenantRef &tenant, const Fault *fault)
{
    const QString ctx = http.formValue(QStringLiteral("ctx"));
    const auto it = m_pending.constFind(ctx);
    if (it == m_pending.cend() || !m_services.config.app(it->request.clientId)
        || it->createdAt.secsTo(QDateTime::currentDateTimeUtc()) > pendingLifetimeSeconds) {
        return errorPage(http, 0, QStringLiteral("This sign-in page has expired. Go back to the application and "
                                                 "sign in again."));
    }
    AuthorizeRequest request = it->request;
    if (fault && fault->kind == Fault::ServiceError) {
        m_pending.remove(ctx);
        PlatformError e = platformError(fault->error.isEmpty() ? QStringLiteral("invalid_request") : fault->error,
                                        fault->aadstsCode,
                                        fault->description.isEmpty() ? QStringLiteral("Injected service error.")
                                                                     : fault->description);
        e.subError = fault->subError;
        e.claims = fault->claims;
        return errorRedirect(http, request, e);
    }

    AuthorizationState &state = m_services.authorization;
    QString sessionId;
    const QList<const User *> accounts = freshEnough(sessionAccounts(http, &sessionId), sessionId, request);
    const QString step = http.formValue(QStringLiteral("step"));
    const QString action = http.formValue(QStringLiteral("action"));
    const QString username = http.formValue(QStringLiteral("username")).trimmed();

    if (step == QLatin1String("login") && action == QLatin1String("forgotPassword") && !request.b2cPolicy.isEmpty()) {
        // B2C ends the user flow and lets the app start its password-reset flow.
        m_pending.remove(ctx);
        return errorRedirect(http, request, PlatformError{400, QStringLiteral("access_denied"), 0,
                                                          QStringLiteral("AADB2C90118: The user has forgotten their password."),
                                                          {}, {}});
    }
    if (step == QLatin1String("login")) {
        const User *user = m_services.config.userByName(username);
        if (!user)
            return loginPage(http, request, username,
                             QStringLiteral("This username may be incorrect. Make sure you typed it correctly. "
                                            "Otherwise, contact your admin."),
                             QStringLiteral("AADSTS50034: The user account does not exist in the directory. To sign "
                                            "into this application, the account must be added to the directory."),
                             ctx);
        if (http.formValue(QStringLiteral("password")) != user->password)
            return loginPage(http, request, username,
                             QStringLiteral("Your account or password is incorrect. If you don't remember your "
                                            "password, reset it now."),
                             QStringLiteral("AADSTS50126: Error validating credentials due to invalid username or "
                                            "password."),
                             ctx);
        return continueAs(http, tenant, request, *user, state.sessions.signIn(sessionId, user->oid), ctx);
    }
    if (step == QLatin1String("select")) {
        if (action == QLatin1String("other"))
            return loginPage(http, request, {}, {}, {}, ctx);
        for (const User *u : accounts) {
            if (u->username.compare(username, Qt::CaseInsensitive) == 0)
                return continueAs(http, tenant, request, *u, sessionId, ctx);
        }
        // The session ended meanwhile (or the account was never in it): sign in again.
        return loginPage(http, request, username, {}, {}, ctx);
    }
    if (step == QLatin1String("consent")) {
        const User *user = m_services.config.userByOid(request.userOid);
        if (!user)
            return loginPage(http, request, {}, {}, {}, ctx);
        if (action == QLatin1String("decline")) {
            m_pending.remove(ctx);
            return errorRedirect(http, request, platformError(QStringLiteral("access_denied"), 65004,
                                                              QStringLiteral("User declined to consent to access the "
                                                                             "app.")));
        }
        if (action != QLatin1String("accept")) {
            return HttpResponse::html(200, AuthorizePages::consent(http.path(), ctx, appOf(request).displayName,
                                                                   user->username, describe(permissions(request))));
        }
        m_pending.remove(ctx);
        state.consents.grant(user->oid, request.clientId, permissions(request));
        if (sessionId.isEmpty())
            sessionId = state.sessions.signIn({}, user->oid);
        return finish(http, request, *user, sessionId);
    }
    return loginPage(http, request, username, {}, {}, ctx);
}

HttpResponse AuthorizeEndpoint::continueAs(const HttpRequest &http, const TenantRef &tenant, AuthorizeRequest request,
                                           const User &user, const QString &sessionId, const QString &ctx)
{
    const App &app = appOf(request);
    HttpResponse response;
    if (auto refused = m_services.tenants.checkUser(tenant, user, app)) {
        m_pending.remove(ctx);
        response = errorRedirect(http, request, *refused);
    } else {
        request.userOid = user.oid;
        const QStringList needed = m_services.authorization.consents.missing(user.oid, app.clientId,
                                                                             permissions(request));
        if (request.prompt == QLatin1String("none") && !needed.isEmpty()) {
            response = errorRedirect(http, request, platformError(
                QStringLiteral("consent_required"), 65001,
                QStringLiteral("The user or administrator has not consented to use the application with ID '%1' "
                               "named '%2'. Send an interactive authorization request for this user and resource.")
                    .arg(app.clientId, app.displayName)));
        } else if (!needed.isEmpty() || request.prompt == QLatin1String("consent")) {
            const QStringList shown = request.prompt == QLatin1String("consent") ? permissions(request) : needed;
            response = HttpResponse::html(200, AuthorizePages::consent(http.path(), park(request, ctx),
                                                                       app.displayName, user.username,
                                                                       describe(shown)));
        } else {
            m_pending.remove(ctx);
            response = finish(http, request, user, sessionId);
        }
    }
    if (!sessionId.isEmpty())
        response.setHeader("Set-Cookie", SessionStore::setCookieHeader(sessionId));
    return response;
}

HttpResponse AuthorizeEndpoint::finish(const HttpRequest &http, const AuthorizeRequest &request, const User &user,
                                       const QString &sessionId)
{
    AuthorizationState &state = m_services.authorization;
    const App &app = appOf(request);
    // A guest signs in to the tenant that invited it: tokens and issuer are that tenant's.
    const std::optional<TenantRef> tenant = m_services.tenants.resolve(request.tenantSegment);
    const QString issuingTenant = tenant ? TenantResolver::issuingTenant(*tenant, user) : user.tenantId;
    AuthorizationResponse::Parameters out;
    if (request.wantsCode) {
        AuthorizationCode code;
        code.clientId = app.clientId;
        code.redirectUri = request.redirectUri;
        code.userOid = user.oid;
        code.tenantSegment = request.tenantSegment;
        code.scope = request.scope;
        code.nonce = request.nonce;
        code.authTime = state.sessions.authTime(sessionId, user.oid);
        code.codeChallenge = request.codeChallenge;
        code.codeChallengeMethod = request.codeChallengeMethod;
        out.append({QStringLiteral("code"), state.codes.issue(code, state.codeLifetimeSeconds)});
    }
    if (request.wantsToken || request.wantsIdToken) {
        PlatformError scopeError;
        const auto scopes = ScopeSet::parse(request.scope, m_services.config, &scopeError);
        if (!scopes)
            return errorRedirect(http, request, scopeError); // the directory changed meanwhile
        TokenIssuer::DelegatedOptions options;
        options.b2cPolicy = request.b2cPolicy;
        options.nonce = request.nonce;
        options.authTime = state.sessions.authTime(sessionId, user.oid);
        options.mfaPerformed = user.mfaRequired;
        options.tenantId = issuingTenant;
        const QJsonObject tokens = m_services.issuer.issueDelegated(app, user, *scopes, options);
        if (request.wantsToken) {
            for (const char *key : {"access_token", "token_type", "expires_in", "scope"}) {
                const QJsonValue v = tokens.value(QLatin1String(key));
                out.append({QString::fromLatin1(key), v.isDouble() ? QString::number(v.toInteger()) : v.toString()});
            }
        }
        if (request.wantsIdToken)
            out.append({QStringLiteral("id_token"), tokens.value(QLatin1String("id_token")).toString()});
    }
    if (request.clientInfo)
        out.append({QStringLiteral("client_info"), TokenIssuer::clientInfo(user.oid, user.tenantId)});
    if (!request.state.isEmpty())
        out.append({QStringLiteral("state"), request.state});
    if (const BrowserSession *session = state.sessions.find(sessionId))
        out.append({QStringLiteral("session_state"), session->sessionState});
    if (state.responseIssuer)
        out.append({QStringLiteral("iss"), m_services.issuerFor(issuingTenant)});
    return AuthorizationResponse::deliver(request, out);
}

QStringList AuthorizeEndpoint::permissions(const AuthorizeRequest &request) const
{
    const auto scopes = ScopeSet::parse(request.scope, m_services.config, nullptr);
    if (!scopes)
        return {};
    QStringList out;
    if (scopes->openid())
        out << QStringLiteral("openid");
    if (scopes->profile())
        out << QStringLiteral("profile");
    if (scopes->email())
        out << QStringLiteral("email");
    if (scopes->offlineAccess())
        out << QStringLiteral("offline_access");
    for (const QString &s : scopes->resourceScopes())
        out << scopes->resourceAppId() + QLatin1Char('/') + s;
    return out;
}

QStringList AuthorizeEndpoint::describe(const QStringList &permissions) const
{
    QStringList out;
    for (const QString &p : permissions) {
        if (p == QLatin1String("openid"))
            out << QStringLiteral("Sign you in");
        else if (p == QLatin1String("profile"))
            out << QStringLiteral("View your basic profile");
        else if (p == QLatin1String("email"))
            out << QStringLiteral("View your email address");
        else if (p == QLatin1String("offline_access"))
            out << QStringLiteral("Maintain access to data you have given it access to");
        else {
            const qsizetype slash = p.indexOf(QLatin1Char('/'));
            const Resource *r = m_services.config.resource(p.left(slash));
            out << QStringLiteral("%1 (%2)").arg(p.mid(slash + 1), r ? r->displayName : p.left(slash));
        }
    }
    return out;
}

} // namespace MsalQt::Emulator
