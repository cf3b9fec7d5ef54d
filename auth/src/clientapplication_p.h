#pragma once

#include "authorityresolver_p.h"
#include "httpclient_p.h"

#include <MsalQt/clientapplication.h>

#include <QPointer>

namespace MsalQt {

class ClientApplicationPrivate
{
    Q_DECLARE_PUBLIC(ClientApplication)
public:
    ClientApplicationPrivate(const QString &clientId, const Authority &authority);
    virtual ~ClientApplicationPrivate();

    // Called by the public constructor once q_ptr is set.
    void init(ClientApplication *q);

    virtual bool isConfidential() const = 0;
    // Adds the client's proof of identity to a token request (confidential clients only).
    virtual void addClientAuthentication(Internal::FormFields *form) const { Q_UNUSED(form) }

    // Why no request can run on this application (invalid client id or authority), or no error.
    virtual AuthError configurationError() const;

    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }

    ClientApplication *q_ptr = nullptr;
    QString clientId;
    Authority authority;
    QNetworkAccessManager *ownManager = nullptr;
    std::unique_ptr<Internal::HttpClient> http;
    Internal::AuthorityResolver *resolver = nullptr;
    std::chrono::seconds clockSkew{300};
    std::function<QDateTime()> clock;
};

} // namespace MsalQt
