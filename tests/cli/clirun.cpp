#include "clirun.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>

namespace CliTest {

Run run(const QStringList &arguments, const QProcessEnvironment &env)
{
    return run(arguments, QByteArray(), env);
}

Run run(const QStringList &arguments, const QByteArray &input, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(MSALQT_CLI_PATH, arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!finished.wait(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

bool isBareToken(const QByteArray &out)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n$"));
    return token.match(QString::fromLatin1(out)).hasMatch();
}

} // namespace CliTest
