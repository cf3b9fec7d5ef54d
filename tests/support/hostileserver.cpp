#include "hostileserver.h"

#include <QTcpSocket>
#include <QTimer>

namespace TestSupport {

namespace {

// Bodies go out in pieces of this size, and only while the socket holds less than twice that
// unsent: the server's own memory stays a few hundred KiB whatever it claims to send.
constexpr qint64 pieceSize = 64 * 1024;

const QByteArray &filler()
{
    static const QByteArray bytes(pieceSize, 'a');
    return bytes;
}

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    default: return "Status";
    }
}

} // namespace

HostileServer::Answer HostileServer::Answer::complete(int status, const QByteArray &contentType, const QByteArray &body)
{
    Answer a;
    a.status = status;
    a.contentType = contentType;
    a.body = body;
    return a;
}

HostileServer::Answer HostileServer::Answer::redirect(int status, const QUrl &location)
{
    Answer a = complete(status, "text/html", "<html>moved</html>");
    a.headers.append({"Location", location.toEncoded()});
    return a;
}

HostileServer::Answer HostileServer::Answer::huge(qint64 size, bool chunked)
{
    Answer a;
    a.kind = Huge;
    a.size = size;
    a.chunked = chunked;
    return a;
}

HostileServer::Answer HostileServer::Answer::endless()
{
    Answer a;
    a.kind = Endless;
    a.chunked = true;
    return a;
}

HostileServer::Answer HostileServer::Answer::trickle(int intervalMs)
{
    Answer a;
    a.kind = Trickle;
    a.size = 1024 * 1024;
    a.intervalMs = intervalMs;
    return a;
}

HostileServer::Answer HostileServer::Answer::stall()
{
    Answer a;
    a.kind = Stall;
    a.body = "{\"access_token\":\"";
    return a;
}

// One accepted connection: reads one request, then plays its answer.
class HostileServer::Connection : public QObject
{
public:
    Connection(HostileServer *server, QTcpSocket *socket)
        : QObject(server), m_server(server), m_socket(socket)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &Connection::pump);
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            m_timer.stop();
            deleteLater();
        });
        connect(&m_timer, &QTimer::timeout, this, [this] { write(filler().left(1)); });
    }

private:
    void onReadyRead()
    {
        if (m_answered) {
            m_socket->readAll(); // a client that keeps talking is ignored
            return;
        }
        m_buffer += m_socket->readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request request;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = QString::fromLatin1(requestLine.value(1));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qint64 length = request.headers.value("content-length").toLongLong();
        if (m_buffer.size() - end - 4 < length)
            return; // the body is still coming
        request.body = m_buffer.mid(end + 4, length);
        m_answered = true;
        m_server->m_requests.append(request);
        const Answer *found = m_server->answerFor(request.path);
        play(found ? *found : Answer::complete(404, "text/plain", "not here"));
    }

    void play(const Answer &answer)
    {
        m_answer = answer;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reason(answer.status) + "\r\n";
        head += "Content-Type: " + answer.contentType + "\r\n";
        for (const auto &[name, value] : answer.headers)
            head += name + ": " + value + "\r\n";
        switch (answer.kind) {
        case Answer::Complete:
            head += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n";
            write(head + answer.body);
            m_socket->disconnectFromHost(); // after what is queued has gone out
            return;
        case Answer::Huge:
        case Answer::Endless:
            head += answer.chunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                                   : "Content-Length: " + QByteArray::number(answer.size) + "\r\n";
            write(head + "\r\n");
            m_remaining = answer.kind == Answer::Endless ? -1 : answer.size;
            pump();
            return;
        case Answer::Trickle:
            head += "Content-Length: " + QByteArray::number(answer.size) + "\r\n\r\n";
            write(head);
            m_timer.start(answer.intervalMs);
            return;
        case Answer::Stall:
            head += "Content-Length: " + QByteArray::number(answer.size > 0 ? answer.size : answer.body.size() + 1000)
                + "\r\n\r\n";
            write(head + answer.body);
            return;
        }
    }

    // Keeps the socket fed while the client reads; stops when the body is out.
    void pump()
    {
        if (m_remaining == 0 || (m_answer.kind != Answer::Huge && m_answer.kind != Answer::Endless))
            return;
        while (m_remaining != 0 && m_socket->bytesToWrite() < 2 * pieceSize
               && m_socket->state() == QAbstractSocket::ConnectedState) {
            const qint64 n = m_remaining < 0 ? pieceSize : qMin(pieceSize, m_remaining);
            const QByteArray piece = filler().left(n);
            if (m_answer.chunked)
                write(QByteArray::number(n, 16) + "\r\n" + piece + "\r\n");
            else
                write(piece);
            if (m_remaining > 0)
                m_remaining -= n;
        }
        if (m_remaining == 0) {
            if (m_answer.chunked)
                write("0\r\n\r\n");
            m_socket->disconnectFromHost();
        }
    }

    void write(const QByteArray &bytes)
    {
        m_server->m_bytesSent += m_socket->write(bytes);
    }

    HostileServer *m_server;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    bool m_answered = false;
    Answer m_answer;
    qint64 m_remaining = 0;
    QTimer m_timer;
};

HostileServer::HostileServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HostileServer::onNewConnection);
}

HostileServer::~HostileServer() = default;

bool HostileServer::listen(const QHostAddress &address)
{
    return m_server.listen(address, 0);
}

QUrl HostileServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_server.serverAddress().toString());
    url.setPort(m_server.serverPort());
    url.setPath(path);
    return url;
}

void HostileServer::answer(const QString &pathPart, const Answer &answer)
{
    m_answers.append({pathPart, answer});
}

void HostileServer::clear()
{
    m_answers.clear();
    m_requests.clear();
    m_connections = 0;
    m_bytesSent = 0;
}

int HostileServer::requestCount(const QString &pathPart) const
{
    int count = 0;
    for (const Request &request : m_requests)
        count += request.path.contains(pathPart) ? 1 : 0;
    return count;
}

const HostileServer::Answer *HostileServer::answerFor(const QString &path)
{
    for (auto &[part, answer] : m_answers) {
        if (!path.contains(part) || answer.times == 0)
            continue;
        if (answer.times > 0)
            --answer.times;
        return &answer;
    }
    return nullptr;
}

void HostileServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        new Connection(this, socket);
    }
}

} // namespace TestSupport
