#include "qmlaccountmodel.h"

namespace MsalQt::Quick {

QmlAccountModel::QmlAccountModel(QObject *parent) : QAbstractListModel(parent) {}

void QmlAccountModel::setAccounts(const QList<MsalQt::Account> &accounts)
{
    const int before = count();
    // Rows that went away, from the last one up, so that the rows above keep their numbers.
    for (int row = count() - 1; row >= 0; --row) {
        if (!accounts.contains(m_accounts.at(row))) {
            beginRemoveRows({}, row, row);
            m_accounts.removeAt(row);
            endRemoveRows();
        }
    }
    // Rows that stay get the account's new data (a name may have changed with a refresh).
    for (int row = 0; row < count(); ++row) {
        const MsalQt::Account &fresh = accounts.at(accounts.indexOf(m_accounts.at(row)));
        if (fresh.name() != m_accounts.at(row).name() || fresh.username() != m_accounts.at(row).username()
            || fresh.tenantId() != m_accounts.at(row).tenantId()) {
            m_accounts[row] = fresh;
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    QList<MsalQt::Account> added;
    for (const MsalQt::Account &account : accounts) {
        if (!m_accounts.contains(account))
            added.append(account);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, count(), count() + int(added.size()) - 1);
        m_accounts.append(added);
        endInsertRows();
    }
    if (count() != before)
        Q_EMIT countChanged();
}

MsalQt::Account QmlAccountModel::get(int row) const
{
    return row >= 0 && row < count() ? m_accounts.at(row) : MsalQt::Account();
}

int QmlAccountModel::indexOf(const MsalQt::Account &account) const
{
    return int(m_accounts.indexOf(account));
}

int QmlAccountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant QmlAccountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MsalQt::Account &account = m_accounts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return account.name().isEmpty() ? account.username() : account.name();
    case AccountRole:
        return QVariant::fromValue(account);
    case NameRole:
        return account.name();
    case UsernameRole:
        return account.username();
    case TenantIdRole:
        return account.tenantId();
    case HomeAccountIdRole:
        return account.homeAccountId();
    case EnvironmentRole:
        return account.environment();
    default:
        return {};
    }
}

QHash<int, QByteArray> QmlAccountModel::roleNames() const
{
    return {
        {Qt::DisplayRole, QByteArrayLiteral("display")},
        {AccountRole, QByteArrayLiteral("account")},
        {NameRole, QByteArrayLiteral("name")},
        {UsernameRole, QByteArrayLiteral("username")},
        {TenantIdRole, QByteArrayLiteral("tenantId")},
        {HomeAccountIdRole, QByteArrayLiteral("homeAccountId")},
        {EnvironmentRole, QByteArrayLiteral("environment")},
    };
}

} // namespace MsalQt::Quick
