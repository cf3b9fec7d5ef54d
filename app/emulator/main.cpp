// msalqt-emulator: runs the identity platform emulator as a stand-alone program, for the
// demo and for poking at it with curl.

#include "emulator.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

using MsalQt::Emulator::Server;
using MsalQt::Emulator::SignalWatcher;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("msalqt-emulator"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Local emulator of the Microsoft identity platform for MsalQt."));
    parser.addHelpOption();
    const QCommandLineOption hostOption(QStringLiteral("host"), QStringLiteral("Address to listen on."),
                                        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port to listen on (0 = any free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("JSON file with tenants, users and apps (default: built in)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption intervalOption(QStringLiteral("device-code-interval"),
                                            QStringLiteral("Device code polling interval in seconds (default 5)."),
                                            QStringLiteral("S"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("Log one line per request to stderr."));
    parser.addOptions({hostOption, portOption, configOption, intervalOption, verboseOption});
    parser.process(app);

    QTextStream err(stderr);
    const QHostAddress host(parser.value(hostOption));
    if (host.isNull()) {
        err << "msalqt-emulator: invalid --host address: " << parser.value(hostOption) << Qt::endl;
        return 2;
    }
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "msalqt-emulator: invalid --port: " << parser.value(portOption) << Qt::endl;
        return 2;
    }
    if (parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("msalqt.emulator.debug=true"));

    Server server;
    if (parser.isSet(configOption)) {
        QString error;
        if (!server.loadConfigFile(parser.value(configOption), &error)) {
            err << "msalqt-emulator: " << error << Qt::endl;
            return 2;
        }
    }
    if (parser.isSet(intervalOption)) {
        const int interval = parser.value(intervalOption).toInt(&ok);
        if (!ok || interval < 0) {
            err << "msalqt-emulator: invalid --device-code-interval: " << parser.value(intervalOption) << Qt::endl;
            return 2;
        }
        server.setDeviceCodeTiming(interval, 900);
    }
    if (!server.listen(host, quint16(port))) {
        err << "msalqt-emulator: cannot listen on " << host.toString() << ':' << port << Qt::endl;
        return 1;
    }

    // The first line is machine-readable: scripts wait for it to learn the port.
    QTextStream out(stdout);
    out << "MsalQt emulator listening on " << server.baseUrl().toString() << '\n'
        << "Authority (default tenant): " << server.authorityUrl().toString() << '\n'
        << "Authority (any account):    " << server.authorityUrl(QStringLiteral("common")).toString() << '\n'
        << "Public client id:           " << server.publicClientId() << '\n'
        << "Confidential client id:     " << server.confidentialClientId() << '\n'
        << "Confidential client secret: (in the emulator config, app \"MsalQt Daemon\")\n"
        << "Test users (fake demo credentials):\n";
    for (const Server::TestUser &user : server.testUsers()) {
        out << "  " << user.username << "  password: " << user.password;
        if (user.mfaRequired)
            out << "  (MFA required)";
        if (user.msa)
            out << "  (personal Microsoft account)";
        out << '\n';
    }
    out << "Press Ctrl+C to stop." << Qt::endl; // endl flushes: the banner must not sit in a buffer

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, [] { QCoreApplication::quit(); });
    return app.exec();
}
