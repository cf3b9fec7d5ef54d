#include "followingagent.h"
#include "testsupport.h"

#include <MsalQt/authorizationagent.h>
#include <MsalQt/publicclientapplication.h>

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace MsalQt;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

// What InteractiveParameters adds for the person's sign-in: prompt=create (self-service
// sign-up) and max_age with the ID token's auth_time checked (OpenID Connect Core §3.1.2.1,
// §3.1.3.7 step 13), through the public API against the emulator.
class tst_SignInParameters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void maxAgeDefaults();
    void promptCreate();
    void maxAgeRoundTrip_data();
    void maxAgeRoundTrip();
    void oldAuthTimeRefused();
    void answerWithoutIdTokenRefused();
    void maxAgeNotOverridable();

private:
    std::unique_ptr<TokenRequest> run(const InteractiveParameters &parameters);

    MsalQt::Emulator::Server m_emulator;
    std::unique_ptr<PublicClientApplication> m_app;
    FollowingAgent m_agent;
    qint64 m_offsetSeconds = 0;
};

void tst_SignInParameters::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_SignInParameters::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.clearSessions();
    m_emulator.setAutoSignIn(alice());
    m_offsetSeconds = 0;
    m_app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(),
                                                      Authority::microsoft(m_emulator.authorityUrl("organizations")));
    m_app->setClock([this] { return QDateTime::currentDateTimeUtc().addSecs(m_offsetSeconds); });
}

std::unique_ptr<TokenRequest> tst_SignInParameters::run(const InteractiveParameters &given)
{
    InteractiveParameters parameters = given;
    parameters.setAgent(&m_agent);
    std::unique_ptr<TokenRequest> request(m_app->acquireTokenInteractive(parameters));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    finished.wait(15000);
    return request;
}

void tst_SignInParameters::maxAgeDefaults()
{
    InteractiveParameters parameters({"User.Read"});
    QVERIFY(!parameters.maxAge().has_value());
    parameters.setMaxAge(std::chrono::minutes(5));
    QCOMPARE(parameters.maxAge().value(), std::chrono::seconds(300));
    const InteractiveParameters copy = parameters;
    parameters.setMaxAge(std::chrono::seconds(-5)); // counts as "sign in again now"
    QCOMPARE(parameters.maxAge().value(), std::chrono::seconds(0));
    QCOMPARE(copy.maxAge().value(), std::chrono::seconds(300));
    parameters.clearMaxAge();
    QVERIFY(!parameters.maxAge().has_value());
}

void tst_SignInParameters::promptCreate()
{
    InteractiveParameters parameters({"User.Read"});
    parameters.setPrompt(InteractiveParameters::Prompt::Create);
    const auto request = run(parameters);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().account().username(), alice());
    const QUrlQuery sent(m_agent.lastAuthorizationUrl);
    QCOMPARE(sent.queryItemValue("prompt"), QString("create"));
    QVERIFY(!sent.hasQueryItem("max_age"));
}

void tst_SignInParameters::maxAgeRoundTrip_data()
{
    QTest::addColumn<int>("maxAge");
    QTest::newRow("an hour") << 3600;
    QTest::newRow("0: sign in again now") << 0;
}

void tst_SignInParameters::maxAgeRoundTrip()
{
    QFETCH(int, maxAge);
    InteractiveParameters parameters({"User.Read"});
    parameters.setMaxAge(std::chrono::seconds(maxAge));
    const auto request = run(parameters);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(QUrlQuery(m_agent.lastAuthorizationUrl).queryItemValue("max_age"), QString::number(maxAge));
    // The emulator signed alice in just now, and says so.
    const qint64 authTime = request->result().idTokenClaims().value("auth_time").toInteger();
    QVERIFY(qAbs(authTime - QDateTime::currentSecsSinceEpoch()) <= 60);
}

void tst_SignInParameters::oldAuthTimeRefused()
{
    // By the application's clock, the sign-in the ID token reports is ten minutes old: more
    // than max_age (60 s) plus the clock skew (default 5 minutes) allows.
    m_offsetSeconds = 600;
    InteractiveParameters parameters({"User.Read"});
    parameters.setMaxAge(std::chrono::seconds(60));
    const auto request = run(parameters);
    QVERIFY(request->isFinished());
    QCOMPARE(request->error().type(), AuthError::InvalidToken);
    QVERIFY2(request->error().errorString().contains("BadAuthTime"), qPrintable(request->error().errorString()));
    QVERIFY(m_app->accounts().isEmpty());

    // The same answer without max_age is fine: auth_time is not checked then.
    parameters.clearMaxAge();
    const auto again = run(parameters);
    QVERIFY2(again->isSuccess(), qPrintable(again->error().errorString()));
}

void tst_SignInParameters::answerWithoutIdTokenRefused()
{
    // With max_age sent, a token answer without an ID token cannot show when the person
    // signed in: refused, and nothing is stored.
    Fault fault;
    fault.kind = Fault::Body;
    fault.path = "/oauth2/v2.0/token";
    fault.body = R"({"token_type":"Bearer","access_token":"at","expires_in":3600,"scope":"User.Read"})";
    m_emulator.addFault(fault);
    InteractiveParameters parameters({"User.Read"});
    parameters.setMaxAge(std::chrono::seconds(3600));
    const auto request = run(parameters);
    QVERIFY(request->isFinished());
    QCOMPARE(request->error().type(), AuthError::InvalidToken);
    QVERIFY(m_app->accounts().isEmpty());
}

void tst_SignInParameters::maxAgeNotOverridable()
{
    InteractiveParameters parameters({"User.Read"});
    parameters.setMaxAge(std::chrono::seconds(60));
    parameters.setExtraQueryParameters({{"max_age", "999999"}});
    const auto request = run(parameters);
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
}

QTEST_GUILESS_MAIN(tst_SignInParameters)
#include "tst_signinparameters.moc"
