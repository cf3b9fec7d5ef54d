#include <MsalQt/devicecode.h>

namespace MsalQt {

class DeviceCodeData : public QSharedData
{
public:
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete;
    QDateTime expiresOn;
    std::chrono::seconds interval{5};
    QString message;
    QStringList scopes;
};

DeviceCode::DeviceCode() : d(new DeviceCodeData) {}
DeviceCode::DeviceCode(const DeviceCode &other) = default;
DeviceCode &DeviceCode::operator=(const DeviceCode &other) = default;
DeviceCode::~DeviceCode() = default;

bool DeviceCode::isNull() const { return d->userCode.isEmpty(); }
QString DeviceCode::userCode() const { return d->userCode; }
void DeviceCode::setUserCode(const QString &code) { d->userCode = code; }
QUrl DeviceCode::verificationUri() const { return d->verificationUri; }
void DeviceCode::setVerificationUri(const QUrl &uri) { d->verificationUri = uri; }
QUrl DeviceCode::verificationUriComplete() const { return d->verificationUriComplete; }
void DeviceCode::setVerificationUriComplete(const QUrl &uri) { d->verificationUriComplete = uri; }
QDateTime DeviceCode::expiresOn() const { return d->expiresOn; }
void DeviceCode::setExpiresOn(const QDateTime &when) { d->expiresOn = when; }
std::chrono::seconds DeviceCode::interval() const { return d->interval; }
void DeviceCode::setInterval(std::chrono::seconds interval) { d->interval = interval; }
QString DeviceCode::message() const { return d->message; }
void DeviceCode::setMessage(const QString &message) { d->message = message; }
QStringList DeviceCode::scopes() const { return d->scopes; }
void DeviceCode::setScopes(const QStringList &scopes) { d->scopes = scopes; }

} // namespace MsalQt

QT_BEGIN_NAMESPACE
QT_DEFINE_QSDP_SPECIALIZATION_DTOR(MsalQt::DeviceCodeData)
QT_END_NAMESPACE
