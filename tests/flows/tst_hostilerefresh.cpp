#include "testsupport.h"

#include <MsalQt/filecachestorage.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokencache.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

// A refresh answered by a hostile token endpoint (the emulator, told to send a body of the
// test's making): tokens of another account (OpenID Connect Core §12.2), numbers out of range.
// Each is refused with a typed error, and the cache, in memory and on disk, stays byte for byte
// as it was. The other accounts' ID tokens are real ones, signed by the emulator's published key,
// so only the identity checks stand between them and the cache.
class tst_HostileRefresh : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void anotherAccount_data();
    void anotherAccount();
    void anotherAccountGenericProvider();
    void numbersOutOfRange_data();
    void numbersOutOfRange();
    void cacheFileTimesOutOfRange_data();
    void cacheFileTimesOutOfRange();

private:
    struct SignedIn
    {
        Account account;
        QString idToken;
    };
    std::unique_ptr<PublicClientApplication> newApp(const Authority &authority, bool persisted);
    SignedIn signIn(PublicClientApplication *app, const QString &username);
    std::unique_ptr<TokenRequest> forceRefresh(const Account &account);
    void answerRefreshWith(const QJsonObject &body);
    QByteArray cacheFile() const;
    static QString clientInfo(const Account &account);

    MsalQt::Emulator::Server m_emulator;
    QHash<QString, SignedIn> m_others; // Bob and Dave (another tenant), signed in elsewhere
    QDateTime m_now;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FileCacheStorage> m_storage;
    std::unique_ptr<PublicClientApplication> m_app;
};

void tst_HostileRefresh::initTestCase()
{
    QVERIFY(m_emulator.listen());
    m_emulator.setDeviceCodeTiming(1, 60);
    m_now = QDateTime::currentDateTimeUtc();
    // The others sign in elsewhere; their real, signed answers are what the attacker replays.
    const Authority organizations = Authority::microsoft(m_emulator.authorityUrl("organizations"));
    for (const QString &user : {QString("bob@contoso.com"), QString("dave@woodgrove.com")}) {
        auto elsewhere = newApp(organizations, false);
        const SignedIn signedIn = signIn(elsewhere.get(), user);
        QVERIFY(!signedIn.account.isNull());
        m_others.insert(user, signedIn);
    }
}

void tst_HostileRefresh::init()
{
    m_emulator.clearFaults();
    m_emulator.setDeviceCodeTiming(1, 60);
    m_now = QDateTime::currentDateTimeUtc();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_HostileRefresh::cleanup()
{
    m_app.reset();
    m_storage.reset();
    m_dir.reset();
}

std::unique_ptr<PublicClientApplication> tst_HostileRefresh::newApp(const Authority &authority, bool persisted)
{
    auto app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(), authority);
    app->setRetryDelay(std::chrono::milliseconds(10));
    app->setClock([this] { return m_now; });
    if (persisted) {
        m_storage = std::make_unique<FileCacheStorage>(m_dir->filePath("cache.json"));
        app->setCacheStorage(m_storage.get());
    }
    return app;
}

tst_HostileRefresh::SignedIn tst_HostileRefresh::signIn(PublicClientApplication *app, const QString &username)
{
    std::unique_ptr<TokenRequest> request(app->acquireTokenWithDeviceCode({"User.Read"}));
    request->setAutoDelete(false);
    QSignalSpy received(request.get(), &TokenRequest::deviceCodeReceived);
    if (!received.wait(10000))
        return {};
    m_emulator.approveDeviceCode(received.first().first().value<DeviceCode>().userCode(), username);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    if (!request->isFinished() && !finished.wait(20000))
        return {};
    if (!request->isSuccess()) {
        qWarning() << "sign-in failed:" << request->error().errorString();
        return {};
    }
    // With a storage, the cache file was written before the request finished.
    return {request->result().account(), request->result().idToken()};
}

std::unique_ptr<TokenRequest> tst_HostileRefresh::forceRefresh(const Account &account)
{
    std::unique_ptr<TokenRequest> request(
        m_app->acquireTokenSilent({"User.Read"}, account, ClientApplication::ForceRefresh));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    if (!request->isFinished())
        finished.wait(20000);
    return request;
}

void tst_HostileRefresh::answerRefreshWith(const QJsonObject &body)
{
    Fault fault;
    fault.kind = Fault::Body;
    fault.path = "/oauth2/v2.0/token";
    fault.grantType = "refresh_token";
    fault.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    fault.times = -1; // a retry would get it too
    m_emulator.addFault(fault);
}

QByteArray tst_HostileRefresh::cacheFile() const
{
    QFile file(m_dir->filePath("cache.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// client_info as the platform sends it: base64url {"uid","utid"}, from a home account id.
QString tst_HostileRefresh::clientInfo(const Account &account)
{
    const QStringList parts = account.homeAccountId().split('.');
    const QJsonObject object{{"uid", parts.value(0)}, {"utid", parts.value(1)}};
    return QString::fromLatin1(QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void tst_HostileRefresh::anotherAccount_data()
{
    QTest::addColumn<QString>("idTokenOf");    // whose ID token the answer carries ("" = none)
    QTest::addColumn<QString>("clientInfoOf"); // whose client_info ("" = none)
    QTest::addColumn<bool>("forgetIdToken");   // the cache holds no ID token of Alice's
    QTest::addColumn<QString>("reason"); // the check that refuses it; empty: accepted

    const QString bob = "bob@contoso.com";
    const QString dave = "dave@woodgrove.com"; // another tenant, which /organizations serves too
    QTest::newRow("Alice's own answer (control)") << alice() << alice() << false << "";
    QTest::newRow("Alice's own answer, no cached ID token (control)") << alice() << alice() << true << "";
    QTest::newRow("Bob's ID token and client_info") << bob << bob << false << "home account id";
    QTest::newRow("Bob's ID token, Alice's client_info") << bob << alice() << false << "(sub)";
    QTest::newRow("Bob's ID token, Alice's client_info, no cached ID token") << bob << alice() << true << "(oid)";
    QTest::newRow("Alice's ID token, Bob's client_info") << alice() << bob << false << "home account id";
    QTest::newRow("Bob's ID token, no client_info") << bob << "" << false << "home account id";
    QTest::newRow("no ID token, Bob's client_info") << "" << bob << false << "home account id";
    QTest::newRow("other tenant's ID token, Alice's client_info") << dave << alice() << false << "(iss)";
    QTest::newRow("other tenant's ID token, Alice's client_info, no cached ID token") << dave << alice() << true << "(tid)";
    QTest::newRow("other tenant's ID token and client_info") << dave << dave << false << "home account id";
}

void tst_HostileRefresh::anotherAccount()
{
    QFETCH(QString, idTokenOf);
    QFETCH(QString, clientInfoOf);
    QFETCH(bool, forgetIdToken);
    QFETCH(QString, reason);

    const Authority organizations = Authority::microsoft(m_emulator.authorityUrl("organizations"));
    QHash<QString, SignedIn> others = m_others;
    QCOMPARE(others.size(), 2);
    m_app = newApp(organizations, true);
    const SignedIn signedIn = signIn(m_app.get(), alice());
    QVERIFY(!signedIn.account.isNull());
    others.insert(alice(), signedIn);
    const Account aliceAccount = signedIn.account;
    if (forgetIdToken) {
        QJsonObject cache = QJsonDocument::fromJson(m_app->tokenCache()->serialize()).object();
        cache.remove("IdToken");
        QVERIFY(m_app->tokenCache()->deserialize(QJsonDocument(cache).toJson()));
    }
    const QByteArray cacheBefore = m_app->tokenCache()->serialize();
    const QByteArray fileBefore = cacheFile();
    QVERIFY(!fileBefore.isEmpty());
    const QList<Account> accountsBefore = m_app->accounts();

    QJsonObject body{{"token_type", "Bearer"}, {"scope", "User.Read"}, {"expires_in", 3599},
                     {"ext_expires_in", 3599}, {"access_token", "replayed-access-token"},
                     {"refresh_token", "replayed-refresh-token"}};
    if (!idTokenOf.isEmpty())
        body.insert("id_token", others.value(idTokenOf).idToken);
    if (!clientInfoOf.isEmpty())
        body.insert("client_info", clientInfo(others.value(clientInfoOf).account));
    answerRefreshWith(body);

    QSignalSpy changed(m_app->tokenCache(), &TokenCache::changed);
    const auto request = forceRefresh(aliceAccount);
    QVERIFY(request->isFinished());
    if (reason.isEmpty()) {
        QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
        QCOMPARE(request->result().accessToken(), QString("replayed-access-token"));
        QCOMPARE(request->result().account(), aliceAccount);
        QVERIFY(m_app->tokenCache()->serialize() != cacheBefore);
        return;
    }
    QCOMPARE(request->error().type(), AuthError::IdentityMismatch);
    QVERIFY2(request->error().errorString().contains(reason), qPrintable(request->error().errorString()));
    QVERIFY(request->result().isNull());
    QVERIFY(request->result().accessToken().isEmpty());
    QVERIFY(!request->error().errorString().contains("replayed"));
    // Nothing reached the cache: not the tokens, not an account, not even a change.
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_app->tokenCache()->serialize(), cacheBefore);
    QCOMPARE(m_app->accounts(), accountsBefore);
    QCOMPARE(cacheFile(), fileBefore);

    // Alice's own token, still cached, still answers her.
    m_emulator.clearFaults();
    std::unique_ptr<TokenRequest> again(m_app->acquireTokenSilent({"User.Read"}, aliceAccount));
    again->setAutoDelete(false);
    QSignalSpy finished(again.get(), &TokenRequest::finished);
    QVERIFY(again->isFinished() || finished.wait(20000));
    QVERIFY2(again->isSuccess(), qPrintable(again->error().errorString()));
    QVERIFY(again->result().isFromCache());
    QCOMPARE(again->result().account(), aliceAccount);
}

void tst_HostileRefresh::anotherAccountGenericProvider()
{
    // The emulator as a generic OpenID provider: no client_info, so iss + sub (and the original
    // ID token) are all that name the account.
    const Authority generic = Authority::openIdConnect(
        QUrl(m_emulator.authorityUrl(m_emulator.defaultTenantId()).toString() + "/v2.0"));
    QVERIFY(generic.isValid());
    QVERIFY(!generic.isMicrosoft());
    auto elsewhere = newApp(generic, false);
    const SignedIn bob = signIn(elsewhere.get(), "bob@contoso.com");
    QVERIFY(!bob.account.isNull());
    m_app = newApp(generic, true);
    const SignedIn alice = signIn(m_app.get(), TestSupport::alice());
    QVERIFY(!alice.account.isNull());
    const QByteArray cacheBefore = m_app->tokenCache()->serialize();
    const QByteArray fileBefore = cacheFile();

    answerRefreshWith({{"token_type", "Bearer"}, {"expires_in", 3599}, {"access_token", "replayed-access-token"},
                       {"id_token", bob.idToken}});
    const auto request = forceRefresh(alice.account);
    QCOMPARE(request->error().type(), AuthError::IdentityMismatch);
    QCOMPARE(m_app->tokenCache()->serialize(), cacheBefore);
    QCOMPARE(cacheFile(), fileBefore);

    // Alice's own ID token passes (control).
    m_emulator.clearFaults();
    answerRefreshWith({{"token_type", "Bearer"}, {"expires_in", 3599}, {"access_token", "replayed-access-token"},
                       {"id_token", alice.idToken}});
    const auto own = forceRefresh(alice.account);
    QVERIFY2(own->isSuccess(), qPrintable(own->error().errorString()));
    QCOMPARE(own->result().account(), alice.account);
}

void tst_HostileRefresh::numbersOutOfRange_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");

    // A string of qint64's maximum passed the parser and was cached with expiry 0; the doubles
    // were undefined behaviour in the casts.
    QTest::newRow("expires_in \"9223372036854775807\"") << "expires_in" << QJsonValue("9223372036854775807");
    QTest::newRow("expires_in \"99999999999999999999\"") << "expires_in" << QJsonValue("99999999999999999999");
    QTest::newRow("expires_in 1e300") << "expires_in" << QJsonValue(1e300);
    QTest::newRow("expires_in 9.3e15") << "expires_in" << QJsonValue(9.3e15);
    QTest::newRow("expires_in 9223372036854775807") << "expires_in" << QJsonValue(qint64(9223372036854775807));
    QTest::newRow("expires_in -1e300") << "expires_in" << QJsonValue(-1e300);
    QTest::newRow("expires_in \"-1\"") << "expires_in" << QJsonValue("-1");
    QTest::newRow("expires_in \"1e3\"") << "expires_in" << QJsonValue("1e3");
    QTest::newRow("ext_expires_in 1e300") << "ext_expires_in" << QJsonValue(1e300);
    QTest::newRow("ext_expires_in \"9223372036854775807\"") << "ext_expires_in" << QJsonValue("9223372036854775807");
    QTest::newRow("refresh_in 1e300") << "refresh_in" << QJsonValue(1e300);
    QTest::newRow("refresh_in -1") << "refresh_in" << QJsonValue(-1);
}

void tst_HostileRefresh::numbersOutOfRange()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);

    m_app = newApp(Authority::microsoft(m_emulator.authorityUrl("organizations")), true);
    const SignedIn alice = signIn(m_app.get(), TestSupport::alice());
    QVERIFY(!alice.account.isNull());
    const QByteArray cacheBefore = m_app->tokenCache()->serialize();
    const QByteArray fileBefore = cacheFile();

    // Alice's own, valid answer but for the one number.
    QJsonObject body{{"token_type", "Bearer"}, {"expires_in", 3599}, {"access_token", "hostile-access-token"},
                     {"id_token", alice.idToken}, {"client_info", clientInfo(alice.account)}};
    body.insert(field, value);
    answerRefreshWith(body);
    const auto request = forceRefresh(alice.account);
    QCOMPARE(request->error().type(), AuthError::InvalidResponse);
    QVERIFY2(request->error().errorString().contains(field), qPrintable(request->error().errorString()));
    QCOMPARE(m_app->tokenCache()->serialize(), cacheBefore);
    QCOMPARE(cacheFile(), fileBefore);
}

void tst_HostileRefresh::cacheFileTimesOutOfRange_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // undefined: the entry as written (control)

    QTest::newRow("as written (control)") << "expires_on" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("expires_on 1e300") << "expires_on" << QJsonValue(1e300);
    QTest::newRow("expires_on -1e300") << "expires_on" << QJsonValue(-1e300);
    QTest::newRow("expires_on 9.3e15") << "expires_on" << QJsonValue(9.3e15);
    QTest::newRow("expires_on 1e19") << "expires_on" << QJsonValue(1e19);
    QTest::newRow("expires_on \"9223372036854775807\"") << "expires_on" << QJsonValue("9223372036854775807");
    QTest::newRow("expires_on \"99999999999999999999\"") << "expires_on" << QJsonValue("99999999999999999999");
    QTest::newRow("extended_expires_on 1e300") << "extended_expires_on" << QJsonValue(1e300);
    QTest::newRow("refresh_on 1e300") << "refresh_on" << QJsonValue(1e300);
    QTest::newRow("cached_at -1e300") << "cached_at" << QJsonValue(-1e300);
}

void tst_HostileRefresh::cacheFileTimesOutOfRange()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);

    Account account;
    {
        m_app = newApp(Authority::microsoft(m_emulator.authorityUrl("organizations")), true);
        account = signIn(m_app.get(), alice()).account;
        QVERIFY(!account.isNull());
        m_app.reset();
        m_storage.reset();
    }
    // The cache file as a hostile writer leaves it: the access token's time replaced, and no
    // refresh token, so that nothing but that entry could answer.
    QJsonObject cache = QJsonDocument::fromJson(cacheFile()).object();
    QJsonObject accessTokens = cache.value("AccessToken").toObject();
    QCOMPARE(accessTokens.size(), 1);
    QJsonObject entry = accessTokens.begin().value().toObject();
    if (!value.isUndefined())
        entry.insert(field, value);
    accessTokens.insert(accessTokens.begin().key(), entry);
    cache.insert("AccessToken", accessTokens);
    cache.remove("RefreshToken");
    {
        QFile file(m_dir->filePath("cache.json"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(cache).toJson());
    }
    const QByteArray fileBefore = cacheFile();

    m_app = newApp(Authority::microsoft(m_emulator.authorityUrl("organizations")), true);
    QSignalSpy loaded(m_app.get(), &ClientApplication::cacheLoaded);
    m_app->loadCache();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(m_app->accounts().size(), 1); // the account entry itself is sound
    std::unique_ptr<TokenRequest> request(m_app->acquireTokenSilent({"User.Read"}, m_app->accounts().first()));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(request->isFinished() || finished.wait(20000));
    if (value.isUndefined()) {
        QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
        QVERIFY(request->result().isFromCache());
    } else {
        // The entry is not used: without it only the person can go on.
        QCOMPARE(request->error().type(), AuthError::UiRequired);
        QCOMPARE(request->error().subError(), QString("no_tokens_found"));
    }
    QCOMPARE(cacheFile(), fileBefore);
}

QTEST_GUILESS_MAIN(tst_HostileRefresh)
#include "tst_hostilerefresh.moc"
