#include "devicecodegrant.h"

#include "httprequest.h"
#include "scopeset.h"
#include "services.h"

namespace MsalQt::Emulator {

QString DeviceCodeGrant::grantType() const
{
    return Config::deviceCodeGrant;
}

HttpResponse DeviceCodeGrant::handle(const TokenRequest &request)
{
    const QString deviceCode = request.http.formValue(QStringLiteral("device_code"));
    if (deviceCode.isEmpty())
        return m_services.errors.missingParameter(request.http, QStringLiteral("device_code"));
    if (auto failed = authenticateClient(request))
        return *failed;
    if (auto refused = checkGrantAllowed(request))
        return *refused;
    // Before the device code is redeemed: a malformed claims parameter must not use it up.
    QStringList authContexts;
    if (auto invalid = requestedAuthContexts(request, &authContexts))
        return *invalid;

    DeviceCode code;
    switch (m_services.deviceCodes.poll(deviceCode, request.client.clientId, &code)) {
    case DeviceCodeStore::PollOutcome::Unknown:
        return error(request, 400, QStringLiteral("bad_verification_code"), 70018,
                     QStringLiteral("The provided value for the input parameter 'device_code' is not valid."));
    case DeviceCodeStore::PollOutcome::Expired:
        return error(request, 400, QStringLiteral("expired_token"), 70019,
                     QStringLiteral("The provided value for the input parameter 'device_code' is not valid. This "
                                    "device code has expired. Have the user retry the sign-in."));
    case DeviceCodeStore::PollOutcome::Redeemed:
        return error(request, 400, QStringLiteral("invalid_grant"), 70000,
                     QStringLiteral("Provided grant is invalid or malformed. The device code has already been "
                                    "redeemed."));
    case DeviceCodeStore::PollOutcome::SlowDown:
        return error(request, 400, QStringLiteral("slow_down"), 70016,
                     QStringLiteral("OAuth 2.0 device flow error. Polling too frequently: wait at least the interval "
                                    "between polls, which has grown by 5 seconds."));
    case DeviceCodeStore::PollOutcome::Declined:
        return error(request, 400, QStringLiteral("authorization_declined"), 70000,
                     QStringLiteral("The end user denied the authorization request."));
    case DeviceCodeStore::PollOutcome::Pending:
        return error(request, 400, QStringLiteral("authorization_pending"), 70016,
                     QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue polling."));
    case DeviceCodeStore::PollOutcome::Approved:
        break;
    }

    const User *user = m_services.config.userByOid(code.userOid);
    PlatformError scopeError;
    const auto scopes = ScopeSet::parse(code.scope, m_services.config, &scopeError);
    if (!user)
        return error(request, 400, QStringLiteral("invalid_grant"), 70000,
                     QStringLiteral("Provided grant is invalid or malformed. The user no longer exists."));
    if (!scopes)
        return m_services.errors.platform(request.http, scopeError);

    TokenIssuer::DelegatedOptions options;
    options.refreshToken = scopes->offlineAccess();
    options.clientInfo = wantsClientInfo(request);
    options.mfaPerformed = user->mfaRequired;
    options.authContexts = authContexts;
    options.clientCapabilities = requestedClientCapabilities(request);
    return HttpResponse::json(200, m_services.issuer.issueDelegated(request.client, *user, *scopes, options));
}

} // namespace MsalQt::Emulator
