#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace MsalQt::Emulator {

// A complete answer, built by a handler; Exchange::respond() hands it to Qt HttpServer, which
// writes the HTTP (status line, headers, Content-Length).
class HttpResponse
{
public:
    HttpResponse() = default;
    HttpResponse(int status, const QByteArray &contentType, const QByteArray &body);

    static HttpResponse json(int status, const QJsonObject &body);
    static HttpResponse html(int status, const QString &body);

    int status() const { return m_status; }
    QByteArray body() const { return m_body; }
    void setBody(const QByteArray &body) { m_body = body; }
    QByteArray header(const QByteArray &name) const;
    // Replaces any header of the same (case-insensitive) name.
    void setHeader(const QByteArray &name, const QByteArray &value);

    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }

private:
    int m_status = 200;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
};

} // namespace MsalQt::Emulator
