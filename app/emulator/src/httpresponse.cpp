#include "httpresponse.h"

#include <QJsonDocument>

namespace MsalQt::Emulator {

HttpResponse::HttpResponse(int status, const QByteArray &contentType, const QByteArray &body)
    : m_status(status), m_body(body)
{
    setHeader("Content-Type", contentType);
}

HttpResponse HttpResponse::json(int status, const QJsonObject &body)
{
    return HttpResponse(status, "application/json; charset=utf-8",
                        QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::html(int status, const QString &body)
{
    HttpResponse r(status, "text/html; charset=utf-8", body.toUtf8());
    // The sign-in page must not be framed or cached, as on the real platform.
    r.setHeader("X-Frame-Options", "DENY");
    return r;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    m_headers.append({name, value});
}

QByteArray HttpResponse::serialize(bool closeConnection, bool includeBody) const
{
    QByteArray out;
    out.reserve(m_body.size() + 512);
    out += "HTTP/1.1 " + QByteArray::number(m_status) + ' ' + reasonPhrase(m_status) + "\r\n";
    for (const auto &h : m_headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (includeBody)
        out += m_body;
    return out;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return status < 400 ? "OK" : "Error";
    }
}

} // namespace MsalQt::Emulator
