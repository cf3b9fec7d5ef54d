#include "testsupport.h"

#include <MsalQt/cachestorage.h>
#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/systembrowseragent.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

// Deleting a request or its application in every state of every flow (issue 14): the request
// ends once as Cancelled, its agent closes, nothing of it stays on the wire or on a timer.

namespace {

const QStringList graphScopes{"https://graph.microsoft.com/User.Read"};
const QStringList appScopes{"https://graph.microsoft.com/.default"};

// A browser that never answers, or follows the authorization URL to the emulator (auto sign-in)
// and reports the redirect.
class TestAgent : public AuthorizationAgent
{
public:
    bool answer = false;
    int closeCalls = 0;

    void authorize(const QUrl &authorizationUrl, const QUrl &) override
    {
        if (!answer)
            return;
        QNetworkRequest request(authorizationUrl);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_manager.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            Q_EMIT redirected(reply->header(QNetworkRequest::LocationHeader).toUrl());
        });
    }
    void close() override { ++closeCalls; }

private:
    QNetworkAccessManager m_manager;
};

// A storage whose jobs end only when the test says so (or never): a request stays in
// LoadingCache, a save stays under way.
class StalledStorage : public CacheStorage
{
public:
    bool stallLoad = true;
    QPointer<CacheStorageJob> pendingLoad;
    QPointer<CacheStorageJob> pendingSave;
    Merge pendingMerge;

    CacheStorageJob *load() override
    {
        return createJob(CacheStorageJob::Load, [this](CacheStorageJob *job) {
            if (stallLoad)
                pendingLoad = job;
            else
                finishJob(job, {});
        });
    }
    CacheStorageJob *save(const Merge &merge) override
    {
        return createJob(CacheStorageJob::Save, [this, merge](CacheStorageJob *job) {
            pendingSave = job;
            pendingMerge = merge;
        });
    }
    CacheStorageJob *clear() override
    {
        return createJob(CacheStorageJob::Clear, [](CacheStorageJob *job) { finishJob(job, {}); });
    }
    void finishSave()
    {
        const QByteArray merged = pendingMerge(QByteArray());
        finishJob(pendingSave, merged);
    }
};

} // namespace

class tst_Lifetimes : public QObject
{
    Q_OBJECT
public:
    enum Flow { Interactive, SystemBrowser, DeviceCode, SilentRefresh, SilentFirst, ClientCredentials,
                UsernamePassword, OnBehalfOf };
    Q_ENUM(Flow)
    enum Victim { Request, Application };
    Q_ENUM(Victim)

private Q_SLOTS:
    void initTestCase();
    void init();
    void deleteMidFlow_data();
    void deleteMidFlow();
    void agentDeletedMidSignIn();
    void agentDeletedBeforeStart();
    void finishedCarriesTheRequest();
    void statesOfAFlow_data();
    void statesOfAFlow();
    void storageDeletedWhileLoading();
    void storageDeletedWhileSaving();
    void applicationDeletedBeforeItsStorage();

private:
    ClientApplication *newApp(Flow flow);
    TokenRequest *start(ClientApplication *app, Flow flow);
    void delayNext(const QString &path, const QString &grantType = {});
    bool signInFirst(PublicClientApplication *app);

    MsalQt::Emulator::Server m_emulator;
    QNetworkAccessManager m_network;
    TestAgent *m_agent = nullptr;
    SystemBrowserAgent *m_browser = nullptr;
};

void tst_Lifetimes::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_Lifetimes::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.clearSessions();
    m_emulator.setAutoSignIn(alice());
    m_emulator.setDeviceCodeTiming(1, 900);
}

ClientApplication *tst_Lifetimes::newApp(Flow flow)
{
    const Authority authority = Authority::microsoft(m_emulator.authorityUrl("organizations"));
    ClientApplication *app = nullptr;
    if (flow == ClientCredentials || flow == OnBehalfOf) {
        app = new ConfidentialClientApplication(m_emulator.confidentialClientId(),
                                                ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                                Authority::microsoft(m_emulator.authorityUrl()));
    } else {
        app = new PublicClientApplication(m_emulator.publicClientId(), authority);
    }
    // The test's manager: what is left on it after a deletion can be looked at.
    app->setNetworkAccessManager(&m_network);
    app->setRetryDelay(std::chrono::milliseconds(200));
    return app;
}

bool tst_Lifetimes::signInFirst(PublicClientApplication *app)
{
    std::unique_ptr<TokenRequest> request(app->acquireTokenByUsernamePassword(graphScopes, alice(), password()));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    return finished.wait(15000) && request->isSuccess();
}

TokenRequest *tst_Lifetimes::start(ClientApplication *app, Flow flow)
{
    auto *client = qobject_cast<PublicClientApplication *>(app);
    auto *confidential = qobject_cast<ConfidentialClientApplication *>(app);
    InteractiveParameters parameters;
    parameters.setScopes(graphScopes);
    switch (flow) {
    case Interactive:
        parameters.setAgent(m_agent);
        return client->acquireTokenInteractive(parameters);
    case SystemBrowser:
        parameters.setAgent(m_browser);
        return client->acquireTokenInteractive(parameters);
    case DeviceCode:
        return client->acquireTokenWithDeviceCode(graphScopes);
    case SilentRefresh:
        return client->acquireTokenSilent(graphScopes, client->accounts().value(0), ClientApplication::ForceRefresh);
    case SilentFirst:
        // The account's refresh token is revoked: the silent attempt fails, the page follows.
        parameters.setAgent(m_agent);
        parameters.setAccount(client->accounts().value(0));
        return client->acquireToken(parameters);
    case ClientCredentials:
        return confidential->acquireTokenForClient(appScopes);
    case UsernamePassword:
        return client->acquireTokenByUsernamePassword(graphScopes, alice(), password());
    case OnBehalfOf:
        return confidential->acquireTokenOnBehalfOf(QStringLiteral("not-checked-before-the-delay"), appScopes);
    }
    return nullptr;
}

void tst_Lifetimes::delayNext(const QString &path, const QString &grantType)
{
    Fault fault;
    fault.kind = Fault::Delay;
    fault.path = path;
    fault.grantType = grantType;
    fault.delayMs = 30000;
    fault.times = 1;
    m_emulator.addFault(fault);
}

void tst_Lifetimes::deleteMidFlow_data()
{
    QTest::addColumn<Flow>("flow");
    QTest::addColumn<TokenRequest::State>("state");
    QTest::addColumn<Victim>("victim");

    const QList<Flow> all{Interactive, SystemBrowser, DeviceCode, SilentRefresh, SilentFirst,
                          ClientCredentials, UsernamePassword, OnBehalfOf};
    for (Victim victim : {Request, Application}) {
        const char *who = victim == Request ? "request" : "application";
        const auto row = [&](Flow flow, TokenRequest::State state) {
            QTest::addRow("%s %s, %s deleted", QMetaEnum::fromType<Flow>().valueToKey(flow),
                          QMetaEnum::fromType<TokenRequest::State>().valueToKey(state), who)
                << flow << state << victim;
        };
        for (Flow flow : all) {
            row(flow, TokenRequest::NotStarted);
            row(flow, TokenRequest::LoadingCache);
            // A silent request of a signed-in application knows its authority already.
            if (flow != SilentRefresh && flow != SilentFirst)
                row(flow, TokenRequest::ResolvingAuthority);
        }
        row(Interactive, TokenRequest::WaitingForUser);
        row(SystemBrowser, TokenRequest::WaitingForUser);
        row(DeviceCode, TokenRequest::WaitingForUser);
        row(SilentFirst, TokenRequest::WaitingForUser);
        row(Interactive, TokenRequest::RequestingToken); // redeeming the code
        row(SilentRefresh, TokenRequest::RequestingToken);
        row(SilentFirst, TokenRequest::RequestingToken); // its silent attempt's refresh
        row(ClientCredentials, TokenRequest::RequestingToken);
        row(UsernamePassword, TokenRequest::RequestingToken);
        row(OnBehalfOf, TokenRequest::RequestingToken);
    }
}

void tst_Lifetimes::deleteMidFlow()
{
    QFETCH(Flow, flow);
    QFETCH(TokenRequest::State, state);
    QFETCH(Victim, victim);

    TestAgent agent;
    SystemBrowserAgent browser;
    QList<QUrl> opened;
    browser.setUrlOpener([&opened](const QUrl &url) {
        opened << url; // the person never comes
        return true;
    });
    m_agent = &agent;
    m_browser = &browser;
    agent.answer = state == TokenRequest::RequestingToken;

    QPointer<ClientApplication> app(newApp(flow));
    auto cleanup = qScopeGuard([&app] { delete app; });
    if (flow == SilentRefresh || flow == SilentFirst) {
        QVERIFY(signInFirst(qobject_cast<PublicClientApplication *>(app)));
        if (flow == SilentFirst && state == TokenRequest::WaitingForUser)
            m_emulator.revokeRefreshTokens(alice());
    }
    StalledStorage storage;
    if (state == TokenRequest::LoadingCache)
        app->setCacheStorage(&storage);
    if (state == TokenRequest::ResolvingAuthority)
        delayNext("/v2.0/.well-known/openid-configuration");
    if (state == TokenRequest::RequestingToken)
        delayNext("/oauth2/v2.0/token");
    m_emulator.clearRequests();

    QPointer<TokenRequest> request(start(app, flow));
    QVERIFY(request);
    int finishedCount = 0;
    AuthError::Type errorType = AuthError::NoError;
    TokenRequest::State stateAtFinish = TokenRequest::NotStarted;
    connect(request, &TokenRequest::finished, this, [&](TokenRequest *finished) {
        ++finishedCount;
        errorType = finished->error().type();
        stateAtFinish = finished->state();
    });

    // Wait for the state (for the page: until the agent has it; for a token request: until it
    // is at the emulator).
    if (state != TokenRequest::NotStarted)
        QTRY_COMPARE_WITH_TIMEOUT(request ? request->state() : TokenRequest::Finished, state, 15000);
    if (state == TokenRequest::RequestingToken)
        QTRY_COMPARE_WITH_TIMEOUT(m_emulator.requestCount("/oauth2/v2.0/token"), 1, 15000);
    if (state == TokenRequest::ResolvingAuthority)
        QTRY_COMPARE_WITH_TIMEOUT(m_emulator.requestCount("/v2.0/.well-known/openid-configuration"), 1, 15000);
    if (flow == SystemBrowser && state == TokenRequest::WaitingForUser)
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 15000);
    const quint16 listenerPort = browser.port();
    if (flow == SystemBrowser && state == TokenRequest::WaitingForUser)
        QVERIFY(listenerPort != 0);
    QCOMPARE(finishedCount, 0);

    if (victim == Request)
        delete request;
    else
        delete app;

    // Ended once, as Cancelled, in the destructor; gone (an application deletes its requests).
    QCOMPARE(finishedCount, 1);
    QCOMPARE(AuthError::typeName(errorType), AuthError::typeName(AuthError::Cancelled));
    QCOMPARE(stateAtFinish, TokenRequest::Finished);
    QVERIFY(!request);
    QCOMPARE(bool(app), victim == Request);

    // The agent was told to close, the loopback listener is gone.
    if (state == TokenRequest::WaitingForUser && (flow == Interactive || flow == SilentFirst))
        QCOMPARE(agent.closeCalls, 1);
    if (flow == SystemBrowser && state == TokenRequest::WaitingForUser) {
        QCOMPARE(browser.port(), quint16(0));
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, listenerPort);
        QVERIFY(!probe.waitForConnected(2000));
    }

    // Nothing left on the wire, nothing on a timer: no reply runs, and no request reaches the
    // server later (device code polls every second; a retry would come after 200 ms).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const qsizetype requestsAtDeletion = m_emulator.requests().size();
    QTest::qWait(1500);
    for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>())
        QVERIFY2(!reply->isRunning(), qPrintable(reply->url().toString()));
    QCOMPARE(m_emulator.requests().size(), requestsAtDeletion);
    QCOMPARE(finishedCount, 1);
}

// The sign-in window deleted while the person is at the page (a SignInDialog deleted with its
// parent window): the request fails at once, not at its timeout.
void tst_Lifetimes::agentDeletedMidSignIn()
{
    std::unique_ptr<ClientApplication> app(newApp(Interactive));
    auto *agent = new TestAgent;
    InteractiveParameters parameters;
    parameters.setScopes(graphScopes);
    parameters.setAgent(agent);
    parameters.setTimeout(std::chrono::minutes(10));
    std::unique_ptr<TokenRequest> request(qobject_cast<PublicClientApplication *>(app.get())->acquireTokenInteractive(parameters));
    request->setAutoDelete(false);
    QTRY_COMPARE_WITH_TIMEOUT(request->state(), TokenRequest::WaitingForUser, 15000);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    delete agent;
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Cancelled));
    QVERIFY(!request->error().errorString().isEmpty());
}

// The app's sign-in window deleted before the request starts: the request ends as Cancelled;
// it does not open the system browser instead.
void tst_Lifetimes::agentDeletedBeforeStart()
{
    std::unique_ptr<ClientApplication> app(newApp(Interactive));
    auto *agent = new TestAgent;
    InteractiveParameters parameters;
    parameters.setScopes(graphScopes);
    parameters.setAgent(agent);
    std::unique_ptr<TokenRequest> request(qobject_cast<PublicClientApplication *>(app.get())->acquireTokenInteractive(parameters));
    request->setAutoDelete(false);
    delete agent;
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QSignalSpy states(request.get(), &TokenRequest::stateChanged);
    QVERIFY(finished.wait(15000));
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Cancelled));
    for (const QList<QVariant> &arguments : std::as_const(states))
        QVERIFY(arguments.at(0).value<TokenRequest::State>() != TokenRequest::WaitingForUser);
}

// finished() names its request (KJob's finished(KJob *)), so one slot can serve many requests.
void tst_Lifetimes::finishedCarriesTheRequest()
{
    std::unique_ptr<ClientApplication> app(newApp(ClientCredentials));
    auto *confidential = qobject_cast<ConfidentialClientApplication *>(app.get());
    QList<TokenRequest *> started{confidential->acquireTokenForClient(appScopes),
                                  confidential->acquireTokenForClient({"api://other/.default"})};
    QList<TokenRequest *> finishedOnes;
    for (TokenRequest *request : started) {
        connect(request, &TokenRequest::finished, this, [&finishedOnes](TokenRequest *request) {
            finishedOnes << request;
            QVERIFY(request->isFinished());
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finishedOnes.size(), 2, 15000);
    QCOMPARE(QSet<TokenRequest *>(finishedOnes.cbegin(), finishedOnes.cend()),
             QSet<TokenRequest *>(started.cbegin(), started.cend()));
}

void tst_Lifetimes::statesOfAFlow_data()
{
    QTest::addColumn<Flow>("flow");
    QTest::addColumn<QList<TokenRequest::State>>("expected");
    using S = TokenRequest;
    QTest::newRow("client credentials")
        << ClientCredentials
        << QList<TokenRequest::State>{S::LoadingCache, S::ResolvingAuthority, S::RequestingToken, S::Finished};
    QTest::newRow("interactive")
        << Interactive
        << QList<TokenRequest::State>{S::LoadingCache, S::ResolvingAuthority, S::WaitingForUser, S::RequestingToken,
                                      S::Finished};
    // Polling happens while the person types the code: no RequestingToken in between.
    QTest::newRow("device code")
        << DeviceCode << QList<TokenRequest::State>{S::LoadingCache, S::ResolvingAuthority, S::WaitingForUser, S::Finished};
}

void tst_Lifetimes::statesOfAFlow()
{
    QFETCH(Flow, flow);
    QFETCH(QList<TokenRequest::State>, expected);
    TestAgent agent;
    agent.answer = true;
    m_agent = &agent;
    std::unique_ptr<ClientApplication> app(newApp(flow));
    std::unique_ptr<TokenRequest> request(start(app.get(), flow));
    request->setAutoDelete(false);
    QCOMPARE(request->state(), TokenRequest::NotStarted);
    QSignalSpy states(request.get(), &TokenRequest::stateChanged);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    if (flow == DeviceCode) {
        connect(request.get(), &TokenRequest::deviceCodeReceived, this, [this](const MsalQt::DeviceCode &code) {
            QVERIFY(m_emulator.approveDeviceCode(code.userCode(), alice()));
        });
    }
    QVERIFY(finished.wait(20000));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QList<TokenRequest::State> seen;
    for (const QList<QVariant> &arguments : std::as_const(states))
        seen << arguments.at(0).value<TokenRequest::State>();
    QCOMPARE(seen, expected);
    QCOMPARE(request->state(), TokenRequest::Finished);
}

// Either may be deleted first (ClientApplication::setCacheStorage()): a storage deleted while a
// request waits for its load lets the request go on in memory, with StorageError beside it.
void tst_Lifetimes::storageDeletedWhileLoading()
{
    std::unique_ptr<ClientApplication> app(newApp(ClientCredentials));
    auto *storage = new StalledStorage;
    app->setCacheStorage(storage);
    QSignalSpy cacheErrors(app.get(), &ClientApplication::cacheError);
    std::unique_ptr<TokenRequest> request(qobject_cast<ConfidentialClientApplication *>(app.get())->acquireTokenForClient(appScopes));
    request->setAutoDelete(false);
    QTRY_VERIFY_WITH_TIMEOUT(storage->pendingLoad, 5000);
    QCOMPARE(request->state(), TokenRequest::LoadingCache);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    delete storage;
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(AuthError::typeName(request->cacheError().type()), AuthError::typeName(AuthError::StorageError));
    QVERIFY(!app->cacheStorage());

    // The cache goes on in memory only.
    std::unique_ptr<TokenRequest> next(qobject_cast<ConfidentialClientApplication *>(app.get())->acquireTokenForClient(appScopes));
    next->setAutoDelete(false);
    QSignalSpy nextFinished(next.get(), &TokenRequest::finished);
    QVERIFY(nextFinished.wait(15000));
    QVERIFY2(next->isSuccess(), qPrintable(next->error().errorString()));
    Q_UNUSED(cacheErrors)
}

// A storage deleted while it saves: the request that waits for the save still gets its token
// (it is in memory), and cacheError() says the save did not happen.
void tst_Lifetimes::storageDeletedWhileSaving()
{
    std::unique_ptr<ClientApplication> app(newApp(ClientCredentials));
    auto *storage = new StalledStorage;
    storage->stallLoad = false;
    app->setCacheStorage(storage);
    QSignalSpy cacheErrors(app.get(), &ClientApplication::cacheError);
    std::unique_ptr<TokenRequest> request(qobject_cast<ConfidentialClientApplication *>(app.get())->acquireTokenForClient(appScopes));
    request->setAutoDelete(false);
    QTRY_VERIFY_WITH_TIMEOUT(storage->pendingSave, 15000);
    QVERIFY(!request->isFinished());
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    delete storage;
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(cacheErrors.size(), 1);
    QCOMPARE(AuthError::typeName(cacheErrors.at(0).at(0).value<AuthError>().type()),
             AuthError::typeName(AuthError::StorageError));
    QCOMPARE(request->cacheError().message(), cacheErrors.at(0).at(0).value<AuthError>().message());
}

// The application deleted while its storage saves: the storage finishes the job later (its merge
// function is called) without touching the deleted application (AddressSanitizer watches).
void tst_Lifetimes::applicationDeletedBeforeItsStorage()
{
    StalledStorage storage;
    storage.stallLoad = false;
    auto *app = newApp(ClientCredentials);
    app->setCacheStorage(&storage);
    QPointer<TokenRequest> request(qobject_cast<ConfidentialClientApplication *>(app)->acquireTokenForClient(appScopes));
    int finishedCount = 0;
    AuthError::Type errorType = AuthError::NoError;
    connect(request, &TokenRequest::finished, this, [&](TokenRequest *finished) {
        ++finishedCount;
        errorType = finished->error().type();
    });
    QTRY_VERIFY_WITH_TIMEOUT(storage.pendingSave, 15000);
    delete app;
    QCOMPARE(finishedCount, 1);
    QCOMPARE(AuthError::typeName(errorType), AuthError::typeName(AuthError::Cancelled));
    QVERIFY(!request);
    QSignalSpy saved(storage.pendingSave.data(), &CacheStorageJob::finished);
    storage.finishSave();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
}

QTEST_GUILESS_MAIN(tst_Lifetimes)
#include "tst_lifetimes.moc"
