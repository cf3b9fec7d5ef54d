#include "testsupport.h"

#include <MsalQt/authenticatednetworkaccess.h>
#include <MsalQt/authenticatedreply.h>
#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/keychaincachestorage.h>
#include <MsalQt/publicclientapplication.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The README's C++ snippets, verbatim between the "README snippet" markers (check-snippets.cmake
// fails when the README and these differ), compiled here and run against the in-process emulator.
// What a snippet leaves to the application (useToken(), signIn(), ...) is recorded below.
// Runs inside tests/storage/with-keyring.sh: the cache snippet uses KeychainCacheStorage.

namespace {

struct Seen
{
    QStringList tokens;
    QStringList errors;
    QList<QList<MsalQt::Account>> accountLists;
    QStringList signIns; // the claims each interactive sign-in was asked with
    QList<QByteArray> profiles;
};
Seen seen;

void useToken(const QString &accessToken)
{
    seen.tokens << accessToken;
}

void showError(const QString &message)
{
    seen.errors << message;
}

void showAccounts(const QList<MsalQt::Account> &accounts)
{
    seen.accountLists << accounts;
}

void signIn(const QString &claims = {})
{
    seen.signIns << claims;
}

void showProfile(const QByteArray &json)
{
    seen.profiles << json;
}

} // namespace

class tst_ReadmeSnippets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void usingTheLibrary();
    void tokenCacheSignedIn();
    void tokenCacheEmpty();
    void appTokenFromCache();
    void callingAnApi();

private:
    // The snippet of "Calling an API": GET Graph's /v1.0/me for `account`.
    void runCallingAnApiSnippet(MsalQt::PublicClientApplication *app, const MsalQt::Account &account, const QUrl &graphUrl);

    // The snippet of "The token cache", for an application whose storage is at `path`.
    void runTokenCacheSnippet(MsalQt::PublicClientApplication *app, const QString &path);
    // The snippet of "Flows" for a daemon's app token.
    void runAppTokenSnippet(MsalQt::ConfidentialClientApplication *daemon);

    MsalQt::Emulator::Server m_emulator;
    QTemporaryDir m_dir;
    QString clientId;
    QUrl authorityUrl;
};

void tst_ReadmeSnippets::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY(m_dir.isValid());
    QVERIFY2(qEnvironmentVariableIsSet("MSALQT_TEST_KEYRING"), "run through tests/storage/with-keyring.sh");
    clientId = m_emulator.publicClientId();
    authorityUrl = m_emulator.authorityUrl("organizations");
    m_emulator.setDeviceCodeTiming(1, 60);
}

void tst_ReadmeSnippets::init()
{
    seen = Seen();
    m_emulator.clearRequests();
}

void tst_ReadmeSnippets::usingTheLibrary()
{
    // The snippet's #include is already done at the top of this file (#pragma once makes the
    // second one empty).
    // README snippet: Using the library
#include <MsalQt/publicclientapplication.h>

auto *app = new MsalQt::PublicClientApplication(clientId, MsalQt::Authority::microsoft(authorityUrl), this);
MsalQt::TokenRequest *request = app->acquireTokenWithDeviceCode({QStringLiteral("User.Read")});
connect(request, &MsalQt::TokenRequest::deviceCodeReceived, this, [](const MsalQt::DeviceCode &code) {
    qInfo().noquote() << code.message();          // where to go, which code to enter
});
connect(request, &MsalQt::TokenRequest::finished, this, [request] {
    if (request->isSuccess())
        useToken(request->result().accessToken());
    else
        showError(request->error().errorString()); // typed: request->error().type()
});                                                // the request deletes itself afterwards
    // README snippet end

    // The person: enters the code on the emulator's page.
    connect(request, &MsalQt::TokenRequest::deviceCodeReceived, this, [this](const MsalQt::DeviceCode &code) {
        QVERIFY(m_emulator.approveDeviceCode(code.userCode(), TestSupport::alice()));
    });
    QSignalSpy destroyed(request, &QObject::destroyed);
    QTRY_COMPARE_WITH_TIMEOUT(seen.tokens.size() + seen.errors.size(), 1, 20000);
    QVERIFY2(seen.errors.isEmpty(), qPrintable(seen.errors.value(0)));
    QVERIFY(!seen.tokens.first().isEmpty());
    QCOMPARE(app->accounts().value(0).username(), TestSupport::alice());
    QVERIFY(destroyed.count() == 1 || destroyed.wait(5000)); // as the comment says
    delete app;
}

void tst_ReadmeSnippets::runTokenCacheSnippet(MsalQt::PublicClientApplication *app, const QString &path)
{
    const QStringList scopes{QStringLiteral("User.Read")};
    // README snippet: The token cache
app->setCacheStorage(new MsalQt::KeychainCacheStorage(path, app)); // encrypted, key in the keychain
connect(app, &MsalQt::ClientApplication::accountsChanged, this, [app] {
    showAccounts(app->accounts());             // loaded, signed in or out, here or elsewhere
});
connect(app, &MsalQt::ClientApplication::cacheLoaded, this, [this, app, scopes] {
    if (app->accounts().isEmpty()) {
        signIn();                              // nobody signed in yet: interactively
        return;
    }
    MsalQt::TokenRequest *request = app->acquireTokenSilent(scopes, app->accounts().first());
    connect(request, &MsalQt::TokenRequest::finished, this, [request] {
        if (request->isSuccess())
            useToken(request->result().accessToken());
        else if (request->error().type() == MsalQt::AuthError::UiRequired)
            signIn(request->error().claims()); // expired session, MFA, consent
    });
});
app->loadCache();                              // or let the first request load it
    // README snippet end
}

void tst_ReadmeSnippets::tokenCacheSignedIn()
{
    const QString path = m_dir.filePath("signed-in.cache");
    QString signedInToken;
    {
        // An earlier run of the application signed alice in.
        MsalQt::KeychainCacheStorage storage(path);
        MsalQt::PublicClientApplication earlier(clientId, MsalQt::Authority::microsoft(authorityUrl));
        earlier.setCacheStorage(&storage);
        std::unique_ptr<MsalQt::TokenRequest> request(
            earlier.acquireTokenByUsernamePassword({"User.Read"}, TestSupport::alice(), TestSupport::password()));
        request->setAutoDelete(false);
        QSignalSpy finished(request.get(), &MsalQt::TokenRequest::finished);
        QVERIFY(finished.wait(20000));
        QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
        signedInToken = request->result().accessToken();
    }
    m_emulator.clearRequests();

    auto app = std::make_unique<MsalQt::PublicClientApplication>(clientId, MsalQt::Authority::microsoft(authorityUrl));
    runTokenCacheSnippet(app.get(), path);
    QTRY_COMPARE_WITH_TIMEOUT(seen.tokens.size(), 1, 20000);
    QCOMPARE(seen.tokens.first(), signedInToken); // from the cache
    QCOMPARE(seen.accountLists.size(), 1);
    QCOMPARE(seen.accountLists.first().size(), 1);
    QCOMPARE(seen.accountLists.first().first().username(), TestSupport::alice());
    QVERIFY(seen.signIns.isEmpty());
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_ReadmeSnippets::tokenCacheEmpty()
{
    auto app = std::make_unique<MsalQt::PublicClientApplication>(clientId, MsalQt::Authority::microsoft(authorityUrl));
    QSignalSpy loaded(app.get(), &MsalQt::ClientApplication::cacheLoaded);
    runTokenCacheSnippet(app.get(), m_dir.filePath("empty.cache"));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(seen.signIns, QStringList{QString()}); // interactively, no claims
    QVERIFY(seen.accountLists.isEmpty());            // nothing changed: no account either way
    QVERIFY(seen.tokens.isEmpty());
}

void tst_ReadmeSnippets::runAppTokenSnippet(MsalQt::ConfidentialClientApplication *daemon)
{
    // README snippet: App tokens
const QStringList scopes{QStringLiteral("https://graph.microsoft.com/.default")};
const MsalQt::AuthenticationResult cached = daemon->cachedTokenForClient(scopes);
if (!cached.isNull()) {
    useToken(cached.accessToken());            // at once: no event-loop turn, no network
} else {
    MsalQt::TokenRequest *request = daemon->acquireTokenForClient(scopes);
    connect(request, &MsalQt::TokenRequest::finished, this, [request] {
        if (request->isSuccess())
            useToken(request->result().accessToken());
        else
            showError(request->error().errorString());
    });
}
    // README snippet end
}

void tst_ReadmeSnippets::appTokenFromCache()
{
    MsalQt::ConfidentialClientApplication daemon(
        m_emulator.confidentialClientId(), MsalQt::ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
        MsalQt::Authority::microsoft(m_emulator.authorityUrl()));
    // First: nothing cached, so a request.
    runAppTokenSnippet(&daemon);
    QVERIFY(seen.tokens.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(seen.tokens.size() + seen.errors.size(), 1, 20000);
    QVERIFY2(seen.errors.isEmpty(), qPrintable(seen.errors.value(0)));
    const int tokenCalls = m_emulator.requestCount("/oauth2/v2.0/token");
    QCOMPARE(tokenCalls, 1);
    // Then: the same token, before the call returns, with no request.
    m_emulator.clearRequests();
    runAppTokenSnippet(&daemon);
    QCOMPARE(seen.tokens.size(), 2);
    QCOMPARE(seen.tokens.at(1), seen.tokens.at(0));
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_ReadmeSnippets::runCallingAnApiSnippet(MsalQt::PublicClientApplication *app, const MsalQt::Account &account,
                                                const QUrl &graphUrl)
{
    // README snippet: Calling an API
app->setClientCapabilities({QStringLiteral("cp1")});  // answers claims challenges (CAE)
auto *graph = new MsalQt::AuthenticatedNetworkAccess(app, this);
graph->setAccount(account);
graph->setScopes({QStringLiteral("User.Read")});
graph->setAllowedUrls({graphUrl});                   // by default: where the scopes point, Graph
MsalQt::AuthenticatedReply *reply = graph->get(QNetworkRequest(graphUrl.resolved(QUrl(QStringLiteral("v1.0/me")))));
connect(reply, &QNetworkReply::finished, this, [reply] {
    reply->deleteLater();
    if (reply->authError().type() == MsalQt::AuthError::UiRequired)
        signIn(reply->authError().claims());          // the person must sign in, asked for these
    else if (reply->error() == QNetworkReply::NoError)
        showProfile(reply->readAll());
    else
        showError(reply->errorString());
});
    // README snippet end
    QSignalSpy destroyed(reply, &QObject::destroyed);
    QVERIFY(destroyed.wait(20000));
    delete graph;
}

void tst_ReadmeSnippets::callingAnApi()
{
    MsalQt::PublicClientApplication app(clientId, MsalQt::Authority::microsoft(authorityUrl));
    app.setClientCapabilities({QStringLiteral("cp1")}); // the token the sign-in caches: CAE-capable
    std::unique_ptr<MsalQt::TokenRequest> signedIn(app.acquireTokenByUsernamePassword(
        {QStringLiteral("User.Read")}, TestSupport::alice(), TestSupport::password()));
    signedIn->setAutoDelete(false);
    QSignalSpy finished(signedIn.get(), &MsalQt::TokenRequest::finished);
    QVERIFY(finished.wait(20000));
    QVERIFY2(signedIn->isSuccess(), qPrintable(signedIn->error().errorString()));
    const QUrl graphUrl(m_emulator.baseUrl().toString() + QLatin1Char('/'));

    runCallingAnApiSnippet(&app, signedIn->result().account(), graphUrl);
    QCOMPARE(seen.profiles.size(), 1);
    QVERIFY2(seen.profiles.first().contains(TestSupport::alice().toUtf8()), seen.profiles.first().constData());

    // The session ends (Continuous Access Evaluation): Graph challenges, the refresh token went
    // with the session, so the person is asked, with the challenge's claims.
    m_emulator.revokeSession(TestSupport::alice());
    runCallingAnApiSnippet(&app, signedIn->result().account(), graphUrl);
    QCOMPARE(seen.profiles.size(), 1);
    QVERIFY2(seen.errors.isEmpty(), qPrintable(seen.errors.value(0)));
    QCOMPARE(seen.signIns.size(), 1);
    QVERIFY2(seen.signIns.first().contains(QLatin1String("\"nbf\"")), qPrintable(seen.signIns.first()));
}

QTEST_GUILESS_MAIN(tst_ReadmeSnippets)
#include "tst_readmesnippets.moc"
