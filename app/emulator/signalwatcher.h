#pragma once

#include <QObject>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace MsalQt::Emulator {

// Turns SIGINT/SIGTERM into a Qt signal. A Unix signal handler may only do async-signal-safe
// work, so it writes a byte to a socket pair and the event loop picks it up (the "self-pipe"
// pattern), where quitting is safe.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    static void handle(int signalNumber);
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace MsalQt::Emulator
