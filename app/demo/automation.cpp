#include "automation.h"

#include "mainwindow.h"

#include <emulator.h>

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWindow>

namespace MsalQtDemo {

namespace {

// Quits once the window has been exposed and the event loop has painted it.
class ShownWatcher : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *window = qobject_cast<QWindow *>(watched);
        if (event->type() == QEvent::Expose && window && window->isExposed()) {
            window->removeEventFilter(this);
            QTimer::singleShot(0, qApp, [] { QApplication::exit(0); });
        }
        return false;
    }
};

} // namespace

Automation Automation::fromEnvironment()
{
    Automation automation;
    automation.m_screenshot = qEnvironmentVariable("MSALQT_DEMO_SCREENSHOT");
    automation.m_quitWhenShown = qEnvironmentVariableIntValue("MSALQT_DEMO_QUIT_WHEN_SHOWN") == 1;
    return automation;
}

void Automation::prepare(MsalQt::Emulator::Server *server) const
{
    if (server && !m_screenshot.isEmpty())
        server->setAutoSignIn(QStringLiteral("alice@contoso.com"));
}

void Automation::start(MainWindow *window) const
{
    if (m_quitWhenShown && window->windowHandle()) {
        if (window->windowHandle()->isExposed())
            QTimer::singleShot(0, qApp, [] { QApplication::exit(0); });
        else
            window->windowHandle()->installEventFilter(new ShownWatcher(window));
    }
    if (m_screenshot.isEmpty())
        return;
    const QString path = m_screenshot;
    QObject::connect(window, &MainWindow::scriptFinished, window, [window, path](bool ok) {
        QTimer::singleShot(300, window, [window, path, ok] {
            window->grab().save(path);
            QApplication::exit(ok ? 0 : 1);
        });
    });
    QTimer::singleShot(0, window, [window] { window->runScript(); });
}

} // namespace MsalQtDemo
