#include "authorizationrequest_p.h"

#include "base64url_p.h"
#include "boundednumber_p.h"
#include "tokenresponse_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

namespace MsalQt::Internal {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::AuthorizationRequest)
};
} // namespace

QString randomUrlSafe(int bytes)
{
    QByteArray buffer(bytes, Qt::Uninitialized);
    // QRandomGenerator::system() reads the operating system's CSPRNG (getrandom on Linux).
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(buffer.data()),
                                         reinterpret_cast<quint32 *>(buffer.data()) + bytes / 4);
    return QString::fromLatin1(base64UrlEncode(buffer.left(bytes)));
}

Pkce Pkce::generate()
{
    Pkce pkce;
    pkce.verifier = randomUrlSafe(32); // 43 characters, RFC 7636 §4.1's recommendation
    pkce.challenge = challengeFor(pkce.verifier);
    return pkce;
}

QString Pkce::challengeFor(const QString &verifier)
{
    return QString::fromLatin1(base64UrlEncode(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)));
}

static QString promptValue(InteractiveParameters::Prompt prompt)
{
    switch (prompt) {
    case InteractiveParameters::Prompt::SelectAccount:
        return QStringLiteral("select_account");
    case InteractiveParameters::Prompt::Login:
        return QStringLiteral("login");
    case InteractiveParameters::Prompt::Consent:
        return QStringLiteral("consent");
    case InteractiveParameters::Prompt::None:
        return QStringLiteral("none");
    case InteractiveParameters::Prompt::Create:
        return QStringLiteral("create");
    case InteractiveParameters::Prompt::Default:
        break;
    }
    return {};
}

QUrl AuthorizationRequest::url(AuthError *error) const
{
    QList<std::pair<QString, QString>> fields{
        {QStringLiteral("client_id"), clientId},
        {QStringLiteral("response_type"), responseType},
        {QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded)},
        {QStringLiteral("scope"), scopes.join(QLatin1Char(' '))},
        {QStringLiteral("state"), state},
    };
    if (!nonce.isEmpty())
        fields.append({QStringLiteral("nonce"), nonce});
    if (!codeChallenge.isEmpty()) {
        fields.append({QStringLiteral("code_challenge"), codeChallenge});
        fields.append({QStringLiteral("code_challenge_method"), QStringLiteral("S256")});
    }
    fields.append({QStringLiteral("response_mode"),
                   responseType == QLatin1String("code") ? QStringLiteral("query") : QStringLiteral("fragment")});
    if (microsoft)
        fields.append({QStringLiteral("client_info"), QStringLiteral("1")});
    if (!promptValue(prompt).isEmpty())
        fields.append({QStringLiteral("prompt"), promptValue(prompt)});
    if (maxAge)
        fields.append({QStringLiteral("max_age"), QString::number(std::max<qint64>(0, *maxAge))});
    if (!loginHint.isEmpty())
        fields.append({QStringLiteral("login_hint"), loginHint});
    if (!domainHint.isEmpty())
        fields.append({QStringLiteral("domain_hint"), domainHint});
    if (!claims.isEmpty())
        fields.append({QStringLiteral("claims"), claims});
    for (const auto &[name, value] : extraParameters) {
        const bool taken = std::any_of(fields.cbegin(), fields.cend(), [&name = name](const auto &field) {
            return field.first == name;
        });
        if (taken) {
            *error = AuthError(AuthError::InvalidConfiguration,
                               Tr::tr("The extra query parameter \"%1\" would override a protocol parameter.").arg(name));
            return {};
        }
        fields.append({name, value});
    }
    QUrlQuery query;
    for (const auto &[name, value] : fields) {
        // Percent-encode everything ourselves: QUrlQuery leaves '+', '&' and '=' inside values.
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    QUrl url = endpoint;
    url.setQuery(query);
    return url;
}

bool issuerMatches(const QString &issuer, const QString &expected)
{
    if (!expected.contains(QLatin1String("{tenantid}")))
        return issuer == expected;
    QString pattern = QRegularExpression::escape(expected);
    pattern.replace(QRegularExpression::escape(QStringLiteral("{tenantid}")), QStringLiteral("[0-9A-Za-z-]+"));
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(issuer).hasMatch();
}

std::optional<AuthorizationResponse> parseAuthorizationResponse(const QUrl &redirect, bool fragment,
                                                                const QString &expectedState,
                                                                const QString &expectedIssuer, bool issuerRequired,
                                                                AuthError *error)
{
    // The answer is application/x-www-form-urlencoded (RFC 6749 Appendix B): '+' is a space
    // ("AADSTS65004:+User+declined"), and a '+' of the data comes as %2B. QUrlQuery decodes
    // percent-escapes only.
    QString encoded = fragment ? redirect.fragment(QUrl::FullyEncoded) : redirect.query(QUrl::FullyEncoded);
    encoded.replace(QLatin1Char('+'), QLatin1String("%20"));
    const QUrlQuery fields(encoded);
    const auto value = [&fields](const char *name) {
        return fields.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    AuthorizationResponse response;
    response.fields = fields;
    response.state = value("state");
    response.code = value("code");
    response.issuer = value("iss");

    // The state comes first: an answer to a request we did not make is not to be believed, not
    // even its error (RFC 6749 §10.12).
    if (response.state.isEmpty() || response.state != expectedState) {
        *error = AuthError(AuthError::InvalidResponse,
                           Tr::tr("The answer that reached the application does not belong to the sign-in that was started "
                                  "(state mismatch), so the sign-in was stopped. Start the sign-in again."));
        error->setProtocolError(QStringLiteral("state_mismatch"));
        return std::nullopt;
    }
    // RFC 9207: mix-up defence.
    if (!response.issuer.isEmpty() || issuerRequired) {
        if (!issuerMatches(response.issuer, expectedIssuer)) {
            *error = AuthError(AuthError::InvalidResponse,
                               Tr::tr("The sign-in answer comes from the issuer \"%1\", not from \"%2\", so the sign-in was "
                                      "stopped. Start the sign-in again; if this keeps happening, tell the "
                                      "application's administrator.")
                                   .arg(response.issuer, expectedIssuer));
            error->setProtocolError(QStringLiteral("issuer_mismatch"));
            return std::nullopt;
        }
    }
    if (fields.hasQueryItem(QStringLiteral("error"))) {
        QJsonObject object{{QStringLiteral("error"), value("error")},
                           {QStringLiteral("error_description"), value("error_description")},
                           {QStringLiteral("suberror"), value("suberror")},
                           {QStringLiteral("claims"), value("claims")},
                           {QStringLiteral("correlation_id"), value("correlation_id")}};
        // Redirects carry no error_codes array: errorFromOAuthObject() reads the code from the
        // description ("AADSTSnnnn:", "AADB2Cnnnnn:").
        *error = errorFromOAuthObject(object, 0);
        return std::nullopt;
    }
    if (!fragment && response.code.isEmpty()) {
        *error = AuthError(AuthError::InvalidResponse, Tr::tr("The sign-in answer carries neither a code nor an error."));
        return std::nullopt;
    }
    return response;
}

std::optional<TokenResponse> parseImplicitResponse(const QUrlQuery &fields, AuthError *error)
{
    const auto field = [&fields](const char *name) { return fields.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
    TokenResponse token;
    token.accessToken = field("access_token");
    token.tokenType = field("token_type");
    token.idToken = field("id_token");
    token.scope = field("scope");
    // Range-checked before it becomes a qint64 and later a QDateTime (boundednumber_p.h).
    const auto expiresIn = boundedInteger(field("expires_in"), 1, maxLifetimeSeconds);
    token.expiresIn = expiresIn.value_or(0);
    token.extExpiresIn = token.expiresIn;
    if (token.accessToken.isEmpty() || token.idToken.isEmpty() || !expiresIn
        || token.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        *error = AuthError(AuthError::InvalidResponse,
                           QCoreApplication::translate("MsalQt::ImplicitFlow",
                                                       "The implicit answer lacks an access token, an ID token or a valid expires_in."));
        return std::nullopt;
    }
    token.tokenType = QStringLiteral("Bearer");
    return token;
}

} // namespace MsalQt::Internal
