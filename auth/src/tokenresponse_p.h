#pragma once

#include "autotestexport_p.h"
#include "httpclient_p.h"

#include <MsalQt/autherror.h>

#include <QJsonObject>

#include <optional>

namespace MsalQt::Internal {

// A successful token endpoint answer (RFC 6749 §5.1, plus the platform's extensions).
struct TokenResponse
{
    QString accessToken;
    QString tokenType;
    QString refreshToken;
    QString idToken;
    QString clientInfo;   // base64url {"uid","utid"} when client_info=1 was sent
    QString scope;        // as granted; empty means "as requested" (RFC 6749 §5.1)
    qint64 expiresIn = 0;
    qint64 extExpiresIn = 0;
    qint64 refreshIn = 0; // 0: none
    QString familyId;     // "foci"
};

// Parses a 2xx token response body. Anything that is not one is InvalidResponse.
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<TokenResponse> parseTokenResponse(const QByteArray &body, AuthError *error);

// Maps an HTTP exchange that did not succeed to a typed error: no answer (NetworkError, Timeout),
// throttling, an OAuth error body (RFC 6749 §5.2 plus AADSTS codes, suberror, claims), or a body
// that is no protocol message at all.
MSALQT_AUTH_AUTOTEST_EXPORT AuthError errorFromHttpResponse(const HttpResponse &response, const QString &correlationId);

// The error fields of an OAuth error object, typed by what a caller can do about them.
MSALQT_AUTH_AUTOTEST_EXPORT AuthError errorFromOAuthObject(const QJsonObject &object, int httpStatus);

// Parses a JSON object body; InvalidResponse (with what was wrong) otherwise.
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<QJsonObject> parseJsonObject(const QByteArray &body, AuthError *error);

// "a b  c" -> {"a","b","c"}
MSALQT_AUTH_AUTOTEST_EXPORT QStringList splitScopes(const QString &scope);

} // namespace MsalQt::Internal
