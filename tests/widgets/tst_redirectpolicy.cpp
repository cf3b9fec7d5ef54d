#include "redirectpolicy_p.h"

#include <QTest>

using MsalQt::WebEngine::RedirectPolicy;
using Verdict = RedirectPolicy::Verdict;

Q_DECLARE_METATYPE(RedirectPolicy::Verdict)

// Where the embedded browser may go during a sign-in: one row per URL.
class tst_RedirectPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data();
    void classify();
    void redactedForLog();
};

void tst_RedirectPolicy::classify_data()
{
    QTest::addColumn<QString>("redirectUri");
    QTest::addColumn<QString>("url");
    QTest::addColumn<Verdict>("verdict");

    const QString loopback = QStringLiteral("http://localhost");
    const QString native = QStringLiteral("https://login.microsoftonline.com/common/oauth2/nativeclient");
    const QString custom = QStringLiteral("msal1234://auth");

    QTest::newRow("https page") << loopback << "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x" << Verdict::Allow;
    QTest::newRow("loopback page") << loopback << "http://127.0.0.1:5000/tenant/oauth2/v2.0/authorize" << Verdict::Allow;
    QTest::newRow("ipv6 loopback page") << loopback << "http://[::1]:5000/login" << Verdict::Allow;
    QTest::newRow("http elsewhere") << loopback << "http://evil.example.com/" << Verdict::Refuse;
    QTest::newRow("file") << loopback << "file:///etc/passwd" << Verdict::Refuse;
    QTest::newRow("javascript") << loopback << "javascript:alert(1)" << Verdict::Refuse;
    QTest::newRow("about:blank") << loopback << "about:blank" << Verdict::Allow;
    QTest::newRow("loopback redirect, any port") << loopback << "http://localhost:43123/?code=x&state=y" << Verdict::Redirect;
    QTest::newRow("loopback redirect, no port") << loopback << "http://localhost/?code=x" << Verdict::Redirect;
    QTest::newRow("loopback redirect, other path") << loopback << "http://localhost:1/other?code=x" << Verdict::Allow;
    QTest::newRow("127.0.0.1 is not localhost") << loopback << "http://127.0.0.1:43123/?code=x" << Verdict::Allow;
    QTest::newRow("path redirect") << "http://127.0.0.1/callback" << "http://127.0.0.1:9/callback?code=x" << Verdict::Redirect;
    QTest::newRow("fixed port must match") << "http://localhost:8400/cb" << "http://localhost:8401/cb?code=x" << Verdict::Allow;
    QTest::newRow("fixed port matches") << "http://localhost:8400/cb" << "http://localhost:8400/cb?code=x" << Verdict::Redirect;
    QTest::newRow("nativeclient") << native << (native + "?code=x&state=y") << Verdict::Redirect;
    QTest::newRow("nativeclient, explicit port") << native << "https://login.microsoftonline.com:443/common/oauth2/nativeclient?code=x" << Verdict::Redirect;
    QTest::newRow("nativeclient lookalike path") << native << "https://login.microsoftonline.com/common/oauth2/nativeclient2?code=x" << Verdict::Allow;
    QTest::newRow("nativeclient other host") << native << "https://login.microsoftonline.com.evil.example/common/oauth2/nativeclient?code=x" << Verdict::Allow;
    QTest::newRow("custom scheme") << custom << "msal1234://auth?code=x" << Verdict::Redirect;
    QTest::newRow("custom scheme, trailing slash") << custom << "msal1234://auth/?code=x" << Verdict::Redirect;
    QTest::newRow("custom scheme, other client") << custom << "msal9999://auth?code=x" << Verdict::Refuse;
    QTest::newRow("custom scheme, case") << custom << "MSAL1234://auth?code=x" << Verdict::Redirect;
}

void tst_RedirectPolicy::classify()
{
    QFETCH(QString, redirectUri);
    QFETCH(QString, url);
    QFETCH(Verdict, verdict);
    RedirectPolicy policy;
    policy.setRedirectUri(QUrl(redirectUri));
    QCOMPARE(policy.classify(QUrl(url)), verdict);
}

void tst_RedirectPolicy::redactedForLog()
{
    const QString logged = RedirectPolicy::redactedForLog(QUrl("http://user:pw@localhost:5/cb?code=SECRET#token=SECRET"));
    QVERIFY(!logged.contains("SECRET"));
    QVERIFY(!logged.contains("pw"));
    QCOMPARE(logged, QString("http://localhost:5/cb"));
}

QTEST_APPLESS_MAIN(tst_RedirectPolicy)
#include "tst_redirectpolicy.moc"
