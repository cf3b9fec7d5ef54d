// The encrypted cache container (AES-256-GCM, "MSALQTC1" | nonce | ciphertext | tag) as read
// from disk: header checks and opening with a fixed key. A forged container never opens (that
// is GCM's job); the harness also seals the input and opens it again, so that the code after
// a successful open is reached, and then loads the plaintext as the cache would.

#include "fuzzsupport.h"

#include "storage/aesgcm_p.h"

#include <MsalQt/tokencache.h>

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    const QByteArray key(AesGcm::KeySize, '\x5a');

    const AesGcm::Error headerError = AesGcm::checkHeader(input);
    FUZZ_CHECK(AesGcm::looksSealed(input) || headerError == AesGcm::Error::NotSealed);
    AesGcm::Error error = AesGcm::Error::NoError;
    const QByteArray opened = AesGcm::open(key, input, &error);
    if (headerError != AesGcm::Error::NoError)
        FUZZ_CHECK(error == headerError && opened.isEmpty());
    else
        FUZZ_CHECK(error == AesGcm::Error::NoError || error == AesGcm::Error::AuthenticationFailed);
    (void)AesGcm::open(input.left(AesGcm::KeySize), input, &error); // a key of any length

    // Round trip, and any change to the sealed bytes is caught.
    const QByteArray sealed = AesGcm::seal(key, input, &error);
    FUZZ_CHECK(error == AesGcm::Error::NoError);
    FUZZ_CHECK(sealed.size() == input.size() + AesGcm::Overhead);
    FUZZ_CHECK(AesGcm::checkHeader(sealed) == AesGcm::Error::NoError);
    QByteArray plain = AesGcm::open(key, sealed, &error);
    FUZZ_CHECK(error == AesGcm::Error::NoError && plain == input);
    QByteArray tampered = sealed;
    tampered[qsizetype(size % size_t(tampered.size()))] ^= 0x01;
    FUZZ_CHECK(AesGcm::open(key, tampered, &error).isEmpty());
    FUZZ_CHECK(error != AesGcm::Error::NoError);

    TokenCache cache;
    QString loadError;
    (void)cache.deserialize(plain, &loadError);
    AesGcm::wipe(plain);
    FUZZ_CHECK(plain.isEmpty());
    return 0;
}
