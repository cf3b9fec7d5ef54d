// AuthenticatedNetworkAccess (issue 17): Graph called with the library's tokens on the emulator; a
// claims challenge answered with exactly one second request (silently when the refresh token can,
// through the configured agent, or as UiRequired with the claims); bodies sent again intact; a
// token never sent where the app did not name, over plain http off loopback, or along a redirect;
// every exchange under a deadline; a reply deleted or aborted in each state.

#include "hostileserver.h"
#include "testsupport.h"

#include <MsalQt/authenticatednetworkaccess.h>
#include <MsalQt/authenticatedreply.h>
#include <MsalQt/authenticationchallenge.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/systembrowseragent.h>

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;

namespace {
// A claims challenge as Graph sends it for Continuous Access Evaluation.
const QByteArray CaeChallenge =
    "Bearer realm=\"\", error=\"insufficient_claims\", claims=\""
    + QByteArray(R"({"access_token":{"nbf":{"essential":true,"value":"1604106651"}}})").toBase64() + "\"";

HostileServer::Answer challengeOnce()
{
    HostileServer::Answer answer = HostileServer::Answer::complete(401, "application/json", R"({"error":{"code":"InvalidAuthenticationToken"}})");
    answer.headers.append({"WWW-Authenticate", CaeChallenge});
    answer.times = 1;
    return answer;
}
} // namespace

class tst_AuthenticatedAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void allowedUrlsFromScopes_data();
    void allowedUrlsFromScopes();
    void graphGetAndPost();
    void challengeAnsweredSilently();
    void challengeNeedsThePerson();
    void challengeThroughTheAgent();
    void secondChallengeIsTheCallers();
    void bodySentAgain_data();
    void bodySentAgain();
    void tokenStaysWithItsHost_data();
    void tokenStaysWithItsHost();
    void redirectNotFollowed();
    void deadline();
    void abortedOrDeleted_data();
    void abortedOrDeleted();
    void applicationDeletedFirst();

private:
    // Alice, signed in on a cp1 application; the access calls the emulator's Graph for her.
    void signIn();
    std::unique_ptr<AuthenticatedReply> wait(AuthenticatedReply *reply, int *finishedCount = nullptr);
    QUrl graph(const QString &path) const { return QUrl(m_emulator.baseUrl().toString() + path); }
    int graphRequests(const QString &path) const;
    QStringList claimsSentToToken() const;
    // The access asks for `scope`, which the cache has no token for: its refresh is answered 3 s late.
    void slowTokenRefresh(const QString &scope);

    Emulator::Server m_emulator;
    std::unique_ptr<PublicClientApplication> m_app;
    std::unique_ptr<AuthenticatedNetworkAccess> m_access;
    SystemBrowserAgent m_agent;
    QNetworkAccessManager m_browser; // the person's browser: follows the emulator's auto sign-in
};

void tst_AuthenticatedAccess::initTestCase()
{
    QVERIFY(m_emulator.listen());
    m_agent.setUrlOpener([this](const QUrl &url) {
        QNetworkReply *reply = m_browser.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        return true;
    });
}

void tst_AuthenticatedAccess::init()
{
    m_emulator.clearFaults();
    m_emulator.clearSessions();
    m_emulator.setGraphAuthenticationContext({});
    m_emulator.setAutoSignIn(alice());
    signIn();
    m_emulator.clearRequests();
}

void tst_AuthenticatedAccess::signIn()
{
    m_access.reset();
    m_app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(),
                                                      Authority::microsoft(m_emulator.authorityUrl("organizations")));
    m_app->setClientCapabilities({"cp1"});
    const auto request = TestSupport::signIn(*m_app, &m_agent);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    m_access = std::make_unique<AuthenticatedNetworkAccess>(m_app.get());
    m_access->setAccount(request->result().account());
    m_access->setScopes({"User.Read"});
    m_access->setAllowedUrls({m_emulator.baseUrl()});
}

std::unique_ptr<AuthenticatedReply> tst_AuthenticatedAccess::wait(AuthenticatedReply *reply, int *finishedCount)
{
    std::unique_ptr<AuthenticatedReply> owned(reply);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    QTest::qWait(50); // nothing more comes after finished()
    if (finishedCount)
        *finishedCount = int(finished.size());
    return owned;
}

int tst_AuthenticatedAccess::graphRequests(const QString &path) const
{
    int count = 0;
    for (const Emulator::RecordedRequest &request : m_emulator.requests())
        count += request.path == path;
    return count;
}

QStringList tst_AuthenticatedAccess::claimsSentToToken() const
{
    QStringList claims;
    for (const Emulator::RecordedRequest &request : m_emulator.requests()) {
        if (request.path.endsWith(QLatin1String("/oauth2/v2.0/token")))
            claims << request.form.queryItemValue(QStringLiteral("claims"), QUrl::FullyDecoded);
    }
    return claims;
}

void tst_AuthenticatedAccess::slowTokenRefresh(const QString &scope)
{
    m_access->setScopes({scope});
    Emulator::Fault slow;
    slow.kind = Emulator::Fault::Delay;
    slow.path = QStringLiteral("/oauth2/v2.0/token");
    slow.delayMs = 3000;
    m_emulator.addFault(slow);
}

void tst_AuthenticatedAccess::allowedUrlsFromScopes_data()
{
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QList<QUrl>>("allowed");
    QTest::newRow("Graph, named by a bare scope") << QStringList{"openid", "User.Read", "Mail.Read"}
                                                   << QList<QUrl>{QUrl("https://graph.microsoft.com")};
    QTest::newRow("a resource's URL") << QStringList{"https://contoso.example/api/.default", "offline_access"}
                                      << QList<QUrl>{QUrl("https://contoso.example")};
    QTest::newRow("a port is kept") << QStringList{"https://api.contoso.example:8443/Files.Read"}
                                    << QList<QUrl>{QUrl("https://api.contoso.example:8443")};
    QTest::newRow("an application id URI names no place") << QStringList{"api://1234/access_as_user"} << QList<QUrl>{};
    QTest::newRow("plain http names no place") << QStringList{"http://contoso.example/.default"} << QList<QUrl>{};
}

void tst_AuthenticatedAccess::allowedUrlsFromScopes()
{
    QFETCH(QStringList, scopes);
    QFETCH(QList<QUrl>, allowed);
    AuthenticatedNetworkAccess access(m_app.get());
    access.setScopes(scopes);
    QCOMPARE(access.allowedUrls(), allowed);
    access.setAllowedUrls({QUrl("https://example.org/base")});
    QCOMPARE(access.allowedUrls(), QList<QUrl>{QUrl("https://example.org/base")});
    access.setAllowedUrls({});
    QCOMPARE(access.allowedUrls(), allowed);
}

void tst_AuthenticatedAccess::graphGetAndPost()
{
    QSignalSpy started(m_access.get(), &AuthenticatedNetworkAccess::tokenRequestStarted);
    QSignalSpy acquired(m_access.get(), &AuthenticatedNetworkAccess::tokenAcquired);
    const auto me = wait(m_access->get(QNetworkRequest(graph("/v1.0/me"))));
    QCOMPARE(me->error(), QNetworkReply::NoError);
    QCOMPARE(me->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(QJsonDocument::fromJson(me->readAll()).object().value("userPrincipalName").toString(), alice());
    QVERIFY(me->authError().type() == AuthError::NoError);
    QVERIFY(me->authenticationResult().isFromCache()); // the token from the sign-in
    QVERIFY(!me->isChallengeAnswered());
    QCOMPARE(started.size(), 1);
    QCOMPARE(acquired.size(), 1);
    QCOMPARE(me->header(QNetworkRequest::ContentTypeHeader).toString().section(';', 0, 0), QString("application/json"));

    QNetworkRequest create(graph("/v1.0/me/todo/lists"));
    create.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    const auto created = wait(m_access->post(create, R"({"displayName":"Groceries"})"));
    QCOMPARE(created->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    QCOMPARE(QJsonDocument::fromJson(created->readAll()).object().value("displayName").toString(), QString("Groceries"));
    QCOMPARE(graphRequests("/v1.0/me/todo/lists"), 1);
    QCOMPARE(claimsSentToToken(), QStringList()); // the cached token served both
}

// An authentication context (acrs) the refresh token can meet: one 401, one token request with
// the challenge's claims, one request sent again; the reply shows only the second answer.
void tst_AuthenticatedAccess::challengeAnsweredSilently()
{
    m_emulator.setGraphAuthenticationContext(QStringLiteral("c1"));
    int finishedCount = 0;
    AuthenticatedReply *reply = m_access->get(QNetworkRequest(graph("/v1.0/me")));
    const auto me = wait(reply, &finishedCount);
    QCOMPARE(finishedCount, 1);
    QCOMPARE(me->error(), QNetworkReply::NoError);
    QCOMPARE(me->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(me->rawHeader("WWW-Authenticate").isEmpty()); // the 401's headers are not shown
    QVERIFY(me->isChallengeAnswered());
    QVERIFY(!me->authenticationResult().isFromCache());
    QCOMPARE(graphRequests("/v1.0/me"), 2);
    const QStringList claims = claimsSentToToken();
    QCOMPARE(claims.size(), 1);
    const QJsonObject sent = QJsonDocument::fromJson(claims.first().toUtf8()).object().value("access_token").toObject();
    QCOMPARE(sent.value("acrs").toObject().value("value").toString(), QString("c1"));
    QVERIFY(sent.contains("xms_cc")); // merged with the capabilities
}

// CAE: the session ended, the refresh token went with it: UiRequired carrying the claims, after
// exactly one call to Graph and no second one.
void tst_AuthenticatedAccess::challengeNeedsThePerson()
{
    m_emulator.revokeSession(alice());
    const auto me = wait(m_access->get(QNetworkRequest(graph("/v1.0/me"))));
    QCOMPARE(me->authError().type(), AuthError::UiRequired);
    QVERIFY2(me->authError().claims().contains(QLatin1String("\"nbf\"")), qPrintable(me->authError().claims()));
    QCOMPARE(me->error(), QNetworkReply::AuthenticationRequiredError);
    QCOMPARE(me->errorString(), me->authError().errorString());
    QVERIFY(!me->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
    QCOMPARE(me->readAll(), QByteArray());
    QCOMPARE(graphRequests("/v1.0/me"), 1);
}

void tst_AuthenticatedAccess::challengeThroughTheAgent()
{
    m_access->setInteractiveAgent(&m_agent);
    m_emulator.revokeSession(alice());
    const auto me = wait(m_access->get(QNetworkRequest(graph("/v1.0/me"))));
    QCOMPARE(me->error(), QNetworkReply::NoError);
    QCOMPARE(me->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QStringList paths;
    for (const Emulator::RecordedRequest &request : m_emulator.requests())
        paths << QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path;
    QVERIFY2(me->isChallengeAnswered(), qPrintable(paths.join(", ")));
    QCOMPARE(graphRequests("/v1.0/me"), 2);
    int authorizePages = 0;
    for (const Emulator::RecordedRequest &request : m_emulator.requests()) {
        if (request.path.endsWith(QLatin1String("/oauth2/v2.0/authorize"))) {
            ++authorizePages;
            QVERIFY(request.query.queryItemValue("claims", QUrl::FullyDecoded).contains(QLatin1String("\"nbf\"")));
        }
    }
    QVERIFY(authorizePages >= 1);
    QCOMPARE(me->authenticationResult().account().homeAccountId(), m_access->account().homeAccountId());
}

// A resource that challenges again: the second 401 is the caller's; no third request.
void tst_AuthenticatedAccess::secondChallengeIsTheCallers()
{
    HostileServer api;
    QVERIFY(api.listen());
    HostileServer::Answer always = challengeOnce();
    always.times = -1;
    api.answer("/items", always);
    m_access->setAllowedUrls({api.url()});
    const auto reply = wait(m_access->get(QNetworkRequest(api.url("/items"))));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(reply->error(), QNetworkReply::AuthenticationRequiredError);
    QCOMPARE(reply->rawHeader("WWW-Authenticate"), CaeChallenge);
    QCOMPARE(reply->readAll(), QByteArray(R"({"error":{"code":"InvalidAuthenticationToken"}})"));
    QVERIFY(reply->isChallengeAnswered());
    QCOMPARE(api.requestCount("/items"), 2);
    QCOMPARE(claimsSentToToken().size(), 1);
}

void tst_AuthenticatedAccess::bodySentAgain_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("device"); // "", "buffer" (random access), "sequential"
    QTest::newRow("POST bytes") << QByteArray("POST") << QString();
    QTest::newRow("POST random-access device") << QByteArray("POST") << QString("buffer");
    QTest::newRow("PUT sequential device") << QByteArray("PUT") << QString("sequential");
    QTest::newRow("PATCH bytes") << QByteArray("PATCH") << QString();
    QTest::newRow("PATCH random-access device") << QByteArray("PATCH") << QString("buffer");
}

// A claims challenge to a request with a body: the second request carries the same body.
void tst_AuthenticatedAccess::bodySentAgain()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, device);
    HostileServer api;
    QVERIFY(api.listen());
    api.answer("/items", challengeOnce());
    api.answer("/items", HostileServer::Answer::complete(200, "application/json", R"({"ok":true})"));
    m_access->setAllowedUrls({api.url("/items")});

    const QByteArray body = "{\"title\":\"" + QByteArray(100000, 'x') + "\"}";
    QNetworkRequest request(api.url("/items/1"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QBuffer buffer;
    buffer.setData("skipped:" + body);
    buffer.open(QIODevice::ReadOnly);
    buffer.seek(8); // a second send starts where the device stood, not at 0
    QProcess sequential; // a sequential device: an echo of the body
    AuthenticatedReply *reply = nullptr;
    if (device == QLatin1String("buffer")) {
        reply = m_access->sendCustomRequest(request, verb, &buffer);
    } else if (device == QLatin1String("sequential")) {
        sequential.start("cat", {});
        QVERIFY(sequential.waitForStarted());
        sequential.write(body);
        sequential.closeWriteChannel();
        QVERIFY(sequential.waitForFinished());
        QVERIFY(sequential.isSequential());
        reply = m_access->sendCustomRequest(request, verb, &sequential);
    } else {
        reply = m_access->sendCustomRequest(request, verb, body);
    }
    const auto done = wait(reply);
    QCOMPARE(done->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(done->operation(), verb == "POST" ? QNetworkAccessManager::PostOperation
                                : verb == "PUT" ? QNetworkAccessManager::PutOperation
                                                : QNetworkAccessManager::CustomOperation);
    const QList<HostileServer::Request> requests = api.requests();
    QCOMPARE(requests.size(), 2);
    for (const HostileServer::Request &sent : requests) {
        QCOMPARE(sent.method, verb);
        QCOMPARE(sent.body.size(), body.size());
        QVERIFY(sent.body == body);
        QVERIFY(sent.headers.value("authorization").startsWith("Bearer "));
    }
    QVERIFY(requests.at(0).headers.value("authorization") != requests.at(1).headers.value("authorization"));
}

void tst_AuthenticatedAccess::tokenStaysWithItsHost_data()
{
    QTest::addColumn<QString>("url");         // "{other}": another loopback server; "{emulator}"
    QTest::addColumn<QStringList>("allowed"); // "default": what the scopes name (Graph's host)
    QTest::newRow("another port on loopback") << QString("{other}/v1.0/me") << QStringList{"{emulator}"};
    QTest::newRow("a path outside the allowed one") << QString("{emulator}/v1.0/me") << QStringList{"{emulator}/v1.0/users"};
    QTest::newRow("a path that only starts alike") << QString("{emulator}/v1.0/meeting") << QStringList{"{emulator}/v1.0/me"};
    QTest::newRow("Graph's scopes, another host") << QString("https://contoso.example/v1.0/me") << QStringList{"default"};
    QTest::newRow("Graph's scopes, the emulator") << QString("{emulator}/v1.0/me") << QStringList{"default"};
    QTest::newRow("plain http off loopback, though allowed") << QString("http://contoso.example/api")
                                                             << QStringList{"http://contoso.example"};
    QTest::newRow("no URL") << QString() << QStringList{"{emulator}"};
}

void tst_AuthenticatedAccess::tokenStaysWithItsHost()
{
    QFETCH(QString, url);
    QFETCH(QStringList, allowed);
    HostileServer other;
    QVERIFY(other.listen());
    const auto expand = [&](QString text) {
        return QUrl(text.replace("{other}", other.url().toString()).replace("{emulator}", m_emulator.baseUrl().toString()));
    };
    QList<QUrl> bases;
    for (const QString &base : allowed) {
        if (base != QLatin1String("default"))
            bases << expand(base);
    }
    m_access->setAllowedUrls(bases);
    QSignalSpy started(m_access.get(), &AuthenticatedNetworkAccess::tokenRequestStarted);
    const auto reply = wait(m_access->get(QNetworkRequest(expand(url))));
    QCOMPARE(reply->authError().type(), AuthError::InvalidConfiguration);
    QCOMPARE(reply->error(), QNetworkReply::ProtocolInvalidOperationError);
    QVERIFY(!reply->errorString().isEmpty());
    QCOMPARE(started.size(), 0); // not even a token was fetched
    QCOMPARE(other.connectionCount(), 0);
    QCOMPARE(graphRequests("/v1.0/me") + graphRequests("/v1.0/meeting"), 0);
}

// A redirect, even to the same host, comes back to the caller: the token goes nowhere else.
void tst_AuthenticatedAccess::redirectNotFollowed()
{
    HostileServer api;
    QVERIFY(api.listen());
    HostileServer other;
    QVERIFY(other.listen());
    api.answer("/items", HostileServer::Answer::redirect(307, other.url("/steal")));
    m_access->setAllowedUrls({api.url()});
    const auto reply = wait(m_access->get(QNetworkRequest(api.url("/items"))));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 307);
    QCOMPARE(reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl(), other.url("/steal"));
    QCOMPARE(other.connectionCount(), 0);
    QCOMPARE(api.requestCount("/items"), 1);
}

void tst_AuthenticatedAccess::deadline()
{
    HostileServer api;
    QVERIFY(api.listen());
    api.answer("/slow", HostileServer::Answer::trickle(100));
    m_access->setAllowedUrls({api.url()});
    m_access->setTransferTimeout(std::chrono::milliseconds(700));
    QCOMPARE(m_access->transferTimeout(), std::chrono::milliseconds(700));
    const auto reply = wait(m_access->get(QNetworkRequest(api.url("/slow"))));
    QCOMPARE(reply->error(), QNetworkReply::TimeoutError);
    QVERIFY2(reply->errorString().contains(QLatin1String("127.0.0.1")), qPrintable(reply->errorString()));
    // Out-of-range deadlines are brought into range, 0 goes back to the application's.
    m_access->setTransferTimeout(std::chrono::hours(1000));
    QCOMPARE(m_access->transferTimeout(), std::chrono::milliseconds(std::chrono::hours(24)));
    m_access->setTransferTimeout(std::chrono::milliseconds(-5));
    QCOMPARE(m_access->transferTimeout(), m_app->httpTimeout());
}

void tst_AuthenticatedAccess::abortedOrDeleted_data()
{
    QTest::addColumn<bool>("abort"); // else delete
    QTest::addColumn<QString>("when"); // "before start", "token", "http"
    for (const bool abort : {true, false}) {
        for (const char *when : {"before start", "token", "http"})
            QTest::addRow("%s, %s", abort ? "abort" : "delete", when) << abort << QString(when);
    }
}

void tst_AuthenticatedAccess::abortedOrDeleted()
{
    QFETCH(bool, abort);
    QFETCH(QString, when);
    HostileServer api;
    QVERIFY(api.listen());
    api.answer("/stall", HostileServer::Answer::stall());
    m_access->setAllowedUrls({api.url()});
    if (when == QLatin1String("token")) {
        slowTokenRefresh("Mail.Read"); // the reply is stopped while it waits
    }
    QSignalSpy started(m_access.get(), &AuthenticatedNetworkAccess::tokenRequestStarted);
    QPointer<TokenRequest> tokenRequest;
    AuthError::Type tokenOutcome = AuthError::NoError;
    connect(m_access.get(), &AuthenticatedNetworkAccess::tokenRequestStarted, this,
            [&tokenRequest, &tokenOutcome](TokenRequest *request) {
                tokenRequest = request;
                connect(request, &TokenRequest::finished, request,
                        [request, &tokenOutcome] { tokenOutcome = request->error().type(); });
            });
    QPointer<AuthenticatedReply> reply = m_access->get(QNetworkRequest(api.url("/stall")));
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QSignalSpy errors(reply.data(), &QNetworkReply::errorOccurred);
    if (when == QLatin1String("token"))
        QTRY_COMPARE(started.size(), 1);
    else if (when == QLatin1String("http"))
        QTRY_COMPARE(api.requestCount("/stall"), 1);
    if (abort) {
        reply->abort();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
        QVERIFY(reply->isFinished());
        reply->abort(); // a second abort changes nothing
        QCOMPARE(finished.size(), 1);
    } else {
        delete reply.data();
        QCOMPARE(finished.size(), 0);
    }
    if (when == QLatin1String("token"))
        QCOMPARE(tokenOutcome, AuthError::Cancelled); // at once, not when its answer comes
    QTest::qWait(200);
    if (when == QLatin1String("token"))
        QTRY_VERIFY(!tokenRequest); // and it went away
    QCOMPARE(finished.size(), abort ? 1 : 0);
    QCOMPARE(api.requestCount("/stall"), when == QLatin1String("http") ? 1 : 0);
    delete reply.data();
}

// The application goes while a reply waits for its token: the reply ends Cancelled, once, and
// sends nothing.
void tst_AuthenticatedAccess::applicationDeletedFirst()
{
    HostileServer api;
    QVERIFY(api.listen());
    api.answer("/items", HostileServer::Answer::complete(200, "application/json", "{}"));
    m_access->setAllowedUrls({api.url()});
    slowTokenRefresh("Calendars.Read");
    QSignalSpy started(m_access.get(), &AuthenticatedNetworkAccess::tokenRequestStarted);
    std::unique_ptr<AuthenticatedReply> reply(m_access->get(QNetworkRequest(api.url("/items"))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QTRY_COMPARE(started.size(), 1);
    m_app.reset();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(reply->authError().type(), AuthError::Cancelled);
    QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
    QCOMPARE(m_access->application(), nullptr);
    // A request made now has no application to get a token from.
    const auto later = wait(m_access->get(QNetworkRequest(api.url("/items"))));
    QCOMPARE(later->authError().type(), AuthError::Cancelled);
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(api.requestCount("/items"), 0);
}

QTEST_GUILESS_MAIN(tst_AuthenticatedAccess)
#include "tst_authenticatedaccess.moc"
