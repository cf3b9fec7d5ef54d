#pragma once

#include <MsalQt/msalqt_global.h>
#include <MsalQt/tenantprofile.h>

#include <QList>

#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>

namespace MsalQt {
class AccountData;
} // namespace MsalQt
// Out of line, so that the inline moves below need not see AccountData.
QT_BEGIN_NAMESPACE
QT_DECLARE_QSDP_SPECIALIZATION_DTOR_WITH_EXPORT(MsalQt::AccountData, MSALQT_AUTH_EXPORT)
QT_END_NAMESPACE

namespace MsalQt {

/// A signed-in identity, as the MSAL unified cache names it: the home account id ("uid.utid" from
/// client_info, or subject and issuer for generic OpenID Connect providers) and the environment
/// (the authority host) identify it; the rest is for display.
class MSALQT_AUTH_EXPORT Account
{
    Q_GADGET
    /// homeAccountId(), as a read-only property (QML: `.homeAccountId`).
    Q_PROPERTY(QString homeAccountId READ homeAccountId)
    /// environment(), as a read-only property (QML: `.environment`).
    Q_PROPERTY(QString environment READ environment)
    /// tenantId(), as a read-only property (QML: `.tenantId`).
    Q_PROPERTY(QString tenantId READ tenantId)
    /// localAccountId(), as a read-only property (QML: `.localAccountId`).
    Q_PROPERTY(QString localAccountId READ localAccountId)
    /// username(), as a read-only property (QML: `.username`).
    Q_PROPERTY(QString username READ username)
    /// name(), as a read-only property (QML: `.name`).
    Q_PROPERTY(QString name READ name)
    /// tenantProfiles(), as a read-only property (QML: `.tenantProfiles`).
    Q_PROPERTY(QList<MsalQt::TenantProfile> tenantProfiles READ tenantProfiles)
    /// isNull(), as a read-only property (QML: `.isNull`).
    Q_PROPERTY(bool isNull READ isNull)
public:
    /// Constructs a null account.
    Account();
    /// Copies `other`; the two share their data until one of them changes.
    Account(const Account &other);
    /// Assigns `other` to this account.
    Account &operator=(const Account &other);
    /// Moves `other` into a new account.
    Account(Account &&other) noexcept = default;
    /// Move-assigns `other` to this account.
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(Account)
    /// Destroys the account.
    ~Account();

    /// Swaps this account with `other`; never fails.
    void swap(Account &other) noexcept { d.swap(other.d); }

    /// Whether the account has no home account id (a default-constructed account).
    bool isNull() const;

    /// The home account id: "uid.utid" from client_info, or subject and issuer for a
    /// generic OpenID Connect provider. With environment() it identifies the account.
    QString homeAccountId() const;
    /// Sets the home account id.
    void setHomeAccountId(const QString &id);
    QString environment() const;   ///< authority host, e.g.\ "login.microsoftonline.com"
    /// Sets the authority host.
    void setEnvironment(const QString &environment);
    QString tenantId() const;      ///< the tenant the account signed in to ("realm")
    /// Sets the tenant the account signed in to.
    void setTenantId(const QString &tenantId);
    QString localAccountId() const; ///< "oid" (or "sub") in that tenant
    /// Sets the account's id in its tenant.
    void setLocalAccountId(const QString &id);
    QString username() const;      ///< preferred_username / upn / email
    /// Sets the username.
    void setUsername(const QString &username);
    /// The person's display name (the ID token's "name" claim), for display.
    QString name() const;
    /// Sets the display name.
    void setName(const QString &name);

    /// The tenants the account has signed in to with this application, one profile each, the
    /// home tenant first (as msal-node's AccountInfo.tenantProfiles). A guest (B2B) gets a
    /// profile in each tenant it was invited to and has got a token for. Empty for an account
    /// not read from the cache (an AuthenticationResult's account).
    QList<TenantProfile> tenantProfiles() const;
    /// Sets the tenant profiles.
    void setTenantProfiles(const QList<TenantProfile> &profiles);

    bool operator==(const Account &other) const; ///< same home account id and environment
    /// Whether the accounts differ in home account id or environment.
    bool operator!=(const Account &other) const { return !(*this == other); }

private:
    QSharedDataPointer<AccountData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(Account)
Q_DECLARE_METATYPE(MsalQt::Account)
