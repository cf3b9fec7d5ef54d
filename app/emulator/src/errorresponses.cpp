#include "errorresponses.h"

#include "httprequest.h"

#include <QDateTime>
#include <QJsonArray>

namespace MsalQt::Emulator {

HttpResponse ErrorResponses::platform(const HttpRequest &request, const PlatformError &e) const
{
    const QString timestamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")) + QLatin1Char('Z');
    QString description = e.aadstsCode > 0 ? QStringLiteral("AADSTS%1: %2").arg(e.aadstsCode).arg(e.description)
                                           : e.description;
    description += QStringLiteral("\r\nTrace ID: ") + request.traceId()
        + QStringLiteral("\r\nCorrelation ID: ") + request.correlationId()
        + QStringLiteral("\r\nTimestamp: ") + timestamp;

    QJsonObject body{
        {QStringLiteral("error"), e.error},
        {QStringLiteral("error_description"), description},
        {QStringLiteral("timestamp"), timestamp},
        {QStringLiteral("trace_id"), request.traceId()},
        {QStringLiteral("correlation_id"), request.correlationId()},
    };
    if (e.aadstsCode > 0) {
        body.insert(QStringLiteral("error_codes"), QJsonArray{e.aadstsCode});
        QUrl uri = m_baseUrl;
        uri.setPath(QStringLiteral("/error"));
        uri.setQuery(QStringLiteral("code=%1").arg(e.aadstsCode));
        body.insert(QStringLiteral("error_uri"), uri.toString());
    }
    if (!e.subError.isEmpty())
        body.insert(QStringLiteral("suberror"), e.subError);
    if (!e.claims.isEmpty())
        body.insert(QStringLiteral("claims"), e.claims);
    return HttpResponse::json(e.httpStatus, body);
}

HttpResponse ErrorResponses::platform(const HttpRequest &request, int httpStatus, const QString &error,
                                      int aadstsCode, const QString &description) const
{
    PlatformError e;
    e.httpStatus = httpStatus;
    e.error = error;
    e.aadstsCode = aadstsCode;
    e.description = description;
    return platform(request, e);
}

HttpResponse ErrorResponses::missingParameter(const HttpRequest &request, const QString &name) const
{
    return platform(request, 400, QStringLiteral("invalid_request"), 900144,
                    QStringLiteral("The request body must contain the following parameter: '%1'.").arg(name));
}

HttpResponse ErrorResponses::tenantNotFound(const HttpRequest &request, const QString &tenant) const
{
    return platform(request, 400, QStringLiteral("invalid_tenant"), 90002,
                    QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID and are "
                                   "signing into the correct cloud. Check with your subscription administrator, this may "
                                   "happen if there are no active subscriptions for the tenant.").arg(tenant));
}

HttpResponse ErrorResponses::applicationNotFound(const HttpRequest &request, const QString &clientId,
                                                 const QString &directory) const
{
    return platform(request, 400, QStringLiteral("unauthorized_client"), 700016,
                    QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. "
                                   "This can happen if the application has not been installed by the "
                                   "administrator of the tenant or consented to by any user in the tenant. "
                                   "You may have sent your authentication request to the wrong tenant.")
                        .arg(clientId, directory));
}

HttpResponse ErrorResponses::postOnly(const HttpRequest &request) const
{
    HttpResponse r = platform(request, 405, QStringLiteral("invalid_request"), 900561,
                              QStringLiteral("The endpoint only accepts POST requests. Received a %1 request.")
                                  .arg(QString::fromLatin1(request.method())));
    r.setHeader("Allow", "POST");
    return r;
}

HttpResponse ErrorResponses::notFound(const HttpRequest &request) const
{
    return platform(request, 404, QStringLiteral("not_found"), 0,
                    QStringLiteral("The emulator has no endpoint at '%1'.").arg(request.path()));
}

HttpResponse ErrorResponses::graph(const HttpRequest &request, int httpStatus, const QString &code,
                                   const QString &message) const
{
    const QString date = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QJsonObject inner{
        {QStringLiteral("date"), date},
        {QStringLiteral("request-id"), request.traceId()},
        {QStringLiteral("client-request-id"), request.correlationId()},
    };
    return HttpResponse::json(httpStatus, QJsonObject{{QStringLiteral("error"), QJsonObject{
        {QStringLiteral("code"), code},
        {QStringLiteral("message"), message},
        {QStringLiteral("innerError"), inner},
    }}});
}

} // namespace MsalQt::Emulator
