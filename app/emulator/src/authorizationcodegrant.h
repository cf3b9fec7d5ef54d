#pragma once

#include "granthandler.h"

namespace MsalQt::Emulator {

// authorization_code: redeems a code from /authorize (RFC 6749 §4.1.3) with the PKCE check of
// RFC 7636 §4.6. Codes are single-use; any redemption attempt that finds the code consumes
// it, so that a code whose verifier or redirect URI was wrong (perhaps a stolen one) cannot
// be tried again.
class AuthorizationCodeGrant : public GrantHandler
{
public:
    using GrantHandler::GrantHandler;

    QString grantType() const override;
    HttpResponse handle(const TokenRequest &request) override;
};

} // namespace MsalQt::Emulator
