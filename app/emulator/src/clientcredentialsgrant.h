#pragma once

#include "granthandler.h"

namespace MsalQt::Emulator {

// client_credentials: app-only tokens for a confidential client in a specific tenant.
class ClientCredentialsGrant : public GrantHandler
{
public:
    using GrantHandler::GrantHandler;

    QString grantType() const override;
    HttpResponse handle(const TokenRequest &request) override;
};

} // namespace MsalQt::Emulator
