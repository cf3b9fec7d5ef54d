// The URL a browser comes back with after sign-in (RFC 6749 §4.1.2, §4.1.2.1; RFC 9207's iss;
// the implicit grant's fragment, §4.2.2): state, issuer and error checks, and the implicit
// grant's tokens. Input: the URL as the agent reports it. The expected state is taken from the
// input itself half of the time, so that the checks behind the state comparison are reached.

#include "fuzzsupport.h"

#include "authorizationrequest_p.h"

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    const QString issuer = QStringLiteral("https://login.microsoftonline.com/{tenantid}/v2.0");
    // Both ways an agent gets a URL: from encoded bytes (the loopback listener) and from text
    // (the embedded browser's navigation).
    for (const QUrl &url : {QUrl::fromEncoded(input), QUrl(QString::fromUtf8(input))}) {
        for (const bool fragment : {false, true}) {
            const QUrlQuery fields(fragment ? url.fragment(QUrl::FullyEncoded) : url.query(QUrl::FullyEncoded));
            const QString state = size % 2 ? fields.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded)
                                           : QStringLiteral("fuzz-state");
            AuthError error;
            const auto response = parseAuthorizationResponse(url, fragment, state, issuer, size % 3 == 0, &error);
            if (!response) {
                FUZZ_CHECK(error.isError());
                (void)error.errorString();
                continue;
            }
            // Nothing passes without the state this request sent (RFC 6749 §10.12).
            FUZZ_CHECK(!response->state.isEmpty() && response->state == state);
            FUZZ_CHECK(fragment || !response->code.isEmpty());
            FUZZ_CHECK(response->issuer.isEmpty() || issuerMatches(response->issuer, issuer));
            if (!fragment)
                continue;
            // The implicit grant's tokens: bounded as the token endpoint's are (tokenresponse.cpp),
            // since the flow adds expires_in to the clock the same way.
            const auto tokens = parseImplicitResponse(response->fields, &error);
            if (!tokens) {
                FUZZ_CHECK(error.type() == AuthError::InvalidResponse);
                continue;
            }
            FUZZ_CHECK(!tokens->accessToken.isEmpty() && !tokens->idToken.isEmpty());
            FUZZ_CHECK(tokens->tokenType == QLatin1String("Bearer"));
            FUZZ_CHECK(tokens->expiresIn > 0 && tokens->expiresIn <= 1000000000);
        }
    }
    return 0;
}
