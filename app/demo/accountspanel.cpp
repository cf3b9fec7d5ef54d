#include "accountspanel.h"

#include <MsalQt/Widgets/devicecodedialog.h>
#include <MsalQt/Widgets/signinbutton.h>
#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/systembrowseragent.h>
#include <MsalQt/tokenrequest.h>

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace MsalQtDemo {

AccountsPanel::AccountsPanel(MsalQt::PublicClientApplication *application, const QStringList &scopes,
                             QWidget *parent)
    : QWidget(parent), m_app(application), m_scopes(scopes)
{
    m_button = new MsalQt::Widgets::SignInButton(m_app, m_scopes, this);
    m_button->setObjectName(QStringLiteral("signInButton"));

    auto *accountsLabel = new QLabel(tr("Accou&nts:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Signed-in accounts"));
    accountsLabel->setBuddy(m_list);

    auto *modeLabel = new QLabel(tr("Sign in wit&h:"), this);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("signInMode"));
    m_mode->addItem(tr("Embedded browser"), Embedded);
    m_mode->addItem(tr("System browser"), SystemBrowser);
    m_mode->addItem(tr("Device code"), DeviceCode);
    modeLabel->setBuddy(m_mode);

    m_signIn = new QPushButton(tr("Sign &in"), this);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signOut = new QPushButton(tr("Sign &out"), this);
    m_signOut->setObjectName(QStringLiteral("signOut"));
    m_remove = new QPushButton(tr("Re&move account"), this);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signOut);
    buttons->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_button);
    layout->addWidget(accountsLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(modeLabel);
    layout->addWidget(m_mode);
    layout->addWidget(m_signIn);
    layout->addLayout(buttons);

    // The panel's button becomes Cancel while any sign-in runs.
    connect(m_signIn, &QPushButton::clicked, this, [this] {
        if (isBusy())
            cancelSignIn();
        else
            signIn();
    });
    // The SignInButton's own Sign in signs in in the mode chosen below, the device code included.
    disconnect(m_button->signInAction(), &QAction::triggered, m_button, &MsalQt::Widgets::SignInButton::signIn);
    connect(m_button->signInAction(), &QAction::triggered, this, [this] {
        if (mode() == DeviceCode)
            signIn();
        else
            m_button->signIn();
    });
    connect(m_button, &MsalQt::Widgets::SignInButton::busyChanged, this, &AccountsPanel::updateBusy);
    connect(m_signOut, &QPushButton::clicked, this, &AccountsPanel::signOut);
    connect(m_remove, &QPushButton::clicked, this, &AccountsPanel::removeCurrentAccount);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &AccountsPanel::onModeChanged);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        updateAccountButtons();
        Q_EMIT currentAccountChanged(currentAccount());
    });
    connect(m_button, &MsalQt::Widgets::SignInButton::signedIn, this, &AccountsPanel::accept);
    connect(m_button, &MsalQt::Widgets::SignInButton::signedOut, this, [this] {
        refresh();
        Q_EMIT signedOut();
    });
    connect(m_button, &MsalQt::Widgets::SignInButton::failed, this, &AccountsPanel::failed);
    // A persisted cache arrives after the window is up (it may wait for the keychain), and
    // another process (the msalqt command, a second demo) may sign someone in or out.
    connect(m_app, &MsalQt::ClientApplication::accountsChanged, this, &AccountsPanel::refresh);
    refresh();
}

AccountsPanel::~AccountsPanel()
{
    // Its sign-in (a child of the application) may end while the children go; not into this.
    if (m_request)
        disconnect(m_request, nullptr, this, nullptr);
}

AccountsPanel::Mode AccountsPanel::mode() const
{
    return Mode(m_mode->currentData().toInt());
}

void AccountsPanel::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

void AccountsPanel::onModeChanged()
{
    // The SignInButton's sign-ins (Sign in, Switch account…) show their page the chosen way;
    // in the device code mode its silent-first sign-ins fall back to the embedded dialog.
    m_button->setAgent(mode() == SystemBrowser ? systemBrowserAgent() : nullptr);
    Q_EMIT modeChanged(mode());
}

bool AccountsPanel::isBusy() const
{
    return m_request || m_button->isBusy();
}

void AccountsPanel::cancelSignIn()
{
    if (m_request)
        m_request->cancel();
    else
        m_button->cancel();
}

MsalQt::Account AccountsPanel::currentAccount() const
{
    const QList<MsalQt::Account> accounts = m_app->accounts();
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return {};
    const QString id = item->data(Qt::UserRole).toString();
    for (const MsalQt::Account &account : accounts) {
        if (account.homeAccountId() == id)
            return account;
    }
    return {};
}

MsalQt::SystemBrowserAgent *AccountsPanel::systemBrowserAgent()
{
    if (!m_browser) {
        // Its own way to the browser, not QDesktopServices::openUrl: that runs "xdg-open URL",
        // and the sign-in URL would be on a command line every local user can read.
        m_browser = new MsalQt::SystemBrowserAgent(this);
    }
    return m_browser;
}

MsalQt::AuthorizationAgent *AccountsPanel::interactiveAgent()
{
    if (mode() == SystemBrowser)
        return systemBrowserAgent();
    return m_button->signInDialog()->agent();
}

void AccountsPanel::refresh()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_list->clear();
    const QList<MsalQt::Account> accounts = m_app->accounts();
    for (const MsalQt::Account &account : accounts) {
        const QString text = account.name().isEmpty()
            ? account.username()
            : tr("%1 <%2>").arg(account.name(), account.username());
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, account.homeAccountId());
        item->setToolTip(tr("Tenant %1").arg(account.tenantId()));
        if (account.homeAccountId() == current)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateAccountButtons();
}

void AccountsPanel::updateAccountButtons()
{
    const bool enabled = !isBusy() && !currentAccount().isNull();
    m_signOut->setEnabled(enabled);
    m_remove->setEnabled(enabled);
}

void AccountsPanel::updateBusy()
{
    const bool busy = isBusy();
    m_signIn->setText(busy ? tr("&Cancel sign-in") : tr("Sign &in"));
    m_signIn->setToolTip(busy ? tr("Signing in… Stops waiting for the sign-in.") : QString());
    m_mode->setEnabled(!busy);
    // The button offers its own Cancel while it runs the sign-in; it waits while the panel does.
    m_button->setEnabled(!m_request);
    updateAccountButtons();
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

void AccountsPanel::signIn()
{
    if (isBusy())
        return;
    MsalQt::TokenRequest *request = nullptr;
    if (mode() == DeviceCode) {
        request = m_app->acquireTokenWithDeviceCode(m_scopes);
        auto *dialog = new MsalQt::Widgets::DeviceCodeDialog(request, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    } else {
        MsalQt::InteractiveParameters parameters(m_scopes);
        parameters.setAgent(interactiveAgent());
        if (!m_app->accounts().isEmpty()) // adding another account
            parameters.setPrompt(MsalQt::InteractiveParameters::Prompt::SelectAccount);
        request = m_app->acquireTokenInteractive(parameters);
    }
    m_request = request;
    connect(request, &MsalQt::TokenRequest::finished, this, [this, request] {
        finish(request->isSuccess(), request->result(), request->error());
    });
    updateBusy();
}

void AccountsPanel::track(MsalQt::TokenRequest *request)
{
    connect(request, &MsalQt::TokenRequest::stateChanged, this, [this, request](MsalQt::TokenRequest::State state) {
        if (state != MsalQt::TokenRequest::WaitingForUser || m_request == request)
            return;
        if (isBusy()) {
            request->cancel();
            return;
        }
        m_request = request;
        updateBusy();
    });
    connect(request, &MsalQt::TokenRequest::finished, this, [this, request] {
        if (m_request != request)
            return;
        m_request = nullptr;
        updateBusy();
    });
}

void AccountsPanel::finish(bool success, const MsalQt::AuthenticationResult &result, const MsalQt::AuthError &error)
{
    m_request = nullptr;
    updateBusy();
    if (success)
        accept(result);
    else
        Q_EMIT failed(error);
}

void AccountsPanel::accept(const MsalQt::AuthenticationResult &result)
{
    if (!result.account().isNull() && m_button->account() != result.account())
        m_button->setAccount(result.account());
    refresh();
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == result.account().homeAccountId())
            m_list->setCurrentRow(i);
    }
    Q_EMIT signedIn(result);
}

void AccountsPanel::signOut()
{
    const MsalQt::Account account = currentAccount();
    if (account.isNull())
        return;
    if (m_button->account() == account) {
        m_button->signOut(); // forgets it in the dialog's profile too; emits signedOut
        return;
    }
    m_app->removeAccount(account);
    refresh();
    Q_EMIT signedOut();
}

void AccountsPanel::removeCurrentAccount()
{
    const MsalQt::Account account = currentAccount();
    if (account.isNull())
        return;
    m_button->signInDialog()->forgetAccount(account);
    if (m_button->account() == account)
        m_button->setAccount({});
    m_app->removeAccount(account);
    refresh();
    Q_EMIT signedOut();
}

} // namespace MsalQtDemo
