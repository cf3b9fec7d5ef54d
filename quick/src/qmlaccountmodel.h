#pragma once

#include <MsalQt/account.h>

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace MsalQt::Quick {

// The accounts of an application's token cache, one row each, for a ListView, a ComboBox or a
// Repeater: delegates read `name`, `username`, `tenantId`, `homeAccountId`, `environment` and
// `account` (the value to hand back to the application), or `model.get(row)`.
class QmlAccountModel : public QAbstractListModel
{
    Q_OBJECT
    QML_NAMED_ELEMENT(AccountModel)
    QML_UNCREATABLE("An AccountModel is the accounts property of a PublicClientApplication.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        AccountRole = Qt::UserRole + 1,
        NameRole,
        UsernameRole,
        TenantIdRole,
        HomeAccountIdRole,
        EnvironmentRole,
    };
    Q_ENUM(Role)

    explicit QmlAccountModel(QObject *parent = nullptr);

    // Keeps the rows of accounts that stay (a view keeps its current item), removes the
    // others and appends the new ones.
    void setAccounts(const QList<MsalQt::Account> &accounts);
    QList<MsalQt::Account> accounts() const { return m_accounts; }
    int count() const { return int(m_accounts.size()); }

    // The account of `row`; a null account (isNull true) out of range.
    Q_INVOKABLE MsalQt::Account get(int row) const;
    // The row of `account` (same home account id and environment), or -1.
    Q_INVOKABLE int indexOf(const MsalQt::Account &account) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    QList<MsalQt::Account> m_accounts;
};

} // namespace MsalQt::Quick
