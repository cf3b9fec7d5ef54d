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

/// What a client assertion is for, handed to ClientCredential::fromAssertionCallback(): the JWT
/// the callback returns must name this client (iss, sub) and this token endpoint (aud), as
/// RFC 7523 §3 requires. Federated credentials (workload identity) get a token from elsewhere and
/// only need to know which endpoint it will be presented to.
class MSALQT_AUTH_EXPORT AssertionRequest
{
public:
    /// Constructs an empty request: no client id, no token endpoint.
    AssertionRequest();
    /// A request for an assertion naming `clientId` (iss, sub) and `tokenEndpoint` (aud).
    AssertionRequest(const QString &clientId, const QUrl &tokenEndpoint);
    /// Copies `other`; the two share their data until one of them changes.
    AssertionRequest(const AssertionRequest &other);
    /// Assigns `other` to this assertion request.
    AssertionRequest &operator=(const AssertionRequest &other);
    /// Moves `other` into a new assertion request.
    AssertionRequest(AssertionRequest &&other) noexcept = default;
    /// Move-assigns `other` to this assertion request.
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(AssertionRequest)
    /// Destroys the assertion request.
    ~AssertionRequest();

    /// Swaps this assertion request with `other`; never fails.
    void swap(AssertionRequest &other) noexcept { d.swap(other.d); }

    /// The client id the assertion must name as issuer and subject.
    QString clientId() const;
    /// The token endpoint the assertion is presented to: its audience.
    QUrl tokenEndpoint() const;

private:
    QSharedDataPointer<AssertionRequestData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(AssertionRequest)
Q_DECLARE_METATYPE(MsalQt::AssertionRequest)
