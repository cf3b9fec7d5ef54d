#pragma once

#include "granthandler.h"

namespace MsalQt::Emulator {

// urn:ietf:params:oauth:grant-type:device_code (RFC 8628): polls until the person approves on the sign-in page.
class DeviceCodeGrant : public GrantHandler
{
public:
    using GrantHandler::GrantHandler;

    QString grantType() const override;
    HttpResponse handle(const TokenRequest &request) override;
};

} // namespace MsalQt::Emulator
