#include "authorizationresponse.h"

#include "authorizepages.h"
#include "htmlpages.h"
#include "authorizerequest.h"
#include "httprequest.h"

#include <QDateTime>

namespace MsalQt::Emulator {

QString AuthorizationResponse::encode(const Parameters &parameters)
{
    // Every reserved character is percent-encoded (a '+' in a description must not become a space).
    QString out;
    for (const auto &p : parameters) {
        if (!out.isEmpty())
            out += QLatin1Char('&');
        out += QString::fromLatin1(QUrl::toPercentEncoding(p.first)) + QLatin1Char('=')
            + QString::fromLatin1(QUrl::toPercentEncoding(p.second));
    }
    return out;
}

HttpResponse AuthorizationResponse::deliver(const AuthorizeRequest &request, const Parameters &parameters)
{
    if (request.responseMode == QLatin1String("form_post"))
        return HttpResponse::html(200, AuthorizePages::formPost(request.redirectUri, parameters));

    QUrl target(request.redirectUri);
    const QString encoded = encode(parameters);
    if (request.responseMode == QLatin1String("fragment")) {
        target.setFragment(encoded, QUrl::StrictMode);
    } else {
        // A registered redirect URI may carry a query of its own; ours is appended to it.
        const QString existing = target.query(QUrl::FullyEncoded);
        target.setQuery(existing.isEmpty() ? encoded : existing + QLatin1Char('&') + encoded, QUrl::StrictMode);
    }
    const QByteArray location = target.toEncoded();
    HttpResponse response(302, "text/html; charset=utf-8",
                          QByteArrayLiteral("<html><head><title>Object moved</title></head><body>"
                                            "<h2>Object moved to <a href=\"")
                              + HtmlPages::escape(QString::fromLatin1(location)).toUtf8()
                              + QByteArrayLiteral("\">here</a>.</h2></body></html>"));
    response.setHeader("Location", location);
    return response;
}

AuthorizationResponse::Parameters AuthorizationResponse::errorParameters(const HttpRequest &http,
                                                                         const AuthorizeRequest &request,
                                                                         const PlatformError &error,
                                                                         const QUrl &baseUrl)
{
    const QString timestamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"))
        + QLatin1Char('Z');
    QString description = error.aadstsCode > 0
        ? QStringLiteral("AADSTS%1: %2").arg(error.aadstsCode).arg(error.description)
        : error.description;
    description += QStringLiteral("\r\nTrace ID: ") + http.traceId() + QStringLiteral("\r\nCorrelation ID: ")
        + http.correlationId() + QStringLiteral("\r\nTimestamp: ") + timestamp;

    Parameters out{{QStringLiteral("error"), error.error}, {QStringLiteral("error_description"), description}};
    if (error.aadstsCode > 0) {
        QUrl uri = baseUrl;
        uri.setPath(QStringLiteral("/error"));
        uri.setQuery(QStringLiteral("code=%1").arg(error.aadstsCode));
        out.append({QStringLiteral("error_uri"), uri.toString()});
    }
    if (!error.subError.isEmpty())
        out.append({QStringLiteral("suberror"), error.subError});
    if (!error.claims.isEmpty())
        out.append({QStringLiteral("claims"), error.claims});
    if (!request.state.isEmpty())
        out.append({QStringLiteral("state"), request.state});
    return out;
}

} // namespace MsalQt::Emulator
