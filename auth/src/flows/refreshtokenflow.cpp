#include "refreshtokenflow_p.h"

#include "cache/cacheentry_p.h"
#include "logging_p.h"

#include <QCoreApplication>

#include <algorithm>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::RefreshTokenFlow)
};
} // namespace

RefreshTokenFlow::RefreshTokenFlow(ClientApplicationPrivate *application, const QStringList &scopes,
                                   const QString &refreshToken)
    : TokenRequestPrivate(application, scopes)
    , m_refreshToken(refreshToken.trimmed()) // a line read from a file or a terminal
{
}

RefreshTokenFlow::~RefreshTokenFlow()
{
    wipeRefreshToken();
}

void RefreshTokenFlow::wipeRefreshToken()
{
    // As the password flow: overwrite our own buffer; a copy still shared with the caller's
    // string is only released.
    if (!m_refreshToken.isDetached()) {
        m_refreshToken.clear();
        return;
    }
    m_refreshToken.fill(QChar(0));
    m_refreshToken.clear();
}

AuthError RefreshTokenFlow::checkRequest() const
{
    if (m_refreshToken.trimmed().isEmpty())
        return AuthError(AuthError::InvalidConfiguration, Tr::tr("The refresh token to import is empty."));
    // A refresh token is one line of printable ASCII (RFC 6749 Appendix A.17: VSCHAR); anything
    // else is a copy-and-paste accident, and must not travel in a form body.
    for (const QChar c : m_refreshToken) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            return AuthError(AuthError::InvalidConfiguration,
                             Tr::tr("The refresh token to import contains characters a refresh token cannot have (line breaks, control or non-ASCII characters)."));
        }
    }
    const QStringList named = requestScopes(scopes, false);
    const bool onlyReserved = std::all_of(named.cbegin(), named.cend(), [](const QString &scope) {
        return isReservedScope(lowercase(scope));
    });
    if (onlyReserved) { // none at all, or only openid, profile, offline_access
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Importing a refresh token needs the scopes it was issued for."));
    }
    return {};
}

void RefreshTokenFlow::run()
{
    FormFields grant{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                     {QStringLiteral("refresh_token"), m_refreshToken}};
    wipeRefreshToken();
    qCDebug(lcMsalAuth) << "Token request" << correlationId << "redeems an imported refresh token";
    redeem(grant, [this](const AuthError &error) {
        if (const auto uiRequired = uiRequiredFromRefreshError(error, {})) {
            finishWithError(*uiRequired);
            return true;
        }
        return false;
    });
}

std::optional<AuthError> RefreshTokenFlow::uiRequiredFromRefreshError(const AuthError &error, const QString &claims)
{
    if (error.type() != AuthError::UiRequired && error.protocolError() != QLatin1String("invalid_grant"))
        return std::nullopt;
    AuthError uiRequired(AuthError::UiRequired,
                         Tr::tr("The refresh token could not be used (%1): sign in interactively.")
                             .arg(error.protocolError()));
    uiRequired.setProtocolError(error.protocolError());
    uiRequired.setSubError(error.subError());
    uiRequired.setErrorDescription(error.errorDescription());
    uiRequired.setErrorCodes(error.errorCodes());
    uiRequired.setCorrelationId(error.correlationId());
    uiRequired.setTraceId(error.traceId());
    uiRequired.setClaims(error.claims().isEmpty() ? claims : error.claims());
    uiRequired.setHttpStatus(error.httpStatus());
    return uiRequired;
}

AuthError RefreshTokenFlow::checkAnswerAccount(const QString &homeAccountId, const QJsonObject &idTokenClaims) const
{
    // The answer defines the account; one that names none would leave tokens nobody can find
    // again (the new refresh token is filed under the account), so it is refused.
    if (homeAccountId.isEmpty() || idTokenClaims.isEmpty()) {
        return AuthError(AuthError::InvalidResponse,
                         Tr::tr("The server redeemed the refresh token but did not say whose it is (no ID token): nothing was imported. Ask for the openid scope, or sign in interactively."));
    }
    return {};
}

void RefreshTokenFlow::stop()
{
    wipeRefreshToken();
}

} // namespace MsalQt
