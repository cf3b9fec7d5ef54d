// WS-MetadataExchange documents (the WSDL an AD FS publishes): the endpoint picked for each of
// the two kinds MsalQt uses.

#include "fuzzsupport.h"

#include "wstrust/mex_p.h"

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    // The document's own address binds its endpoints: the seeds come from the emulator on
    // loopback, so that is where this one was "fetched" from.
    static const QUrl metadataUrl(QStringLiteral("http://127.0.0.1/adfs/services/trust/mex"));
    for (const auto kind : {WsTrustEndpointKind::UsernameMixed, WsTrustEndpointKind::WindowsTransport}) {
        AuthError error;
        const auto endpoint = parseMex(input, kind, metadataUrl, &error);
        if (!endpoint) {
            FUZZ_CHECK(error.isError());
            continue;
        }
        FUZZ_CHECK(endpoint->url.isValid());
        // Never a host the document was not fetched from.
        FUZZ_CHECK(endpoint->url.host().compare(metadataUrl.host(), Qt::CaseInsensitive) == 0);
        FUZZ_CHECK(endpoint->url.scheme() == QLatin1String("https")
                   || endpoint->url.scheme() == QLatin1String("http"));
    }
    return 0;
}
