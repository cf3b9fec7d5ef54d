#pragma once

#include "signinguard_p.h"

#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/authorizationagent.h>

#include <QList>
#include <QNetworkCookie>
#include <QPointer>
#include <QWebEnginePage>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QVBoxLayout;
class QWebEngineLoadingInfo;
QT_END_NAMESPACE

namespace MsalQt::Widgets {

// Asks the guard about every navigation of the main frame and of subframes, including server
// redirects and URLs of schemes Chromium does not know (msal{client_id}://auth reaches us here
// instead of being handed to the desktop).
class SignInPage : public QWebEnginePage
{
    Q_OBJECT
public:
    SignInPage(QWebEngineProfile *profile, WebEngine::SignInGuard *guard, QObject *parent);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    // Sign-in pages that open pop-ups (help, terms) get none: the dialog shows one page.
    QWebEnginePage *createWindow(WebWindowType type) override;
    // Page scripts' console output is the server's business, not the application's log.
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &, int, const QString &) override {}

private:
    QPointer<WebEngine::SignInGuard> m_guard;
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
    // Installs the guard's handler for the redirect URI's scheme when the application registered it.
    void handleRedirectScheme(const QUrl &redirectUri);

    void onLoadingChanged(const QWebEngineLoadingInfo &info);
    void onUrlChanged(const QUrl &url);

    // The guard ended the sign-in (redirect or failure): park the page, close, report.
    void onRedirected(const QUrl &reported);
    void onFailed(const MsalQt::AuthError &error);
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
    // Every decision about what the browser loads and how the sign-in ends.
    WebEngine::SignInGuard *m_guard = nullptr;
    QByteArray m_handledScheme;
    QString m_storageName;
    QList<QNetworkCookie> m_cookies; // the profile's cookies, as its store announced them
    QString m_titleHost;
};

} // namespace MsalQt::Widgets
