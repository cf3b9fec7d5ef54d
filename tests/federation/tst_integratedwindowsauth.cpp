#include "kdcfixture.h"
#include "testsupport.h"

#include <MsalQt/publicclientapplication.h>

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace MsalQt;
using namespace TestSupport;

// Integrated Windows authentication against a real MIT Kerberos KDC: the emulator's
// windowstransport endpoint accepts the SPNEGO token with the keytab of HTTP/localhost.
// A client that reaches the emulator as "localhost" asks for exactly that service; one that
// reaches it as "127.0.0.1" asks for HTTP/127.0.0.1, which the realm does not know.
class tst_IntegratedWindowsAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void signIn_data();
    void signIn();
    void negotiateChallenge();
    void fails_data();
    void fails();
    void unresponsiveKdcBlocksNothing();

private:
    std::unique_ptr<TokenRequest> wait(TokenRequest *request);
    QUrl authority(const QString &host) const;
    void useCache(const QString &name);

    KdcFixture m_kdc;
    MsalQt::Emulator::Server m_emulator;
    QElapsedTimer m_clock;
};

void tst_IntegratedWindowsAuth::initTestCase()
{
    m_clock.start();
    QString error;
    QVERIFY2(m_kdc.start(QStringLiteral("dave"), {QStringLiteral("localhost")}, &error), qPrintable(error));
    QVERIFY2(m_kdc.kinit(QStringLiteral("valid.cc"), QStringLiteral("10h"), &error), qPrintable(error));
    // A 3-second ticket now; the expiry case runs last and waits out the rest of its life.
    QVERIFY2(m_kdc.kinit(QStringLiteral("short.cc"), QStringLiteral("3s"), &error), qPrintable(error));
    QVERIFY(m_emulator.listen());
    qInfo("KDC ready after %lld ms", m_clock.elapsed());
}

void tst_IntegratedWindowsAuth::cleanupTestCase()
{
    m_kdc.stop();
    qInfo("Kerberos tests took %lld ms", m_clock.elapsed());
}

void tst_IntegratedWindowsAuth::init()
{
    m_emulator.clearRequests();
}

std::unique_ptr<TokenRequest> tst_IntegratedWindowsAuth::wait(TokenRequest *request)
{
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!request->isFinished() && !finished.wait(15000))
        qWarning("request did not finish");
    return std::unique_ptr<TokenRequest>(request);
}

QUrl tst_IntegratedWindowsAuth::authority(const QString &host) const
{
    QUrl url = m_emulator.authorityUrl(QStringLiteral("organizations"));
    url.setHost(host);
    return url;
}

void tst_IntegratedWindowsAuth::useCache(const QString &name)
{
    qputenv("KRB5CCNAME", "FILE:" + QFile::encodeName(m_kdc.cachePath(name)));
}

void tst_IntegratedWindowsAuth::signIn_data()
{
    QTest::addColumn<QString>("username"); // empty: the ticket's principal
    QTest::newRow("principal of the ticket") << QString();
    QTest::newRow("explicit username") << QStringLiteral("dave@woodgrove.com");
}

void tst_IntegratedWindowsAuth::signIn()
{
    QFETCH(QString, username);
    useCache(QStringLiteral("valid.cc"));
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(authority(QStringLiteral("localhost"))));
    LogCapture logs;
    auto request = wait(app.acquireTokenByIntegratedWindowsAuth({"User.Read"}, username));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    const AuthenticationResult result = request->result();
    QCOMPARE(result.account().username(), QStringLiteral("dave@woodgrove.com"));

    bool sawWindowsTransport = false, sawSaml = false;
    for (const auto &r : m_emulator.requests()) {
        sawWindowsTransport |= r.path == QLatin1String("/adfs/services/trust/13/windowstransport");
        sawSaml |= r.form.queryItemValue("grant_type", QUrl::FullyDecoded)
            == QLatin1String("urn:ietf:params:oauth:grant-type:saml1_1-bearer");
    }
    QVERIFY(sawWindowsTransport);
    QVERIFY(sawSaml);
    QVERIFY(!logs.contains(QStringLiteral("Negotiate ")));

    // Cached: acquireTokenSilent serves it afterwards.
    auto silent = wait(app.acquireTokenSilent({"User.Read"}, result.account()));
    QVERIFY2(silent->isSuccess(), qPrintable(silent->error().errorString()));
    QVERIFY(silent->result().isFromCache());
}

void tst_IntegratedWindowsAuth::negotiateChallenge()
{
    // RFC 4559 §4.1: without a token the endpoint challenges.
    QNetworkAccessManager manager;
    QUrl url = authority(QStringLiteral("localhost"));
    url.setPath(QStringLiteral("/adfs/services/trust/13/windowstransport"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/soap+xml; charset=utf-8");
    std::unique_ptr<QNetworkReply> reply(manager.post(request, QByteArray("<s:Envelope/>")));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(reply->rawHeader("WWW-Authenticate"), QByteArray("Negotiate"));
}

void tst_IntegratedWindowsAuth::fails_data()
{
    QTest::addColumn<QString>("cache");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("username");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("says");

    QTest::newRow("no ticket") << "missing.cc" << "localhost" << QString() << int(AuthError::UiRequired) << "kinit";
    QTest::newRow("no ticket, explicit username")
        << "missing.cc" << "localhost" << "dave@woodgrove.com" << int(AuthError::UiRequired) << "kinit";
    QTest::newRow("unknown service principal")
        << "valid.cc" << "127.0.0.1" << QString() << int(AuthError::InvalidConfiguration) << "HTTP/127.0.0.1";
    QTest::newRow("expired ticket") << "short.cc" << "localhost" << "dave@woodgrove.com" << int(AuthError::UiRequired)
                                    << "expired";
}

void tst_IntegratedWindowsAuth::fails()
{
    QFETCH(QString, cache);
    QFETCH(QString, host);
    QFETCH(QString, username);
    QFETCH(int, type);
    QFETCH(QString, says);

    if (cache == QLatin1String("short.cc")) {
        // The only wait beyond a signal: until the 3-second ticket is past its end time
        // (the realm allows one second of clock skew).
        QTRY_VERIFY_WITH_TIMEOUT(m_clock.elapsed() > 6000, 10000);
    }
    useCache(cache);
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(authority(host)));
    auto request = wait(app.acquireTokenByIntegratedWindowsAuth({"User.Read"}, username));
    QVERIFY(!request->isSuccess());
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Type(type)));
    QVERIFY2(request->error().errorString().contains(says, Qt::CaseInsensitive), qPrintable(request->error().errorString()));
    QVERIFY(app.accounts().isEmpty());
}

// A KDC that accepts the connection for the service ticket and never answers: GSSAPI waits on
// krb5's timeouts, on its own thread. Meanwhile the event loop turns, the request is still
// running, and cancel() ends it at once with nothing sent to the federation server.
void tst_IntegratedWindowsAuth::unresponsiveKdcBlocksNothing()
{
    QString error;
    QVERIFY2(m_kdc.kinit(QStringLiteral("tgt-only.cc"), QStringLiteral("10h"), &error), qPrintable(error));
    QTcpServer stuck;
    QVERIFY(stuck.listen(QHostAddress::LocalHost));
    int kdcConnections = 0;
    connect(&stuck, &QTcpServer::newConnection, this, [&] { ++kdcConnections; }); // never read, never answered

    QFile config(m_kdc.path(QStringLiteral("krb5.conf")));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QByteArray stuckConfig = config.readAll();
    const qsizetype at = stuckConfig.indexOf("kdc = 127.0.0.1:");
    QVERIFY(at >= 0);
    stuckConfig.replace(at, stuckConfig.indexOf('\n', at) - at, "kdc = 127.0.0.1:" + QByteArray::number(stuck.serverPort()));
    QFile stuckFile(m_kdc.path(QStringLiteral("stuck-krb5.conf")));
    QVERIFY(stuckFile.open(QIODevice::WriteOnly) && stuckFile.write(stuckConfig) == stuckConfig.size());
    stuckFile.close();
    const QByteArray realConfig = qgetenv("KRB5_CONFIG");
    qputenv("KRB5_CONFIG", QFile::encodeName(stuckFile.fileName()));
    const auto restore = qScopeGuard([&] { qputenv("KRB5_CONFIG", realConfig); });

    useCache(QStringLiteral("tgt-only.cc")); // a TGT, no ticket for HTTP/localhost yet
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(authority(QStringLiteral("localhost"))));
    std::unique_ptr<TokenRequest> request(app.acquireTokenByIntegratedWindowsAuth({"User.Read"}, QString()));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QTRY_VERIFY_WITH_TIMEOUT(kdcConnections > 0, 10000); // GSSAPI is asking the KDC

    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start(10);
    QTest::qWait(500);
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks))); // the event loop was not blocked
    QVERIFY(!request->isFinished());

    request->cancel();
    QVERIFY(request->isFinished() || finished.wait(1000));
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Cancelled));
    QCOMPARE(m_emulator.requestCount(QStringLiteral("/windowstransport")), 0);
    stuck.close(); // the waiting exchange fails now, and the worker thread ends
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1); // the late GSSAPI answer reaches no one
}

QTEST_MAIN(tst_IntegratedWindowsAuth)
#include "tst_integratedwindowsauth.moc"
