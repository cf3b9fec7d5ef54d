#include "granthandler.h"

#include "clientauthenticator.h"
#include "httprequest.h"
#include "services.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace MsalQt::Emulator {

GrantHandler::~GrantHandler() = default;

HttpResponse GrantHandler::error(const TokenRequest &request, int httpStatus, const QString &error, int aadstsCode,
                                 const QString &description) const
{
    return m_services.errors.platform(request.http, httpStatus, error, aadstsCode, description);
}

std::optional<HttpResponse> GrantHandler::authenticateClient(const TokenRequest &request) const
{
    return ClientAuthenticator(m_services).authenticate(request.http, request.client);
}

std::optional<HttpResponse> GrantHandler::checkGrantAllowed(const TokenRequest &request) const
{
    if (request.client.allowsGrant(grantType()))
        return std::nullopt;
    // The platform has no dedicated code for "grant not enabled on this registration"; this
    // body carries no AADSTS code so that nobody mistakes it for a real one.
    return m_services.errors.platform(request.http, 400, QStringLiteral("unauthorized_client"), 0,
                                      QStringLiteral("The application '%1'(%2) is not configured to use the grant "
                                                     "type '%3'.")
                                          .arg(request.client.displayName, request.client.clientId, grantType()));
}

bool GrantHandler::wantsClientInfo(const TokenRequest &request)
{
    return request.http.formValue(QStringLiteral("client_info")) == QLatin1String("1");
}

QStringList GrantHandler::requestedClientCapabilities(const TokenRequest &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.http.formValue(QStringLiteral("claims")).toUtf8());
    const QJsonArray values = document.object()
                                  .value(QLatin1String("access_token")).toObject()
                                  .value(QLatin1String("xms_cc")).toObject()
                                  .value(QLatin1String("values")).toArray();
    QStringList capabilities;
    for (const QJsonValue &value : values) {
        if (value.isString() && !value.toString().isEmpty() && !capabilities.contains(value.toString()))
            capabilities.append(value.toString().left(64));
        if (capabilities.size() == 8)
            break;
    }
    return capabilities;
}

std::optional<HttpResponse> GrantHandler::requestedAuthContexts(const TokenRequest &request,
                                                                QStringList *authContexts) const
{
    authContexts->clear();
    const QString claims = request.http.formValue(QStringLiteral("claims"));
    if (claims.trimmed().isEmpty())
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(claims.toUtf8(), &parseError);
    // AADSTS90100 is the platform's "InvalidRequestParameter: the parameter is empty or not
    // valid"; its exact wording for bad claims JSON is not documented, so this one is ours.
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(request, 400, QStringLiteral("invalid_request"), 90100,
                     QStringLiteral("The claims parameter is not valid JSON."));

    const QJsonObject acrs = document.object()
                                 .value(QLatin1String("access_token")).toObject()
                                 .value(QLatin1String("acrs")).toObject();
    const auto add = [authContexts](const QJsonValue &value) {
        if (value.isString() && !value.toString().isEmpty() && !authContexts->contains(value.toString()))
            authContexts->append(value.toString());
    };
    add(acrs.value(QLatin1String("value")));
    for (const QJsonValue &value : acrs.value(QLatin1String("values")).toArray())
        add(value);
    return std::nullopt;
}

} // namespace MsalQt::Emulator
