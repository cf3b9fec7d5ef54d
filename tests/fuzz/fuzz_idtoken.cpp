// ID token validation (OpenID Connect Core §3.1.3.7, RFC 8725) against a fixed key set.
// Input, two shapes:
//  - a compact JWS: validated as received (decoding, alg pinning, headers, key choice, cjose);
//  - a JSON object (starts with '{'): taken as a claims set, signed ES256 with the set's own
//    key and validated, so that the claim checks behind the signature are reached too.

#include "fuzzsupport.h"

#include "idtokenvalidator_p.h"
#include "jwks_p.h"
#include "jwt_p.h"

#include <cjose/jwk.h>

#include <QJsonDocument>
#include <QTimeZone>

using namespace MsalQt::Internal;

namespace {

// Fixed keys, made once for this harness (openssl ecparam/genrsa); only the EC key's private
// half is here, to sign the claims shape. Not a secret of anything.
constexpr char ecPrivateJwk[] =
    R"({"kty":"EC","crv":"P-256","kid":"fuzz-ec",)"
    R"("x":"S1RDGEB5OWkNcQ0fwCujDmnNk7vGD3mRS7j2wFhZvJ8",)"
    R"("y":"cjj1VKC9gHk2b4Pl0G3zizTgX_7c3FK9n9HIyzHV3ac",)"
    R"("d":"gZNral47exTSyd63fmWXT8ubhk4dqcWW5uFAYeIzSdQ"})";

constexpr char publicKeys[] =
    R"({"keys":[)"
    R"({"kty":"EC","crv":"P-256","kid":"fuzz-ec","use":"sig",)"
    R"("x":"S1RDGEB5OWkNcQ0fwCujDmnNk7vGD3mRS7j2wFhZvJ8",)"
    R"("y":"cjj1VKC9gHk2b4Pl0G3zizTgX_7c3FK9n9HIyzHV3ac"},)"
    R"({"kty":"RSA","e":"AQAB","kid":"fuzz-rsa",)"
    R"("n":"wupBf3edeeTj7eexWYYKqF2FjYNrCiwgQMuTvcGlta9uFRNtF-Eg8mlmz0YColFbkmPNiR0DQEgLQnsTbtis02sLbgaXOL_B1HfATP1iIWJ3NiTKxPwPwVJ7ckrLs-pNyHTQ3cv46FcaNfgIr1ETgFCLtni7ixq_AVG1KhmAPPFv_lnGeSf02cm6zGreQ8pIDuceFnqhdAitS3KQrHEbC-GlvBvRUPeUJNXSxQ0wAW1nB5r1n-zIcJ43Wen2YPApf-C3s4gftfM3x7iJJx9Bthaa6zygbP4wrCiPmjBX_ojoX-nCCnbRXY81V7KD8gsYA9A8kV7lvsBNCdYKdULOYw"},)"
    R"({"kty":"RSA","e":"AQAB",)"
    R"("n":"wupBf3edeeTj7eexWYYKqF2FjYNrCiwgQMuTvcGlta9uFRNtF-Eg8mlmz0YColFbkmPNiR0DQEgLQnsTbtis02sLbgaXOL_B1HfATP1iIWJ3NiTKxPwPwVJ7ckrLs-pNyHTQ3cv46FcaNfgIr1ETgFCLtni7ixq_AVG1KhmAPPFv_lnGeSf02cm6zGreQ8pIDuceFnqhdAitS3KQrHEbC-GlvBvRUPeUJNXSxQ0wAW1nB5r1n-zIcJ43Wen2YPApf-C3s4gftfM3x7iJJx9Bthaa6zygbP4wrCiPmjBX_ojoX-nCCnbRXY81V7KD8gsYA9A8kV7lvsBNCdYKdULOYw"})"
    R"(]})";

struct Fixture
{
    Jwks keys;
    Jwk signingKey;
    IdTokenExpectations expect;

    Fixture()
    {
        QString error;
        keys = Jwks::fromJson(QByteArray(publicKeys), &error);
        FUZZ_CHECK(keys.size() == 3);
        cjose_err err{};
        signingKey = Jwk::adopt(cjose_jwk_import(ecPrivateJwk, sizeof ecPrivateJwk - 1, &err),
                                QStringLiteral("fuzz-ec"));
        FUZZ_CHECK(signingKey.hasPrivateKey());
        // The emulator's (and the platform's) multi-tenant issuer and its demo client.
        expect.issuer = QStringLiteral("https://login.microsoftonline.com/{tenantid}/v2.0");
        expect.clientId = QStringLiteral("b8db5b17-66eb-4a30-9adb-733c69fa0d22");
        expect.now = QDateTime::fromSecsSinceEpoch(1735689600, QTimeZone::utc()); // 2025-01-01
    }
};

const Fixture &fixture()
{
    static const Fixture f;
    return f;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    const Fixture &f = fixture();
    IdTokenExpectations expect = f.expect;
    // Both with and without a nonce, chosen by the input so that a run reproduces.
    if (size % 2)
        expect.nonce = QStringLiteral("fuzz-nonce");

    if (!input.startsWith('{')) {
        const IdTokenValidation result = validateIdToken(input, f.keys, expect);
        FUZZ_CHECK(result.isValid() || !result.detail.isEmpty());
        FUZZ_CHECK(result.isValid() || result.token.compact.isEmpty());
        (void)idTokenCheckName(result.check);
        return 0;
    }

    const QJsonDocument document = QJsonDocument::fromJson(input);
    if (!document.isObject())
        return 0;
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("ES256")},
                             {QStringLiteral("kid"), QStringLiteral("fuzz-ec")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    QString error;
    const QByteArray token = signJws(header, document.object(), f.signingKey, &error);
    FUZZ_CHECK(!token.isEmpty());
    const IdTokenValidation result = validateIdToken(token, f.keys, expect);
    // Signed with a key of the set: whatever the claims, the signature must verify, and what
    // the claim checks saw must be what was signed.
    FUZZ_CHECK(result.check != IdTokenCheck::BadSignature);
    FUZZ_CHECK(result.check != IdTokenCheck::UnknownKey);
    if (result.isValid()) {
        FUZZ_CHECK(result.token.claims == document.object());
        FUZZ_CHECK(!result.token.claims.value(QLatin1String("sub")).toString().isEmpty());
    }
    return 0;
}
