#pragma once

#include <MsalQt/msalqt_global.h>

#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>
#include <QUrl>

namespace MsalQt {

class AssertionRequestData;

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
    ~AssertionRequest();

    QString clientId() const;
    QUrl tokenEndpoint() const;

private:
    QSharedDataPointer<AssertionRequestData> d;
};

} // namespace MsalQt

Q_DECLARE_METATYPE(MsalQt::AssertionRequest)
