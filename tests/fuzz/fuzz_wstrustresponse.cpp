// A federation server's answer to a RequestSecurityToken (WS-Trust 1.3 / 2005): the SAML
// assertion cut out verbatim and its bearer grant, or a SOAP fault.

#include "fuzzsupport.h"

#include "wstrust/wstrustmessage_p.h"

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    AuthError error;
    const auto assertion = parseRequestSecurityTokenResponse(input, &error);
    if (!assertion) {
        FUZZ_CHECK(error.isError());
        return 0;
    }
    FUZZ_CHECK(!assertion->xml.isEmpty());
    FUZZ_CHECK(assertion->grantType.startsWith(QLatin1String("urn:ietf:params:oauth:grant-type:saml")));
    // Cut out verbatim: the assertion is a piece of what was received, as signed.
    FUZZ_CHECK(QString::fromUtf8(input).contains(QString::fromUtf8(assertion->xml)));
    return 0;
}
