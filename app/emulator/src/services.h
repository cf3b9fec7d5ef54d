#pragma once

#include <QHash>

#include "assertionreplaycache.h"
#include "authorizationstate.h"
#include "config.h"
#include "devicecodestore.h"
#include "errorresponses.h"
#include "refreshtokenstore.h"
#include "signingkeys.h"
#include "tenantresolver.h"
#include "tokenissuer.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace MsalQt::Emulator {

// Everything the endpoints share: the directory, keys, stores and settings. Server owns one;
// endpoints and grant handlers get a reference, which keeps their constructors small and lets
// new grants reach whatever they need without plumbing.
struct Services {
    Config config = Config::builtIn();
    SigningKeys keys;
    ErrorResponses errors;
    TenantResolver tenants{config};
    RefreshTokenStore refreshTokens;
    DeviceCodeStore deviceCodes;
    AuthorizationState authorization; // codes, browser sessions and consents of /authorize
    TokenIssuer issuer{*this};
    AssertionReplayCache clientAssertions; // jti values of client assertions already used

    QUrl baseUrl; // http://127.0.0.1:PORT, set by Server::listen()
    int accessTokenLifetime = 3599;
    int deviceCodeInterval = 5;
    int deviceCodeExpiresIn = 900;
    // Conditional Access authentication context Graph demands (Server::setGraphAuthenticationContext);
    // empty: none.
    QString graphAuthContext;
    // Continuous Access Evaluation (Server::revokeSession): user oid -> when the session ended
    // (seconds since the epoch). Graph challenges a cp1 client's access tokens issued until then.
    QHash<QString, qint64> sessionRevokedAt;
    // Graph To Do lists (POST /v1.0/me/todo/lists): user oid -> the user's lists in creation order.
    QHash<QString, QList<QJsonObject>> todoLists;
    // Instance discovery's preferred_cache (Server::setPreferredCacheEnvironment); empty: host:port.
    QString preferredCache;

    // "{base}/{tenant}/v2.0": the issuer of tokens issued in a tenant.
    QString issuerFor(const QString &tenantId) const
    {
        return baseUrl.toString() + QLatin1Char('/') + tenantId + QStringLiteral("/v2.0");
    }
};

} // namespace MsalQt::Emulator
