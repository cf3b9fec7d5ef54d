// An authority's OpenID Connect discovery document (OpenID Connect Discovery 1.0 §4) and the
// platform's instance discovery answer, checked against the authority they were fetched for.

#include "fuzzsupport.h"

#include "authorityresolver_p.h"
#include "tokenresponse_p.h"

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    static const QList<Authority> authorities{
        Authority::microsoft(QStringLiteral("https://login.microsoftonline.com/common")),
        Authority::microsoft(QStringLiteral("https://login.microsoftonline.com/consumers")),
        Authority::microsoft(QStringLiteral("https://login.microsoftonline.com/ce78edf1-b7b2-49e9-9eb0-751756c7ce81")),
        Authority::microsoft(QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com")),
        Authority::openIdConnect(QUrl(QStringLiteral("https://127.0.0.1:3000/oidc"))),
    };

    AuthorityMetadata instance;
    AuthError error;
    if (const auto answer = parseJsonObject(input, &error)) {
        instance.aliases = {QStringLiteral("login.microsoftonline.com")};
        AuthorityResolver::applyInstanceDiscovery(*answer, QStringLiteral("login.microsoftonline.com"), &instance);
        FUZZ_CHECK(instance.aliases.contains(QStringLiteral("login.microsoftonline.com")));
    }

    for (const Authority &authority : authorities) {
        AuthorityMetadata metadata = instance;
        const AuthError result = AuthorityResolver::parseMetadata(authority, input, &metadata);
        if (result.isError())
            continue;
        // Endpoints a flow sends codes and secrets to are https, or http on loopback only.
        FUZZ_CHECK(!metadata.issuer.isEmpty());
        for (const QUrl &url : {metadata.tokenEndpoint, metadata.jwksUri, metadata.authorizationEndpoint}) {
            FUZZ_CHECK(url.isValid() && !url.host().isEmpty());
            FUZZ_CHECK(url.scheme() == QLatin1String("https")
                       || (url.scheme() == QLatin1String("http") && Authority::isLoopbackHost(url.host())));
        }
    }
    return 0;
}
