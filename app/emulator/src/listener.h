#pragma once

#include "exchange.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <functional>

namespace MsalQt::Emulator {

class ConnectionTracker;

// The HTTP transport: Qt HttpServer parses requests and writes answers. Every request reaches
// the handler as an Exchange, which also knows the request's connection so that faults can
// drop it. This file and exchange.cpp hold the emulator's only Qt version checks: QAbstractHttpServer handed
// out the connection's socket up to Qt 6.4 and a responder from 6.5 on, and its headers
// became QHttpHeaders in 6.8.
class Listener : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // The handler answers through the exchange, or moves it out with Exchange::keep().
    using Handler = std::function<void(const QHttpServerRequest &, Exchange &)>;

    explicit Listener(Handler handler, QObject *parent = nullptr);

    // The port listened on; 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);

    // The request's headers, names in lower case, in the order received.
    static QList<QPair<QByteArray, QByteArray>> headers(const QHttpServerRequest &request);

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#  if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &&responder) override;
#  else
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#  endif
#endif

private:
    Handler m_handler;
    ConnectionTracker *m_tracker = nullptr;
};

} // namespace MsalQt::Emulator
