// JSON Web Key Sets (RFC 7517 §5) as fetched from an authority's jwks_uri: each key checked and
// built with cjose, the set written back out and read again.

#include "fuzzsupport.h"

#include "jwks_p.h"

using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    QString error;
    QStringList skipped;
    const Jwks keys = Jwks::fromJson(input, &error, &skipped);
    // A set is either usable or comes with a reason (jwks_p.h).
    FUZZ_CHECK(keys.isEmpty() == !error.isEmpty());
    if (keys.isEmpty())
        return 0;

    for (const Jwk &key : keys.keys()) {
        FUZZ_CHECK(!key.isNull());
        FUZZ_CHECK(!key.hasPrivateKey());
        FUZZ_CHECK(key.type() == JwkType::EcP256 ? key.bits() == 256 : key.bits() >= 2048 && key.bits() <= 8192);
        const QJsonObject published = key.toPublicJson();
        for (const auto name : {"d", "p", "q", "dp", "dq", "qi", "k"})
            FUZZ_CHECK(!published.contains(QLatin1String(name)));
    }
    for (const JwsAlgorithm alg : {JwsAlgorithm::RS256, JwsAlgorithm::PS256, JwsAlgorithm::ES256}) {
        for (const Jwk &key : keys.candidates(alg, QString()))
            FUZZ_CHECK(key.type() == keyTypeFor(alg) && key.isUsableWith(alg));
        (void)keys.candidates(alg, keys.keys().first().keyId());
    }

    // What we publish of a set reads back as the same keys.
    const Jwks again = Jwks::fromJson(keys.toJson(), &error);
    FUZZ_CHECK(again.size() == keys.size());
    for (int i = 0; i < keys.size(); ++i) {
        FUZZ_CHECK(again.keys().at(i).keyId() == keys.keys().at(i).keyId());
        FUZZ_CHECK(again.keys().at(i).bits() == keys.keys().at(i).bits());
        FUZZ_CHECK(again.keys().at(i).toPublicJson() == keys.keys().at(i).toPublicJson());
    }
    return 0;
}
