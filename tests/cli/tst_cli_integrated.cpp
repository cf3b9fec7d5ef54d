#include "clirun.h"
#include "kdcfixture.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace CliTest;
using namespace TestSupport;

// `msalqt token --flow integrated` as a script uses it: the CLI is a real process with a
// Kerberos ticket from a real MIT KDC (KRB5_CONFIG and KRB5CCNAME in its environment); the
// in-process emulator accepts its SPNEGO token with the keytab of HTTP/localhost.
class tst_CliIntegrated : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void signIn_data();
    void signIn();
    void plainOutput();
    void fails_data();
    void fails();

private:
    QStringList integratedArgs(const QString &tenant, const QString &username) const;
    QProcessEnvironment withCache(const QString &name) const;

    KdcFixture m_kdc;
    MsalQt::Emulator::Server m_emulator;
};

void tst_CliIntegrated::initTestCase()
{
    QString error;
    // The fixture points KRB5_CONFIG and KRB5_KTNAME of this process at its realm: the emulator
    // reads the keytab, the CLI inherits the configuration.
    QVERIFY2(m_kdc.start(QStringLiteral("dave"), {QStringLiteral("localhost")}, &error), qPrintable(error));
    QVERIFY2(m_kdc.kinit(QStringLiteral("valid.cc"), QStringLiteral("10h"), &error), qPrintable(error));
    QVERIFY(QFile::exists(m_kdc.cachePath(QStringLiteral("valid.cc"))));
    QVERIFY(!QFile::exists(m_kdc.cachePath(QStringLiteral("missing.cc"))));
    QVERIFY(m_emulator.listen());
}

void tst_CliIntegrated::cleanupTestCase()
{
    m_kdc.stop();
}

void tst_CliIntegrated::init()
{
    m_emulator.clearRequests();
}

// The emulator reached as "localhost", so that the CLI asks for a ticket to HTTP/localhost.
QStringList tst_CliIntegrated::integratedArgs(const QString &tenant, const QString &username) const
{
    QUrl authority = m_emulator.authorityUrl(tenant);
    authority.setHost(QStringLiteral("localhost"));
    QStringList arguments{"token", "--authority", authority.toString(), "--client-id", m_emulator.publicClientId(),
                          "--scope", "User.Read", "--flow", "integrated"};
    if (!username.isEmpty())
        arguments << "--username" << username;
    return arguments;
}

// This process's environment (the fixture's KRB5_CONFIG) with the child's own ticket cache.
QProcessEnvironment tst_CliIntegrated::withCache(const QString &name) const
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("KRB5CCNAME", "FILE:" + m_kdc.cachePath(name));
    return env;
}

void tst_CliIntegrated::signIn_data()
{
    QTest::addColumn<QString>("username"); // empty: the ticket's principal
    QTest::newRow("principal of the ticket") << QString();
    QTest::newRow("explicit username") << QStringLiteral("dave@woodgrove.com");
}

void tst_CliIntegrated::signIn()
{
    QFETCH(QString, username);
    const Run result = run(integratedArgs(QStringLiteral("organizations"), username) << "--json",
                           withCache(QStringLiteral("valid.cc")));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QVERIFY(!object.value("access_token").toString().isEmpty());
    QCOMPARE(object.value("token_type").toString(), QString("Bearer"));
    QCOMPARE(object.value("account").toObject().value("username").toString(), QString("dave@woodgrove.com"));
    QCOMPARE(object.value("from_cache").toBool(true), false);

    // The SPNEGO token went to the federation server, its SAML assertion to the platform.
    QStringList paths;
    QString grant;
    for (const auto &r : m_emulator.requests()) {
        paths << r.path;
        if (r.path.endsWith("/oauth2/v2.0/token"))
            grant = r.form.queryItemValue("grant_type", QUrl::FullyDecoded);
    }
    QVERIFY2(paths.contains("/adfs/services/trust/13/windowstransport"), qPrintable(paths.join(' ')));
    QCOMPARE(grant, QString("urn:ietf:params:oauth:grant-type:saml1_1-bearer"));
}

void tst_CliIntegrated::plainOutput()
{
    const Run result = run(integratedArgs(QStringLiteral("organizations"), QString()), withCache(QStringLiteral("valid.cc")));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(isBareToken(result.out), result.out.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());
}

void tst_CliIntegrated::fails_data()
{
    QTest::addColumn<QString>("cache");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("says");             // in error_description
    QTest::addColumn<bool>("mayReachFederation"); // false: refused before any request to the federation server

    QTest::newRow("no ticket") << "missing.cc" << "organizations" << QString() << "UiRequired" << "kinit" << true;
    QTest::newRow("no ticket, explicit username")
        << "missing.cc" << "organizations" << "dave@woodgrove.com" << "UiRequired" << "kinit" << true;
    QTest::newRow("common authority") << "valid.cc" << "common" << QString() << "UnsupportedAuthority" << "/common" << false;
    QTest::newRow("consumers authority") << "valid.cc" << "consumers" << QString() << "UnsupportedAuthority" << "/consumers"
                                         << false;
    QTest::newRow("managed user") << "valid.cc" << "organizations" << alice() << "InvalidConfiguration" << "managed" << false;
}

void tst_CliIntegrated::fails()
{
    QFETCH(QString, cache);
    QFETCH(QString, tenant);
    QFETCH(QString, username);
    QFETCH(QString, errorType);
    QFETCH(QString, says);
    QFETCH(bool, mayReachFederation);

    const Run result = run(integratedArgs(tenant, username) << "--json", withCache(cache));
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    const QJsonObject error = QJsonDocument::fromJson(result.err).object();
    QCOMPARE(error.value("error_type").toString(), errorType);
    QVERIFY(!error.value("error").toString().isEmpty());
    QVERIFY2(error.value("error_description").toString().contains(says, Qt::CaseInsensitive), result.err.constData());

    // No token was issued, and what is refused before Kerberos never reaches the federation server.
    for (const auto &r : m_emulator.requests()) {
        QVERIFY2(!r.path.endsWith("/oauth2/v2.0/token"), qPrintable(r.path));
        if (!mayReachFederation)
            QVERIFY2(!r.path.startsWith("/adfs/"), qPrintable(r.path));
    }
}

QTEST_GUILESS_MAIN(tst_CliIntegrated)
#include "tst_cli_integrated.moc"
