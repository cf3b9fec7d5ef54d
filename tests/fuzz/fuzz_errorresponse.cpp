// What a server says when it refuses: an OAuth error body (RFC 6749 §5.2 with the platform's
// error_codes, suberror, claims) at the statuses the pipeline sees, and a Retry-After header
// (RFC 9110 §10.2.3). Input: the body; its first line is also read as a Retry-After value.

#include "fuzzsupport.h"

#include "tokenresponse_p.h"

#include <QTimeZone>

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1735689600, QTimeZone::utc());

    for (const int status : {400, 401, 403, 429, 500, 503}) {
        HttpResponse response;
        response.status = status;
        response.body = input;
        const AuthError error = errorFromHttpResponse(response, QStringLiteral("fuzz-correlation-id"));
        FUZZ_CHECK(error.type() != AuthError::NoError);
        FUZZ_CHECK(!error.correlationId().isEmpty());
        FUZZ_CHECK(error.httpStatus() == status);
        (void)error.errorString();
    }

    AuthError parseError;
    if (const auto object = parseJsonObject(input, &parseError)) {
        const AuthError error = errorFromOAuthObject(*object, 400);
        FUZZ_CHECK(error.httpStatus() == 400);
        (void)error.errorString();
    }

    const QByteArray firstLine = input.left(input.indexOf('\n'));
    const QDateTime until = parseRetryAfter(firstLine, now);
    // Never longer than the cap of an hour, whatever the server asked (httpclient.cpp).
    FUZZ_CHECK(!until.isValid() || until <= now.addSecs(3600));
    return 0;
}
