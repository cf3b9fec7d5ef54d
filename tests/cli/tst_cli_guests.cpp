#include "clirun.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CliTest;
using namespace TestSupport;

// `msalqt token --flow silent --tenant T`: alice of Contoso, a guest in Fabrikam, gets a
// Fabrikam token from her home sign-in's refresh token; `accounts --json` lists her once, with
// a tenant profile per tenant.
class tst_CliGuests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void guestTenant();
    void tenantRefused();

private:
    Run signInWithDeviceCode();
    QStringList app() const;

    MsalQt::Emulator::Server m_emulator;
    QTemporaryDir m_dir;
};

static const QString contoso = QStringLiteral("ce78edf1-b7b2-49e9-9eb0-751756c7ce81");
static const QString fabrikam = QStringLiteral("a4c1e7d2-58b3-4f06-9e2a-7b5d3c1f8e64");

void tst_CliGuests::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY(m_dir.isValid());
    m_emulator.setDeviceCodeTiming(1, 60);
}

QStringList tst_CliGuests::app() const
{
    return {"--authority", m_emulator.authorityUrl("organizations").toString(), "--client-id", m_emulator.publicClientId(),
            "--cache", m_dir.filePath("cache.json"), "--cache-unencrypted"};
}

Run tst_CliGuests::signInWithDeviceCode()
{
    return runDeviceCode(QStringList{"token"} << app() << "--scope" << "User.Read" << "--flow" << "device-code"
                                              << "--json",
                         [this](const QString &userCode) { return m_emulator.approveDeviceCode(userCode, alice()); });
}

void tst_CliGuests::guestTenant()
{
    const Run signIn = signInWithDeviceCode();
    QVERIFY2(signIn.exitCode == 0, signIn.err.constData());
    const QStringList silent = QStringList{"token"} << app() << "--scope" << "User.Read" << "--flow" << "silent"
                                                    << "--account" << alice() << "--tenant" << fabrikam << "--json";

    // From the home refresh token, at Fabrikam's token endpoint.
    m_emulator.clearRequests();
    const Run guest = run(silent);
    QVERIFY2(guest.exitCode == 0, guest.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(guest.out).object();
    QCOMPARE(result.value("tenant_id").toString(), fabrikam);
    QCOMPARE(result.value("from_cache").toBool(), false);
    QCOMPARE(m_emulator.requestCount(QString("/%1/oauth2/v2.0/token").arg(fabrikam)), 1);

    // Again: the cache, no network.
    m_emulator.clearRequests();
    const Run cached = run(silent);
    QVERIFY2(cached.exitCode == 0, cached.err.constData());
    const QJsonObject again = QJsonDocument::fromJson(cached.out).object();
    QCOMPARE(again.value("from_cache").toBool(), true);
    QCOMPARE(again.value("access_token"), result.value("access_token"));
    QCOMPARE(m_emulator.requests().size(), 0);

    // One account, two tenant profiles, the home one first.
    const Run accounts = run(QStringList{"accounts"} << app() << "--json");
    QVERIFY2(accounts.exitCode == 0, accounts.err.constData());
    const QJsonArray list = QJsonDocument::fromJson(accounts.out).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject account = list.first().toObject();
    QCOMPARE(account.value("tenant_id").toString(), contoso);
    const QJsonArray profiles = account.value("tenant_profiles").toArray();
    QCOMPARE(profiles.size(), 2);
    QCOMPARE(profiles.at(0).toObject().value("tenant_id").toString(), contoso);
    QCOMPARE(profiles.at(0).toObject().value("is_home_tenant").toBool(), true);
    QCOMPARE(profiles.at(1).toObject().value("tenant_id").toString(), fabrikam);
    QCOMPARE(profiles.at(1).toObject().value("is_home_tenant").toBool(), false);
    QCOMPARE(profiles.at(1).toObject().value("local_account_id").toString(),
             QString("e3b7c915-6d2a-4f80-b1c4-92f5a0d8e7b3"));
}

void tst_CliGuests::tenantRefused()
{
    // An audience is no tenant: a typed error before any network traffic.
    m_emulator.clearRequests();
    const Run common = run(QStringList{"token"} << app() << "--scope" << "User.Read" << "--flow" << "silent"
                                                << "--account" << alice() << "--tenant" << "common" << "--json");
    QCOMPARE(common.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(common.err).object().value("error_type").toString(),
             QString("InvalidConfiguration"));
    QCOMPARE(m_emulator.requests().size(), 0);

    // --tenant only goes with the silent flow.
    const Run usage = run(QStringList{"token"} << app() << "--scope" << "User.Read" << "--flow" << "device-code"
                                               << "--tenant" << fabrikam);
    QCOMPARE(usage.exitCode, 2);
    const Run accounts = run(QStringList{"accounts"} << app() << "--tenant" << fabrikam);
    QCOMPARE(accounts.exitCode, 2);
}

QTEST_MAIN(tst_CliGuests)
#include "tst_cli_guests.moc"
