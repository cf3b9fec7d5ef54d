#pragma once

#include <MsalQt/Widgets/msalqtwidgets_global.h>
#include <MsalQt/account.h>
#include <MsalQt/authenticationresult.h>
#include <MsalQt/autherror.h>

#include <QScopedPointer>
#include <QStringList>
#include <QToolButton>

QT_BEGIN_NAMESPACE
class QAction;
QT_END_NAMESPACE

namespace MsalQt {
class AuthorizationAgent;
class PublicClientApplication;
}

namespace MsalQt::Widgets {

class SignInButtonPrivate;
class SignInDialog;

/// A tool-bar button that shows who is signed in ("Sign in" when nobody is) and offers, in its
/// menu, Sign in / Switch account… / Sign out. Signing in is silent first
/// (PublicClientApplication::acquireToken()) with its SignInDialog as the interactive agent;
/// switching picks from the cached accounts (AccountPicker); signing out removes the account from
/// the cache and forgets its cookies in the dialog's profile.
///
/// Usable from Qt Designer by promoting a QToolButton (header MsalQt/Widgets/signinbutton.h):
/// the form sets the scopes (a string list property), the code behind it calls setApplication().
/// Without an application (or once it is deleted) the button is disabled and shows "Sign in".
///
/// While a sign-in runs the button shows "Signing in…" and its menu offers Cancel sign-in
/// (cancelAction(), cancel()): a sign-in in the system browser (setAgent()) has no window of its
/// own to close.
class MSALQT_WIDGETS_EXPORT SignInButton : public QToolButton
{
    Q_OBJECT
    /// What signing in asks for; settable from Qt Designer.
    Q_PROPERTY(QStringList scopes READ scopes WRITE setScopes NOTIFY scopesChanged)
    /// The account shown: the one signed in, null when nobody is.
    Q_PROPERTY(MsalQt::Account account READ account WRITE setAccount NOTIFY accountChanged)
    /// Whether a sign-in is running.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
public:
    /// A button without an application (disabled until setApplication()).
    explicit SignInButton(QWidget *parent = nullptr);
    /// A button signing in to `application` (not owned) for `scopes`.
    SignInButton(MsalQt::PublicClientApplication *application, const QStringList &scopes,
                 QWidget *parent = nullptr);
    /// Destroys the button and its dialog.
    ~SignInButton() override;

    /// Signs in to `application` (not owned). Replacing the application cancels a sign-in running
    /// on the previous one and shows the new one's first cached account; nullptr is allowed.
    void setApplication(MsalQt::PublicClientApplication *application);
    /// The application signed in to; null when none is set or it was deleted.
    MsalQt::PublicClientApplication *application() const;
    /// What signing in asks for (e.g.\ "User.Read"); used by the next sign-in.
    QStringList scopes() const;
    /// Sets what signing in asks for.
    void setScopes(const QStringList &scopes);

    /// The account shown; at start the first cached account, if any.
    MsalQt::Account account() const;
    /// Shows `account` as the one signed in (and the next sign-in's account).
    void setAccount(const MsalQt::Account &account);
    bool isBusy() const; ///< a sign-in is running

    /// The dialog used for interactive sign-ins (to make its profile persistent, for instance).
    SignInDialog *signInDialog() const;
    /// The agent interactive sign-ins use: the one set with setAgent(), else signInDialog()'s.
    MsalQt::AuthorizationAgent *agent() const;
    /// Makes interactive sign-ins use `agent` (not owned), a MsalQt::SystemBrowserAgent for
    /// instance; nullptr (the default) goes back to signInDialog(). Used from the next sign-in on.
    void setAgent(MsalQt::AuthorizationAgent *agent);

    /// The menu's Sign in action (hidden while someone is signed in).
    QAction *signInAction() const;
    /// The menu's Switch account… action (enabled when the cache holds accounts).
    QAction *switchAccountAction() const;
    /// The menu's Sign out action.
    QAction *signOutAction() const;
    /// The menu's Cancel sign-in action (shown while a sign-in runs).
    QAction *cancelAction() const;

public Q_SLOTS:
    /// Signs in: silently when the cache or a refresh token can, else with the sign-in dialog.
    /// Does nothing without an application or while a sign-in runs.
    void signIn();
    /// Opens an AccountPicker on the application: the account picked is signed in (silently if
    /// it can be), Add account… signs in another one with the account chooser, and removing the
    /// account shown signs it out.
    void switchAccount();
    /// Cancels the sign-in running, if any: it ends as AuthError::Cancelled (failed() is
    /// emitted), the sign-in dialog closes or the system browser's wait ends.
    void cancel();
    /// Signs the account shown out: removes it and its tokens from the application's cache,
    /// forgets its cookies in the dialog's profile, and emits signedOut().
    void signOut();

Q_SIGNALS:
    /// A sign-in succeeded; `result` holds the tokens.
    void signedIn(const MsalQt::AuthenticationResult &result);
    /// The account shown was signed out: by signOut(), removed in the account picker, or gone
    /// from the application's cache (another process signed it out).
    void signedOut();
    /// A sign-in failed (AuthError::Cancelled when the person closed the dialog).
    void failed(const MsalQt::AuthError &error);
    /// scopes() changed.
    void scopesChanged(const QStringList &scopes);
    /// account() changed: someone signed in, out, or switched.
    void accountChanged(const MsalQt::Account &account);
    /// A sign-in started (`busy` true) or ended.
    void busyChanged(bool busy);

protected:
    /// Retranslates the texts on QEvent::LanguageChange (see installTranslations()).
    void changeEvent(QEvent *event) override;

private:
    Q_DECLARE_PRIVATE(SignInButton)
    const QScopedPointer<SignInButtonPrivate> d_ptr;
};

} // namespace MsalQt::Widgets
