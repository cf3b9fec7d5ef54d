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
class MSALQT_WIDGETS_EXPORT SignInButton : public QToolButton
{
    Q_OBJECT
public:
    SignInButton(MsalQt::PublicClientApplication *application, const QStringList &scopes,
                 QWidget *parent = nullptr);
    ~SignInButton() override;

    MsalQt::PublicClientApplication *application() const;
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

private:
    Q_DECLARE_PRIVATE(SignInButton)
    const QScopedPointer<SignInButtonPrivate> d_ptr;
};

} // namespace MsalQt::Widgets
