#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

namespace CliTest {

// What one run of the msalqt program left behind. exitCode is -1 when it did not end in time
// (it is killed then) and -2 when it crashed.
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs msalqt (MSALQT_CLI_PATH) with `arguments` and `env` to its end. The emulator lives in the
// test process: this keeps its event loop running while the CLI talks to it.
Run run(const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// The same with `input` written to its standard input, which is then closed.
Run run(const QStringList &arguments, const QByteArray &input,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// Runs a device-code sign-in (`arguments` hold "--flow device-code"): waits for the code the CLI
// prints on stderr, hands it to `approve` (the test approves it at its emulator), and waits for the
// end. exitCode is -1 when no code came or approve() said no.
Run runDeviceCode(const QStringList &arguments, const std::function<bool(const QString &userCode)> &approve);

// Plain output of token: just the access token, three base64url parts, on one line.
bool isBareToken(const QByteArray &out);

} // namespace CliTest
