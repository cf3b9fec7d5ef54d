#include "signinguard_p.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QWebEngineCertificateError>
#include <QWebEngineLoadingInfo>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>
#include <QWebEngineUrlSchemeHandler>

namespace MsalQt::WebEngine {

namespace {

// Each library that compiles the guard in has its own copy (hidden visibility), under one name.
Q_LOGGING_CATEGORY(lcWebEngine, "msalqt.webengine", QtInfoMsg)

// Chromium's net::ERR_ABORTED and net::ERR_BLOCKED_BY_CLIENT: what a load we stopped ourselves
// reports. They are not failures of the sign-in.
constexpr int ErrAborted = -3;
constexpr int ErrBlockedByClient = -20;

// Sees every request of the profile before it is sent (Qt 6 calls it on the UI thread): the
// last line of defence, for requests no navigation check sees (forms, fetches, subresources).
class SignInInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    SignInInterceptor(SignInGuard *guard, QObject *parent)
        : QWebEngineUrlRequestInterceptor(parent), m_guard(guard)
    {
    }

    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        if (m_guard)
            m_guard->interceptRequest(info);
        else
            info.block(true); // no sign-in can be running without its guard
    }

private:
    QPointer<SignInGuard> m_guard;
};

// Receives requests for a registered custom redirect scheme (msal{client_id}://auth): the
// response is in the URL; nothing is ever served.
class RedirectSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    RedirectSchemeHandler(SignInGuard *guard, QObject *parent)
        : QWebEngineUrlSchemeHandler(parent), m_guard(guard)
    {
    }

    void requestStarted(QWebEngineUrlRequestJob *job) override
    {
        const QUrl url = job->requestUrl();
        job->fail(QWebEngineUrlRequestJob::RequestAborted);
        if (!m_guard)
            return;
        // Leave WebEngine's callback before the flow reacts (it may delete the view).
        QMetaObject::invokeMethod(m_guard.data(), [guard = m_guard, url] {
            if (guard)
                guard->redirectSchemeRequested(url);
        }, Qt::QueuedConnection);
    }

private:
    QPointer<SignInGuard> m_guard;
};

} // namespace

SignInGuard::SignInGuard(QObject *parent) : QObject(parent) {}

SignInGuard::~SignInGuard() = default;

QUrl SignInGuard::prepareRedirectUri(const QUrl &redirectUri)
{
    // The embedded browser catches any http(s) redirect URI before it is loaded, so it serves
    // the one the application registered, as it is. Chromium drops navigations to a custom
    // scheme it does not know without asking us: those need registering with QWebEngineUrlScheme.
    if (!redirectUri.isValid() || redirectUri.scheme().isEmpty())
        return {};
    const QString scheme = redirectUri.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")
        && QWebEngineUrlScheme::schemeByName(scheme.toLatin1()).name().isEmpty()) {
        qCWarning(lcWebEngine) << "Redirect scheme" << scheme
                               << "is not registered: register it with QWebEngineUrlScheme (as "
                                  "SignInDialog::registerRedirectScheme() does) before the application object";
        return {};
    }
    return redirectUri;
}

QByteArray SignInGuard::redirectSchemeToHandle(const QUrl &redirectUri)
{
    const QByteArray scheme = redirectUri.scheme().toLower().toLatin1();
    if (scheme.isEmpty() || scheme == "http" || scheme == "https")
        return {};
    if (QWebEngineUrlScheme::schemeByName(scheme).name().isEmpty())
        return {}; // not registered: only the page's own navigations to it are caught
    return scheme;
}

bool SignInGuard::begin(const QUrl &authorizationUrl, const QUrl &redirectUri)
{
    m_policy.setRedirectUri(redirectUri);
    m_authorizing = true;
    if (m_policy.classify(authorizationUrl) != RedirectPolicy::Verdict::Allow) {
        refuse(authorizationUrl);
        return false;
    }
    return true;
}

bool SignInGuard::acceptNavigation(const QUrl &url, bool isMainFrame)
{
    if (!m_authorizing)
        return url.scheme() == QLatin1String("about");
    switch (m_policy.classify(url)) {
    case RedirectPolicy::Verdict::Allow:
        return true;
    case RedirectPolicy::Verdict::Redirect:
        finishWithRedirect(url);
        return false;
    case RedirectPolicy::Verdict::Refuse:
        if (isMainFrame)
            refuse(url);
        else
            qCWarning(lcWebEngine) << "Refused a frame of the sign-in page:" << RedirectPolicy::redactedForLog(url);
        return false;
    }
    return false;
}

void SignInGuard::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    if (!m_authorizing) {
        info.block(true);
        return;
    }
    switch (m_policy.classify(url)) {
    case RedirectPolicy::Verdict::Allow:
        return;
    case RedirectPolicy::Verdict::Redirect:
        info.block(true);
        // Leave WebEngine's callback before the flow reacts (it may delete the view).
        QMetaObject::invokeMethod(this, [this, url] { finishWithRedirect(url); }, Qt::QueuedConnection);
        return;
    case RedirectPolicy::Verdict::Refuse:
        info.block(true);
        if (info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeMainFrame)
            QMetaObject::invokeMethod(this, [this, url] { refuse(url); }, Qt::QueuedConnection);
        else
            qCWarning(lcWebEngine) << "Blocked an insecure request of the sign-in page:"
                                   << RedirectPolicy::redactedForLog(url);
        return;
    }
}

void SignInGuard::redirectSchemeRequested(const QUrl &url)
{
    // Other URLs of the scheme are not ours to serve, and not a reason to stop the sign-in.
    if (m_authorizing && m_policy.classify(url) == RedirectPolicy::Verdict::Redirect)
        finishWithRedirect(url);
}

void SignInGuard::certificateError(const QWebEngineCertificateError &error)
{
    QWebEngineCertificateError rejected = error;
    rejected.rejectCertificate();
    if (!m_authorizing)
        return;
    // Not "could not be reached": it was reached, and refused.
    fail(AuthError(AuthError::InvalidResponse,
                   tr("The certificate of %1 is not trusted (%2), so the sign-in was stopped. "
                      "If this network intercepts secure connections (a company proxy, a hotel "
                      "or public Wi-Fi), sign in on another network or ask its administrator.")
                       .arg(error.url().host(), error.description())));
}

void SignInGuard::loadingChanged(const QWebEngineLoadingInfo &info)
{
    if (!m_authorizing || info.status() != QWebEngineLoadingInfo::LoadFailedStatus)
        return;
    // An HTTP error status still shows the server's page (a wrong password, say): the person
    // reads it. Only pages that never arrived end the sign-in.
    if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain)
        return;
    if (info.errorCode() == ErrAborted || info.errorCode() == ErrBlockedByClient)
        return;
    qCInfo(lcWebEngine) << "Sign-in page failed to load:" << RedirectPolicy::redactedForLog(info.url())
                        << info.errorString();
    fail(AuthError(AuthError::NetworkError,
                   tr("The page of %1 could not be loaded: %2").arg(info.url().host(), info.errorString())));
}

void SignInGuard::renderProcessTerminated(QWebEnginePage::RenderProcessTerminationStatus status)
{
    if (status != QWebEnginePage::NormalTerminationStatus)
        fail(AuthError(AuthError::NetworkError, tr("The sign-in page stopped unexpectedly.")));
}

void SignInGuard::finishWithRedirect(const QUrl &url)
{
    if (!m_authorizing)
        return;
    m_authorizing = false;
    qCDebug(lcWebEngine) << "Redirected to" << RedirectPolicy::redactedForLog(url);
    // Reported as the redirect URI the flow gave us plus the response: Chromium rewrites
    // "http://localhost?code=…" to "http://localhost:PORT/?code=…" and similar, and the flow
    // compares the endpoint part with what it sent. The policy has already matched them.
    QUrl reported = m_policy.redirectUri();
    reported.setQuery(url.query(QUrl::FullyEncoded), QUrl::StrictMode);
    reported.setFragment(url.fragment(QUrl::FullyEncoded), QUrl::StrictMode);
    Q_EMIT redirected(reported);
}

void SignInGuard::fail(const AuthError &error)
{
    if (!m_authorizing)
        return;
    m_authorizing = false;
    qCInfo(lcWebEngine) << "Sign-in ended:" << AuthError::typeName(error.type());
    Q_EMIT failed(error);
}

bool SignInGuard::end()
{
    const bool wasAuthorizing = m_authorizing;
    m_authorizing = false;
    return wasAuthorizing;
}

void SignInGuard::refuse(const QUrl &url)
{
    qCWarning(lcWebEngine) << "Refused to open" << RedirectPolicy::redactedForLog(url);
    const QString scheme = url.scheme().toLower();
    // http and ws off loopback (https, wss, data:, blob:, about: and loopback pass the policy).
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws")) {
        fail(AuthError(AuthError::InvalidResponse,
                       tr("The sign-in page tried to open %1 without encryption, so the sign-in was "
                          "stopped to protect your password. Try again; if this keeps happening, tell "
                          "the administrator of the sign-in service.")
                           .arg(url.host())));
        return;
    }
    // Any other scheme ("myapp://auth", "msauth:", "mailto:", "file:"): a link for another
    // application, not an insecure page (whatever its "host" part says).
    fail(AuthError(AuthError::InvalidResponse,
                   tr("The sign-in page tried to open another application (a \"%1:\" link), which a "
                      "sign-in in this window cannot do, so the sign-in was stopped. Try again, or "
                      "sign in with the system browser.")
                       .arg(scheme.left(32))));
}

QWebEngineUrlRequestInterceptor *SignInGuard::createInterceptor(QObject *parent)
{
    return new SignInInterceptor(this, parent);
}

QWebEngineUrlSchemeHandler *SignInGuard::createSchemeHandler(QObject *parent)
{
    return new RedirectSchemeHandler(this, parent);
}

} // namespace MsalQt::WebEngine

#include "signinguard.moc"
