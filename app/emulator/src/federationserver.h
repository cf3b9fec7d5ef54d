#pragma once

#include "httpresponse.h"

#include <QString>

namespace MsalQt::Emulator {

class HttpRequest;
struct Services;
struct User;

// User realm discovery and a small AD FS: the WS-MetadataExchange document and the WS-Trust
// 1.3 usernamemixed and windowstransport endpoints (MS-WSTEP), issuing SAML 1.1 assertions for
// the users of tenants marked "federated". Assertions are NOT signed: the emulator's token
// endpoint only redeems assertions this process issued (each once), which is what a signature
// check would establish. Federation URLs are built from the Host header the client used, so a
// client that reached us as "localhost" gets Kerberos service HTTP/localhost.
class FederationServer
{
public:
    explicit FederationServer(Services &services) : m_services(services) { }

    HttpResponse userRealm(const HttpRequest &request, const QString &username) const;
    HttpResponse mex(const HttpRequest &request) const;
    HttpResponse usernameMixed(const HttpRequest &request) const;
    HttpResponse windowsTransport(const HttpRequest &request) const;

    // The saml bearer grants: the user an assertion we issued names, or nullptr (*why says).
    // An assertion is redeemed at most once.
    static const User *redeemAssertion(const Services &services, const QByteArray &assertionXml, QString *why);

private:
    QString federationBase(const HttpRequest &request) const;
    HttpResponse issue(const HttpRequest &request, const User &user, const QString &authenticationMethod) const;
    HttpResponse fault(const QString &subcode, const QString &reason) const;

    Services &m_services;
};

} // namespace MsalQt::Emulator
