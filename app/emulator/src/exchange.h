#pragma once

#include <QPointer>
#include <QTcpSocket>

#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServerResponder;
QT_END_NAMESPACE

namespace MsalQt::Emulator {

class HttpResponse;

// One request's way back to its client. Answers go through Qt HttpServer's responder, which
// writes the HTTP; the connection itself is kept only for what no HTTP answer can express:
// dropping it without an answer, and closing it after one ("Connection: close").
//
// An Exchange borrows the responder that Qt hands to handleRequest(), because Qt expects that
// responder to be destroyed after handleRequest() has returned (a responder destroyed inside it
// leaves the connection reading every request twice on Qt 6.8). A handler that answers later
// takes it over with keep(); a kept exchange must not outlive the Listener that made it, whose
// connection state its responder points into (Server drops pending ones first).
class Exchange
{
public:
    Exchange(QHttpServerResponder *responder, QTcpSocket *socket);
    Exchange(Exchange &&other) noexcept;
    Exchange &operator=(Exchange &&other) noexcept;
    Exchange(const Exchange &) = delete;
    Exchange &operator=(const Exchange &) = delete;
    ~Exchange();

    // Takes the responder over, for an answer after handleRequest() has returned; this
    // exchange is spent.
    Exchange keep();

    // False once the client has gone, or after respond() or abort().
    bool isOpen() const;
    // Status, headers, Content-Length and body; with closeConnection, "Connection: close" and
    // the connection closed once the answer is written.
    void respond(const HttpResponse &response, bool closeConnection);
    // Drops the connection without an answer (RST), as a crashed or cut-off server would.
    void abort();

private:
    QHttpServerResponder *m_responder = nullptr; // borrowed, or m_owned
    std::unique_ptr<QHttpServerResponder> m_owned;
    QPointer<QTcpSocket> m_socket;
    bool m_hasSocket = false;
};

} // namespace MsalQt::Emulator
