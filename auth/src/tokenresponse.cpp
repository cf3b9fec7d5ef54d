#include "tokenresponse_p.h"

#include "boundednumber_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace MsalQt::Internal {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::TokenResponse)
};
} // namespace

QStringList splitScopes(const QString &scope)
{
    // One scope, the usual case (an app token's "{resource}/.default"): the string itself, shared.
    if (!scope.isEmpty() && !scope.contains(QLatin1Char(' ')))
        return {scope};
    return scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

std::optional<QJsonObject> parseJsonObject(const QByteArray &body, AuthError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = AuthError(AuthError::InvalidResponse,
                           body.isEmpty() ? Tr::tr("The answer was empty.")
                                          : Tr::tr("The answer is not a JSON object (%1 at offset %2).")
                                                .arg(parseError.errorString())
                                                .arg(parseError.offset));
        return std::nullopt;
    }
    return document.object();
}

// expires_in is a number by RFC 6749, but older platform endpoints send it as a string. Either is
// range-checked before it becomes a qint64 (and later a QDateTime): see boundednumber_p.h.
static bool readSeconds(const QJsonObject &object, const QString &name, qint64 *out, bool *present)
{
    const QJsonValue value = object.value(name);
    *present = !value.isUndefined() && !value.isNull();
    if (!*present)
        return true;
    const auto seconds = boundedInteger(value, 0, maxLifetimeSeconds);
    if (!seconds)
        return false;
    *out = *seconds;
    return true;
}

static bool readString(const QJsonObject &object, const QString &name, QString *out)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString())
        return false;
    *out = value.toString();
    return true;
}

std::optional<TokenResponse> parseTokenResponse(const QByteArray &body, AuthError *error)
{
    const auto object = parseJsonObject(body, error);
    if (!object)
        return std::nullopt;

    TokenResponse response;
    const auto invalid = [error](const QString &what) {
        *error = AuthError(AuthError::InvalidResponse, what);
        return std::nullopt;
    };
    if (!readString(*object, QStringLiteral("access_token"), &response.accessToken)
        || response.accessToken.isEmpty()) {
        return invalid(Tr::tr("The token response has no access token."));
    }
    if (!readString(*object, QStringLiteral("token_type"), &response.tokenType)
        || !readString(*object, QStringLiteral("refresh_token"), &response.refreshToken)
        || !readString(*object, QStringLiteral("id_token"), &response.idToken)
        || !readString(*object, QStringLiteral("client_info"), &response.clientInfo)
        || !readString(*object, QStringLiteral("scope"), &response.scope)
        || !readString(*object, QStringLiteral("foci"), &response.familyId)) {
        return invalid(Tr::tr("The token response has a field of the wrong type."));
    }
    // RFC 6750: we only know how to use bearer tokens.
    if (response.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return invalid(Tr::tr("The token type \"%1\" is not supported (expected Bearer).").arg(response.tokenType));
    response.tokenType = QStringLiteral("Bearer");

    bool present = false;
    if (!readSeconds(*object, QStringLiteral("expires_in"), &response.expiresIn, &present))
        return invalid(Tr::tr("The token response has an invalid expires_in."));
    if (!present) {
        // RFC 6749 §5.1 only recommends expires_in; an hour is what the platform issues.
        response.expiresIn = 3600;
    }
    if (!readSeconds(*object, QStringLiteral("ext_expires_in"), &response.extExpiresIn, &present))
        return invalid(Tr::tr("The token response has an invalid ext_expires_in."));
    if (!present || response.extExpiresIn < response.expiresIn)
        response.extExpiresIn = response.expiresIn;
    if (!readSeconds(*object, QStringLiteral("refresh_in"), &response.refreshIn, &present))
        return invalid(Tr::tr("The token response has an invalid refresh_in."));
    return response;
}

static QList<int> readErrorCodes(const QJsonValue &value)
{
    QList<int> codes;
    for (const QJsonValue &code : value.toArray()) {
        if (code.isDouble())
            codes << code.toInt();
    }
    return codes;
}

AuthError errorFromOAuthObject(const QJsonObject &object, int httpStatus)
{
    const QString protocolError = object.value(QLatin1String("error")).toString();
    const QString subError = object.value(QLatin1String("suberror")).toString();
    const QString description = object.value(QLatin1String("error_description")).toString();
    QList<int> codes = readErrorCodes(object.value(QLatin1String("error_codes")));
    // Redirects and Azure AD B2C send no error_codes array: the description starts with the
    // code, "AADSTS50076: ..." or "AADB2C90118: ...".
    static const QRegularExpression codePrefix(QStringLiteral("^(?:AADSTS|AADB2C)(\\d{1,9})\\b"));
    const QRegularExpressionMatch prefix = codePrefix.match(description);
    // B2C's numbers are its own: they never count as the platform's AADSTS codes below.
    const bool b2cCode = codes.isEmpty() && prefix.hasMatch() && description.startsWith(QLatin1String("AADB2C"));
    if (codes.isEmpty() && prefix.hasMatch())
        codes << prefix.captured(1).toInt();
    // B2C's "Forgot your password?" link ends the sign-in with AADB2C90118 (as access_denied on
    // the redirect, or as a token error): the application is to run its password-reset policy.
    const bool passwordReset = description.startsWith(QLatin1String("AADB2C90118"));

    // The codes that only a person can resolve: MFA (50076, 50079, 50158), expired or revoked
    // sign-in sessions needing re-authentication (50072, 50074), Conditional Access (53000, 53003).
    static const QList<int> interactiveCodes{50072, 50074, 50076, 50079, 50158, 53000, 53003};
    AuthError::Type type = AuthError::ServiceError;
    if (passwordReset) {
        type = AuthError::PasswordResetRequired;
    } else if (protocolError == QLatin1String("interaction_required")
        || protocolError == QLatin1String("consent_required")
        || protocolError == QLatin1String("login_required")
        || (!b2cCode && std::any_of(codes.cbegin(), codes.cend(),
                                     [](int code) { return interactiveCodes.contains(code); }))) {
        type = AuthError::UiRequired;
    } else if (protocolError == QLatin1String("authorization_declined")
               || protocolError == QLatin1String("access_denied")) {
        type = AuthError::Declined;
    } else if (protocolError == QLatin1String("expired_token")) {
        type = AuthError::Timeout;
    } else if (protocolError == QLatin1String("invalid_client")
               || protocolError == QLatin1String("unauthorized_client")
               || protocolError == QLatin1String("invalid_scope")) {
        type = AuthError::InvalidConfiguration;
    }
    // temporarily_unavailable (RFC 6749 §4.1.2.1, §5.2 as the platform sends it, with a 503) is a
    // transient failure of the service: ServiceError, as in the other MSAL libraries. Throttled is
    // the pipeline's, which knows when the server may be asked again (errorFromHttpResponse()).

    AuthError error(type);
    error.setProtocolError(protocolError);
    error.setSubError(subError);
    error.setErrorDescription(description);
    error.setErrorCodes(codes);
    error.setCorrelationId(object.value(QLatin1String("correlation_id")).toString());
    error.setTraceId(object.value(QLatin1String("trace_id")).toString());
    const QJsonValue claims = object.value(QLatin1String("claims"));
    error.setClaims(claims.isObject()
                        ? QString::fromUtf8(QJsonDocument(claims.toObject()).toJson(QJsonDocument::Compact))
                        : claims.toString());
    error.setHttpStatus(httpStatus);
    return error;
}

AuthError errorFromHttpResponse(const HttpResponse &response, const QString &correlationId)
{
    AuthError error;
    if (const auto refused = pipelineError(response)) {
        error = *refused; // too large, a redirect not followed, a timeout
    } else if (response.throttledUntil.isValid()) {
        // A 429, or a 5xx that asked for a longer wait than the request makes (or was already
        // retried): Throttled, always with the time from which it may be sent again. The
        // server's own error fields, when it sent them, are kept.
        AuthError parseError;
        const auto object = response.body.isEmpty() ? std::nullopt : parseJsonObject(response.body, &parseError);
        if (object && object->value(QLatin1String("error")).isString()) {
            const AuthError server = errorFromOAuthObject(*object, response.status);
            error = AuthError(AuthError::Throttled);
            error.setProtocolError(server.protocolError());
            error.setSubError(server.subError());
            error.setErrorDescription(server.errorDescription());
            error.setErrorCodes(server.errorCodes());
            error.setCorrelationId(server.correlationId());
            error.setTraceId(server.traceId());
            error.setClaims(server.claims());
        } else {
            error = AuthError(AuthError::Throttled);
        }
        error.setMessage(response.status >= 500
                             ? Tr::tr("The server failed (HTTP %1) and asked to wait before the request is sent again.")
                                   .arg(response.status)
                             : Tr::tr("The server throttled this request; it was not sent again before the wait was over."));
        error.setRetryAfter(response.throttledUntil);
        error.setHttpStatus(response.status);
    } else if (response.status == 0) {
        if (response.timedOut) {
            error = AuthError(AuthError::Timeout, Tr::tr("The server did not answer in time."));
        } else {
            error = AuthError(AuthError::NetworkError, response.networkErrorString);
        }
    } else {
        AuthError parseError;
        const auto object = parseJsonObject(response.body, &parseError);
        if (object && object->value(QLatin1String("error")).isString()) {
            error = errorFromOAuthObject(*object, response.status);
            if (response.status >= 500 && error.type() == AuthError::ServiceError)
                error.setMessage(Tr::tr("The server failed (HTTP %1).").arg(response.status));
        } else if (response.status >= 500) {
            error = AuthError(AuthError::ServiceError, Tr::tr("The server failed (HTTP %1).").arg(response.status));
            error.setHttpStatus(response.status);
        } else {
            error = AuthError(AuthError::InvalidResponse,
                              Tr::tr("HTTP %1 without a protocol error.").arg(response.status) + QLatin1Char(' ')
                                  + parseError.message());
            error.setHttpStatus(response.status);
        }
    }
    if (error.correlationId().isEmpty())
        error.setCorrelationId(correlationId);
    return error;
}

} // namespace MsalQt::Internal
