#pragma once

#include <MsalQt/authority.h>

namespace MsalQt::Internal {

// Whether the authority speaks the Microsoft identity platform's extensions: client_info (the
// home account id "uid.utid"), the MSSTS cache authority type, per-tenant cache realms. Azure AD
// B2C does, although it is not a Microsoft cloud: no instance discovery, no device code, no
// integrated Windows authentication, and a different issuer.
inline bool speaksPlatformProtocol(const Authority &authority)
{
    return authority.isMicrosoft() || authority.type() == Authority::B2C;
}

} // namespace MsalQt::Internal
