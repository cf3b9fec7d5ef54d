// What a browser (or anything else on the machine) sends to the system browser agent's
// loopback listener (RFC 8252 §7.3): the request head, the redirect built from its target, and
// that redirect's authorization response.

#include "fuzzsupport.h"

#include "authorizationrequest_p.h"
#include "loopbackrequest_p.h"

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    const LoopbackRequest request = parseLoopbackRequest(input);
    if (request.status == LoopbackRequest::Status::Incomplete)
        FUZZ_CHECK(input.size() <= maxLoopbackRequestSize && !input.contains("\r\n\r\n"));
    if (request.status != LoopbackRequest::Status::Get)
        return 0;
    FUZZ_CHECK(input.startsWith("GET "));

    for (const QUrl &redirectUri : {QUrl(QStringLiteral("http://127.0.0.1:49152/")),
                                    QUrl(QStringLiteral("http://localhost:49152/callback"))}) {
        const auto received = loopbackRedirect(redirectUri, request.target);
        if (!received)
            continue;
        // Only the query comes from the request: scheme, host, port and path stay ours.
        FUZZ_CHECK(received->adjusted(QUrl::RemoveQuery) == redirectUri);
        const QUrlQuery fields(received->query(QUrl::FullyEncoded));
        const QString state = fields.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
        AuthError error;
        const auto response = parseAuthorizationResponse(*received, false, state,
                                                         QStringLiteral("https://login.microsoftonline.com/{tenantid}/v2.0"),
                                                         false, &error);
        FUZZ_CHECK(response || error.isError());
    }
    return 0;
}
