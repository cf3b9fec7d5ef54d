#include "confidentialtestdata.h"
#include "testsupport.h"

#include "cache/tokencache_p.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/publicclientapplication.h>

#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;
using ConfidentialTestData::read;

// On-behalf-of against the in-process emulator: the middle tier is the emulator's confidential
// app (it exposes api://{clientId}/access_as_user); users get tokens for it with a device code
// on the public client, then the middle tier exchanges them for Graph tokens.
class tst_OnBehalfOf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cacheIsolationBetweenUsers();
    void refreshTokenKeptForLongRunningWork();
    void cacheEntriesCarryTheAssertionHash();
    void rejectedUserTokens_data();
    void rejectedUserTokens();
    void refusedBeforeTheNetwork_data();
    void refusedBeforeTheNetwork();

private:
    QString userToken(const QString &username, const QString &tenant, const QString &scope = {});
    std::unique_ptr<TokenRequest> obo(ConfidentialClientApplication *app, const QString &assertion,
                                      const QStringList &scopes = {"User.Read"});
    ConfidentialClientApplication *middleTier();
    MsalQt::Emulator::Server m_emulator;
    std::unique_ptr<ConfidentialClientApplication> m_app;
};

void tst_OnBehalfOf::initTestCase()
{
    QString error;
    QVERIFY2(m_emulator.loadConfig(ConfidentialTestData::emulatorConfig(m_emulator.confidentialClientId()), &error),
             qPrintable(error));
    QVERIFY(m_emulator.listen());
    m_emulator.setDeviceCodeTiming(1, 60);
}

void tst_OnBehalfOf::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.setAccessTokenLifetime(3599);
    m_app.reset();
}

ConfidentialClientApplication *tst_OnBehalfOf::middleTier()
{
    // Certificate credentials: the middle tier proves itself with an RSA client assertion.
    QString error;
    const ClientCredential credential = ClientCredential::fromCertificate(read("rsa-cert.pem"), read("rsa-key.pem"), &error);
    // "common": the middle tier serves work and personal accounts alike.
    m_app.reset(new ConfidentialClientApplication(m_emulator.confidentialClientId(), credential,
                                                  Authority::microsoft(m_emulator.authorityUrl("common"))));
    return m_app.get();
}

QString tst_OnBehalfOf::userToken(const QString &username, const QString &tenant, const QString &scope)
{
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl(tenant)));
    const QString wanted = scope.isEmpty()
        ? QStringLiteral("api://%1/access_as_user").arg(m_emulator.confidentialClientId())
        : scope;
    TokenRequest *request = app.acquireTokenWithDeviceCode({wanted});
    request->setAutoDelete(false);
    std::unique_ptr<TokenRequest> owner(request);
    connect(request, &TokenRequest::deviceCodeReceived, this, [this, username](const DeviceCode &code) {
        m_emulator.approveDeviceCode(code.userCode(), username);
    });
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!finished.wait(20000) || !request->isSuccess()) {
        qWarning("no user token for %s: %s", qPrintable(username), qPrintable(request->error().errorString()));
        return {};
    }
    return request->result().accessToken();
}

std::unique_ptr<TokenRequest> tst_OnBehalfOf::obo(ConfidentialClientApplication *app, const QString &assertion,
                                                  const QStringList &scopes)
{
    TokenRequest *request = app->acquireTokenOnBehalfOf(assertion, scopes);
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!finished.wait(15000))
        qWarning("request did not finish");
    return std::unique_ptr<TokenRequest>(request);
}

static int grantCount(const MsalQt::Emulator::Server &emulator, const QString &grantType)
{
    int count = 0;
    for (const auto &request : emulator.requests()) {
        if (request.path.endsWith("/oauth2/v2.0/token")
            && request.form.queryItemValue("grant_type", QUrl::FullyDecoded) == grantType)
            ++count;
    }
    return count;
}

static const QString jwtBearer = QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer");

void tst_OnBehalfOf::cacheIsolationBetweenUsers()
{
    const QString alice = userToken(TestSupport::alice(), "organizations");
    const QString carol = userToken(TestSupport::carol(), "consumers");
    QVERIFY(!alice.isEmpty());
    QVERIFY(!carol.isEmpty());
    ConfidentialClientApplication *app = middleTier();
    m_emulator.clearRequests();

    const auto forAlice = obo(app, alice);
    QVERIFY2(forAlice->isSuccess(), qPrintable(forAlice->error().errorString()));
    QCOMPARE(forAlice->result().account().username(), TestSupport::alice());
    QCOMPARE(grantCount(m_emulator, jwtBearer), 1);
    const auto requests = m_emulator.requests();
    const auto sent = *std::find_if(requests.cbegin(), requests.cend(), [](const auto &r) {
        return r.form.queryItemValue("grant_type", QUrl::FullyDecoded) == jwtBearer;
    });
    QCOMPARE(sent.form.queryItemValue("client_assertion_type", QUrl::FullyDecoded),
             QString("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
    QCOMPARE(sent.form.queryItemValue("requested_token_use"), QString("on_behalf_of"));
    QCOMPARE(sent.form.queryItemValue("assertion", QUrl::FullyDecoded), alice);

    // A different user's token never gets Alice's downstream token.
    const auto forCarol = obo(app, carol);
    QVERIFY2(forCarol->isSuccess(), qPrintable(forCarol->error().errorString()));
    QVERIFY(!forCarol->result().isFromCache());
    QCOMPARE(forCarol->result().account().username(), TestSupport::carol());
    QVERIFY(forCarol->result().accessToken() != forAlice->result().accessToken());
    QCOMPARE(grantCount(m_emulator, jwtBearer), 2);

    // The same user token again: the cached downstream token, no network call.
    const auto aliceAgain = obo(app, alice);
    QVERIFY(aliceAgain->isSuccess());
    QVERIFY(aliceAgain->result().isFromCache());
    QCOMPARE(aliceAgain->result().accessToken(), forAlice->result().accessToken());
    const auto carolAgain = obo(app, carol);
    QCOMPARE(carolAgain->result().accessToken(), forCarol->result().accessToken());
    QCOMPARE(grantCount(m_emulator, jwtBearer), 2);
}

void tst_OnBehalfOf::refreshTokenKeptForLongRunningWork()
{
    const QString alice = userToken(TestSupport::alice(), "organizations");
    QVERIFY(!alice.isEmpty());
    // Access tokens shorter than the five-minute margin are never served from the cache: the
    // second call must go to the network, and it redeems the refresh token, not the user token.
    m_emulator.setAccessTokenLifetime(120);
    ConfidentialClientApplication *app = middleTier();
    m_emulator.clearRequests();
    const auto first = obo(app, alice);
    QVERIFY2(first->isSuccess(), qPrintable(first->error().errorString()));
    QCOMPARE(grantCount(m_emulator, jwtBearer), 1);
    const auto second = obo(app, alice);
    QVERIFY2(second->isSuccess(), qPrintable(second->error().errorString()));
    QVERIFY(!second->result().isFromCache());
    QCOMPARE(grantCount(m_emulator, jwtBearer), 1);
    QCOMPARE(grantCount(m_emulator, "refresh_token"), 1);
    QCOMPARE(second->result().account().username(), TestSupport::alice());
}

void tst_OnBehalfOf::cacheEntriesCarryTheAssertionHash()
{
    const QString alice = userToken(TestSupport::alice(), "organizations");
    ConfidentialClientApplication *app = middleTier();
    QVERIFY(obo(app, alice)->isSuccess());
    // MSAL.NET's user_assertion_hash: base64url SHA-256 of the incoming token.
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(alice.toUtf8(), QCryptographicHash::Sha256)
                                                 .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QJsonObject cache = QJsonDocument::fromJson(TokenCachePrivate::get(app->tokenCache())->save()).object();
    for (const char *section : {"AccessToken", "RefreshToken"}) {
        const QJsonObject entries = cache.value(QLatin1String(section)).toObject();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.begin()->toObject().value("user_assertion_hash").toString(), hash);
    }
}

void tst_OnBehalfOf::rejectedUserTokens_data()
{
    QTest::addColumn<QString>("case_");
    QTest::addColumn<int>("aadsts");
    QTest::newRow("token for another audience (Graph)") << "graph" << 500131;
    QTest::newRow("forged signature") << "forged" << 50013;
    QTest::newRow("not a token") << "garbage" << 50013;
}

void tst_OnBehalfOf::rejectedUserTokens()
{
    QFETCH(QString, case_);
    QFETCH(int, aadsts);
    QString assertion;
    if (case_ == "graph") {
        assertion = userToken(TestSupport::alice(), "organizations", "User.Read");
    } else if (case_ == "forged") {
        assertion = userToken(TestSupport::alice(), "organizations");
        assertion.chop(4);
        assertion += "AAAA";
    } else {
        assertion = "not-a-token";
    }
    QVERIFY(!assertion.isEmpty());
    const auto request = obo(middleTier(), assertion);
    QVERIFY(!request->isSuccess());
    QCOMPARE(request->error().protocolError(), QString("invalid_grant"));
    QVERIFY2(request->error().errorCodes().contains(aadsts), qPrintable(request->error().errorString()));
}

void tst_OnBehalfOf::refusedBeforeTheNetwork_data()
{
    QTest::addColumn<QString>("assertion");
    QTest::addColumn<QStringList>("scopes");
    QTest::newRow("no user token") << QString() << QStringList{"User.Read"};
    QTest::newRow("blank user token") << QString("  ") << QStringList{"User.Read"};
    QTest::newRow("no scopes") << QString("a.b.c") << QStringList{};
}

void tst_OnBehalfOf::refusedBeforeTheNetwork()
{
    QFETCH(QString, assertion);
    QFETCH(QStringList, scopes);
    const auto request = obo(middleTier(), assertion, scopes);
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QVERIFY(!request->error().errorString().isEmpty());
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 0);
}

QTEST_GUILESS_MAIN(tst_OnBehalfOf)
#include "tst_onbehalfof.moc"
