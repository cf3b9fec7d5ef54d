#include "onbehalfofgrant.h"

#include "httprequest.h"
#include "scopeset.h"
#include "services.h"

#include <QDateTime>

namespace MsalQt::Emulator {

QString OnBehalfOfGrant::grantType() const
{
    return QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer");
}

HttpResponse OnBehalfOfGrant::handle(const TokenRequest &request)
{
    const HttpRequest &http = request.http;
    if (http.formValue(QStringLiteral("requested_token_use")) != QLatin1String("on_behalf_of"))
        return m_services.errors.missingParameter(http, QStringLiteral("requested_token_use"));
    const QString assertion = http.formValue(QStringLiteral("assertion"));
    if (assertion.isEmpty())
        return m_services.errors.missingParameter(http, QStringLiteral("assertion"));
    if (auto failed = authenticateClient(request))
        return *failed;
    if (request.client.isPublic)
        return error(request, 401, QStringLiteral("invalid_client"), 7000218,
                     QStringLiteral("The request body must contain the following parameter: 'client_assertion' or "
                                    "'client_secret'."));
    if (auto refused = checkGrantAllowed(request))
        return *refused;
    QStringList authContexts;
    if (auto invalid = requestedAuthContexts(request, &authContexts))
        return *invalid;

    // The incoming token must be one this platform signed, for this middle tier, still valid.
    QString reason;
    const auto claims = m_services.keys.verify(assertion.toLatin1(), &reason);
    if (!claims)
        return error(request, 400, QStringLiteral("invalid_grant"), 50013,
                     QStringLiteral("Assertion failed signature validation. [Reason - %1.]").arg(reason));
    const QString audience = claims->value(QLatin1String("aud")).toString();
    const QString clientId = request.client.clientId;
    if (audience.compare(clientId, Qt::CaseInsensitive) != 0
        && audience.compare(QStringLiteral("api://") + clientId, Qt::CaseInsensitive) != 0)
        return error(request, 400, QStringLiteral("invalid_grant"), 500131,
                     QStringLiteral("Assertion audience does not match the Client app presenting the assertion. The "
                                    "audience in the assertion was '%1' and the expected audience is '%2' or one of "
                                    "the Application Uris of this application with App ID '%2'(%3).")
                         .arg(audience, clientId, request.client.displayName));
    const qint64 now = QDateTime::currentDateTimeUtc().toSecsSinceEpoch();
    if (qint64(claims->value(QLatin1String("exp")).toDouble()) < now)
        return error(request, 400, QStringLiteral("invalid_grant"), 500133,
                     QStringLiteral("Assertion is not within its valid time range. Ensure that the access token is "
                                    "not expired before using it for user assertion, or request a new token."));
    const User *user = m_services.config.userByOid(claims->value(QLatin1String("oid")).toString());
    if (!user || claims->value(QLatin1String("idtyp")).toString() == QLatin1String("app"))
        return error(request, 400, QStringLiteral("invalid_grant"), 50013,
                     QStringLiteral("Assertion contains no user: on-behalf-of needs a delegated (user) token."));
    if (auto refused = m_services.tenants.checkUser(request.authority, *user, request.client)) {
        refused->error = QStringLiteral("invalid_grant");
        return m_services.errors.platform(http, *refused);
    }

    const QString scope = http.formValue(QStringLiteral("scope"));
    if (scope.trimmed().isEmpty())
        return m_services.errors.missingParameter(http, QStringLiteral("scope"));
    PlatformError scopeError;
    const auto scopes = ScopeSet::parse(scope, m_services.config, &scopeError);
    if (!scopes)
        return m_services.errors.platform(http, scopeError);

    TokenIssuer::DelegatedOptions options;
    options.refreshToken = scopes->offlineAccess();
    options.clientInfo = wantsClientInfo(request);
    options.mfaPerformed = user->mfaRequired;
    options.authContexts = authContexts;
    options.clientCapabilities = requestedClientCapabilities(request);
    return HttpResponse::json(200, m_services.issuer.issueDelegated(request.client, *user, *scopes, options));
}

} // namespace MsalQt::Emulator
