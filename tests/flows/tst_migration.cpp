#include "testsupport.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/publicclientapplication.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace MsalQt;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

// Moving in (ClientApplication::acquireTokenByRefreshToken()): a refresh token obtained
// elsewhere is redeemed once, the answer fills the cache, and from then on the silent flow
// serves the account: from the cache without network, then by refreshing with the new token.
class tst_Migration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void migrateThenSilent();
    void confidentialClient();
    void invalidRefreshToken_data();
    void invalidRefreshToken();
    void refusedBeforeSending_data();
    void refusedBeforeSending();
    void answerWithoutIdToken();
    void forgedIdToken();
    void refreshTokenNeverLogged();

private:
    // A refresh token for alice from the emulator's token endpoint (the password grant), as
    // another library would have got it: no MsalQt application or cache involved.
    QString foreignRefreshToken(const QString &clientId, const QString &secret = {});
    std::unique_ptr<PublicClientApplication> newApp();
    static std::unique_ptr<TokenRequest> wait(TokenRequest *request);
    QList<Emulator::RecordedRequest> tokenRequests() const;

    MsalQt::Emulator::Server m_emulator;
    QDateTime m_now;
};

void tst_Migration::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_Migration::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.setAccessTokenLifetime(3599);
    m_now = QDateTime::currentDateTimeUtc();
}

QString tst_Migration::foreignRefreshToken(const QString &clientId, const QString &secret)
{
    const QString scope = QString::fromLatin1(QUrl::toPercentEncoding("User.Read offline_access openid profile"));
    const QString authority = m_emulator.authorityUrl("organizations").toString();
    QNetworkAccessManager manager;
    const auto finish = [](QNetworkReply *reply) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        return reply->isFinished() || finished.wait(10000);
    };
    QUrlQuery form;
    form.addQueryItem("client_id", clientId);
    if (secret.isEmpty()) {
        // A public client: the password grant.
        form.addQueryItem("grant_type", "password");
        form.addQueryItem("username", QString::fromLatin1(QUrl::toPercentEncoding(alice())));
        form.addQueryItem("password", QString::fromLatin1(QUrl::toPercentEncoding(password())));
    } else {
        // A web app: the authorization code grant, the emulator signing alice in at once.
        m_emulator.setAutoSignIn(alice());
        QUrl authorize(authority + "/oauth2/v2.0/authorize");
        QUrlQuery query;
        query.addQueryItem("client_id", clientId);
        query.addQueryItem("response_type", "code");
        query.addQueryItem("redirect_uri", "http%3A%2F%2Flocalhost");
        query.addQueryItem("scope", scope);
        query.addQueryItem("state", "s");
        authorize.setQuery(query);
        QNetworkRequest request(authorize);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        std::unique_ptr<QNetworkReply> reply(manager.get(request));
        const bool answered = finish(reply.get());
        m_emulator.setAutoSignIn({});
        if (!answered)
            return {};
        const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
        if (!QUrlQuery(location).hasQueryItem("code"))
            qWarning() << "no code:" << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute) << location;
        form.addQueryItem("grant_type", "authorization_code");
        form.addQueryItem("code", QString::fromLatin1(QUrl::toPercentEncoding(QUrlQuery(location).queryItemValue("code", QUrl::FullyDecoded))));
        form.addQueryItem("redirect_uri", "http%3A%2F%2Flocalhost");
        form.addQueryItem("client_secret", QString::fromLatin1(QUrl::toPercentEncoding(secret)));
    }
    form.addQueryItem("scope", scope);
    QNetworkRequest request(QUrl(authority + "/oauth2/v2.0/token"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    std::unique_ptr<QNetworkReply> reply(manager.post(request, form.query(QUrl::FullyEncoded).toLatin1()));
    if (!finish(reply.get()))
        return {};
    const QByteArray body = reply->readAll();
    const QString token = QJsonDocument::fromJson(body).object().value("refresh_token").toString();
    if (token.isEmpty())
        qWarning() << "the grant failed:" << body;
    m_emulator.clearRequests();
    return token;
}

std::unique_ptr<PublicClientApplication> tst_Migration::newApp()
{
    auto app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(),
                                                         Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app->setRetryDelay(std::chrono::milliseconds(10));
    app->setClock([this] { return m_now; });
    return app;
}

std::unique_ptr<TokenRequest> tst_Migration::wait(TokenRequest *request)
{
    std::unique_ptr<TokenRequest> owned(request);
    owned->setAutoDelete(false);
    if (!owned->isFinished()) {
        QSignalSpy finished(owned.get(), &TokenRequest::finished);
        finished.wait(20000);
    }
    return owned;
}

QList<Emulator::RecordedRequest> tst_Migration::tokenRequests() const
{
    QList<Emulator::RecordedRequest> result;
    for (const auto &request : m_emulator.requests()) {
        if (request.path.endsWith("/oauth2/v2.0/token"))
            result << request;
    }
    return result;
}

void tst_Migration::migrateThenSilent()
{
    const QString imported = foreignRefreshToken(m_emulator.publicClientId());
    QVERIFY(!imported.isEmpty());
    auto app = newApp();
    QVERIFY(app->accounts().isEmpty());
    QSignalSpy accountsChanged(app.get(), &ClientApplication::accountsChanged);

    const auto migration = wait(app->acquireTokenByRefreshToken(imported, {"User.Read"}));
    QVERIFY2(migration->isSuccess(), qPrintable(migration->error().errorString()));
    const AuthenticationResult migrated = migration->result();
    QVERIFY(!migrated.isFromCache());
    QVERIFY(!migrated.accessToken().isEmpty());
    QCOMPARE(migrated.account().username(), alice());
    QCOMPARE(migrated.idTokenClaims().value("preferred_username").toString(), alice());
    // The refresh token grant, with the token given, the scopes and the OpenID Connect ones.
    auto sent = tokenRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().form.queryItemValue("grant_type"), QString("refresh_token"));
    QCOMPARE(sent.first().form.queryItemValue("refresh_token", QUrl::FullyDecoded), imported);
    const QStringList scope = sent.first().form.queryItemValue("scope", QUrl::FullyDecoded).split(' ');
    for (const char *expected : {"User.Read", "openid", "profile", "offline_access"})
        QVERIFY2(scope.contains(expected), expected);
    QCOMPARE(sent.first().form.queryItemValue("client_info"), QString("1"));

    // accounts() lists the account the answer named.
    QCOMPARE(app->accounts().size(), 1);
    const Account account = app->accounts().first();
    QCOMPARE(account.username(), alice());
    QCOMPARE(account.homeAccountId(), migrated.account().homeAccountId());
    QVERIFY(accountsChanged.size() >= 1);

    // Silent: the cached access token, no network at all.
    m_emulator.clearRequests();
    for (int i = 0; i < 2; ++i) {
        const auto hit = wait(app->acquireTokenSilent({"User.Read"}, account));
        QVERIFY2(hit->isSuccess(), qPrintable(hit->error().errorString()));
        QVERIFY(hit->result().isFromCache());
        QCOMPARE(hit->result().accessToken(), migrated.accessToken());
        QCOMPARE(hit->result().account(), account);
    }
    QCOMPARE(m_emulator.requests().size(), 0);

    // Near expiry: refreshed with the refresh token the server answered, not the imported one.
    // Within five minutes of the access token's expiry (3599 s): refreshed, not served. (The ID
    // tokens the emulator issues by its own clock are still valid for an hour by this one.)
    m_now = m_now.addSecs(3400);
    const auto refreshed = wait(app->acquireTokenSilent({"User.Read"}, account));
    QVERIFY2(refreshed->isSuccess(), qPrintable(refreshed->error().errorString()));
    QVERIFY(!refreshed->result().isFromCache());
    QCOMPARE(refreshed->result().account().homeAccountId(), account.homeAccountId());
    sent = tokenRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().form.queryItemValue("grant_type"), QString("refresh_token"));
    const QString used = sent.first().form.queryItemValue("refresh_token", QUrl::FullyDecoded);
    QVERIFY(!used.isEmpty());
    QVERIFY(used != imported);
    QCOMPARE(app->accounts().size(), 1);
}

void tst_Migration::confidentialClient()
{
    const QString imported = foreignRefreshToken(m_emulator.confidentialClientId(), m_emulator.confidentialClientSecret());
    QVERIFY(!imported.isEmpty());
    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                      Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app.setClock([this] { return m_now; });
    const auto migration = wait(app.acquireTokenByRefreshToken(imported, {"User.Read"}));
    QVERIFY2(migration->isSuccess(), qPrintable(migration->error().errorString()));
    QCOMPARE(migration->result().account().username(), alice());
    const auto sent = tokenRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().form.queryItemValue("client_secret", QUrl::FullyDecoded), m_emulator.confidentialClientSecret());
    QCOMPARE(app.accounts().size(), 1);

    m_emulator.clearRequests();
    const auto hit = wait(app.acquireTokenSilent({"User.Read"}, app.accounts().first()));
    QVERIFY2(hit->isSuccess(), qPrintable(hit->error().errorString()));
    QVERIFY(hit->result().isFromCache());
    QCOMPARE(m_emulator.requests().size(), 0);

    m_now = m_now.addSecs(3400);
    const auto refreshed = wait(app.acquireTokenSilent({"User.Read"}, app.accounts().first()));
    QVERIFY2(refreshed->isSuccess(), qPrintable(refreshed->error().errorString()));
    QVERIFY(!refreshed->result().isFromCache());
}

void tst_Migration::invalidRefreshToken_data()
{
    QTest::addColumn<bool>("injected");
    QTest::newRow("unknown token") << false;
    QTest::newRow("invalid_grant AADSTS70008") << true;
}

void tst_Migration::invalidRefreshToken()
{
    QFETCH(bool, injected);
    QString token = QStringLiteral("0.AAAA-not-a-token-the-emulator-issued");
    if (injected) {
        token = foreignRefreshToken(m_emulator.publicClientId());
        Fault fault;
        fault.kind = Fault::ServiceError;
        fault.path = "/oauth2/v2.0/token";
        fault.error = "invalid_grant";
        fault.aadstsCode = 70008;
        fault.description = "The provided authorization code or refresh token has expired due to inactivity.";
        m_emulator.addFault(fault);
    }
    auto app = newApp();
    const auto migration = wait(app->acquireTokenByRefreshToken(token, {"User.Read"}));
    QVERIFY(migration->isFinished());
    QVERIFY(!migration->isSuccess());
    QCOMPARE(migration->error().type(), AuthError::UiRequired);
    QCOMPARE(migration->error().protocolError(), QString("invalid_grant"));
    if (injected)
        QVERIFY(migration->error().errorCodes().contains(70008));
    QVERIFY(app->accounts().isEmpty());
    QCOMPARE(tokenRequests().size(), 1); // never retried
}

void tst_Migration::refusedBeforeSending_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QStringList>("scopes");
    QTest::newRow("empty token") << QString() << QStringList{"User.Read"};
    QTest::newRow("blank token") << QString(" \n") << QStringList{"User.Read"};
    QTest::newRow("two lines") << QString("0.AAA\n0.BBB") << QStringList{"User.Read"};
    QTest::newRow("non-ASCII") << QString::fromUtf8("0.AAA\xc3\xa9") << QStringList{"User.Read"};
    QTest::newRow("no scopes") << QString("0.AAA") << QStringList{};
    QTest::newRow("only OpenID scopes") << QString("0.AAA") << QStringList{"openid", " "};
}

void tst_Migration::refusedBeforeSending()
{
    QFETCH(QString, token);
    QFETCH(QStringList, scopes);
    auto app = newApp();
    const auto migration = wait(app->acquireTokenByRefreshToken(token, scopes));
    QVERIFY(migration->isFinished());
    QCOMPARE(migration->error().type(), AuthError::InvalidConfiguration);
    QVERIFY(!migration->error().errorString().isEmpty());
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_Migration::answerWithoutIdToken()
{
    // A server that redeems the token but does not say whose it is: nothing is stored.
    Fault fault;
    fault.kind = Fault::Body;
    fault.path = "/oauth2/v2.0/token";
    fault.grantType = "refresh_token";
    fault.body = R"({"token_type":"Bearer","access_token":"at-of-nobody","expires_in":3600,)"
                 R"("scope":"User.Read","refresh_token":"rt-of-nobody"})";
    m_emulator.addFault(fault);
    auto app = newApp();
    const QString imported = foreignRefreshToken(m_emulator.publicClientId());
    QVERIFY(!imported.isEmpty());
    const auto migration = wait(app->acquireTokenByRefreshToken(imported, {"User.Read"}));
    QCOMPARE(migration->error().type(), AuthError::InvalidResponse);
    QVERIFY(app->accounts().isEmpty());
}

void tst_Migration::forgedIdToken()
{
    // The answer defines the account, so its ID token is checked as any: a forged one is refused.
    const QByteArray forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.";
    Fault fault;
    fault.kind = Fault::Body;
    fault.path = "/oauth2/v2.0/token";
    fault.grantType = "refresh_token";
    fault.body = R"({"token_type":"Bearer","access_token":"at","expires_in":3600,"scope":"User.Read",)"
                 R"("refresh_token":"rt","id_token":")" + forged + R"("})";
    m_emulator.addFault(fault);
    auto app = newApp();
    const QString imported = foreignRefreshToken(m_emulator.publicClientId());
    QVERIFY(!imported.isEmpty());
    const auto migration = wait(app->acquireTokenByRefreshToken(imported, {"User.Read"}));
    QCOMPARE(migration->error().type(), AuthError::InvalidToken);
    QVERIFY(app->accounts().isEmpty());
}

void tst_Migration::refreshTokenNeverLogged()
{
    const QString imported = foreignRefreshToken(m_emulator.publicClientId());
    QVERIFY(!imported.isEmpty());
    LogCapture logs;
    auto app = newApp();
    const auto migration = wait(app->acquireTokenByRefreshToken(imported, {"User.Read"}));
    QVERIFY(migration->isSuccess());
    const auto refused = wait(app->acquireTokenByRefreshToken(imported + "x", {"User.Read"}));
    QCOMPARE(refused->error().type(), AuthError::UiRequired);
    QVERIFY(!logs.lines().isEmpty());
    QVERIFY(!logs.contains(imported));
    QVERIFY(!logs.contains(imported.left(24)));
    QVERIFY(!refused->error().errorString().contains(imported.left(24)));
}

QTEST_GUILESS_MAIN(tst_Migration)
#include "tst_migration.moc"
