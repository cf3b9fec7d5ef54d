#include "faultinjector.h"

#include "errorresponses.h"
#include "httprequest.h"

namespace MsalQt::Emulator {

namespace {

// Graph answers in its own error shape; faults on Graph paths imitate it.
bool isGraphPath(const QString &path)
{
    return path.startsWith(QLatin1String("/v1.0/"), Qt::CaseInsensitive)
        || path.startsWith(QLatin1String("/oidc/"), Qt::CaseInsensitive);
}

QString graphCode(int status)
{
    switch (status) {
    case 429: return QStringLiteral("TooManyRequests");
    case 503: return QStringLiteral("serviceNotAvailable");
    case 504: return QStringLiteral("UnknownError");
    default: return status >= 500 ? QStringLiteral("generalException") : QStringLiteral("BadRequest");
    }
}

} // namespace

void FaultInjector::add(const Fault &fault)
{
    if (fault.times == 0 || fault.times < -1)
        return;
    m_faults.append(fault);
}

bool FaultInjector::matches(const Fault &fault, const HttpRequest &request)
{
    if (!fault.path.isEmpty() && !request.path().endsWith(fault.path, Qt::CaseInsensitive))
        return false;
    if (!fault.grantType.isEmpty() && request.formValue(QStringLiteral("grant_type")) != fault.grantType)
        return false;
    return true;
}

std::optional<Fault> FaultInjector::take(const HttpRequest &request)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        if (!matches(m_faults.at(i), request))
            continue;
        const Fault hit = m_faults.at(i);
        if (hit.times > 0 && --m_faults[i].times == 0)
            m_faults.removeAt(i);
        return hit;
    }
    return std::nullopt;
}

HttpResponse FaultInjector::response(const Fault &fault, const HttpRequest &request, const ErrorResponses &errors)
{
    const bool graph = isGraphPath(request.path());
    HttpResponse r;
    switch (fault.kind) {
    case Fault::HttpStatus: {
        const int status = fault.status > 0 ? fault.status : 500;
        if (graph) {
            r = errors.graph(request, status, graphCode(status), QStringLiteral("Injected HTTP %1.").arg(status));
        } else if (status >= 500) {
            r = errors.platform(request, status,
                                status == 503 ? QStringLiteral("temporarily_unavailable") : QStringLiteral("server_error"),
                                90033, QStringLiteral("A transient error has occurred. Please try again."));
        } else {
            r = errors.platform(request, status, QStringLiteral("invalid_request"), 0,
                                QStringLiteral("Injected HTTP %1.").arg(status));
        }
        break;
    }
    case Fault::Throttle:
        r = graph ? errors.graph(request, 429, graphCode(429), QStringLiteral("Too many requests. Retry later."))
                  : errors.platform(request, 429, QStringLiteral("temporarily_unavailable"), 90055,
                                    QStringLiteral("There are too many incoming requests. Retry later."));
        break;
    case Fault::MalformedJson:
        // What a misbehaving proxy or gateway produces: the right content type, the wrong body.
        return HttpResponse(200, "application/json; charset=utf-8", "<html><body>Bad gateway</body></html>");
    case Fault::ServiceError: {
        PlatformError e;
        e.httpStatus = fault.status > 0 ? fault.status : 400;
        e.error = fault.error.isEmpty() ? QStringLiteral("invalid_request") : fault.error;
        e.aadstsCode = fault.aadstsCode;
        e.description = fault.description.isEmpty() ? QStringLiteral("Injected service error.") : fault.description;
        e.subError = fault.subError;
        e.claims = fault.claims;
        return errors.platform(request, e);
    }
    case Fault::Body:
        return HttpResponse(fault.status > 0 ? fault.status : 200, "application/json; charset=utf-8", fault.body);
    case Fault::TruncatedJson:
    case Fault::Delay:
    case Fault::CloseConnection:
        break; // these change the normal answer instead of replacing it; Server handles them
    }
    if (fault.retryAfterSeconds >= 0)
        r.setHeader("Retry-After", QByteArray::number(fault.retryAfterSeconds));
    return r;
}

HttpResponse FaultInjector::truncate(HttpResponse response)
{
    const QByteArray body = response.body();
    response.setBody(body.left(body.size() / 2));
    return response;
}

} // namespace MsalQt::Emulator
