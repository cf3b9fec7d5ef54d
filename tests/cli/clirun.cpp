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

Run runDeviceCode(const QStringList &arguments, const std::function<bool(const QString &userCode)> &approve)
{
    QProcess process;
    process.start(MSALQT_CLI_PATH, arguments);
    QSignalSpy stderrReady(&process, &QProcess::readyReadStandardError);
    QByteArray err;
    QString userCode;
    while (userCode.isEmpty() && stderrReady.wait(15000)) {
        err += process.readAllStandardError();
        const auto match = QRegularExpression(QStringLiteral("enter the code ([A-Z0-9-]+)")).match(QString::fromUtf8(err));
        if (match.hasMatch())
            userCode = match.captured(1);
    }
    if (userCode.isEmpty() || !approve(userCode))
        return {-1, {}, err};
    QSignalSpy finished(&process, &QProcess::finished);
    finished.wait(20000);
    return {process.exitCode(), process.readAllStandardOutput(), err + process.readAllStandardError()};
}

bool isBareToken(const QByteArray &out)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n$"));
    return token.match(QString::fromLatin1(out)).hasMatch();
}

} // namespace CliTest
