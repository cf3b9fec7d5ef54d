#include "listener.h"

#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace MsalQt::Emulator {

// Accepts connections exactly as QTcpServer does by default, and remembers each one by its
// peer's address and port. From Qt 6.5 on QAbstractHttpServer no longer hands out a request's
// socket; the peer of a request (QHttpServerRequest::remoteAddress()/remotePort()) names its
// connection uniquely, since all of them end at this one listening socket.
class ConnectionTracker : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

    QTcpSocket *connection(const QHostAddress &peer, quint16 peerPort) const
    {
        return m_connections.value(key(peer, peerPort));
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        const QString k = key(socket->peerAddress(), socket->peerPort());
        m_connections.insert(k, socket);
        // A newer connection from the same peer port replaces an old one not yet deleted.
        connect(socket, &QObject::destroyed, this, [this, k, socket] {
            if (m_connections.value(k) == socket)
                m_connections.remove(k);
        });
        addPendingConnection(socket);
    }

private:
    static QString key(const QHostAddress &address, quint16 port)
    {
        return address.toString() + QLatin1Char(' ') + QString::number(port);
    }

    QHash<QString, QPointer<QTcpSocket>> m_connections;
};

Listener::Listener(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{
}

quint16 Listener::listen(const QHostAddress &address, quint16 port)
{
    if (m_tracker)
        return 0;
    auto tracker = std::make_unique<ConnectionTracker>();
    if (!tracker->listen(address, port))
        return 0;
    m_tracker = tracker.get();
    bind(tracker.release()); // takes ownership
    return m_tracker->serverPort();
}

QList<QPair<QByteArray, QByteArray>> Listener::headers(const QHttpServerRequest &request)
{
    QList<QPair<QByteArray, QByteArray>> out;
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    for (const auto &h : request.headers())
        out.append({h.first.toLower(), h.second});
#else
    const QHttpHeaders &headers = request.headers();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QLatin1StringView name = headers.nameAt(i); // already lower case
        out.append({QByteArray(name.data(), name.size()), headers.valueAt(i).toByteArray()});
    }
#endif
    return out;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)

bool Listener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    Exchange exchange(&responder, socket);
    m_handler(request, exchange);
    return true; // every request is answered (or deliberately not) by the handler
}

void Listener::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // Not reached: handleRequest() takes everything. Close rather than leave the client hanging.
    socket->disconnectFromHost();
}

#else

bool Listener::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket = m_tracker ? m_tracker->connection(request.remoteAddress(), request.remotePort()) : nullptr;
    Exchange exchange(&responder, socket);
    m_handler(request, exchange);
    return true; // every request is answered (or deliberately not) by the handler
}

#  if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
void Listener::missingHandler(const QHttpServerRequest &, QHttpServerResponder &&responder)
#  else
void Listener::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
#  endif
{
    // Not reached: handleRequest() takes everything.
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

#endif

} // namespace MsalQt::Emulator
