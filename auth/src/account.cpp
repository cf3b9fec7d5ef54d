#include <MsalQt/account.h>

namespace MsalQt {

class AccountData : public QSharedData
{
public:
    QString homeAccountId;
    QString environment;
    QString tenantId;
    QString localAccountId;
    QString username;
    QString name;
    QList<TenantProfile> tenantProfiles;
};

Account::Account() : d(new AccountData) {}
Account::Account(const Account &other) = default;
Account &Account::operator=(const Account &other) = default;
Account::~Account() = default;

bool Account::isNull() const { return d->homeAccountId.isEmpty(); }
QString Account::homeAccountId() const { return d->homeAccountId; }
void Account::setHomeAccountId(const QString &id) { d->homeAccountId = id; }
QString Account::environment() const { return d->environment; }
void Account::setEnvironment(const QString &environment) { d->environment = environment; }
QString Account::tenantId() const { return d->tenantId; }
void Account::setTenantId(const QString &tenantId) { d->tenantId = tenantId; }
QString Account::localAccountId() const { return d->localAccountId; }
void Account::setLocalAccountId(const QString &id) { d->localAccountId = id; }
QString Account::username() const { return d->username; }
void Account::setUsername(const QString &username) { d->username = username; }
QString Account::name() const { return d->name; }
void Account::setName(const QString &name) { d->name = name; }
QList<TenantProfile> Account::tenantProfiles() const { return d->tenantProfiles; }
void Account::setTenantProfiles(const QList<TenantProfile> &profiles) { d->tenantProfiles = profiles; }

bool Account::operator==(const Account &other) const
{
    return d->homeAccountId == other.d->homeAccountId && d->environment == other.d->environment;
}

} // namespace MsalQt

QT_BEGIN_NAMESPACE
QT_DEFINE_QSDP_SPECIALIZATION_DTOR(MsalQt::AccountData)
QT_END_NAMESPACE
