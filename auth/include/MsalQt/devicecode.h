#pragma once

#include <MsalQt/msalqt_global.h>

#include <QDateTime>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace MsalQt {
class DeviceCodeData;
} // namespace MsalQt
// Out of line, so that the inline moves below need not see DeviceCodeData.
QT_BEGIN_NAMESPACE
QT_DECLARE_QSDP_SPECIALIZATION_DTOR_WITH_EXPORT(MsalQt::DeviceCodeData, MSALQT_AUTH_EXPORT)
QT_END_NAMESPACE

namespace MsalQt {

// What a person needs to finish a device-code sign-in on another device (RFC 8628 §3.2).
// The device code itself stays inside the library: it is a secret that redeems tokens.
class MSALQT_AUTH_EXPORT DeviceCode
{
public:
    DeviceCode();
    DeviceCode(const DeviceCode &other);
    DeviceCode &operator=(const DeviceCode &other);
    DeviceCode(DeviceCode &&other) noexcept = default;
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(DeviceCode)
    ~DeviceCode();

    void swap(DeviceCode &other) noexcept { d.swap(other.d); }

    bool isNull() const;

    QString userCode() const;
    void setUserCode(const QString &code);
    QUrl verificationUri() const;
    void setVerificationUri(const QUrl &uri);
    QUrl verificationUriComplete() const; // with the code filled in, when the server offers one
    void setVerificationUriComplete(const QUrl &uri);
    QDateTime expiresOn() const;
    void setExpiresOn(const QDateTime &when);
    std::chrono::seconds interval() const; // between polls, as the server asked
    void setInterval(std::chrono::seconds interval);
    QString message() const;               // the server's instructions, localized by the server
    void setMessage(const QString &message);
    QStringList scopes() const;
    void setScopes(const QStringList &scopes);

private:
    QSharedDataPointer<DeviceCodeData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(DeviceCode)
Q_DECLARE_METATYPE(MsalQt::DeviceCode)
