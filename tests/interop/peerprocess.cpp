#include "peerprocess.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>

namespace Interop {

QByteArray Result::describe() const
{
    return "exit code " + QByteArray::number(exitCode) + ", stderr: " + err.trimmed();
}

Result runProgram(const QString &program, const QStringList &arguments, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    Result result;
    if (!process.waitForStarted(10000)) {
        result.err = QStringLiteral("cannot start %1: %2").arg(program, process.errorString()).toUtf8();
        return result;
    }
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
        result.err = process.readAllStandardError() + "\n(no end within 60 s: killed)";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.json = QJsonDocument::fromJson(result.out).object();
    return result;
}

Peer::Peer(Kind kind) : m_kind(kind) {}

QString Peer::name() const
{
    return m_kind == MsalNode ? QStringLiteral("msal-node") : QStringLiteral("MSAL Python");
}

// Debian's python3-msal lives in the system interpreter's dist-packages; a python3 earlier in
// PATH (pyenv, a venv) would not see it.
QString Peer::interpreter() const
{
    if (m_kind == MsalNode) {
        const QString fromEnv = qEnvironmentVariable("MSALQT_NODE");
        return fromEnv.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("node")) : fromEnv;
    }
    const QString fromEnv = qEnvironmentVariable("MSALQT_PYTHON");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/bin/python3") : fromEnv;
}

QString Peer::script() const
{
    return QStringLiteral(MSALQT_INTEROP_DIR "/")
        + (m_kind == MsalNode ? QStringLiteral("msal-node-peer.mjs") : QStringLiteral("msal-python-peer.py"));
}

QString Peer::missing() const
{
    const QString program = interpreter();
    if (m_kind == MsalNode) {
        if (program.isEmpty() || !QFileInfo(program).isExecutable())
            return QStringLiteral("node (Node.js >= 20) is not in PATH (or set MSALQT_NODE): \"%1\"").arg(program);
        if (!QFileInfo::exists(QStringLiteral(MSALQT_INTEROP_DIR "/node_modules/@azure/msal-node/package.json")))
            return QStringLiteral("tests/interop/node_modules is missing: npm ci --prefix tests/interop (scripts/install-deps does it)");
        return {};
    }
    const Result probe = runProgram(program, {QStringLiteral("-c"), QStringLiteral("import msal")},
                                    QProcessEnvironment::systemEnvironment());
    if (probe.exitCode != 0) {
        return QStringLiteral("%1 cannot import msal: apt-get install python3-msal (scripts/install-deps does it), "
                              "or set MSALQT_PYTHON. %2")
            .arg(program, QString::fromUtf8(probe.err.trimmed()));
    }
    return {};
}

Result Peer::run(const QString &command, const QStringList &arguments, const QProcessEnvironment &env) const
{
    return runProgram(interpreter(), QStringList{script(), command} + arguments, env);
}

QString fingerprint(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace Interop
