#pragma once

// What the GUI tests share: screenshots as artifacts and a tiny HTTP server that serves the
// pages a test needs and records every request (so a test can prove a redirect never left).

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QWidget;
QT_END_NAMESPACE

namespace GuiTest {

// Saves `widget->grab()` as <build>/test-artifacts/<name>.png; returns the path (empty on failure).
QString saveScreenshot(QWidget *widget, const QString &name);

struct Response {
    int status = 200;
    QByteArray contentType = "text/html; charset=utf-8";
    QByteArray body;
    QByteArray location; // for 3xx
    QByteArray setCookie;
};

class PageServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit PageServer(QObject *parent = nullptr);
    bool start(); // 127.0.0.1, any port
    QUrl url(const QString &path) const;
    void setPage(const QString &path, const Response &response);
    // Paths requested so far, in order, without the query.
    QStringList requestedPaths() const { return m_requested; }
    int connectionCount() const { return m_connections; }

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);

    QHash<QString, Response> m_pages;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QStringList m_requested;
    int m_connections = 0;
};

// A page with a title and some body, styled a little so screenshots read well.
QByteArray htmlPage(const QString &title, const QString &body);

// The person on the emulator's pages, as a script to run in each page the sign-in shows: the
// login form (username, password, sign-in), the account chooser, the consent page (accept or
// decline). Returns which page it acted on ("login", "chooser", "consent", "other"), or
// "played" on a page it has acted on already.
QString emulatorPersonScript(const QString &username, const QString &password, bool accept);

} // namespace GuiTest
