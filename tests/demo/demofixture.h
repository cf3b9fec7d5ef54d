#pragma once

#include "mainwindow.h"

#include <emulator.h>
#include <MsalQt/publicclientapplication.h>

#include <memory>

class QObject;
class QString;

// What the demo's GUI tests share: an in-process emulator that signs Alice in at once, a public
// client of it (new for each test function), the demo's window on both, and the catalogues the
// demo's main() installs.
class DemoFixture
{
protected:
    // initTestCase(): the application's names, the demo's log handler, the emulator listening.
    bool startFixture(const QString &applicationName);
    // init(): the emulator's Graph policy and request log reset, a new application.
    void resetFixture();
    std::unique_ptr<MsalQtDemo::MainWindow> newWindow();
    // Every catalogue of `language` that main() installs: Qt's, the demo's (from the build tree:
    // the test has not the executable's resources), the widgets' and the library's. The demo's
    // and Qt's are children of `owner`; the widgets' and the library's, of the application.
    static bool installLanguage(const QString &language, QObject *owner);
    // Removes every translator the application owns (the widgets' and the library's).
    static void removeApplicationTranslators();

    MsalQt::Emulator::Server m_emulator;
    std::unique_ptr<MsalQt::PublicClientApplication> m_app;
};
