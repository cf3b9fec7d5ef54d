#include "testsupport.h"

#include <MsalQt/confidentialclientapplication.h>

#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;

// Client credentials with a secret against the in-process emulator.
class tst_ClientCredentialsFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void success();
    void refusedBeforeTheNetwork_data();
    void refusedBeforeTheNetwork();
    void wrongSecret();
    void unknownClient();
    void secretStaysOutOfLogs();

private:
    TokenRequest *run(ConfidentialClientApplication *app, const QStringList &scopes);
    MsalQt::Emulator::Server m_emulator;
};

void tst_ClientCredentialsFlow::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_ClientCredentialsFlow::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
}

TokenRequest *tst_ClientCredentialsFlow::run(ConfidentialClientApplication *app, const QStringList &scopes)
{
    TokenRequest *request = app->acquireTokenForClient(scopes);
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!finished.wait(15000))
        qWarning("request did not finish");
    return request;
}

void tst_ClientCredentialsFlow::success()
{
    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    std::unique_ptr<TokenRequest> request(run(&app, {"https://graph.microsoft.com/.default"}));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    const AuthenticationResult result = request->result();
    QVERIFY(!result.accessToken().isEmpty());
    QVERIFY(result.account().isNull()); // an app token has no user
    QVERIFY(result.idToken().isEmpty());
    QCOMPARE(result.tenantId(), m_emulator.defaultTenantId());
    QVERIFY(result.expiresOn() > QDateTime::currentDateTimeUtc());

    // The grant carried the secret in the body and no OpenID Connect scopes.
    const auto requests = m_emulator.requests();
    const auto token = std::find_if(requests.cbegin(), requests.cend(), [](const auto &r) {
        return r.path.endsWith("/oauth2/v2.0/token");
    });
    QVERIFY(token != requests.cend());
    QCOMPARE(token->form.queryItemValue("grant_type"), QString("client_credentials"));
    QCOMPARE(token->form.queryItemValue("scope", QUrl::FullyDecoded), QString("https://graph.microsoft.com/.default"));
    QVERIFY(!token->form.hasQueryItem("client_info"));
}

void tst_ClientCredentialsFlow::refusedBeforeTheNetwork_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<int>("type");

    const QStringList graph{"https://graph.microsoft.com/.default"};
    QTest::newRow("/common") << "common" << "s" << graph << int(AuthError::UnsupportedAuthority);
    QTest::newRow("/organizations") << "organizations" << "s" << graph << int(AuthError::UnsupportedAuthority);
    QTest::newRow("/consumers") << "consumers" << "s" << graph << int(AuthError::UnsupportedAuthority);
    QTest::newRow("delegated scope") << "" << "s" << QStringList{"User.Read"} << int(AuthError::InvalidConfiguration);
    QTest::newRow("no scope") << "" << "s" << QStringList{} << int(AuthError::InvalidConfiguration);
    QTest::newRow("no credential") << "" << "" << graph << int(AuthError::InvalidConfiguration);
}

void tst_ClientCredentialsFlow::refusedBeforeTheNetwork()
{
    QFETCH(QString, tenant);
    QFETCH(QString, secret);
    QFETCH(QStringList, scopes);
    QFETCH(int, type);

    ConfidentialClientApplication app(m_emulator.confidentialClientId(), ClientCredential::fromSecret(secret),
                                      Authority::microsoft(m_emulator.authorityUrl(tenant)));
    std::unique_ptr<TokenRequest> request(run(&app, scopes));
    QVERIFY(request->isFinished());
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Type(type)));
    QVERIFY(!request->error().errorString().isEmpty());
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_ClientCredentialsFlow::wrongSecret()
{
    ConfidentialClientApplication app(m_emulator.confidentialClientId(), ClientCredential::fromSecret("not-the-secret"),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    std::unique_ptr<TokenRequest> request(run(&app, {"https://graph.microsoft.com/.default"}));
    const AuthError error = request->error();
    QCOMPARE(error.type(), AuthError::InvalidConfiguration);
    QCOMPARE(error.protocolError(), QString("invalid_client"));
    QVERIFY(error.hasErrorCode(7000215));
    QCOMPARE(error.httpStatus(), 401);
    QCOMPARE(error.correlationId(), request->correlationId()); // echoed by the server
    QVERIFY(error.errorString().contains("AADSTS7000215"));
}

void tst_ClientCredentialsFlow::unknownClient()
{
    ConfidentialClientApplication app("00000000-1111-2222-3333-444444444444", ClientCredential::fromSecret("x"),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    std::unique_ptr<TokenRequest> request(run(&app, {"https://graph.microsoft.com/.default"}));
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QVERIFY(!request->error().errorCodes().isEmpty());
}

void tst_ClientCredentialsFlow::secretStaysOutOfLogs()
{
    LogCapture logs;
    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    std::unique_ptr<TokenRequest> request(run(&app, {"https://graph.microsoft.com/.default"}));
    QVERIFY(request->isSuccess());
    QVERIFY(logs.contains("msalqt.http")); // debug logging was on
    QVERIFY(!logs.contains(m_emulator.confidentialClientSecret()));
    QVERIFY(!logs.contains(request->result().accessToken().left(32)));
}

QTEST_GUILESS_MAIN(tst_ClientCredentialsFlow)
#include "tst_clientcredentialsflow.moc"
