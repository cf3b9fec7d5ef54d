#include "automation.h"

#include <emulator.h>

#include <QGuiApplication>
#include <QImage>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

namespace MsalQtQmlDemo {

namespace {
const auto automatedUser = QStringLiteral("alice@contoso.com");
// A step that hangs (a page that never loads) must still end the run, with a picture of where.
constexpr int automationTimeoutMs = 90000;
} // namespace

Automation *Automation::fromEnvironment(QObject *parent)
{
    auto *automation = new Automation(parent);
    automation->m_screenshot = qEnvironmentVariable("MSALQT_QML_DEMO_SCREENSHOT");
    if (!automation->m_screenshot.isEmpty()) {
        const QString signIn = qEnvironmentVariable("MSALQT_QML_DEMO_SIGN_IN");
        automation->m_mode = signIn == QLatin1String("device-code") ? QStringLiteral("deviceCode")
                                                                     : QStringLiteral("embedded");
    }
    return automation;
}

void Automation::prepare(MsalQt::Emulator::Server *server)
{
    if (!server || m_mode.isEmpty())
        return;
    m_server = server;
    server->setAutoSignIn(automatedUser);
    server->setDeviceCodeTiming(1, 900); // polled every second, not every five
}

void Automation::start(QQuickWindow *window)
{
    if (m_mode.isEmpty() || !window)
        return;
    m_window = window;
    // The window's signals (Main.qml): the code to approve, and the end of its script.
    connect(window, SIGNAL(automationDeviceCode(QString)), this, SLOT(approveDeviceCode(QString)));
    connect(window, SIGNAL(automationFinished(bool,QString)), this, SLOT(finish(bool,QString)));
    QTimer::singleShot(automationTimeoutMs, this, [this] {
        finish(false, QStringLiteral("timed out after %1 s").arg(automationTimeoutMs / 1000));
    });
    QMetaObject::invokeMethod(window, "runAutomation", Qt::QueuedConnection);
}

void Automation::approveDeviceCode(const QString &userCode)
{
    // The person on "another device": the emulator marks the code signed in for Alice.
    if (!m_server || !m_server->approveDeviceCode(userCode, automatedUser))
        finish(false, QStringLiteral("the emulator did not approve the device code"));
}

void Automation::finish(bool ok, const QString &summary)
{
    if (m_finished)
        return;
    m_finished = true;
    std::fprintf(stdout, "%s: %s\n", ok ? "ok" : "FAIL", qPrintable(summary));
    std::fflush(stdout);
    bool saved = false;
    if (m_window) {
        const QImage picture = m_window->grabWindow();
        saved = !picture.isNull() && picture.save(m_screenshot);
    }
    if (!saved)
        std::fprintf(stderr, "The picture of the window could not be saved to %s\n", qPrintable(m_screenshot));
    QGuiApplication::exit(ok && saved ? 0 : 1);
}

} // namespace MsalQtQmlDemo
