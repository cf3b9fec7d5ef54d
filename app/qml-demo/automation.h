#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QQuickWindow;

namespace MsalQt::Emulator {
class Server;
}

namespace MsalQtQmlDemo {

// Unattended runs, driven by the environment, for scripts and tests (a person needs none):
// MSALQT_QML_DEMO_SCREENSHOT=path: the built-in emulator signs Alice in at once; the window
// signs in (MSALQT_QML_DEMO_SIGN_IN=embedded, the default: through the SignInView; device-code:
// with a code, which the emulator approves as if Alice had entered it on another device), calls
// Graph, saves a picture of itself to `path` and quits: exit code 0 when every step succeeded,
// 1 otherwise. What the window shows (account, Graph status) goes to standard output.
class Automation : public QObject
{
    Q_OBJECT
public:
    static Automation *fromEnvironment(QObject *parent);

    // The window's `automation` property: "" (a person is at the keyboard), "embedded" or
    // "deviceCode".
    QString mode() const { return m_mode; }
    // Before the application points itself at the emulator.
    void prepare(MsalQt::Emulator::Server *server);
    // After the window is loaded: runs the script it names in mode().
    void start(QQuickWindow *window);

private Q_SLOTS:
    void approveDeviceCode(const QString &userCode);
    void finish(bool ok, const QString &summary);

private:
    using QObject::QObject;

    QString m_screenshot;
    QString m_mode;
    QPointer<MsalQt::Emulator::Server> m_server;
    QPointer<QQuickWindow> m_window;
    bool m_finished = false;
};

} // namespace MsalQtQmlDemo
