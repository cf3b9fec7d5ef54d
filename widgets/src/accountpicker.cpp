#include <MsalQt/Widgets/accountpicker.h>

#include "accountmodel_p.h"

#include <MsalQt/clientapplication.h>
#include <MsalQt/tokencache.h>

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QKeyEvent>
#include <QVBoxLayout>

#include <functional>

namespace MsalQt::Widgets {

class DeleteKeyFilter : public QObject
{
public:
    DeleteKeyFilter(std::function<void()> action, QObject *parent) : QObject(parent), m_action(std::move(action)) {}
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Delete)) {
            m_action();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_action;
};

class AccountPickerPrivate
{
public:
    explicit AccountPickerPrivate(AccountPicker *q) : q_ptr(q) {}

    void setupUi();
    void retranslateUi();
    void updateButtons();
    void remove(const Account &account);

    AccountPicker *q_ptr;
    QPointer<ClientApplication> m_application;
    AccountModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_use = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Account m_selected;
    bool m_confirmRemoval = true;
};

void AccountPickerPrivate::setupUi()
{
    AccountPicker *q = q_ptr;
    m_heading = new QLabel(q);

    m_model = new AccountModel(q);
    m_list = new QListView(q);
    m_list->setModel(m_model);
    m_list->setIconSize(QSize(32, 32));
    m_list->setSpacing(2);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Long usernames and tenant ids are elided, not scrolled sideways (the tooltip and the
    // accessible text carry them in full).
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_heading->setBuddy(m_list);

    m_empty = new QLabel(q);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    m_buttons = new QDialogButtonBox(q);
    m_use = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_add = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_add->setIcon(QIcon(QStringLiteral(":/msalqt/widgets/icons/add-account.svg")));
    m_remove = m_buttons->addButton(QString(), QDialogButtonBox::DestructiveRole);
    m_remove->setIcon(QIcon(QStringLiteral(":/msalqt/widgets/icons/remove.svg")));
    m_buttons->addButton(QDialogButtonBox::Cancel);
    // Enter on the list reaches the dialog's default button: picking happens in one place.
    m_use->setDefault(true);
    m_add->setAutoDefault(false);
    m_remove->setAutoDefault(false);

    QObject::connect(m_use, &QPushButton::clicked, q, &AccountPicker::pickCurrent);
    QObject::connect(m_add, &QPushButton::clicked, q, [q] {
        Q_EMIT q->addAccountRequested();
        q->QDialog::accept();
    });
    QObject::connect(m_remove, &QPushButton::clicked, q, &AccountPicker::removeCurrent);
    QObject::connect(m_buttons, &QDialogButtonBox::rejected, q, &AccountPicker::reject);
    QObject::connect(m_list, &QListView::doubleClicked, q, &AccountPicker::pickCurrent);
    QObject::connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, q,
                     [this] { updateButtons(); });

    // Delete on the list removes; a key filter rather than a shortcut, so it works whenever
    // the list gets the key, active window or not.
    m_list->installEventFilter(new DeleteKeyFilter([q] { q->removeCurrent(); }, m_list));

    auto *layout = new QVBoxLayout(q);
    layout->addWidget(m_heading);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_buttons);

    QWidget::setTabOrder(m_list, m_use);
    QWidget::setTabOrder(m_use, m_add);
    QWidget::setTabOrder(m_add, m_remove);
    q->resize(460, 320);
    retranslateUi();
}

// At construction and on QEvent::LanguageChange (a translator installed or removed).
void AccountPickerPrivate::retranslateUi()
{
    q_ptr->setWindowTitle(AccountPicker::tr("Choose an account"));
    m_heading->setText(AccountPicker::tr("Pick an account to continue:"));
    m_list->setAccessibleName(AccountPicker::tr("Accounts"));
    m_empty->setText(AccountPicker::tr("No account has signed in yet."));
    m_use->setText(AccountPicker::tr("&Use account"));
    m_add->setText(AccountPicker::tr("&Add account…"));
    m_remove->setText(AccountPicker::tr("&Remove"));
    m_remove->setToolTip(AccountPicker::tr("Sign this account out of the application (Delete)"));
    // QDialogButtonBox translates its standard buttons (Cancel) itself; the rows' texts come
    // from the model.
    m_model->retranslate();
}

void AccountPickerPrivate::updateButtons()
{
    const bool has = m_list->currentIndex().isValid();
    m_use->setEnabled(has);
    m_remove->setEnabled(has);
    m_add->setEnabled(!m_application.isNull());
    m_empty->setVisible(m_model->rowCount() == 0);
}

void AccountPickerPrivate::remove(const Account &account)
{
    if (!m_application || account.isNull())
        return;
    m_application->removeAccount(account);
    Q_EMIT q_ptr->accountRemoved(account);
    q_ptr->refresh();
}

AccountPicker::AccountPicker(QWidget *parent) : QDialog(parent), d_ptr(new AccountPickerPrivate(this))
{
    Q_D(AccountPicker);
    d->setupUi();
    refresh();
    d->m_list->setFocus();
}

AccountPicker::AccountPicker(ClientApplication *application, QWidget *parent) : AccountPicker(parent)
{
    setApplication(application);
}

AccountPicker::~AccountPicker() = default;

void AccountPicker::setApplication(ClientApplication *application)
{
    Q_D(AccountPicker);
    if (d->m_application == application)
        return;
    if (d->m_application)
        disconnect(d->m_application, nullptr, this, nullptr);
    d->m_application = application;
    if (application) {
        connect(application, &ClientApplication::accountsChanged, this, &AccountPicker::refresh);
        // The QPointer is null by now; the list must not keep showing the accounts of an
        // application that is gone.
        connect(application, &QObject::destroyed, this, &AccountPicker::refresh);
    }
    refresh();
}

ClientApplication *AccountPicker::application() const
{
    Q_D(const AccountPicker);
    return d->m_application.data();
}

Account AccountPicker::currentAccount() const
{
    Q_D(const AccountPicker);
    return d->m_model->account(d->m_list->currentIndex().row());
}

void AccountPicker::setCurrentAccount(const Account &account)
{
    Q_D(AccountPicker);
    const int row = d->m_model->rowOf(account);
    if (row >= 0)
        d->m_list->setCurrentIndex(d->m_model->index(row));
}

Account AccountPicker::selectedAccount() const
{
    Q_D(const AccountPicker);
    return d->m_selected;
}

void AccountPicker::setConfirmRemoval(bool confirm)
{
    Q_D(AccountPicker);
    if (d->m_confirmRemoval == confirm)
        return;
    d->m_confirmRemoval = confirm;
    Q_EMIT confirmRemovalChanged(confirm);
}

bool AccountPicker::confirmRemoval() const
{
    Q_D(const AccountPicker);
    return d->m_confirmRemoval;
}

QListView *AccountPicker::listView() const
{
    Q_D(const AccountPicker);
    return d->m_list;
}

QAbstractItemModel *AccountPicker::model() const
{
    Q_D(const AccountPicker);
    return d->m_model;
}

void AccountPicker::pickCurrent()
{
    Q_D(AccountPicker);
    const Account account = currentAccount();
    if (account.isNull())
        return;
    d->m_selected = account;
    Q_EMIT accountSelected(account);
    QDialog::accept();
}

void AccountPicker::removeCurrent()
{
    Q_D(AccountPicker);
    const Account account = currentAccount();
    if (account.isNull())
        return;
    if (!d->m_confirmRemoval) {
        d->remove(account);
        return;
    }
    const QString who = account.name().isEmpty() ? account.username()
                                                 : tr("%1 (%2)").arg(account.name(), account.username());
    // open(), not exec(): no nested event loop, and tests can answer the box.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove account"),
                                tr("Remove %1 from this application? You will have to sign in again to use it.")
                                    .arg(who),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("msalqt-confirm-removal"));
    box->button(QMessageBox::Yes)->setText(tr("&Remove"));
    box->button(QMessageBox::No)->setText(tr("&Keep"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // Only from the application the account was listed for, should it change meanwhile.
    const QPointer<ClientApplication> application = d->m_application;
    connect(box, &QMessageBox::finished, this, [d, box, account, application] {
        if (box->clickedButton() == box->button(QMessageBox::Yes) && application == d->m_application)
            d->remove(account);
    });
    box->open();
}

void AccountPicker::refresh()
{
    Q_D(AccountPicker);
    const Account current = currentAccount();
    d->m_model->setAccounts(d->m_application ? d->m_application->accounts() : QList<Account>());
    const int row = qMax(0, d->m_model->rowOf(current));
    if (d->m_model->rowCount() > 0)
        d->m_list->setCurrentIndex(d->m_model->index(row));
    d->updateButtons();
}

void AccountPicker::changeEvent(QEvent *event)
{
    Q_D(AccountPicker);
    if (event->type() == QEvent::LanguageChange)
        d->retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace MsalQt::Widgets
