// A desktop portal of our own for tst_systembrowserlaunch: owns org.freedesktop.portal.Desktop on
// the test's private session bus (dbus-run-session) and serves org.freedesktop.portal.OpenURI as
// xdg-desktop-portal does for an unsandboxed caller: OpenFile takes a file descriptor, finds the
// file's path, answers with a Request handle built from the caller's handle_token, emits that
// Request's Response, and launches the "browser" with the path as its only argument.
//
// usage: portal_standin LOG BROWSER MODE
//   MODE open     Response 0, then runs BROWSER PATH
//        failure  Response 2 (the portal could not open it), launches nothing
//        cancel   Response 1 (the person dismissed the application chooser), launches nothing
//        error    a D-Bus error instead of a handle
// Every call is written to LOG as one JSON object per line; OpenURI records only that it was
// called and the length of what it got, never the URI. Prints "ready" once it owns the name.

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <cstdio>

class Portal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.OpenURI")
public:
    Portal(const QString &log, const QString &browser, const QString &mode)
        : m_log(log), m_browser(browser), m_mode(mode)
    {
    }

public Q_SLOTS:
    QDBusObjectPath OpenFile(const QString &parentWindow, const QDBusUnixFileDescriptor &fd,
                             const QVariantMap &options, const QDBusMessage &message)
    {
        const QString path = QFileInfo(QStringLiteral("/proc/self/fd/%1").arg(fd.fileDescriptor())).symLinkTarget();
        const QString handle = handleFor(message, options);
        record({{"method", "OpenFile"}, {"parent_window", parentWindow}, {"path", path},
                {"handle_token", options.value("handle_token").toString()}, {"handle", handle}});
        if (m_mode == "error") {
            message.setDelayedReply(true);
            QDBusConnection::sessionBus().send(
                message.createErrorReply("org.freedesktop.portal.Error.NotAllowed", "refused by the test"));
            return {};
        }
        const uint response = m_mode == "open" ? 0 : m_mode == "cancel" ? 1 : 2;
        // After the reply has gone out, as the real portal does.
        QTimer::singleShot(0, this, [this, handle, response, path] {
            QDBusMessage signal = QDBusMessage::createSignal(handle, "org.freedesktop.portal.Request", "Response");
            signal << response << QVariantMap();
            QDBusConnection::sessionBus().send(signal);
            if (response == 0) {
                const bool started = QProcess::startDetached(m_browser, {path});
                record({{"launched", started}});
            }
        });
        return QDBusObjectPath(handle);
    }

    QDBusObjectPath OpenURI(const QString &parentWindow, const QString &uri, const QVariantMap &options,
                            const QDBusMessage &message)
    {
        record({{"method", "OpenURI"}, {"parent_window", parentWindow}, {"uri_length", int(uri.size())}});
        return QDBusObjectPath(handleFor(message, options));
    }

private:
    static QString handleFor(const QDBusMessage &message, const QVariantMap &options)
    {
        QString sender = message.service().mid(1);
        sender.replace('.', '_');
        return "/org/freedesktop/portal/desktop/request/" + sender + "/" + options.value("handle_token").toString();
    }

    void record(const QJsonObject &entry)
    {
        QFile file(m_log);
        if (file.open(QIODevice::Append))
            file.write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + "\n");
    }

    QString m_log;
    QString m_browser;
    QString m_mode;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: portal_standin LOG BROWSER open|failure|cancel|error\n");
        return 2;
    }
    Portal portal(args.at(1), args.at(2), args.at(3));
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.registerObject("/org/freedesktop/portal/desktop", &portal, QDBusConnection::ExportAllSlots)
        || !bus.registerService("org.freedesktop.portal.Desktop")) {
        std::fprintf(stderr, "portal_standin: %s\n", qPrintable(bus.lastError().message()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}

#include "portalstandin.moc"
