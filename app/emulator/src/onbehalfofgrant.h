#pragma once

#include "granthandler.h"

namespace MsalQt::Emulator {

// On-behalf-of: the jwt-bearer grant with requested_token_use=on_behalf_of. A confidential
// middle tier presents a user's access token that this emulator issued for it (aud = its client
// id or api://{clientId}) and gets a token for a downstream API as that user.
class OnBehalfOfGrant : public GrantHandler
{
public:
    using GrantHandler::GrantHandler;

    QString grantType() const override;
    HttpResponse handle(const TokenRequest &request) override;
};

} // namespace MsalQt::Emulator
