#pragma once

#include "redirectpolicy_p.h"

#include <MsalQt/autherror.h>

#include <QByteArray>
#include <QObject>
#include <QUrl>
#include <QWebEnginePage>

QT_BEGIN_NAMESPACE
class QWebEngineCertificateError;
class QWebEngineLoadingInfo;
class QWebEngineUrlRequestInfo;
class QWebEngineUrlRequestInterceptor;
class QWebEngineUrlSchemeHandler;
QT_END_NAMESPACE

namespace MsalQt::WebEngine {

// Every decision of an embedded browser that acts as the authorization agent, for the widget
// (Widgets::SignInDialog) and the QML view (Quick::SignInViewAgent) alike: which page may load,
// when the redirect is caught, what ends the sign-in and with which error. The views own their
// WebEngine objects and forward each event here; they decide nothing themselves.
//
// Its sources are compiled into each library that uses them (webengine/sources.cmake); it
// depends on Qt WebEngine Core and MsalQt::Auth only, never on Widgets or Quick.
//
// One sign-in runs from begin() to exactly one of redirected() or failed(), or to a quiet end().
class SignInGuard : public QObject
{
    Q_OBJECT
public:
    explicit SignInGuard(QObject *parent = nullptr);
    ~SignInGuard() override;

    // AuthorizationAgent::prepare() of an embedded browser: the redirect URI it can catch, given
    // the one the application registered (unchanged), or an invalid URL when it cannot.
    static QUrl prepareRedirectUri(const QUrl &redirectUri);
    // The custom scheme of `redirectUri` (msal{client_id}) that needs the scheme handler of
    // createSchemeHandler() on the profile; empty for http(s) and for unregistered schemes.
    static QByteArray redirectSchemeToHandle(const QUrl &redirectUri);

    // Starts a sign-in that ends at `redirectUri`. False, with failed() emitted, when the
    // authorization URL itself may not be loaded: then the caller loads nothing.
    bool begin(const QUrl &authorizationUrl, const QUrl &redirectUri);
    // Between begin() and its redirect, failure or end().
    bool isAuthorizing() const { return m_authorizing; }
    QUrl redirectUri() const { return m_policy.redirectUri(); }

    // QWebEnginePage::acceptNavigationRequest() / WebEngineView.navigationRequested: whether the
    // browser may go to `url`. The redirect URI is reported and never loaded.
    bool acceptNavigation(const QUrl &url, bool isMainFrame);
    // The interceptor's decision for every request of the profile (Qt 6 calls it on the UI thread).
    void interceptRequest(QWebEngineUrlRequestInfo &info);
    // What the scheme handler received (see createSchemeHandler()): ends the sign-in when it is
    // the redirect URI.
    void redirectSchemeRequested(const QUrl &url);
    // Rejects the certificate; a sign-in running fails.
    void certificateError(const QWebEngineCertificateError &error);
    // A page that never arrived ends the sign-in; HTTP error pages and our own stops do not.
    void loadingChanged(const QWebEngineLoadingInfo &info);
    // The Quick view's enum has the same values as QWebEnginePage's.
    void renderProcessTerminated(QWebEnginePage::RenderProcessTerminationStatus status);

    // Ends a running sign-in with `error` (the person closed the view: AuthError::Cancelled).
    void fail(const MsalQt::AuthError &error);
    // The flow is over: ends the sign-in without a signal. Returns whether one was running.
    bool end();

    // For QWebEngineProfile / QQuickWebEngineProfile::setUrlRequestInterceptor(): forwards to
    // interceptRequest(), and blocks everything once this guard is gone. The caller owns it
    // (`parent`); the profile does not.
    QWebEngineUrlRequestInterceptor *createInterceptor(QObject *parent);
    // For installUrlSchemeHandler(redirectSchemeToHandle(...), ...): receives the redirect to a
    // registered custom scheme, which Chromium loads without asking acceptNavigation().
    QWebEngineUrlSchemeHandler *createSchemeHandler(QObject *parent);

Q_SIGNALS:
    // The redirect URI given to begin() with the response's query and fragment. At most once per begin().
    void redirected(const QUrl &reported);
    // At most once per begin(), and never after redirected().
    void failed(const MsalQt::AuthError &error);

private:
    void finishWithRedirect(const QUrl &url);
    void refuse(const QUrl &url);

    RedirectPolicy m_policy;
    bool m_authorizing = false;
};

} // namespace MsalQt::WebEngine
