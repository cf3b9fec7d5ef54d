#include "clicommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

// Ctrl+C cancels the request (exit code 130) instead of killing the process mid-request:
// the signal handler only writes a byte, the event loop does the rest.
static int s_signalPipe[2];

static void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalPipe[1], &byte, 1);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("msalqt"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MSALQT_VERSION_STR));

    CliArguments arguments;
    QString message;
    switch (CliArguments::parse(QCoreApplication::arguments(), &arguments, &message)) {
    case CliArguments::Done:
        return CliCommand::Success;
    case CliArguments::UsageError:
        CliCommand::printUsageError(message, QCoreApplication::arguments().contains(QStringLiteral("--json")));
        return CliCommand::UsageError;
    case CliArguments::Run:
        break;
    }
    if (arguments.json) {
        // stderr carries one JSON object (an error, or the faults of `accounts`), and every fault
        // is in it, typed: the library's own log lines would only break it. QT_LOGGING_RULES,
        // which takes precedence, turns them on again.
        QLoggingCategory::setFilterRules(QStringLiteral("msalqt.*.info=false\nmsalqt.*.warning=false"));
    }
    CliCommand command(arguments);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &command, [&command] {
            char byte;
            [[maybe_unused]] const auto got = ::read(s_signalPipe[0], &byte, 1);
            command.cancel();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    QObject::connect(&command, &CliCommand::done, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    command.start();
    return app.exec();
}
