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

} // namespace MsalQt::Emulator
