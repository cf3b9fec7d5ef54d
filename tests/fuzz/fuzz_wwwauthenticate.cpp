// A protected API's WWW-Authenticate header (RFC 9110 §11.6.1): AuthenticationChallenge::parse()
// and the claims of a claims challenge. Input: the header's value.

#include "fuzzsupport.h"

#include <MsalQt/authenticationchallenge.h>

#include <QJsonDocument>

using namespace MsalQt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    QString error;
    const QList<AuthenticationChallenge> challenges = AuthenticationChallenge::parse(input, &error);
    // Either challenges or a reason, never both; the bounds hold.
    FUZZ_CHECK(challenges.isEmpty() || error.isEmpty());
    if (challenges.isEmpty() && error.isEmpty()) { // an empty list: nothing but separators
        for (const char c : input)
            FUZZ_CHECK(c == ' ' || c == '\t' || c == ',');
    }
    FUZZ_CHECK(challenges.size() <= 32);
    FUZZ_CHECK(input.size() <= 32 * 1024 || challenges.isEmpty());
    for (const AuthenticationChallenge &challenge : challenges) {
        FUZZ_CHECK(!challenge.isNull());
        FUZZ_CHECK(challenge.parameters().size() <= 64);
        // A challenge has a token68 or parameters, not both.
        FUZZ_CHECK(challenge.token68().isEmpty() || challenge.parameters().isEmpty());
        for (const auto &[name, value] : challenge.parameters()) {
            FUZZ_CHECK(!name.isEmpty());
            FUZZ_CHECK(name == name.toLower());
            FUZZ_CHECK(challenge.parameter(name) == value);
        }
        const QString claims = challenge.claims();
        // What claims() hands out is always a JSON object.
        FUZZ_CHECK(claims.isEmpty() || QJsonDocument::fromJson(claims.toUtf8()).isObject());
        FUZZ_CHECK(challenge.isClaimsChallenge() == (!claims.isEmpty() && (challenge.hasScheme(u"Bearer") || challenge.hasScheme(u"PoP"))));
    }
    const QString claims = AuthenticationChallenge::claimsFromHeader(input);
    FUZZ_CHECK(claims.isEmpty() || !challenges.isEmpty());
    return 0;
}
