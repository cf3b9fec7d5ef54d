#include "oidcproviderfixture.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonArray>
#include <QtCore/QStandardPaths>
#include <QtCore/QThread>

#include <signal.h>

#ifndef MSALQT_OIDC_DIR
#error "MSALQT_OIDC_DIR must be defined (tests/oidc in the source tree)"
#endif

namespace {

constexpr int StartTimeoutMs = 30000;
constexpr int ApproveTimeoutMs = 30000;
constexpr int StopTimeoutMs = 10000;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString npmHint()
{
    return QStringLiteral("run `npm ci --prefix tests/oidc` (in the source tree) first");
}

// Checks what start() and approveDevice() need; empty when all is there.
QString checkPrerequisites()
{
    const QString dir = OidcProviderFixture::directory();
    if (!QFileInfo::exists(dir + QStringLiteral("/provider.mjs")))
        return QStringLiteral("%1/provider.mjs not found").arg(dir);
    if (!QFileInfo::exists(dir + QStringLiteral("/node_modules/oidc-provider/package.json")))
        return QStringLiteral("%1/node_modules/oidc-provider is missing: %2").arg(dir, npmHint());
    if (OidcProviderFixture::nodeExecutable().isEmpty())
        return QStringLiteral("node (Node.js >= 20.18) not found in PATH (or set MSALQT_NODE)");
    return {};
}

} // namespace

OidcProviderFixture::OidcProviderFixture() = default;

OidcProviderFixture::~OidcProviderFixture()
{
    stop();
}

QString OidcProviderFixture::directory()
{
    return QStringLiteral(MSALQT_OIDC_DIR);
}

QString OidcProviderFixture::nodeExecutable()
{
    const QString fromEnv = qEnvironmentVariable("MSALQT_NODE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::findExecutable(QStringLiteral("node"));
}

bool OidcProviderFixture::start(QString *error)
{
    // On a loaded 2-core CI machine, Node once went quiet for over 30 s right after its imports
    // (a fresh `npm ci`, several GUI tests at once). One more try, with what the first was doing
    // (Node's diagnostic report) in the test log.
    for (int attempt = 1;; ++attempt) {
        QString problem;
        bool timedOut = false;
        if (startOnce(&problem, &timedOut))
            return true;
        if (!timedOut || attempt == 2) {
            setError(error, problem);
            return false;
        }
        qWarning("oidc-provider did not start in time; trying once more. %s", qPrintable(problem));
    }
}

// Node's report of a process that went quiet: the JavaScript stack it is in (SIGUSR2 and
// --report-on-signal), or why there is none.
QString OidcProviderFixture::nodeReport() const
{
    if (!m_process || m_process->state() != QProcess::Running)
        return QStringLiteral("(no report: node is not running)");
    ::kill(pid_t(m_process->processId()), SIGUSR2);
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        const QStringList reports = QDir(m_logDir->path()).entryList({QStringLiteral("report.*.json")}, QDir::Files);
        if (!reports.isEmpty()) {
            QThread::msleep(200); // written in one go, but let it finish
            QFile file(m_logDir->filePath(reports.first()));
            if (!file.open(QIODevice::ReadOnly))
                break;
            const QJsonObject stack = QJsonDocument::fromJson(file.readAll()).object()
                                          .value(QStringLiteral("javascriptStack")).toObject();
            QStringList lines{stack.value(QStringLiteral("message")).toString()};
            for (const QJsonValue &frame : stack.value(QStringLiteral("stack")).toArray())
                lines << QStringLiteral("  ") + frame.toString();
            return QStringLiteral("node's JavaScript stack:\n") + lines.join(QLatin1Char('\n'));
        }
        QThread::msleep(100);
    }
    return QStringLiteral("(no report from node within 5 s)");
}

bool OidcProviderFixture::startOnce(QString *error, bool *timedOut)
{
    stop();

    const QString problem = checkPrerequisites();
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }

    m_logDir = std::make_unique<QTemporaryDir>();
    if (!m_logDir->isValid()) {
        setError(error, QStringLiteral("cannot create a temporary directory: %1").arg(m_logDir->errorString()));
        return false;
    }
    // stderr goes to a file: nobody has to drain a pipe while tests block elsewhere.
    m_stderrPath = m_logDir->filePath(QStringLiteral("provider-stderr.log"));

    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(directory());
    m_process->setProgram(nodeExecutable());
    QStringList args{QStringLiteral("--report-on-signal"),
                     QStringLiteral("--report-directory=") + m_logDir->path(),
                     QStringLiteral("provider.mjs"), QStringLiteral("--port"), QStringLiteral("0"),
                     QStringLiteral("--exit-with-stdin")};
    if (m_deviceInterval > 0)
        args << QStringLiteral("--device-interval") << QString::number(m_deviceInterval);
    m_process->setArguments(args);
    m_process->setStandardErrorFile(m_stderrPath);
    // stdin stays an open pipe: provider.mjs exits when it closes (e.g. this
    // process died without calling stop()).
    m_process->start(QIODevice::ReadWrite);
    if (!m_process->waitForStarted(StartTimeoutMs)) {
        setError(error, QStringLiteral("cannot run %1: %2").arg(nodeExecutable(), m_process->errorString()));
        stop();
        return false;
    }

    QByteArray out;
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!out.contains('\n')) {
        if (m_process->state() != QProcess::Running && m_process->bytesAvailable() == 0) {
            setError(error, QStringLiteral("provider.mjs exited (code %1) before listening:\n%2")
                                .arg(m_process->exitCode())
                                .arg(stderrLog()));
            stop();
            return false;
        }
        if (deadline.hasExpired()) {
            *timedOut = true;
            setError(error, QStringLiteral("provider.mjs did not report its issuer within %1 s:\n%2\n%3")
                                .arg(StartTimeoutMs / 1000)
                                .arg(stderrLog(), nodeReport()));
            stop();
            return false;
        }
        if (m_process->bytesAvailable() == 0)
            m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 1000)));
        out += m_process->readAll();
    }

    const QByteArray line = out.left(out.indexOf('\n')).trimmed();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    const QUrl issuer(doc.object().value(QStringLiteral("issuer")).toString());
    if (parseError.error != QJsonParseError::NoError || !issuer.isValid()
        || issuer.scheme() != QStringLiteral("http") || issuer.port() <= 0) {
        setError(error, QStringLiteral("unexpected first line from provider.mjs: %1\n%2")
                            .arg(QString::fromUtf8(line), stderrLog()));
        stop();
        return false;
    }
    m_issuer = issuer;
    return true;
}

void OidcProviderFixture::stop()
{
    m_issuer.clear();
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM
        if (!m_process->waitForFinished(StopTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(StopTimeoutMs);
        }
    }
    m_process.reset();
}

bool OidcProviderFixture::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running && m_issuer.isValid();
}

QUrl OidcProviderFixture::endpoint(const QString &path) const
{
    QUrl url = m_issuer;
    url.setPath(path);
    return url;
}

bool OidcProviderFixture::approveDevice(const QString &userCode, const QString &login,
                                        const QString &password, bool deny, QString *error)
{
    if (!isRunning()) {
        setError(error, QStringLiteral("the provider is not running"));
        return false;
    }
    const QString problem = checkPrerequisites();
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }

    QProcess process;
    process.setWorkingDirectory(directory());
    process.setProgram(nodeExecutable());
    QStringList args{QStringLiteral("approve-device.mjs"),
                     QStringLiteral("--issuer"), m_issuer.toString(),
                     QStringLiteral("--user-code"), userCode,
                     QStringLiteral("--login"), login,
                     QStringLiteral("--password"), password,
                     // Below our own wait so the script reports what it was doing.
                     QStringLiteral("--timeout"), QString::number(ApproveTimeoutMs / 1000 - 5)};
    if (deny)
        args << QStringLiteral("--deny");
    process.setArguments(args);
    process.start(QIODevice::ReadOnly);
    if (!process.waitForStarted(ApproveTimeoutMs)) {
        setError(error, QStringLiteral("cannot run %1: %2").arg(nodeExecutable(), process.errorString()));
        return false;
    }
    // Output is a few lines at most, so the pipes cannot fill up while we wait.
    if (!process.waitForFinished(ApproveTimeoutMs)) {
        process.kill();
        process.waitForFinished(StopTimeoutMs);
        setError(error, QStringLiteral("approve-device.mjs did not finish within %1 s: %2")
                            .arg(ApproveTimeoutMs / 1000)
                            .arg(QString::fromUtf8(process.readAllStandardError())));
        return false;
    }
    const QByteArray out = process.readAllStandardOutput().trimmed();
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        setError(error, QStringLiteral("approve-device.mjs failed (exit %1): %2")
                            .arg(process.exitCode())
                            .arg(err.isEmpty() ? QString::fromUtf8(out) : err));
        return false;
    }
    const QJsonObject result = QJsonDocument::fromJson(out).object();
    const bool ok = deny ? result.value(QStringLiteral("denied")).toBool()
                         : result.value(QStringLiteral("approved")).toBool();
    if (!ok) {
        setError(error, QStringLiteral("approve-device.mjs: unexpected result %1").arg(QString::fromUtf8(out)));
        return false;
    }
    return true;
}

QString OidcProviderFixture::stderrLog() const
{
    if (m_stderrPath.isEmpty())
        return {};
    QFile file(m_stderrPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString OidcProviderFixture::publicClientId() { return QStringLiteral("msalqt-public"); }
QString OidcProviderFixture::confidentialClientId() { return QStringLiteral("msalqt-confidential"); }
QString OidcProviderFixture::confidentialClientSecret()
{
    return QStringLiteral("confidential-secret-0123456789abcdef");
}
QString OidcProviderFixture::privateKeyJwtClientId() { return QStringLiteral("msalqt-pkjwt"); }
QString OidcProviderFixture::apiScope() { return QStringLiteral("api:read"); }
QString OidcProviderFixture::resource() { return {}; }
QString OidcProviderFixture::apiResource() { return QStringLiteral("urn:msalqt:api"); }
QString OidcProviderFixture::aliceLogin() { return QStringLiteral("alice"); }
QString OidcProviderFixture::alicePassword() { return QStringLiteral("Passw0rd!"); }
QString OidcProviderFixture::aliceSubject() { return QStringLiteral("sub-alice"); }
QString OidcProviderFixture::bobLogin() { return QStringLiteral("bob"); }
QString OidcProviderFixture::bobPassword() { return QStringLiteral("Hunter2!bob"); }
QString OidcProviderFixture::bobSubject() { return QStringLiteral("sub-bob"); }
