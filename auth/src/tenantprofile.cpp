#include <MsalQt/tenantprofile.h>

namespace MsalQt {

class TenantProfileData : public QSharedData
{
public:
    QString tenantId;
    QString localAccountId;
    QString name;
    bool home = false;
};

TenantProfile::TenantProfile() : d(new TenantProfileData) {}
TenantProfile::TenantProfile(const TenantProfile &other) = default;
TenantProfile &TenantProfile::operator=(const TenantProfile &other) = default;
TenantProfile::~TenantProfile() = default;

bool TenantProfile::isNull() const { return d->tenantId.isEmpty(); }
QString TenantProfile::tenantId() const { return d->tenantId; }
void TenantProfile::setTenantId(const QString &tenantId) { d->tenantId = tenantId; }
QString TenantProfile::localAccountId() const { return d->localAccountId; }
void TenantProfile::setLocalAccountId(const QString &id) { d->localAccountId = id; }
QString TenantProfile::name() const { return d->name; }
void TenantProfile::setName(const QString &name) { d->name = name; }
bool TenantProfile::isHomeTenant() const { return d->home; }
void TenantProfile::setHomeTenant(bool home) { d->home = home; }

bool TenantProfile::operator==(const TenantProfile &other) const
{
    return d->tenantId.compare(other.d->tenantId, Qt::CaseInsensitive) == 0
        && d->localAccountId == other.d->localAccountId && d->name == other.d->name && d->home == other.d->home;
}

} // namespace MsalQt

QT_BEGIN_NAMESPACE
QT_DEFINE_QSDP_SPECIALIZATION_DTOR(MsalQt::TenantProfileData)
QT_END_NAMESPACE
