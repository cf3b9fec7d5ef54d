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

// Lists the accounts an application holds in its token cache (name, username, tenant) and lets
// the person pick one (Enter or double-click), ask for another (addAccountRequested()), or
// remove one (Delete, after a confirmation; ClientApplication::removeAccount()). The list follows
// the cache as it changes.
//
// Usable from Qt Designer by promotion (header MsalQt/Widgets/accountpicker.h): the form creates
// it with its parent only, and the code behind the form calls setApplication(). Without an
// application (or once it is deleted) the list is empty and nothing can be picked or added.
class MSALQT_WIDGETS_EXPORT AccountPicker : public QDialog
{
    Q_OBJECT
    Q_PROPERTY(bool confirmRemoval READ confirmRemoval WRITE setConfirmRemoval NOTIFY confirmRemovalChanged)
public:
    explicit AccountPicker(QWidget *parent = nullptr);
    explicit AccountPicker(MsalQt::ClientApplication *application, QWidget *parent = nullptr);
    ~AccountPicker() override;

    // Not owned. Replacing the application stops following the previous one; nullptr is allowed.
    void setApplication(MsalQt::ClientApplication *application);
    MsalQt::ClientApplication *application() const;
    // The highlighted account (null when the list is empty).
    MsalQt::Account currentAccount() const;
    void setCurrentAccount(const MsalQt::Account &account);
    // The account picked last (after accountSelected()).
    MsalQt::Account selectedAccount() const;

    // Asks before removing an account (default true). Without, Delete removes at once.
    void setConfirmRemoval(bool confirm);
    bool confirmRemoval() const;

    QListView *listView() const;
    QAbstractItemModel *model() const;

public Q_SLOTS:
    void pickCurrent();
    void removeCurrent();
    void refresh();

Q_SIGNALS:
    void accountSelected(const MsalQt::Account &account);
    void addAccountRequested();
    void accountRemoved(const MsalQt::Account &account);
    void confirmRemovalChanged(bool confirm);

protected:
    void changeEvent(QEvent *event) override;

private:
    Q_DECLARE_PRIVATE(AccountPicker)
    const QScopedPointer<AccountPickerPrivate> d_ptr;
};

} // namespace MsalQt::Widgets
