#include "exchange.h"

#include "httpresponse.h"

#include <QHttpServerResponder>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

#include <utility>

namespace MsalQt::Emulator {

Exchange::Exchange(QHttpServerResponder *responder, QTcpSocket *socket)
    : m_responder(responder), m_socket(socket), m_hasSocket(socket != nullptr)
{
}

Exchange::Exchange(Exchange &&other) noexcept
    : m_responder(std::exchange(other.m_responder, nullptr))
    , m_owned(std::move(other.m_owned))
    , m_socket(std::move(other.m_socket))
    , m_hasSocket(other.m_hasSocket)
{
}

Exchange &Exchange::operator=(Exchange &&other) noexcept
{
    m_responder = std::exchange(other.m_responder, nullptr);
    m_owned = std::move(other.m_owned);
    m_socket = std::move(other.m_socket);
    m_hasSocket = other.m_hasSocket;
    return *this;
}

Exchange::~Exchange() = default;

Exchange Exchange::keep()
{
    Exchange kept(nullptr, m_socket);
    kept.m_hasSocket = m_hasSocket;
    if (m_responder) {
        kept.m_owned = std::make_unique<QHttpServerResponder>(std::move(*m_responder));
        kept.m_responder = kept.m_owned.get();
    }
    m_responder = nullptr;
    m_owned.reset();
    return kept;
}

bool Exchange::isOpen() const
{
    if (!m_responder)
        return false;
    if (!m_hasSocket)
        return true; // the connection is Qt's alone; answers still go through the responder
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void Exchange::respond(const HttpResponse &response, bool closeConnection)
{
    if (!isOpen())
        return;
    const auto status = QHttpServerResponder::StatusCode(response.status());
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    m_responder->writeStatusLine(status);
    for (const auto &h : response.headers())
        m_responder->writeHeader(h.first, h.second);
    if (closeConnection)
        m_responder->writeHeader("Connection", "close");
    m_responder->writeHeader("Content-Length", QByteArray::number(response.body().size()));
    m_responder->writeBody(response.body());
#else
    QHttpHeaders headers;
    for (const auto &h : response.headers())
        headers.append(h.first, h.second);
    if (closeConnection)
        headers.append(QHttpHeaders::WellKnownHeader::Connection, "close");
    m_responder->write(response.body(), headers, status); // adds Content-Length
#endif
    m_responder = nullptr; // spent; an owned responder goes with the exchange
    if (closeConnection && m_socket) {
        // Hand the answer to the kernel first: from Qt 6.5 on, the connection object is deleted
        // as soon as it is no longer connected once the responder goes, and a socket deleted
        // while closing drops what it had not sent yet.
        m_socket->flush();
        m_socket->disconnectFromHost();
    }
}

void Exchange::abort()
{
    m_responder = nullptr;
    if (m_socket)
        m_socket->abort();
}

} // namespace MsalQt::Emulator
