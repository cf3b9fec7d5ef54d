// JWS compact serialization (RFC 7515 §7.1) as Jwt::decode reads it, strict base64url, and
// MSAL's client_info. Input: the token text as received.

#include "fuzzsupport.h"

#include "base64url_p.h"
#include "jwt_p.h"

using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);

    QString error;
    const auto jwt = Jwt::decode(input, &error);
    if (jwt) {
        // What the signature covers is exactly the first two parts of what was received.
        FUZZ_CHECK(jwt->compact == input);
        FUZZ_CHECK(input.startsWith(jwt->signingInput + '.'));
        FUZZ_CHECK(jwt->signingInput.count('.') == 1);
        (void)jwsAlgorithmFromName(jwt->algorithm());
        (void)jwt->keyId();
    } else {
        FUZZ_CHECK(!error.isEmpty());
    }

    // Strict base64url has one encoding per byte string (RFC 7515 Appendix C).
    QByteArray decoded;
    if (decodeBase64UrlStrict(input, &decoded))
        FUZZ_CHECK(base64UrlEncode(decoded) == input);

    error.clear();
    const auto clientInfo = decodeClientInfo(input, &error);
    if (clientInfo) {
        FUZZ_CHECK(!clientInfo->value(QLatin1String("uid")).toString().isEmpty());
        FUZZ_CHECK(!clientInfo->value(QLatin1String("utid")).toString().isEmpty());
    } else {
        FUZZ_CHECK(!error.isEmpty());
    }
    return 0;
}
