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

/// What a person needs to finish a device-code sign-in on another device (RFC 8628 §3.2).
/// The device code itself stays inside the library: it is a secret that redeems tokens.
class MSALQT_AUTH_EXPORT DeviceCode
{
    Q_GADGET
    /// userCode(), as a read-only property (QML: `.userCode`).
    Q_PROPERTY(QString userCode READ userCode)
    /// verificationUri(), as a read-only property (QML: `.verificationUri`).
    Q_PROPERTY(QUrl verificationUri READ verificationUri)
    /// verificationUriComplete(), as a read-only property (QML: `.verificationUriComplete`).
    Q_PROPERTY(QUrl verificationUriComplete READ verificationUriComplete)
    /// expiresOn(), as a read-only property (QML: `.expiresOn`).
    Q_PROPERTY(QDateTime expiresOn READ expiresOn)
    /// message(), as a read-only property (QML: `.message`).
    Q_PROPERTY(QString message READ message)
    /// scopes(), as a read-only property (QML: `.scopes`).
    Q_PROPERTY(QStringList scopes READ scopes)
    /// isNull(), as a read-only property (QML: `.isNull`).
    Q_PROPERTY(bool isNull READ isNull)
public:
    /// Constructs a null device code.
    DeviceCode();
    /// Copies `other`; the two share their data until one of them changes.
    DeviceCode(const DeviceCode &other);
    /// Assigns `other` to this device code.
    DeviceCode &operator=(const DeviceCode &other);
    /// Moves `other` into a new device code.
    DeviceCode(DeviceCode &&other) noexcept = default;
    /// Move-assigns `other` to this device code.
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(DeviceCode)
    /// Destroys the device code.
    ~DeviceCode();

    /// Swaps this device code with `other`; never fails.
    void swap(DeviceCode &other) noexcept { d.swap(other.d); }

    /// Whether there is no user code (a default-constructed device code).
    bool isNull() const;

    /// The code the person types on the verification page.
    QString userCode() const;
    /// Sets the user code.
    void setUserCode(const QString &code);
    /// The page where the person types the user code.
    QUrl verificationUri() const;
    /// Sets the verification page.
    void setVerificationUri(const QUrl &uri);
    QUrl verificationUriComplete() const; ///< with the code filled in, when the server offers one
    /// Sets the verification page with the code filled in.
    void setVerificationUriComplete(const QUrl &uri);
    /// When the code expires; the request then fails with AuthError::Timeout.
    QDateTime expiresOn() const;
    /// Sets when the code expires.
    void setExpiresOn(const QDateTime &when);
    std::chrono::seconds interval() const; ///< between polls, as the server asked
    /// Sets the polling interval.
    void setInterval(std::chrono::seconds interval);
    QString message() const;               ///< the server's instructions, localized by the server
    /// Sets the server's instructions.
    void setMessage(const QString &message);
    /// The scopes the sign-in asks for.
    QStringList scopes() const;
    /// Sets the scopes.
    void setScopes(const QStringList &scopes);

private:
    QSharedDataPointer<DeviceCodeData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(DeviceCode)
Q_DECLARE_METATYPE(MsalQt::DeviceCode)
