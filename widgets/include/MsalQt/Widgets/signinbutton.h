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
class PublicClientApplication;
}

namespace MsalQt::Widgets {

class SignInButtonPrivate;
class SignInDialog;

// A tool-bar button that shows who is signed in ("Sign in" when nobody is) and offers, in its
// menu, Sign in / Switch account… / Sign out. Signing in is silent first
// (PublicClientApplication::acquireToken()) with its SignInDialog as the interactive agent;
// switching picks from the cached accounts (AccountPicker); signing out removes the account from
// the cache and forgets its cookies in the dialog's profile.
//
// Usable from Qt Designer by promoting a QToolButton (header MsalQt/Widgets/signinbutton.h):
// the form sets the scopes (a string list property), the code behind it calls setApplication().
// Without an application (or once it is deleted) the button is disabled and shows "Sign in".
class MSALQT_WIDGETS_EXPORT SignInButton : public QToolButton
{
    Q_OBJECT
    Q_PROPERTY(QStringList scopes READ scopes WRITE setScopes NOTIFY scopesChanged)
    Q_PROPERTY(MsalQt::Account account READ account WRITE setAccount NOTIFY accountChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
public:
    explicit SignInButton(QWidget *parent = nullptr);
    SignInButton(MsalQt::PublicClientApplication *application, const QStringList &scopes,
                 QWidget *parent = nullptr);
    ~SignInButton() override;

    // Not owned. Replacing the application cancels a sign-in running on the previous one and
    // shows the new one's first cached account; nullptr is allowed.
    void setApplication(MsalQt::PublicClientApplication *application);
    MsalQt::PublicClientApplication *application() const;
    // What signing in asks for (e.g. "User.Read"); used by the next sign-in.
    QStringList scopes() const;
    void setScopes(const QStringList &scopes);

    // The account shown; at start the first cached account, if any.
    MsalQt::Account account() const;
    void setAccount(const MsalQt::Account &account);
    bool isBusy() const; // a sign-in is running

    // The dialog used for interactive sign-ins (to make its profile persistent, for instance).
    SignInDialog *signInDialog() const;

    QAction *signInAction() const;
    QAction *switchAccountAction() const;
    QAction *signOutAction() const;

public Q_SLOTS:
    void signIn();
    void switchAccount();
    void signOut();

Q_SIGNALS:
    void signedIn(const MsalQt::AuthenticationResult &result);
    void signedOut();
    void failed(const MsalQt::AuthError &error);
    void scopesChanged(const QStringList &scopes);
    void accountChanged(const MsalQt::Account &account);
    void busyChanged(bool busy);

protected:
    void changeEvent(QEvent *event) override;

private:
    Q_DECLARE_PRIVATE(SignInButton)
    const QScopedPointer<SignInButtonPrivate> d_ptr;
};

} // namespace MsalQt::Widgets
