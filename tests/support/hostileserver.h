#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <memory>

namespace TestSupport {

// A raw HTTP/1.1 server on loopback that misbehaves on purpose: it writes its answers byte by
// byte from a script, so a test can send what no well-behaved framework would (a body that never
// ends, one byte a second, 64 MiB). Bodies are generated as the socket drains, never held whole,
// so the server itself adds next to nothing to the memory a test measures.
class HostileServer : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        enum Kind {
            Complete, // status, headers, `body`, then the connection closes
            Huge,     // `size` bytes of filler with a Content-Length (or chunked, see `chunked`)
            Endless,  // chunked filler that never ends
            Trickle,  // a Content-Length of `size`, then one filler byte every `intervalMs`
            Stall,    // headers (a Content-Length of `size` if set) and `body`, then silence
        };
        Kind kind = Complete;
        int status = 200;
        QByteArray contentType = "application/json; charset=utf-8";
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        qint64 size = 0;
        bool chunked = false;
        int intervalMs = 1000;
        int times = -1; // how many requests it answers before the next match's turn; -1: all

        static Answer complete(int status, const QByteArray &contentType, const QByteArray &body);
        static Answer redirect(int status, const QUrl &location);
        static Answer huge(qint64 size, bool chunked = false);
        static Answer endless();
        static Answer trickle(int intervalMs);
        static Answer stall();
    };

    struct Request
    {
        QByteArray method;
        QString path; // with its query
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };

    explicit HostileServer(QObject *parent = nullptr);
    ~HostileServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost);
    QUrl url(const QString &path = {}) const; // http://address:port + path

    // Requests whose path contains `pathPart` get `answer` (the first match, in the order
    // added, that has not used up its `times`); anything else gets a 404.
    void answer(const QString &pathPart, const Answer &answer);
    void clear();

    QList<Request> requests() const { return m_requests; }
    int requestCount(const QString &pathPart = {}) const;
    int connectionCount() const { return m_connections; }
    qint64 bytesSent() const { return m_bytesSent; }

private:
    class Connection;
    void onNewConnection();
    const Answer *answerFor(const QString &path);

    QTcpServer m_server;
    QList<std::pair<QString, Answer>> m_answers;
    QList<Request> m_requests;
    int m_connections = 0;
    qint64 m_bytesSent = 0;
};

} // namespace TestSupport

Q_DECLARE_METATYPE(TestSupport::HostileServer::Answer)
