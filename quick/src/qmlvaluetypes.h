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

#include <QObject>
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

// AuthError's Type enum by the type's own name: `error.type === AuthError.Cancelled`. An
// extension of its own name, not QML_FOREIGN_NAMESPACE(MsalQt::AuthError): that would file a
// second type named MsalQt::AuthError in the typeinfo, and qmllint would know only one of the two.
class AuthErrorEnums : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(AuthError)
    QML_UNCREATABLE("AuthError holds the error types; an error is an authError value.")
    QML_EXTENDED_NAMESPACE(MsalQt::AuthError)
};

} // namespace MsalQt::Quick
