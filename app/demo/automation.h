#pragma once

#include <QString>

namespace MsalQt::Emulator {
class Server;
}

namespace MsalQtDemo {

class MainWindow;

// Unattended runs, driven by the environment, for scripts and benchmarks (a person needs none):
// - MSALQT_DEMO_SCREENSHOT=path: the emulator signs Alice in at once; the window signs in, calls
//   Graph, saves a picture of itself to `path` and quits (exit code 1 when a step failed).
// - MSALQT_DEMO_QUIT_WHEN_SHOWN=1: quits with 0 as soon as the main window is on screen (the
//   cold-start benchmark, tests/demo/bench_demo.cpp).
class Automation
{
public:
    static Automation fromEnvironment();

    // Before the application points itself at the emulator (null: a real tenant is in use).
    void prepare(MsalQt::Emulator::Server *server) const;
    // After window->show().
    void start(MainWindow *window) const;

private:
    QString m_screenshot;
    bool m_quitWhenShown = false;
};

} // namespace MsalQtDemo
