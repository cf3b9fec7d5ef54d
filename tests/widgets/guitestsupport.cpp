#include "guitestsupport.h"

#include <QDir>
#include <QTest>
#include <QTcpSocket>
#include <QWidget>

namespace GuiTest {

QString saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = QString::fromLocal8Bit(qgetenv("MSALQT_TEST_ARTIFACTS"));
    const QString base = dir.isEmpty() ? QStringLiteral(MSALQT_TEST_ARTIFACTS_DIR) : dir;
    QDir().mkpath(base);
    // WebEngine composites a loaded page a few frames later; this only makes the picture
    // complete, no test outcome depends on it.
    QTest::qWait(300);
    const QString path = base + QLatin1Char('/') + name + QStringLiteral(".png");
    return widget->grab().save(path, "PNG") ? path : QString();
}

PageServer::PageServer(QObject *parent) : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, &PageServer::onConnection);
}

bool PageServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QUrl PageServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
}

void PageServer::setPage(const QString &path, const Response &response)
{
    m_pages.insert(path, response);
}

void PageServer::onConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
    }
}

void PageServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const int end = int(buffer.indexOf("\r\n\r\n"));
    if (end < 0)
        return;
    const QByteArray head = buffer.left(end);
    int contentLength = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            contentLength = line.mid(15).trimmed().toInt();
    }
    if (buffer.size() < end + 4 + contentLength)
        return;
    buffer.remove(0, end + 4 + contentLength);
    const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    const QString path = target.path();
    m_requested.append(path);

    const auto it = m_pages.constFind(path);
    Response response = it != m_pages.constEnd() ? *it : Response{404, "text/plain", "not found", {}, {}};
    QByteArray reason = response.status == 200 ? "OK" : response.status == 302 ? "Found" : "Other";
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason + "\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    if (!response.setCookie.isEmpty())
        out += "Set-Cookie: " + response.setCookie + "\r\n";
    if (!response.location.isEmpty())
        out += "Location: " + response.location + "\r\n";
    out += "\r\n" + response.body;
    socket->write(out);
}

QByteArray htmlPage(const QString &title, const QString &body)
{
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                          "<style>body{font-family:DejaVu Sans,sans-serif;margin:32px;color:#222}"
                          "h1{font-size:22px;color:#0f6cbd}</style></head>"
                          "<body><h1>%1</h1>%2</body></html>")
        .arg(title, body)
        .toUtf8();
}

QString emulatorPersonScript(const QString &username, const QString &password, bool accept)
{
    return QStringLiteral(
               "(function() {"
               // Once per page: a page the script has acted on is left alone (the script may
               // run again on it before the next page comes).
               "  if (window.msalqtPlayed) return 'played';"
               "  window.msalqtPlayed = true;"
               "  var u = document.getElementById('username');"
               "  if (u && document.getElementById('login')) {"
               "    u.value = '%1'; document.getElementById('password').value = '%2';"
               "    document.getElementById('sign-in').click(); return 'login'; }"
               "  var pick = document.querySelector('#account-chooser button[data-username=\"%1\"]');"
               "  if (pick) { pick.click(); return 'chooser'; }"
               "  var c = document.getElementById('%3');"
               "  if (c && document.getElementById('consent')) { c.click(); return 'consent'; }"
               "  window.msalqtPlayed = false; return 'other'; })()")
        .arg(username, password, accept ? QStringLiteral("accept") : QStringLiteral("decline"));
}

} // namespace GuiTest
