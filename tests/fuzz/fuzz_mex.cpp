// WS-MetadataExchange documents (the WSDL an AD FS publishes): the endpoint picked for each of
// the two kinds MsalQt uses.

#include "fuzzsupport.h"

#include "wstrust/mex_p.h"

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    for (const auto kind : {WsTrustEndpointKind::UsernameMixed, WsTrustEndpointKind::WindowsTransport}) {
        AuthError error;
        const auto endpoint = parseMex(input, kind, &error);
        if (!endpoint) {
            FUZZ_CHECK(error.isError());
            continue;
        }
        FUZZ_CHECK(endpoint->url.isValid());
        FUZZ_CHECK(endpoint->url.scheme() == QLatin1String("https")
                   || endpoint->url.scheme() == QLatin1String("http"));
    }
    return 0;
}
