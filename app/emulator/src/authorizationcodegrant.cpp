#include "authorizationcodegrant.h"

#include "httprequest.h"
#include "scopeset.h"
#include "services.h"

#include <QCryptographicHash>

namespace MsalQt::Emulator {

namespace {

bool verifierMatches(const AuthorizationCode &code, const QString &verifier)
{
    if (verifier.isEmpty())
        return false;
    if (code.codeChallengeMethod == QLatin1String("plain"))
        return verifier == code.codeChallenge;
    const QByteArray hash = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
        == code.codeChallenge;
}

} // namespace

QString AuthorizationCodeGrant::grantType() const
{
    return QStringLiteral("authorization_code");
}

HttpResponse AuthorizationCodeGrant::handle(const TokenRequest &request)
{
    const QString value = request.http.formValue(QStringLiteral("code"));
    if (value.isEmpty())
        return m_services.errors.missingParameter(request.http, QStringLiteral("code"));
    const QString redirectUri = request.http.formValue(QStringLiteral("redirect_uri"));
    if (redirectUri.isEmpty())
        return m_services.errors.missingParameter(request.http, QStringLiteral("redirect_uri"));
    if (auto failed = authenticateClient(request))
        return *failed;
    if (auto refused = checkGrantAllowed(request))
        return *refused;
    // Before the code is redeemed: a malformed claims parameter must not use it up.
    QStringList authContexts;
    if (auto invalid = requestedAuthContexts(request, &authContexts))
        return *invalid;

    const auto invalidGrant = [&](int code, const QString &description) {
        return error(request, 400, QStringLiteral("invalid_grant"), code, description);
    };
    AuthorizationCode code;
    switch (m_services.authorization.codes.redeem(value, &code)) {
    case AuthorizationCodeStore::Outcome::Unknown:
        return invalidGrant(70000, QStringLiteral("Provided grant is invalid or malformed."));
    case AuthorizationCodeStore::Outcome::Expired:
        return invalidGrant(70008, QStringLiteral("The provided authorization code or refresh token has expired due to "
                                                  "inactivity. Send a new interactive authorization request for this "
                                                  "user and resource."));
    case AuthorizationCodeStore::Outcome::Redeemed:
        return invalidGrant(54005, QStringLiteral("OAuth2 Authorization code was already redeemed, please retry with a "
                                                  "new valid code or use an existing refresh token."));
    case AuthorizationCodeStore::Outcome::Valid:
        break;
    }
    if (code.clientId != request.client.clientId)
        return invalidGrant(70000, QStringLiteral("Provided grant is invalid or malformed. The code was issued to a "
                                                  "different client."));
    // Exact string comparison, as RFC 6749 §4.1.3 asks: the loopback port is not ignored here.
    if (redirectUri != code.redirectUri)
        return invalidGrant(500112, QStringLiteral("The reply address does not match the reply address provided when "
                                                   "requesting Authorization code."));
    if (!code.codeChallenge.isEmpty()
        && !verifierMatches(code, request.http.formValue(QStringLiteral("code_verifier"))))
        return invalidGrant(501481, QStringLiteral("The Code_Verifier does not match the code_challenge supplied in the "
                                                   "authorization request."));

    const User *user = m_services.config.userByOid(code.userOid);
    if (!user)
        return invalidGrant(70000, QStringLiteral("Provided grant is invalid or malformed. The user no longer exists."));
    if (auto refused = m_services.tenants.checkUser(request.authority, *user, request.client)) {
        refused->error = QStringLiteral("invalid_grant");
        return m_services.errors.platform(request.http, *refused);
    }
    PlatformError scopeError;
    const auto scopes = ScopeSet::parse(code.scope, m_services.config, &scopeError);
    if (!scopes)
        return m_services.errors.platform(request.http, scopeError);

    TokenIssuer::DelegatedOptions options;
    options.b2cPolicy = request.authority.policy;
    options.refreshToken = scopes->offlineAccess();
    options.clientInfo = wantsClientInfo(request);
    options.nonce = code.nonce;
    options.authTime = code.authTime;
    options.mfaPerformed = user->mfaRequired;
    options.authContexts = authContexts;
    options.clientCapabilities = requestedClientCapabilities(request);
    options.tenantId = TenantResolver::issuingTenant(request.authority, *user);
    return HttpResponse::json(200, m_services.issuer.issueDelegated(request.client, *user, *scopes, options));
}

} // namespace MsalQt::Emulator
