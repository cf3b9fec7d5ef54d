#pragma once

#include "redirectpolicy_p.h"

#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/authorizationagent.h>

#include <QList>
#include <QNetworkCookie>
#include <QPointer>
#include <QWebEnginePage>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlSchemeHandler>

#include <functional>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QVBoxLayout;
class QWebEngineCertificateError;
class QWebEngineLoadingInfo;
QT_END_NAMESPACE

namespace MsalQt::Widgets {

// Asks the dialog about every navigation of the main frame and of subframes, including server
// redirects and URLs of schemes Chromium does not know (msal{client_id}://auth reaches us here
// instead of being handed to the desktop).
class SignInPage : public QWebEnginePage
{
    Q_OBJECT
public:
    using Policy = std::function<bool(const QUrl &, NavigationType, bool)>;
    SignInPage(QWebEngineProfile *profile, Policy policy, QObject *parent);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    // Sign-in pages that open pop-ups (help, terms) get none: the dialog shows one page.
    QWebEnginePage *createWindow(WebWindowType type) override;
    // Page scripts' console output is the server's business, not the application's log.
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &, int, const QString &) override {}

private:
    Policy m_policy;
};

// Sees every request of the profile before it is sent (Qt 6 calls it on the UI thread): the
// last line of defence, for requests no navigation check sees (forms, fetches, subresources).
class SignInInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    using Policy = std::function<void(QWebEngineUrlRequestInfo &)>;
    SignInInterceptor(Policy policy, QObject *parent);
    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

private:
    Policy m_policy;
};

// Receives requests for a registered custom redirect scheme (msal{client_id}://auth): the
// response is in the URL; nothing is ever served.
class RedirectSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    using Policy = std::function<void(const QUrl &)>;
    RedirectSchemeHandler(Policy policy, QObject *parent);
    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    Policy m_policy;
};

class SignInDialogPrivate;

// What the flow talks to; forwards to the dialog.
class SignInDialogAgent : public MsalQt::AuthorizationAgent
{
    Q_OBJECT
public:
    SignInDialogAgent(SignInDialog *dialog, SignInDialogPrivate *d);
    QUrl prepare(const QUrl &redirectUri) override;
    void authorize(const QUrl &authorizationUrl, const QUrl &redirectUri) override;
    void close() override;

private:
    SignInDialog *m_dialog;
    SignInDialogPrivate *m_d;
};

class SignInDialogPrivate
{
    Q_DECLARE_PUBLIC(SignInDialog)
public:
    explicit SignInDialogPrivate(SignInDialog *q);

    void setupUi();
    // At construction and on QEvent::LanguageChange.
    void retranslateUi();
    // "Sign in to <host>" ("Sign in" before any page).
    void setTitleHost(const QString &host);
    // Creates the web view and its profile, once (see SignInDialog::isBrowserCreated()).
    void ensureBrowser();
    void installProfile(QWebEngineProfile *profile);
    void tearDownPage();
    // Installs the handler for the redirect URI's scheme when the application registered it.
    void handleRedirectScheme(const QUrl &redirectUri);

    bool acceptNavigation(const QUrl &url, QWebEnginePage::NavigationType type, bool isMainFrame);
    void interceptRequest(QWebEngineUrlRequestInfo &info);
    void onCertificateError(const QWebEngineCertificateError &error);
    void onLoadingChanged(const QWebEngineLoadingInfo &info);
    void onUrlChanged(const QUrl &url);

    void finishWithRedirect(const QUrl &url);
    void fail(const MsalQt::AuthError &error);
    void refuse(const QUrl &url);
    // The flow is over: close without a signal.
    void closeQuietly();
    void stopBrowsing();
    // Before the first show: the size of sizeHint(), not QWidget's 2/3-of-the-screen default.
    void fitToScreen();

    SignInDialog *q_ptr;
    SignInDialogAgent *m_agent = nullptr;
    QWebEngineView *m_view = nullptr;
    QProgressBar *m_progress = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    SignInPage *m_page = nullptr;
    SignInInterceptor *m_interceptor = nullptr;
    QByteArray m_handledScheme;
    QString m_storageName;
    QList<QNetworkCookie> m_cookies; // the profile's cookies, as its store announced them
    RedirectPolicy m_policy;
    QString m_titleHost;
    bool m_authorizing = false;
};

} // namespace MsalQt::Widgets
