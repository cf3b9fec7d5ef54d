#include "kdcfixture.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

// A port nobody listens on now; the KDC binds it a moment later (TCP and UDP).
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString findProgram(const QString &name)
{
    QString found = QStandardPaths::findExecutable(name);
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return found;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

} // namespace

KdcFixture::~KdcFixture()
{
    stop();
}

bool KdcFixture::run(const QString &program, const QStringList &arguments, const QByteArray &input, QString *error)
{
    const QString path = findProgram(program);
    if (path.isEmpty()) {
        *error = program + QStringLiteral(" not found (install krb5-kdc, krb5-admin-server and krb5-user)");
        return false;
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(path, arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(process.readAll());
        return false;
    }
    return true;
}

bool KdcFixture::start(const QString &user, const QStringList &serviceHosts, QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    m_user = user;
    const quint16 port = freePort();
    const QByteArray r = realm;
    const QByteArray dir = QFile::encodeName(m_dir.path());
    const QByteArray p = QByteArray::number(port);
    // No DNS, no reverse lookups: "HTTP/localhost" means exactly that. TCP only (udp limit 1),
    // and a one-second clock skew so that an expired ticket is expired at once.
    const QByteArray krb5Conf = "[libdefaults]\n default_realm = " + r + "\n dns_lookup_kdc = false\n"
        " dns_lookup_realm = false\n dns_canonicalize_hostname = false\n rdns = false\n"
        " udp_preference_limit = 1\n clockskew = 1\n"
        "[realms]\n " + r + " = {\n  kdc = 127.0.0.1:" + p + "\n }\n"
        "[domain_realm]\n localhost = " + r + "\n 127.0.0.1 = " + r + "\n";
    const QByteArray kdcConf = "[kdcdefaults]\n kdc_listen = 127.0.0.1:" + p + "\n kdc_tcp_listen = 127.0.0.1:" + p + "\n"
        "[realms]\n " + r + " = {\n  database_name = " + dir + "/principal\n  key_stash_file = " + dir + "/stash\n"
        "  acl_file = " + dir + "/kadm5.acl\n  max_life = 10h\n  kdc_listen = 127.0.0.1:" + p + "\n"
        "  kdc_tcp_listen = 127.0.0.1:" + p + "\n }\n"
        "[logging]\n kdc = FILE:" + dir + "/kdc.log\n";
    if (!writeFile(path(QStringLiteral("krb5.conf")), krb5Conf) || !writeFile(path(QStringLiteral("kdc.conf")), kdcConf)) {
        *error = QStringLiteral("cannot write the Kerberos configuration");
        return false;
    }
    qputenv("KRB5_CONFIG", QFile::encodeName(path(QStringLiteral("krb5.conf"))));
    qputenv("KRB5_KDC_PROFILE", QFile::encodeName(path(QStringLiteral("kdc.conf"))));
    qputenv("KRB5_KTNAME", "FILE:" + QFile::encodeName(path(QStringLiteral("http.keytab"))));
    qputenv("KRB5RCACHETYPE", "none"); // the acceptor's replay cache would live outside our directory

    if (!run(QStringLiteral("kdb5_util"), {"create", "-s", "-r", realm, "-P", "msalqt-master-key"}, {}, error))
        return false;
    if (!run(QStringLiteral("kadmin.local"), {"-q", QStringLiteral("addprinc -pw %1 %2").arg(QString::fromLatin1(userPassword), user)}, {}, error))
        return false;
    for (const QString &host : serviceHosts) {
        const QString principal = QStringLiteral("HTTP/") + host;
        if (!run(QStringLiteral("kadmin.local"), {"-q", "addprinc -randkey " + principal}, {}, error)
            || !run(QStringLiteral("kadmin.local"), {"-q", "ktadd -k " + path(QStringLiteral("http.keytab")) + ' ' + principal}, {}, error))
            return false;
    }

    m_kdc = std::make_unique<QProcess>();
    m_kdc->setProcessChannelMode(QProcess::MergedChannels);
    m_kdc->start(findProgram(QStringLiteral("krb5kdc")), {"-n", "-P", path(QStringLiteral("kdc.pid"))});
    if (!m_kdc->waitForStarted(10000)) {
        *error = QStringLiteral("krb5kdc did not start: ") + m_kdc->errorString();
        return false;
    }
    // Ready once it accepts TCP connections.
    const bool listening = QTest::qWaitFor([port] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        return socket.waitForConnected(200);
    }, 10000);
    if (!listening) {
        *error = QStringLiteral("krb5kdc is not listening: ") + QString::fromLocal8Bit(m_kdc->readAll());
        return false;
    }
    return true;
}

bool KdcFixture::kinit(const QString &cacheName, const QString &lifetime, QString *error)
{
    QFile::remove(cachePath(cacheName));
    const QByteArray saved = qgetenv("KRB5CCNAME");
    qputenv("KRB5CCNAME", "FILE:" + QFile::encodeName(cachePath(cacheName)));
    const bool ok = run(QStringLiteral("kinit"), {"-l", lifetime, m_user}, QByteArray(userPassword) + '\n', error);
    qputenv("KRB5CCNAME", saved);
    return ok;
}

void KdcFixture::stop()
{
    if (!m_kdc)
        return;
    m_kdc->terminate();
    if (!m_kdc->waitForFinished(5000)) {
        m_kdc->kill();
        m_kdc->waitForFinished(5000);
    }
    m_kdc.reset();
}
