#pragma once

#include "granthandler.h"

namespace MsalQt::Emulator {

// grant_type=password (RFC 6749 §4.3, "ROPC") as the platform serves it: managed users of work
// and school tenants only; MFA-required users get invalid_grant with AADSTS50076, as the real
// service answers since the password alone cannot satisfy it.
class PasswordGrant : public GrantHandler
{
public:
    using GrantHandler::GrantHandler;

    QString grantType() const override;
    HttpResponse handle(const TokenRequest &request) override;
};

// urn:ietf:params:oauth:grant-type:saml1_1-bearer and saml2-bearer: a SAML assertion from the
// emulator's own federation server, base64-encoded in "assertion".
class SamlBearerGrant : public GrantHandler
{
public:
    SamlBearerGrant(Services &services, const QString &grantType)
        : GrantHandler(services), m_grantType(grantType) { }

    QString grantType() const override { return m_grantType; }
    HttpResponse handle(const TokenRequest &request) override;

private:
    QString m_grantType;
};

} // namespace MsalQt::Emulator
