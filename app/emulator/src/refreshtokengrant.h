#pragma once

#include "granthandler.h"

namespace MsalQt::Emulator {

// refresh_token: redeems a refresh token for new tokens, rotating the refresh token.
class RefreshTokenGrant : public GrantHandler
{
public:
    using GrantHandler::GrantHandler;

    QString grantType() const override;
    HttpResponse handle(const TokenRequest &request) override;
};

} // namespace MsalQt::Emulator
