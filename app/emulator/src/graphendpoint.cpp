#include "graphendpoint.h"

#include "graphtodo.h"
#include "httprequest.h"
#include "services.h"
#include "tokenissuer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace MsalQt::Emulator {

namespace {

// Graph tolerates this much clock skew on nbf/exp.
constexpr qint64 clockSkewSeconds = 300;

} // namespace

HttpResponse GraphEndpoint::unauthorized(const HttpRequest &request, const QString &message, const QString &error,
                                         const QString &claims) const
{
    HttpResponse r = m_services.errors.graph(request, 401, QStringLiteral("InvalidAuthenticationToken"), message);
    QString challenge = QStringLiteral("Bearer realm=\"\", authorization_uri=\"%1/common/oauth2/authorize\", "
                                       "client_id=\"%2\", error=\"%3\"")
                            .arg(m_services.baseUrl.toString(), Config::graphAppId, error);
    if (!claims.isEmpty())
        challenge += QStringLiteral(", claims=\"%1\"").arg(claims);
    r.setHeader("WWW-Authenticate", challenge.toUtf8());
    return r;
}

std::optional<HttpResponse> GraphEndpoint::checkAuthContext(const HttpRequest &request, const QJsonObject &claims) const
{
    const QString required = m_services.graphAuthContext;
    if (required.isEmpty()
        || claims.value(QLatin1String("acrs")).toArray().contains(QJsonValue(required)))
        return std::nullopt;
    // What Graph sends under an authentication context policy: the claims request the client
    // passes verbatim (base64-decoded) as the "claims" parameter of its next token request.
    // Standard base64 with padding, as Graph does, not base64url.
    const QJsonObject wanted{
        {QStringLiteral("access_token"),
         QJsonObject{{QStringLiteral("acrs"),
                      QJsonObject{{QStringLiteral("essential"), true}, {QStringLiteral("value"), required}}}}}};
    const QByteArray encoded = QJsonDocument(wanted).toJson(QJsonDocument::Compact).toBase64();
    return unauthorized(request, QStringLiteral("The access token lacks the required authentication context."),
                        QStringLiteral("insufficient_claims"), QString::fromLatin1(encoded));
}

std::variant<QJsonObject, HttpResponse> GraphEndpoint::authenticate(const HttpRequest &request) const
{
    const QByteArray authorization = request.header("authorization").trimmed();
    const QByteArray token = authorization.left(7).toLower() == "bearer " ? authorization.mid(7).trimmed() : QByteArray();
    if (token.isEmpty())
        return unauthorized(request, QStringLiteral("Access token is empty."));

    QString reason;
    const auto claims = m_services.keys.verify(token, &reason);
    if (!claims)
        return unauthorized(request, QStringLiteral("Access token validation failure: %1.").arg(reason));

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 exp = qint64(claims->value(QLatin1String("exp")).toDouble());
    const qint64 nbf = qint64(claims->value(QLatin1String("nbf")).toDouble());
    if (exp + clockSkewSeconds < now)
        return unauthorized(request, QStringLiteral("Lifetime validation failed, the token is expired."));
    if (nbf - clockSkewSeconds > now)
        return unauthorized(request, QStringLiteral("Lifetime validation failed, the token is not yet valid."));
    const QString aud = claims->value(QLatin1String("aud")).toString();
    if (aud != Config::graphUri && aud != Config::graphAppId)
        return unauthorized(request, QStringLiteral("Access token validation failure. Invalid audience."));
    if (!claims->value(QLatin1String("iss")).toString().startsWith(m_services.baseUrl.toString() + QLatin1Char('/')))
        return unauthorized(request, QStringLiteral("Access token validation failure. Invalid issuer."));
    // Continuous Access Evaluation: a cp1 client's token from before the session ended.
    const auto revokedAt = m_services.sessionRevokedAt.constFind(claims->value(QLatin1String("oid")).toString());
    if (revokedAt != m_services.sessionRevokedAt.constEnd()
        && claims->value(QLatin1String("xms_cc")).toArray().contains(QJsonValue(QStringLiteral("cp1")))
        && claims->value(QLatin1String("iat")).toInteger() <= *revokedAt) {
        const QJsonObject wanted{
            {QStringLiteral("access_token"),
             QJsonObject{{QStringLiteral("nbf"), QJsonObject{{QStringLiteral("essential"), true},
                                                             {QStringLiteral("value"), QString::number(*revokedAt + 1)}}}}}};
        return unauthorized(request, QStringLiteral("Continuous access evaluation resulted in claims challenge."),
                            QStringLiteral("insufficient_claims"),
                            QString::fromLatin1(QJsonDocument(wanted).toJson(QJsonDocument::Compact).toBase64()));
    }
    return *claims;
}

HttpResponse GraphEndpoint::methodNotAllowed(const HttpRequest &request) const
{
    return m_services.errors.graph(request, 405, QStringLiteral("Request_BadRequest"),
                                   QStringLiteral("Specified HTTP method is not allowed for the request target."));
}

std::variant<const User *, HttpResponse> GraphEndpoint::authenticateUser(const HttpRequest &request) const
{
    const auto auth = authenticate(request);
    if (const auto *failure = std::get_if<HttpResponse>(&auth))
        return *failure;
    const QJsonObject &claims = std::get<QJsonObject>(auth);
    if (!claims.contains(QLatin1String("scp")))
        return m_services.errors.graph(request, 400, QStringLiteral("BadRequest"),
                                       QStringLiteral("/me request is only valid with delegated authentication flow."));
    const QString oid = claims.value(QLatin1String("oid")).toString();
    const User *user = m_services.config.userByOid(oid);
    if (!user)
        return m_services.errors.graph(request, 404, QStringLiteral("Request_ResourceNotFound"),
                                       QStringLiteral("Resource '%1' does not exist or one of its queried "
                                                      "reference-property objects are not present.").arg(oid));
    if (auto challenge = checkAuthContext(request, claims))
        return *challenge;
    return user;
}

HttpResponse GraphEndpoint::me(const HttpRequest &request) const
{
    if (request.method() != "GET")
        return methodNotAllowed(request);
    const auto auth = authenticateUser(request);
    if (const auto *failure = std::get_if<HttpResponse>(&auth))
        return *failure;
    const User *user = std::get<const User *>(auth);
    return HttpResponse::json(200, QJsonObject{
        {QStringLiteral("@odata.context"),
         m_services.baseUrl.toString() + QStringLiteral("/v1.0/$metadata#users/$entity")},
        {QStringLiteral("businessPhones"), QJsonArray()},
        {QStringLiteral("displayName"), user->displayName},
        {QStringLiteral("givenName"), user->givenName},
        {QStringLiteral("jobTitle"), QJsonValue()},
        {QStringLiteral("mail"), user->username},
        {QStringLiteral("mobilePhone"), QJsonValue()},
        {QStringLiteral("officeLocation"), QJsonValue()},
        {QStringLiteral("preferredLanguage"), QJsonValue()},
        {QStringLiteral("surname"), user->surname},
        {QStringLiteral("userPrincipalName"), user->username},
        {QStringLiteral("id"), user->oid},
    });
}

HttpResponse GraphEndpoint::todoLists(const HttpRequest &request)
{
    const bool create = request.method() == "POST";
    if (!create && request.method() != "GET")
        return methodNotAllowed(request);
    const auto auth = authenticateUser(request);
    if (const auto *failure = std::get_if<HttpResponse>(&auth))
        return *failure;
    const QString oid = std::get<const User *>(auth)->oid;
    GraphTodo todo(m_services);
    return create ? todo.createList(request, oid) : todo.lists(oid);
}

HttpResponse GraphEndpoint::userInfo(const HttpRequest &request) const
{
    const auto auth = authenticate(request);
    if (const auto *failure = std::get_if<HttpResponse>(&auth))
        return *failure;
    const QJsonObject &claims = std::get<QJsonObject>(auth);
    const User *user = m_services.config.userByOid(claims.value(QLatin1String("oid")).toString());
    if (!claims.contains(QLatin1String("scp")) || !user)
        return unauthorized(request, QStringLiteral("Access token validation failure: not a user token."));
    return HttpResponse::json(200, QJsonObject{
        {QStringLiteral("sub"), claims.value(QLatin1String("sub"))},
        {QStringLiteral("name"), user->displayName},
        {QStringLiteral("family_name"), user->surname},
        {QStringLiteral("given_name"), user->givenName},
        {QStringLiteral("email"), user->username},
    });
}

} // namespace MsalQt::Emulator
