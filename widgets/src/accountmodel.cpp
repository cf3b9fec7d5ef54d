#include "accountmodel_p.h"

namespace MsalQt::Widgets {

AccountModel::AccountModel(QObject *parent)
    : QAbstractListModel(parent), m_icon(QStringLiteral(":/msalqt/widgets/icons/account.svg"))
{
}

void AccountModel::setAccounts(const QList<Account> &accounts)
{
    beginResetModel();
    m_accounts = accounts;
    endResetModel();
}

Account AccountModel::account(int row) const
{
    return m_accounts.value(row);
}

int AccountModel::rowOf(const Account &account) const
{
    return int(m_accounts.indexOf(account));
}

void AccountModel::retranslate()
{
    if (!m_accounts.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_accounts.size()) - 1),
                           {Qt::DisplayRole, Qt::AccessibleTextRole, Qt::ToolTipRole});
}

int AccountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

QVariant AccountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Account &account = m_accounts.at(index.row());
    const QString name = account.name().isEmpty() ? account.username() : account.name();
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1\n%2 · tenant %3").arg(name, account.username(), account.tenantId());
    case Qt::AccessibleTextRole:
        return tr("%1, %2, tenant %3").arg(name, account.username(), account.tenantId());
    case Qt::ToolTipRole:
        return tr("%1\nTenant %2\nSigned in at %3").arg(account.username(), account.tenantId(), account.environment());
    case Qt::DecorationRole:
        return m_icon;
    case AccountRole:
        return QVariant::fromValue(account);
    case NameRole:
        return account.name();
    case UsernameRole:
        return account.username();
    case TenantRole:
        return account.tenantId();
    }
    return {};
}

QHash<int, QByteArray> AccountModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(AccountRole, "account");
    names.insert(NameRole, "name");
    names.insert(UsernameRole, "username");
    names.insert(TenantRole, "tenant");
    return names;
}

} // namespace MsalQt::Widgets
