#pragma once

#include <MsalQt/Widgets/msalqtwidgets_global.h>
#include <MsalQt/account.h>

#include <QDialog>
#include <QScopedPointer>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QListView;
QT_END_NAMESPACE

namespace MsalQt {
class ClientApplication;
}

namespace MsalQt::Widgets {

class AccountPickerPrivate;

/// Lists the accounts an application holds in its token cache (name, username, tenant) and lets
/// the person pick one (Enter or double-click), ask for another (addAccountRequested()), or
/// remove one (Delete, after a confirmation; ClientApplication::removeAccount()). The list follows
/// the cache as it changes.
///
/// Usable from Qt Designer by promotion (header MsalQt/Widgets/accountpicker.h): the form creates
/// it with its parent only, and the code behind the form calls setApplication(). Without an
/// application (or once it is deleted) the list is empty and nothing can be picked or added.
class MSALQT_WIDGETS_EXPORT AccountPicker : public QDialog
{
    Q_OBJECT
    /// Whether removing an account asks first (default true).
    Q_PROPERTY(bool confirmRemoval READ confirmRemoval WRITE setConfirmRemoval NOTIFY confirmRemovalChanged)
public:
    /// A picker without an application: call setApplication().
    explicit AccountPicker(QWidget *parent = nullptr);
    /// A picker listing the accounts of `application` (not owned).
    explicit AccountPicker(MsalQt::ClientApplication *application, QWidget *parent = nullptr);
    /// Destroys the picker.
    ~AccountPicker() override;

    /// Lists the accounts of `application` (not owned). Replacing the application stops following
    /// the previous one; nullptr is allowed.
    void setApplication(MsalQt::ClientApplication *application);
    /// The application whose accounts are listed; null when none is set or it was deleted.
    MsalQt::ClientApplication *application() const;
    /// The highlighted account (null when the list is empty).
    MsalQt::Account currentAccount() const;
    /// Highlights `account` when it is in the list; otherwise nothing changes.
    void setCurrentAccount(const MsalQt::Account &account);
    /// The account picked last (after accountSelected()).
    MsalQt::Account selectedAccount() const;

    /// Asks before removing an account (default true). Without, Delete removes at once.
    void setConfirmRemoval(bool confirm);
    /// Whether removing an account asks first.
    bool confirmRemoval() const;

    /// The list view showing the accounts, for styling and tests.
    QListView *listView() const;
    /// The model of the list: one row per account.
    QAbstractItemModel *model() const;

public Q_SLOTS:
    /// Picks the highlighted account: emits accountSelected() and accepts the dialog. Does
    /// nothing when the list is empty.
    void pickCurrent();
    /// Removes the highlighted account from the application (ClientApplication::removeAccount()),
    /// after a confirmation when confirmRemoval() is true, then emits accountRemoved().
    void removeCurrent();
    /// Lists the application's accounts again, keeping the highlighted one when it is still there.
    /// Done on ClientApplication::accountsChanged() already.
    void refresh();

Q_SIGNALS:
    /// The person picked `account` (Enter, double-click or the Use account button).
    void accountSelected(const MsalQt::Account &account);
    /// The person asked to sign in another account (Add account…); the dialog is accepted.
    void addAccountRequested();
    /// `account` was removed from the application's cache.
    void accountRemoved(const MsalQt::Account &account);
    /// confirmRemoval() changed to `confirm`.
    void confirmRemovalChanged(bool confirm);

protected:
    /// Retranslates the texts on QEvent::LanguageChange (see installTranslations()).
    void changeEvent(QEvent *event) override;

private:
    Q_DECLARE_PRIVATE(AccountPicker)
    const QScopedPointer<AccountPickerPrivate> d_ptr;
};

} // namespace MsalQt::Widgets
