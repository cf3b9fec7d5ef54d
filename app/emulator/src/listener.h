#pragma once

#include <QAbstractHttpServer>

#include <functional>

namespace MsalQt::Emulator {

// The HTTP transport. Subclassing QAbstractHttpServer (rather than using QHttpServer's
// router) hands us the raw socket, which faults need: to answer late, to send byte-exact
// broken answers, or to drop the connection without answering.
class Listener : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(const QHttpServerRequest &, QTcpSocket *)>;

    explicit Listener(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace MsalQt::Emulator
