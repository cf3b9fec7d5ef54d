#pragma once

#include "granthandler.h"
#include "httpresponse.h"

#include <QHash>
#include <QString>

#include <memory>

namespace MsalQt::Emulator {

class HttpRequest;
struct Services;
struct TenantRef;

// POST /{tenant}/oauth2/v2.0/token. Does the checks common to every grant (method, tenant,
// grant_type, client) and hands over to the GrantHandler registered for the grant_type.
class TokenEndpoint
{
public:
    explicit TokenEndpoint(Services &services);
    ~TokenEndpoint();

    HttpResponse handle(const HttpRequest &request, const TenantRef &tenant);

private:
    void add(std::unique_ptr<GrantHandler> handler);

    Services &m_services;
    QHash<QString, std::shared_ptr<GrantHandler>> m_grants;
};

} // namespace MsalQt::Emulator
