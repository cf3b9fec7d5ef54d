#include "hostileserver.h"
#include "routingnetworkaccessmanager.h"
#include "testsupport.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/publicclientapplication.h>

#include <QFile>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;
using Answer = TestSupport::HostileServer::Answer;

// Peak memory while a hostile server sends 64 MiB or a body that never ends, for every endpoint a
// flow reads (issue 12, item 4). Reported as the growth of the peak resident set over the request
// (Linux: /proc/self/clear_refs resets the peak, /proc/self/status reads it), in bytes:
//   ctest --test-dir build -R bench_hostilememory -V
// The last row reads the same 64 MiB with a plain QNetworkAccessManager: what an uncapped read
// costs. The cap is 1 MiB (HttpRequest::maxResponseSize); the rows above should stay a few MB.
class bench_HostileMemory : public QObject
{
    Q_OBJECT
public:
    enum Flow { ClientSecret, Password, FederatedPassword, DeviceCode };

private Q_SLOTS:
    void initTestCase();
    void peakMemory_data();
    void peakMemory();
    void uncappedReference();

private:
    MsalQt::Emulator::Server m_emulator;
    HostileServer m_hostile;
    RoutingNetworkAccessManager m_network;
};

static constexpr qint64 MiB = 1024 * 1024;

// VmRSS or VmHWM from /proc/self/status, in bytes.
static qint64 statusBytes(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

// Resets the peak resident set to the current one; returns the current one.
static qint64 resetPeak()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (!clearRefs.open(QIODevice::WriteOnly) || clearRefs.write("5") != 1)
        return -1;
    clearRefs.close();
    return statusBytes("VmRSS:");
}

static void report(qint64 before)
{
    const qint64 peak = statusBytes("VmHWM:");
    QVERIFY2(before > 0 && peak > 0, "no /proc/self/status or clear_refs");
    qInfo("peak resident set grew by %.1f MB", (peak - before) / 1e6);
    QTest::setBenchmarkResult(qreal(peak - before), QTest::BytesAllocated);
}

void bench_HostileMemory::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY(m_hostile.listen(QHostAddress::LocalHost));
    m_emulator.setDeviceCodeTiming(1, 60);
}

void bench_HostileMemory::peakMemory_data()
{
    QTest::addColumn<int>("flow");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Answer>("answer");

    const QList<std::tuple<const char *, Flow, QString>> endpoints{
        {"token endpoint", ClientSecret, QStringLiteral("/oauth2/v2.0/token")},
        {"discovery", ClientSecret, QStringLiteral("/v2.0/.well-known/openid-configuration")},
        {"instance discovery", ClientSecret, QStringLiteral("/common/discovery/instance")},
        {"signing keys", Password, QStringLiteral("/discovery/v2.0/keys")},
        {"user realm", Password, QStringLiteral("/common/userrealm/")},
        {"device code endpoint", DeviceCode, QStringLiteral("/oauth2/v2.0/devicecode")},
        {"MEX", FederatedPassword, QStringLiteral("/adfs/services/trust/mex")},
        {"WS-Trust", FederatedPassword, QStringLiteral("/adfs/services/trust/13/usernamemixed")},
    };
    for (const auto &[name, flow, path] : endpoints) {
        QTest::newRow(QByteArray(name) + ", 64 MiB") << int(flow) << path << Answer::huge(64 * MiB);
        QTest::newRow(QByteArray(name) + ", endless") << int(flow) << path << Answer::endless();
    }
}

void bench_HostileMemory::peakMemory()
{
    QFETCH(int, flow);
    QFETCH(QString, path);
    QFETCH(Answer, answer);

    std::unique_ptr<ClientApplication> app;
    if (flow == ClientSecret) {
        app = std::make_unique<ConfidentialClientApplication>(
            m_emulator.confidentialClientId(), ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
            Authority::microsoft(m_emulator.authorityUrl()));
    } else {
        const QString tenant = flow == FederatedPassword ? QStringLiteral("organizations") : QString();
        app = std::make_unique<PublicClientApplication>(
            m_emulator.publicClientId(),
            Authority::microsoft(tenant.isEmpty() ? m_emulator.authorityUrl() : m_emulator.authorityUrl(tenant)));
    }
    app->setNetworkAccessManager(&m_network);
    app->setHttpTimeout(std::chrono::milliseconds(5000));
    m_hostile.clear();
    m_hostile.answer(path, answer);
    m_network.clearRoutes();
    m_network.route(path, m_hostile.url());

    const QStringList scopes{QStringLiteral("User.Read")};
    const qint64 before = resetPeak();
    TokenRequest *request = nullptr;
    switch (flow) {
    case ClientSecret:
        request = static_cast<ConfidentialClientApplication *>(app.get())
                      ->acquireTokenForClient({QStringLiteral("https://graph.microsoft.com/.default")});
        break;
    case Password:
        request = static_cast<PublicClientApplication *>(app.get())->acquireTokenByUsernamePassword(scopes, alice(), password());
        break;
    case FederatedPassword:
        request = static_cast<PublicClientApplication *>(app.get())
                      ->acquireTokenByUsernamePassword(scopes, QStringLiteral("dave@woodgrove.com"), password());
        break;
    case DeviceCode:
        request = static_cast<PublicClientApplication *>(app.get())->acquireTokenWithDeviceCode(scopes);
        break;
    }
    request->setAutoDelete(false);
    const std::unique_ptr<TokenRequest> owner(request);
    QSignalSpy finished(request, &TokenRequest::finished);
    QVERIFY(request->isFinished() || finished.wait(30000));
    report(before);
    // What is measured is the refusal, not some other failure on the way.
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::ResponseTooLarge));
    QCOMPARE(m_hostile.requestCount(path), 1);
}

void bench_HostileMemory::uncappedReference()
{
    m_hostile.clear();
    m_hostile.answer(QStringLiteral("/reference"), Answer::huge(64 * MiB));
    QNetworkAccessManager plain;
    const qint64 before = resetPeak();
    std::unique_ptr<QNetworkReply> reply(plain.get(QNetworkRequest(m_hostile.url(QStringLiteral("/reference")))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(30000));
    const QByteArray body = reply->readAll();
    report(before);
    QCOMPARE(body.size(), 64 * MiB);
}

QTEST_GUILESS_MAIN(bench_HostileMemory)
#include "bench_hostilememory.moc"
