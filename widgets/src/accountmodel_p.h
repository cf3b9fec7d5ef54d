#pragma once

#include <MsalQt/account.h>

#include <QAbstractListModel>
#include <QIcon>
#include <QList>

namespace MsalQt::Widgets {

// The accounts of a token cache, one row each: display name on the first line, username and
// tenant on the second.
class AccountModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        AccountRole = Qt::UserRole + 1,
        NameRole,
        UsernameRole,
        TenantRole,
    };

    explicit AccountModel(QObject *parent = nullptr);

    void setAccounts(const QList<MsalQt::Account> &accounts);
    MsalQt::Account account(int row) const;
    int rowOf(const MsalQt::Account &account) const;
    // The rows' texts are translated: tells the views to fetch them again.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<MsalQt::Account> m_accounts;
    QIcon m_icon;
};

} // namespace MsalQt::Widgets
