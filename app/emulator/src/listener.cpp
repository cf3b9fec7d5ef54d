#include "listener.h"

#include <QTcpSocket>

namespace MsalQt::Emulator {

Listener::Listener(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{
}

bool Listener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(request, socket);
    return true; // every request is answered (or deliberately not) by the handler
}

void Listener::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // Not reached: handleRequest() takes everything. Close rather than leave the client hanging.
    socket->disconnectFromHost();
}

} // namespace MsalQt::Emulator
