#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace MsalQt::Emulator {

// A complete answer, built by a handler and serialised by hand. We write raw HTTP to the
// socket ourselves (instead of QHttpServerResponder) so that answers can be delayed past
// the request's lifetime and so that faults can produce byte-exact broken responses.
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

    // Status line, headers, Content-Length and body, ready for the socket. A HEAD answer
    // keeps the Content-Length but carries no body.
    QByteArray serialize(bool closeConnection, bool includeBody = true) const;

    static QByteArray reasonPhrase(int status);

private:
    int m_status = 200;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
};

} // namespace MsalQt::Emulator
