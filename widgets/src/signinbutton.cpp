#include <MsalQt/Widgets/signinbutton.h>

#include <MsalQt/Widgets/accountpicker.h>
#include <MsalQt/Widgets/signindialog.h>

#include <MsalQt/authorizationagent.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokenrequest.h>

#include <QAction>
#include <QEvent>
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
    void retranslateUi();
    void updateUi();
    void start(TokenRequest *request);
    void forgetRequest(bool cancel);
    void setBusy(bool busy);
    void setAccount(const Account &account);
    void onAccountsChanged();
    void onApplicationDestroyed();
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
    QAction *m_cancel = nullptr;
    QPointer<AuthorizationAgent> m_agent;
    QPointer<TokenRequest> m_request;
    bool m_busy = false;
};

void SignInButtonPrivate::setupUi()
{
    SignInButton *q = q_ptr;
    q->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    q->setPopupMode(QToolButton::InstantPopup);
    q->setIcon(QIcon(QStringLiteral(":/msalqt/widgets/icons/account.svg")));
    q->setFocusPolicy(Qt::StrongFocus);

    m_menu = new QMenu(q);
    m_signIn = m_menu->addAction(QIcon(QStringLiteral(":/msalqt/widgets/icons/sign-in.svg")), QString());
    m_switch = m_menu->addAction(QIcon(QStringLiteral(":/msalqt/widgets/icons/switch-account.svg")), QString());
    m_signOut = m_menu->addAction(QIcon(QStringLiteral(":/msalqt/widgets/icons/sign-out.svg")), QString());
    QObject::connect(m_signIn, &QAction::triggered, q, &SignInButton::signIn);
    QObject::connect(m_switch, &QAction::triggered, q, &SignInButton::switchAccount);
    QObject::connect(m_signOut, &QAction::triggered, q, &SignInButton::signOut);
    m_cancel = m_menu->addAction(QString());
    QObject::connect(m_cancel, &QAction::triggered, q, &SignInButton::cancel);
    q->setMenu(m_menu);

    m_dialog = new SignInDialog(q);
    retranslateUi();
}

// At construction and on QEvent::LanguageChange; updateUi() sets the texts that depend on state.
void SignInButtonPrivate::retranslateUi()
{
    m_signIn->setText(SignInButton::tr("&Sign in"));
    m_switch->setText(SignInButton::tr("S&witch account…"));
    m_signOut->setText(SignInButton::tr("Sign &out"));
    m_cancel->setText(SignInButton::tr("&Cancel sign-in"));
    updateUi();
}

void SignInButtonPrivate::updateUi()
{
    SignInButton *q = q_ptr;
    const bool busy = m_busy;
    const bool signedIn = !m_account.isNull();
    if (busy)
        q->setText(SignInButton::tr("Signing in…"));
    else if (signedIn)
        q->setText(m_account.name().isEmpty() ? m_account.username() : m_account.name());
    else
        q->setText(SignInButton::tr("Sign in"));
    if (busy)
        q->setToolTip(SignInButton::tr("Signing in; the menu cancels it"));
    else
        q->setToolTip(signedIn ? SignInButton::tr("Signed in as %1").arg(m_account.username())
                               : SignInButton::tr("Not signed in"));
    q->setAccessibleName(signedIn ? SignInButton::tr("Account: %1").arg(m_account.username())
                                  : SignInButton::tr("Sign in"));
    m_signIn->setEnabled(!busy);
    m_signIn->setVisible(!signedIn);
    m_switch->setEnabled(!busy && m_application && !m_application->accounts().isEmpty());
    m_signOut->setEnabled(!busy && signedIn);
    m_cancel->setVisible(busy);
    m_cancel->setEnabled(busy);
}

InteractiveParameters SignInButtonPrivate::parameters(const Account &account) const
{
    InteractiveParameters parameters(m_scopes);
    if (!account.isNull())
        parameters.setAccount(account);
    parameters.setAgent(q_ptr->agent());
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
                setAccount(result.account());
            setBusy(false);
            Q_EMIT q_ptr->signedIn(result);
        } else {
            setBusy(false);
            Q_EMIT q_ptr->failed(request->error());
        }
    });
    // Deleted unfinished, with its application for instance.
    QObject::connect(request, &QObject::destroyed, q, [this] {
        if (m_request.isNull())
            setBusy(false);
    });
    setBusy(true);
}

// Stops following the running sign-in, if any, without reporting it: it belongs to an
// application the button no longer follows. Cancels it unless that application is being deleted
// (and its requests with it).
void SignInButtonPrivate::forgetRequest(bool cancel)
{
    if (TokenRequest *request = m_request.data()) {
        QObject::disconnect(request, nullptr, q_ptr, nullptr);
        m_request = nullptr;
        if (cancel && !request->isFinished())
            request->cancel();
    }
    setBusy(false);
}

void SignInButtonPrivate::setBusy(bool busy)
{
    const bool changed = m_busy != busy;
    m_busy = busy;
    updateUi();
    if (changed)
        Q_EMIT q_ptr->busyChanged(busy);
}

void SignInButtonPrivate::setAccount(const Account &account)
{
    // Account::operator== compares the identity; the copy may still bring a newer name.
    const bool changed = !(m_account == account) || m_account.isNull() != account.isNull();
    m_account = account;
    updateUi();
    if (changed)
        Q_EMIT q_ptr->accountChanged(m_account);
}

// The list changes when the cache loads, and when this or another process (a second instance,
// the msalqt command) signs someone in or out.
void SignInButtonPrivate::onAccountsChanged()
{
    if (!m_application)
        return;
    const QList<Account> accounts = m_application->accounts();
    const bool gone = !m_account.isNull()
        && std::none_of(accounts.cbegin(), accounts.cend(), [this](const Account &account) {
               return account.homeAccountId() == m_account.homeAccountId();
           });
    if (gone) {
        setAccount({});
        Q_EMIT q_ptr->signedOut();
    }
    if (m_account.isNull() && !m_request)
        setAccount(accounts.value(0));
}

void SignInButtonPrivate::onApplicationDestroyed()
{
    // Its requests go with it (they are its children); nothing is left to sign in to.
    forgetRequest(false);
    setAccount({});
    q_ptr->setEnabled(false);
}

SignInButton::SignInButton(QWidget *parent) : QToolButton(parent), d_ptr(new SignInButtonPrivate(this))
{
    Q_D(SignInButton);
    d->setupUi();
    setEnabled(false);
}

SignInButton::SignInButton(PublicClientApplication *application, const QStringList &scopes, QWidget *parent)
    : SignInButton(parent)
{
    setScopes(scopes);
    setApplication(application);
}

SignInButton::~SignInButton()
{
    Q_D(SignInButton);
    // A sign-in still running reports to nobody: the button, and whoever listens to it, are going
    // (its dialog, deleted after this body, would otherwise end it into a half-destroyed button).
    if (TokenRequest *request = d->m_request.data()) {
        QObject::disconnect(request, nullptr, this, nullptr);
        if (!request->isFinished())
            request->cancel();
    }
}

void SignInButton::setApplication(PublicClientApplication *application)
{
    Q_D(SignInButton);
    if (d->m_application == application)
        return;
    if (d->m_application)
        disconnect(d->m_application, nullptr, this, nullptr);
    d->forgetRequest(true);
    d->m_application = application;
    setEnabled(application != nullptr);
    if (!application) {
        setAccount({});
        return;
    }
    connect(application, &ClientApplication::accountsChanged, this, [d] { d->onAccountsChanged(); });
    connect(application, &QObject::destroyed, this, [d] { d->onApplicationDestroyed(); });
    // The account shown stays if the new application knows it too.
    const QList<Account> accounts = application->accounts();
    setAccount(accounts.contains(d->m_account) ? d->m_account : accounts.value(0));
}

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
    if (d->m_scopes == scopes)
        return;
    d->m_scopes = scopes;
    Q_EMIT scopesChanged(scopes);
}

Account SignInButton::account() const
{
    Q_D(const SignInButton);
    return d->m_account;
}

void SignInButton::setAccount(const Account &account)
{
    Q_D(SignInButton);
    d->setAccount(account);
}

bool SignInButton::isBusy() const
{
    Q_D(const SignInButton);
    return d->m_busy;
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

QAction *SignInButton::cancelAction() const
{
    Q_D(const SignInButton);
    return d->m_cancel;
}

AuthorizationAgent *SignInButton::agent() const
{
    Q_D(const SignInButton);
    return d->m_agent ? d->m_agent.data() : d->m_dialog->agent();
}

void SignInButton::setAgent(AuthorizationAgent *agent)
{
    Q_D(SignInButton);
    d->m_agent = agent;
}

void SignInButton::cancel()
{
    Q_D(SignInButton);
    // finished() follows from cancel(), and with it failed() and the end of busy.
    if (TokenRequest *request = d->m_request.data(); request && !request->isFinished())
        request->cancel();
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
            d->setAccount({});
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
    d->setAccount({});
    if (d->m_application)
        d->m_application->removeAccount(account);
    // The token cache cannot reach the browser's cookies: without this the server's session
    // would sign the same person in again without asking.
    d->m_dialog->forgetAccount(account);
    Q_EMIT signedOut();
}

void SignInButton::changeEvent(QEvent *event)
{
    Q_D(SignInButton);
    if (event->type() == QEvent::LanguageChange)
        d->retranslateUi();
    QToolButton::changeEvent(event);
}

} // namespace MsalQt::Widgets
