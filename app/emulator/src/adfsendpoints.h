#pragma once

#include "httpresponse.h"
#include "tenantresolver.h"

#include <QStringList>

#include <optional>

namespace MsalQt::Emulator {

class AuthorizeEndpoint;
class DeviceCodeEndpoint;
class HttpRequest;
class TokenEndpoint;
struct Services;
struct User;

// An AD FS 2019 farm at /adfs on the same server: its own discovery document (issuer
// "{base}/adfs", no instance discovery), authorize, token, device code and keys. The farm
// signs in the federated tenant's users (AD FS is their federation server). Authorize,
// device code and most grants are the platform's own handlers, run in that tenant; the
// answers are then reshaped as AD FS sends them: its issuer, ID tokens with upn, unique_name,
// sid and no tid/oid, and no client_info.
class AdfsEndpoints
{
public:
    AdfsEndpoints(Services &services, TokenEndpoint &token, AuthorizeEndpoint &authorize,
                  DeviceCodeEndpoint &deviceCode);

    // Whether the path is one of the farm's ("/adfs/...", case-insensitive).
    static bool handles(const QStringList &segments);
    HttpResponse route(const HttpRequest &request);

private:
    std::optional<TenantRef> farmTenant() const;
    QString issuer() const;
    HttpResponse farmIssuerInRedirect(HttpResponse response, const TenantRef &tenant) const;
    HttpResponse openIdConfiguration() const;
    HttpResponse token(const HttpRequest &request, const TenantRef &tenant);
    HttpResponse passwordGrant(const HttpRequest &request, const TenantRef &tenant);
    HttpResponse error(int status, const QString &error, const QString &description) const;
    HttpResponse reshape(const HttpResponse &platform) const;
    QJsonObject adfsClaims(const QJsonObject &platformClaims) const;

    Services &m_services;
    TokenEndpoint &m_token;
    AuthorizeEndpoint &m_authorize;
    DeviceCodeEndpoint &m_deviceCode;
};

} // namespace MsalQt::Emulator
