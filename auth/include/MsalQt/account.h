#pragma once

#include <MsalQt/msalqt_global.h>

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

// A signed-in identity, as the MSAL unified cache names it: the home account id ("uid.utid" from
// client_info, or subject and issuer for generic OpenID Connect providers) and the environment
// (the authority host) identify it; the rest is for display.
class MSALQT_AUTH_EXPORT Account
{
public:
    Account();
    Account(const Account &other);
    Account &operator=(const Account &other);
    Account(Account &&other) noexcept = default;
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(Account)
    ~Account();

    void swap(Account &other) noexcept { d.swap(other.d); }

    bool isNull() const;

    QString homeAccountId() const;
    void setHomeAccountId(const QString &id);
    QString environment() const;   // authority host, e.g. "login.microsoftonline.com"
    void setEnvironment(const QString &environment);
    QString tenantId() const;      // the tenant the account signed in to ("realm")
    void setTenantId(const QString &tenantId);
    QString localAccountId() const; // "oid" (or "sub") in that tenant
    void setLocalAccountId(const QString &id);
    QString username() const;      // preferred_username / upn / email
    void setUsername(const QString &username);
    QString name() const;
    void setName(const QString &name);

    bool operator==(const Account &other) const; // same home account id and environment
    bool operator!=(const Account &other) const { return !(*this == other); }

private:
    QSharedDataPointer<AccountData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(Account)
Q_DECLARE_METATYPE(MsalQt::Account)
