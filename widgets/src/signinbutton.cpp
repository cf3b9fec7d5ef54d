#include <MsalQt/Widgets/signinbutton.h>

#include <MsalQt/Widgets/accountpicker.h>
#include <MsalQt/Widgets/signindialog.h>

#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokenrequest.h>

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QPointer>

#include <algorithm>

namespace MsalQt::Widgets {

class SignInButtonPrivate
{
public:
    explicit SignInButtonPrivate(SignInButton *q) : q_ptr(q) {}

    void setupUi();
    void updateUi();
    void start(TokenRequest *request);
    InteractiveParameters parameters(const Account &account) const;

    SignInButton *q_ptr;
    QPointer<PublicClientApplication> m_application;
    QStringList m_scopes;
    Account m_account;
    SignInDialog *m_dialog = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_signIn = nullptr;
    QAction *m_switch = nullptr;
    QAction *m_signOut = nullptr;
    QPointer<TokenRequest> m_request;
};

void SignInButtonPrivate::setupUi()
{
    SignInButton *q = q_ptr;
    q->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    q->setPopupMode(QToolButton::InstantPopup);
    q->setIcon(QIcon(QStringLiteral(":/msalqt/widgets/icons/account.svg")));
    q->setFocusPolicy(Qt::StrongFocus);

    m_menu = new QMenu(q);
    m_signIn = m_menu->addAction(QIcon(QStringLiteral(":/msalqt/widgets/icons/sign-in.svg")),
                                 SignInButton::tr("&Sign in"));
    m_switch = m_menu->addAction(QIcon(QStringLiteral(":/msalqt/widgets/icons/switch-account.svg")),
                                 SignInButton::tr("S&witch account…"));
    m_signOut = m_menu->addAction(QIcon(QStringLiteral(":/msalqt/widgets/icons/sign-out.svg")),
                                  SignInButton::tr("Sign &out"));
    QObject::connect(m_signIn, &QAction::triggered, q, &SignInButton::signIn);
    QObject::connect(m_switch, &QAction::triggered, q, &SignInButton::switchAccount);
    QObject::connect(m_signOut, &QAction::triggered, q, &SignInButton::signOut);
    q->setMenu(m_menu);

    m_dialog = new SignInDialog(q);
}

void SignInButtonPrivate::updateUi()
{
    SignInButton *q = q_ptr;
    const bool busy = !m_request.isNull();
    const bool signedIn = !m_account.isNull();
    if (busy)
        q->setText(SignInButton::tr("Signing in…"));
    else if (signedIn)
        q->setText(m_account.name().isEmpty() ? m_account.username() : m_account.name());
    else
        q->setText(SignInButton::tr("Sign in"));
    q->setToolTip(signedIn ? SignInButton::tr("Signed in as %1").arg(m_account.username())
                           : SignInButton::tr("Not signed in"));
    q->setAccessibleName(signedIn ? SignInButton::tr("Account: %1").arg(m_account.username())
                                  : SignInButton::tr("Sign in"));
    m_signIn->setEnabled(!busy);
    m_signIn->setVisible(!signedIn);
    m_switch->setEnabled(!busy && m_application && !m_application->accounts().isEmpty());
    m_signOut->setEnabled(!busy && signedIn);
}

InteractiveParameters SignInButtonPrivate::parameters(const Account &account) const
{
    InteractiveParameters parameters(m_scopes);
    if (!account.isNull())
        parameters.setAccount(account);
    parameters.setAgent(m_dialog->agent());
    return parameters;
}

void SignInButtonPrivate::start(TokenRequest *request)
{
    SignInButton *q = q_ptr;
    m_request = request;
    QObject::connect(request, &TokenRequest::finished, q, [this, request] {
        m_request = nullptr;
        if (request->isSuccess()) {
            const AuthenticationResult result = request->result();
            if (!result.account().isNull())
                m_account = result.account();
            updateUi();
            Q_EMIT q_ptr->signedIn(result);
        } else {
            updateUi();
            Q_EMIT q_ptr->failed(request->error());
        }
    });
    updateUi();
}

SignInButton::SignInButton(PublicClientApplication *application, const QStringList &scopes, QWidget *parent)
    : QToolButton(parent), d_ptr(new SignInButtonPrivate(this))
{
    Q_D(SignInButton);
    d->m_application = application;
    d->m_scopes = scopes;
    d->setupUi();
    if (application) {
        d->m_account = application->accounts().value(0);
        // The list changes when the cache loads, and when this or another process (a second
        // instance, the msalqt command) signs someone in or out.
        connect(application, &ClientApplication::accountsChanged, this, [this, d] {
            if (!d->m_application)
                return;
            const QList<Account> accounts = d->m_application->accounts();
            const bool gone = !d->m_account.isNull()
                && std::none_of(accounts.cbegin(), accounts.cend(), [d](const Account &account) {
                       return account.homeAccountId() == d->m_account.homeAccountId();
                   });
            if (gone) {
                d->m_account = {};
                d->updateUi();
                Q_EMIT signedOut();
            }
            if (d->m_account.isNull() && !d->m_request)
                d->m_account = accounts.value(0);
            d->updateUi();
        });
    }
    d->updateUi();
}

SignInButton::~SignInButton() = default;

PublicClientApplication *SignInButton::application() const
{
    Q_D(const SignInButton);
    return d->m_application.data();
}

QStringList SignInButton::scopes() const
{
    Q_D(const SignInButton);
    return d->m_scopes;
}

void SignInButton::setScopes(const QStringList &scopes)
{
    Q_D(SignInButton);
    d->m_scopes = scopes;
}

Account SignInButton::account() const
{
    Q_D(const SignInButton);
    return d->m_account;
}

void SignInButton::setAccount(const Account &account)
{
    Q_D(SignInButton);
    d->m_account = account;
    d->updateUi();
}

bool SignInButton::isBusy() const
{
    Q_D(const SignInButton);
    return !d->m_request.isNull();
}

SignInDialog *SignInButton::signInDialog() const
{
    Q_D(const SignInButton);
    return d->m_dialog;
}

QAction *SignInButton::signInAction() const
{
    Q_D(const SignInButton);
    return d->m_signIn;
}

QAction *SignInButton::switchAccountAction() const
{
    Q_D(const SignInButton);
    return d->m_switch;
}

QAction *SignInButton::signOutAction() const
{
    Q_D(const SignInButton);
    return d->m_signOut;
}

void SignInButton::signIn()
{
    Q_D(SignInButton);
    if (!d->m_application || d->m_request)
        return;
    // Silent first: the cache or the refresh token when they can, the dialog when they cannot.
    d->start(d->m_application->acquireToken(d->parameters(d->m_account)));
}

void SignInButton::switchAccount()
{
    Q_D(SignInButton);
    if (!d->m_application || d->m_request)
        return;
    auto *picker = new AccountPicker(d->m_application, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setObjectName(QStringLiteral("msalqt-account-picker"));
    picker->setCurrentAccount(d->m_account);
    connect(picker, &AccountPicker::accountSelected, this, [d](const Account &account) {
        if (d->m_application && !d->m_request)
            d->start(d->m_application->acquireToken(d->parameters(account)));
    });
    connect(picker, &AccountPicker::addAccountRequested, this, [d] {
        if (!d->m_application || d->m_request)
            return;
        InteractiveParameters parameters = d->parameters({});
        parameters.setPrompt(InteractiveParameters::Prompt::SelectAccount);
        d->start(d->m_application->acquireTokenInteractive(parameters));
    });
    connect(picker, &AccountPicker::accountRemoved, this, [this, d](const Account &account) {
        d->m_dialog->forgetAccount(account);
        if (account == d->m_account) {
            d->m_account = {};
            d->updateUi();
            Q_EMIT signedOut();
        }
    });
    picker->open();
}

void SignInButton::signOut()
{
    Q_D(SignInButton);
    if (d->m_account.isNull())
        return;
    const Account account = d->m_account;
    d->m_account = {};
    if (d->m_application)
        d->m_application->removeAccount(account);
    // The token cache cannot reach the browser's cookies: without this the server's session
    // would sign the same person in again without asking.
    d->m_dialog->forgetAccount(account);
    d->updateUi();
    Q_EMIT signedOut();
}

} // namespace MsalQt::Widgets
