#pragma once

#include <MsalQt/msalqt_global.h>

#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>

namespace MsalQt {
class TenantProfileData;
} // namespace MsalQt
// Out of line, so that the inline moves below need not see TenantProfileData.
QT_BEGIN_NAMESPACE
QT_DECLARE_QSDP_SPECIALIZATION_DTOR_WITH_EXPORT(MsalQt::TenantProfileData, MSALQT_AUTH_EXPORT)
QT_END_NAMESPACE

namespace MsalQt {

/// One tenant an account has signed in to, as msal-node's TenantProfile: a person has one home
/// tenant and may be a guest (B2B) in others, with an object of its own, and so an id of its
/// own, in each. Account::tenantProfiles() lists them, the home tenant first.
class MSALQT_AUTH_EXPORT TenantProfile
{
    Q_GADGET
    /// tenantId(), as a read-only property (QML: `.tenantId`).
    Q_PROPERTY(QString tenantId READ tenantId)
    /// localAccountId(), as a read-only property (QML: `.localAccountId`).
    Q_PROPERTY(QString localAccountId READ localAccountId)
    /// name(), as a read-only property (QML: `.name`).
    Q_PROPERTY(QString name READ name)
    /// isHomeTenant(), as a read-only property (QML: `.isHomeTenant`).
    Q_PROPERTY(bool isHomeTenant READ isHomeTenant)
    /// isNull(), as a read-only property (QML: `.isNull`).
    Q_PROPERTY(bool isNull READ isNull)
public:
    /// Constructs a null profile.
    TenantProfile();
    /// Copies `other`; the two share their data until one of them changes.
    TenantProfile(const TenantProfile &other);
    /// Assigns `other` to this profile.
    TenantProfile &operator=(const TenantProfile &other);
    /// Moves `other` into a new profile.
    TenantProfile(TenantProfile &&other) noexcept = default;
    /// Move-assigns `other` to this profile.
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(TenantProfile)
    /// Destroys the profile.
    ~TenantProfile();

    /// Swaps this profile with `other`; never fails.
    void swap(TenantProfile &other) noexcept { d.swap(other.d); }

    /// Whether the profile names no tenant (a default-constructed profile).
    bool isNull() const;

    /// The tenant ("realm", the ID token's "tid").
    QString tenantId() const;
    /// Sets the tenant.
    void setTenantId(const QString &tenantId);
    /// The account's object id in that tenant (the ID token's "oid", else "sub"): a guest's id
    /// differs from its home id.
    QString localAccountId() const;
    /// Sets the object id in the tenant.
    void setLocalAccountId(const QString &id);
    /// The display name the tenant gave (the ID token's "name").
    QString name() const;
    /// Sets the display name.
    void setName(const QString &name);
    /// Whether this is the account's home tenant (the tenant of its home account id).
    bool isHomeTenant() const;
    /// Sets whether this is the home tenant.
    void setHomeTenant(bool home);

    /// Whether both profiles have the same tenant, object id, name and home flag.
    bool operator==(const TenantProfile &other) const;
    /// Whether the profiles differ.
    bool operator!=(const TenantProfile &other) const { return !(*this == other); }

private:
    QSharedDataPointer<TenantProfileData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(TenantProfile)
Q_DECLARE_METATYPE(MsalQt::TenantProfile)
