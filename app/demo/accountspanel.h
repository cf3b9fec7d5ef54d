#pragma once

#include <MsalQt/account.h>
#include <MsalQt/authenticationresult.h>
#include <MsalQt/autherror.h>

#include <QPointer>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QListWidget;
class QPushButton;
QT_END_NAMESPACE

namespace MsalQt {
class AuthorizationAgent;
class PublicClientApplication;
class SystemBrowserAgent;
class TokenRequest;
} // namespace MsalQt

namespace MsalQt::Widgets {
class SignInButton;
}

namespace MsalQtDemo {

// The accounts in the application's cache, the SignInButton, and sign-in through the embedded
// dialog, the system browser or a device code; sign-out and account removal. All through the
// library's public API.
class AccountsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Mode { Embedded, SystemBrowser, DeviceCode };
    Q_ENUM(Mode)

    AccountsPanel(MsalQt::PublicClientApplication *application, const QStringList &scopes,
                  QWidget *parent = nullptr);
    ~AccountsPanel() override;

    Mode mode() const;
    void setMode(Mode mode);
    MsalQt::Account currentAccount() const;
    // The agent that shows a page when an acquisition needs the person (embedded or browser).
    MsalQt::AuthorizationAgent *interactiveAgent();

    QListWidget *accountList() const { return m_list; }
    MsalQt::Widgets::SignInButton *signInButton() const { return m_button; }
    // Tests and the screenshot mode may replace how the system browser opens a page.
    MsalQt::SystemBrowserAgent *systemBrowserAgent();
    // A sign-in runs: the panel's own or the SignInButton's (one at a time).
    bool isBusy() const;

public Q_SLOTS:
    void signIn();
    void cancelSignIn();
    void signOut();
    void removeCurrentAccount();
    void refresh();
    void accept(const MsalQt::AuthenticationResult &result); // a token was acquired elsewhere
    // An acquisition started elsewhere (the Graph panel's, silent first): once it shows a page,
    // it is the one sign-in, which the panel's Cancel ends. Refused (cancelled) when another
    // sign-in already waits for the person. Its outcome stays with whoever started it.
    void track(MsalQt::TokenRequest *request);

Q_SIGNALS:
    void signedIn(const MsalQt::AuthenticationResult &result);
    void signedOut();
    void failed(const MsalQt::AuthError &error);
    void currentAccountChanged(const MsalQt::Account &account);
    void modeChanged(int mode);
    void busyChanged(bool busy);

private:
    void finish(bool success, const MsalQt::AuthenticationResult &result, const MsalQt::AuthError &error);
    void updateBusy();
    void updateAccountButtons(); // Sign out and Remove: an account is chosen and nothing runs
    void onModeChanged();

    MsalQt::PublicClientApplication *m_app;
    QStringList m_scopes;
    QListWidget *m_list = nullptr;
    QComboBox *m_mode = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_signOut = nullptr;
    QPushButton *m_remove = nullptr;
    MsalQt::Widgets::SignInButton *m_button = nullptr;
    MsalQt::SystemBrowserAgent *m_browser = nullptr;
    QPointer<MsalQt::TokenRequest> m_request; // the panel's own sign-in
    bool m_busy = false;
};

} // namespace MsalQtDemo
