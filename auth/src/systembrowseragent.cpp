#include <MsalQt/systembrowseragent.h>

#include "logging_p.h"
#include "loopbackrequest_p.h"

#include <QCoreApplication>
#include <QPointer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace MsalQt {

static QString tr(const char *text)
{
    return QCoreApplication::translate("MsalQt::SystemBrowserAgent", text);
}

class SystemBrowserAgentPrivate
{
public:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &status, const QByteArray &body);
    void stopListening();

    SystemBrowserAgent *q = nullptr;
    QTcpServer server;
    QUrl redirectUri;
    bool done = false;
    std::function<bool(const QUrl &)> opener;
    QByteArray successPage;
};

SystemBrowserAgent::SystemBrowserAgent(QObject *parent)
    : AuthorizationAgent(parent), d_ptr(new SystemBrowserAgentPrivate)
{
    Q_D(SystemBrowserAgent);
    d->q = this;
    connect(&d->server, &QTcpServer::newConnection, this, [d] { d->onConnection(); });
}

SystemBrowserAgent::~SystemBrowserAgent() = default;

void SystemBrowserAgent::setUrlOpener(const std::function<bool(const QUrl &)> &opener)
{
    Q_D(SystemBrowserAgent);
    d->opener = opener;
}

void SystemBrowserAgent::setSuccessPage(const QByteArray &html)
{
    Q_D(SystemBrowserAgent);
    d->successPage = html;
}

quint16 SystemBrowserAgent::port() const
{
    Q_D(const SystemBrowserAgent);
    return d->server.isListening() ? d->server.serverPort() : 0;
}

QUrl SystemBrowserAgent::prepare(const QUrl &redirectUri)
{
    Q_D(SystemBrowserAgent);
    // RFC 8252 §7.3 and §8.3: loopback redirects over plain http, on a port chosen at run time.
    if (redirectUri.scheme() != QLatin1String("http") || !Authority::isLoopbackHost(redirectUri.host()))
        return {};
    d->stopListening();
    d->done = false;
    const quint16 wanted = redirectUri.port() > 0 ? quint16(redirectUri.port()) : 0;
    const QHostAddress address = redirectUri.host() == QLatin1String("::1") ? QHostAddress(QHostAddress::LocalHostIPv6)
                                                                            : QHostAddress(QHostAddress::LocalHost);
    if (!d->server.listen(address, wanted)) {
        qCWarning(lcMsalAuth) << "System browser agent: cannot listen on loopback:" << d->server.errorString();
        return {};
    }
    QUrl actual = redirectUri.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    actual.setPort(d->server.serverPort());
    if (actual.path().isEmpty())
        actual.setPath(QStringLiteral("/"));
    d->redirectUri = actual;
    return actual;
}

void SystemBrowserAgent::authorize(const QUrl &authorizationUrl, const QUrl &redirectUri)
{
    Q_D(SystemBrowserAgent);
    if (!d->server.isListening() || redirectUri.port() != d->server.serverPort()) {
        QMetaObject::invokeMethod(this, [this] {
            Q_EMIT failed(AuthError(AuthError::InvalidConfiguration,
                                    tr("The system browser can only return to a loopback redirect URI such as http://localhost.")));
        }, Qt::QueuedConnection);
        return;
    }
    qCInfo(lcMsalAuth) << "Opening the system browser for" << Internal::loggableUrl(authorizationUrl);
    const bool opened = d->opener ? d->opener(authorizationUrl)
                                  : QProcess::startDetached(QStringLiteral("xdg-open"), {authorizationUrl.toString(QUrl::FullyEncoded)});
    if (!opened) {
        d->stopListening();
        QMetaObject::invokeMethod(this, [this] {
            Q_EMIT failed(AuthError(AuthError::InvalidConfiguration,
                                    tr("No browser could be opened. Install one, or sign in with the device code flow.")));
        }, Qt::QueuedConnection);
    }
}

void SystemBrowserAgent::close()
{
    Q_D(SystemBrowserAgent);
    d->done = true;
    d->stopListening();
}

void SystemBrowserAgentPrivate::stopListening()
{
    server.close();
}

void SystemBrowserAgentPrivate::onConnection()
{
    while (QTcpSocket *socket = server.nextPendingConnection()) {
        socket->setParent(q);
        QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { onReadyRead(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A connection that never sends a request line is dropped.
        QTimer::singleShot(10000, socket, [socket] { socket->abort(); });
    }
}

void SystemBrowserAgentPrivate::respond(QTcpSocket *socket, const QByteArray &status, const QByteArray &body)
{
    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                  + QByteArray::number(body.size())
                  + "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

void SystemBrowserAgentPrivate::onReadyRead(QTcpSocket *socket)
{
    const QByteArray buffered = socket->peek(Internal::maxLoopbackRequestSize + 1);
    const Internal::LoopbackRequest request = Internal::parseLoopbackRequest(buffered);
    if (request.status == Internal::LoopbackRequest::Status::Incomplete)
        return;
    if (request.status == Internal::LoopbackRequest::Status::TooLarge) {
        socket->abort();
        return;
    }
    socket->read(buffered.size());
    if (request.status == Internal::LoopbackRequest::Status::NotGet) {
        respond(socket, "405 Method Not Allowed", {});
        return;
    }
    const std::optional<QUrl> received = done ? std::nullopt : Internal::loopbackRedirect(redirectUri, request.target);
    if (!received) {
        respond(socket, "404 Not Found", {}); // favicon and the like; the listener stays open
        return;
    }
    // Exactly one redirect is accepted; the listener closes at once.
    done = true;
    QByteArray page = successPage;
    if (page.isEmpty()) {
        page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
             + tr("Sign-in complete").toHtmlEscaped().toUtf8() + "</title></head><body style=\"font-family:sans-serif\"><h1>"
             + tr("Sign-in complete").toHtmlEscaped().toUtf8() + "</h1><p>"
             + tr("You can close this browser tab and return to the application.").toHtmlEscaped().toUtf8()
             + "</p></body></html>";
    }
    respond(socket, "200 OK", page);
    stopListening();
    QPointer<SystemBrowserAgent> guard(q);
    Q_EMIT q->redirected(*received);
}

} // namespace MsalQt
