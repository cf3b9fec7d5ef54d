#pragma once

#include <MsalQt/msalqt_global.h>

#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>
#include <QUrl>

namespace MsalQt {
class AssertionRequestData;
} // namespace MsalQt
// Out of line, so that the inline moves below need not see AssertionRequestData.
QT_BEGIN_NAMESPACE
QT_DECLARE_QSDP_SPECIALIZATION_DTOR_WITH_EXPORT(MsalQt::AssertionRequestData, MSALQT_AUTH_EXPORT)
QT_END_NAMESPACE

namespace MsalQt {

// What a client assertion is for, handed to ClientCredential::fromAssertionCallback(): the JWT
// the callback returns must name this client (iss, sub) and this token endpoint (aud), as
// RFC 7523 §3 requires. Federated credentials (workload identity) get a token from elsewhere and
// only need to know which endpoint it will be presented to.
class MSALQT_AUTH_EXPORT AssertionRequest
{
public:
    AssertionRequest();
    AssertionRequest(const QString &clientId, const QUrl &tokenEndpoint);
    AssertionRequest(const AssertionRequest &other);
    AssertionRequest &operator=(const AssertionRequest &other);
    AssertionRequest(AssertionRequest &&other) noexcept = default;
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(AssertionRequest)
    ~AssertionRequest();

    void swap(AssertionRequest &other) noexcept { d.swap(other.d); }

    QString clientId() const;
    QUrl tokenEndpoint() const;

private:
    QSharedDataPointer<AssertionRequestData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(AssertionRequest)
Q_DECLARE_METATYPE(MsalQt::AssertionRequest)
