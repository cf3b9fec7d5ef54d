// User realm discovery (GET /common/userrealm/{username}): managed, federated or MSA, and the
// federation metadata URL a federated answer names.

#include "fuzzsupport.h"

#include "wstrust/userrealm_p.h"

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    AuthError error;
    const auto realm = parseUserRealm(input, &error);
    if (!realm) {
        FUZZ_CHECK(error.type() == AuthError::InvalidResponse);
        return 0;
    }
    FUZZ_CHECK(realm->accountType != UserRealm::AccountType::Unknown);
    FUZZ_CHECK(!realm->cloudAudienceUrn.isEmpty());
    if (realm->accountType == UserRealm::AccountType::Federated)
        FUZZ_CHECK(realm->federationMetadataUrl.isValid());
    return 0;
}
