#pragma once

// The value types of MsalQt::Auth as QML knows them. Their properties are the classes' own
// (Q_GADGET, read-only); here they get their QML names: `account`, `authenticationResult`,
// `deviceCode`, `authError`, `tenantProfile` as property types, and `AuthError.UiRequired`
// (the enum) by the uppercase name.

#include <MsalQt/account.h>
#include <MsalQt/authenticationresult.h>
#include <MsalQt/autherror.h>
#include <MsalQt/devicecode.h>
#include <MsalQt/tenantprofile.h>

#include <QtQml/qqml.h>

namespace MsalQt::Quick {

struct AccountForeign
{
    Q_GADGET
    QML_FOREIGN(MsalQt::Account)
    QML_VALUE_TYPE(account)
};

struct AuthenticationResultForeign
{
    Q_GADGET
    QML_FOREIGN(MsalQt::AuthenticationResult)
    QML_VALUE_TYPE(authenticationResult)
};

struct DeviceCodeForeign
{
    Q_GADGET
    QML_FOREIGN(MsalQt::DeviceCode)
    QML_VALUE_TYPE(deviceCode)
};

struct AuthErrorForeign
{
    Q_GADGET
    QML_FOREIGN(MsalQt::AuthError)
    QML_VALUE_TYPE(authError)
};

struct TenantProfileForeign
{
    Q_GADGET
    QML_FOREIGN(MsalQt::TenantProfile)
    QML_VALUE_TYPE(tenantProfile)
};

// AuthError's Type enum by the type's own name: `error.type === AuthError.Cancelled`.
namespace AuthErrorEnums {
Q_NAMESPACE
QML_FOREIGN_NAMESPACE(MsalQt::AuthError)
QML_NAMED_ELEMENT(AuthError)
} // namespace AuthErrorEnums

} // namespace MsalQt::Quick
