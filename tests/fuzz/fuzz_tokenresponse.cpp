// A token endpoint's 2xx answer (RFC 6749 §5.1 and the platform's extensions), then what the
// flows take from it: scopes, client_info and the ID token's compact form.

#include "fuzzsupport.h"

#include "jwt_p.h"
#include "tokenresponse_p.h"

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    AuthError error;
    const auto response = parseTokenResponse(input, &error);
    if (!response) {
        FUZZ_CHECK(error.type() == AuthError::InvalidResponse);
        FUZZ_CHECK(!error.errorString().isEmpty());
        return 0;
    }
    FUZZ_CHECK(!response->accessToken.isEmpty());
    FUZZ_CHECK(response->tokenType == QLatin1String("Bearer"));
    // The flows add these to the current time (QDateTime::addSecs, in milliseconds inside Qt):
    // the parser bounds them, whatever JSON type the server chose (tokenresponse.cpp).
    for (const qint64 seconds : {response->expiresIn, response->extExpiresIn, response->refreshIn})
        FUZZ_CHECK(seconds >= 0 && seconds <= 1000000000);
    FUZZ_CHECK(response->extExpiresIn >= response->expiresIn);

    for (const QString &scope : splitScopes(response->scope))
        FUZZ_CHECK(!scope.isEmpty() && !scope.contains(QLatin1Char(' ')));
    QString detail;
    (void)decodeClientInfo(response->clientInfo.toLatin1(), &detail);
    (void)Jwt::decode(response->idToken.toLatin1(), &detail);
    return 0;
}
