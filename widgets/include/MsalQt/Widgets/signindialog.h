#pragma once

#include <MsalQt/Widgets/msalqtwidgets_global.h>
#include <MsalQt/account.h>
#include <MsalQt/autherror.h>

#include <QDialog>
#include <QScopedPointer>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QWebEnginePage;
class QWebEngineProfile;
class QWebEngineView;
QT_END_NAMESPACE

namespace MsalQt {
class AuthorizationAgent;
}

namespace MsalQt::Widgets {

class SignInDialogPrivate;

/// The sign-in page in an embedded Qt WebEngine view. It shows what the authorization server
/// sends and reports where the server redirects; it holds no protocol logic.
///
///     auto *dialog = new MsalQt::Widgets::SignInDialog(window);
///     MsalQt::InteractiveParameters parameters({QStringLiteral("User.Read")});
///     parameters.setAgent(dialog->agent());
///     app->acquireTokenInteractive(parameters);
///
/// A QObject cannot be both a QDialog and an AuthorizationAgent, so the dialog hands the flow an
/// agent it owns (agent()); the flow drives it, and the dialog opens and closes with it.
///
/// - The web view and its profile are made when first needed (the first authorize(), or page(),
///   view(), profile()), not with the dialog: a dialog made at start-up costs no Chromium start.
/// - Each dialog browses in its own off-the-record profile unless setPersistentProfile() is
///   called; then single-sign-on cookies survive restarts, and an application that signs an
///   account out must also call forgetAccount() (SignInButton does), or the next sign-in would
///   silently reuse the session the server still remembers.
/// - The redirect is caught before any request leaves for it (loopback http://localhost:*,
///   https://login.microsoftonline.com/common/oauth2/nativeclient, msal{client_id}://auth or
///   any other URI the flow passes).
/// - Pages other than https (and http on loopback) are refused and end the sign-in with
///   AuthError::NetworkError, as do certificate errors and pages that fail to load.
/// - Esc and the window's close button end it with AuthError::Cancelled.
class MSALQT_WIDGETS_EXPORT SignInDialog : public QDialog
{
    Q_OBJECT
public:
    /// A dialog whose browser is created when first needed.
    explicit SignInDialog(QWidget *parent = nullptr);
    /// Destroys the dialog and its agent; a sign-in it shows fails with AuthError::Cancelled.
    ~SignInDialog() override;

    /// What InteractiveParameters::setAgent() takes. Owned by the dialog.
    MsalQt::AuthorizationAgent *agent() const;

    /// Lets the dialog catch a server redirect (HTTP 302) to the custom-scheme redirect URI
    /// msal{clientId}://auth: Chromium only follows redirects to schemes registered with
    /// QWebEngineUrlScheme, which must happen before the QApplication is created. Without it the
    /// agent refuses such a redirect URI (prepare() answers an invalid URL, and the flow fails
    /// with AuthError::InvalidConfiguration).
    static void registerRedirectScheme(const QString &clientId);

    /// Keeps cookies (and so the server's single-sign-on session) on disk under `storageName`
    /// (QWebEngineProfile's storage name, in the application's data directory). An empty name
    /// returns to an off-the-record profile. Call it while no sign-in is running.
    void setPersistentProfile(const QString &storageName);
    /// Whether cookies are kept on disk (setPersistentProfile() with a name).
    bool isPersistentProfile() const;
    /// Creates the browser if it does not exist yet.
    QWebEngineProfile *profile() const;
    /// Whether the web view and profile exist (WebEngine has been started for this dialog).
    bool isBrowserCreated() const;

    /// Deletes the cookies the sign-in pages of the account's authority host left in this
    /// dialog's profile, so that the next sign-in asks again. The server's session cookies are
    /// per host, not per account: other accounts of the same host are signed out of the browser
    /// session too (their tokens stay in the token cache).
    void forgetAccount(const MsalQt::Account &account);
    /// Deletes every cookie of the profile.
    void clearCookies();

    /// Shows `authorizationUrl` and waits for a navigation to `redirectUri`. What agent() does
    /// when a flow calls it; usable on its own without a flow.
    void authorize(const QUrl &authorizationUrl, const QUrl &redirectUri);
    /// Whether a sign-in is being shown (between authorize() and its redirect or failure).
    bool isAuthorizing() const;

    /// For tests and automation: the page and the view (created if need be).
    QWebEnginePage *page() const;
    /// The web view that shows the page (created if need be).
    QWebEngineView *view() const;

    /// Room for a sign-in page (520 × 680), within 90% of the screen's available size.
    ///
    /// The dialog opens at this size for its first sign-in, not at Qt's default of at most two
    /// thirds of the screen, unless the application has resized it.
    QSize sizeHint() const override;

public Q_SLOTS:
    /// Cancels a running sign-in (AuthError::Cancelled) and closes.
    void reject() override;

Q_SIGNALS:
    /// Mirrors of the agent's signals, for applications using the dialog without a flow.
    void redirected(const QUrl &redirectUrl);
    /// The sign-in failed; see AuthorizationAgent::failed().
    void failed(const MsalQt::AuthError &error);

protected:
    /// Retranslates the texts on QEvent::LanguageChange (see installTranslations()).
    void changeEvent(QEvent *event) override;

private:
    Q_DECLARE_PRIVATE(SignInDialog)
    const QScopedPointer<SignInDialogPrivate> d_ptr;
};

} // namespace MsalQt::Widgets
