// The emulator's Microsoft Graph beyond /me: the signed-in user's To Do lists
// (POST and GET /v1.0/me/todo/lists), spoken over real HTTP on loopback.

#include "emulatortestsupport.h"

using namespace MsalQt::Emulator;
using namespace EmulatorTest;

class TestEmulatorGraph : public QObject, protected EmulatorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void createAndList();
    void unauthorized();
    void appTokenRefused();
    void invalidBody_data();
    void invalidBody();
    void methodNotAllowed_data();
    void methodNotAllowed();
    void listsArePerUser();
    void injectedFault();
    void listLimit();

private:
    // A request to /v1.0/me/todo/lists; an empty bearer or content type sends no such header.
    HttpResult todoLists(const QByteArray &verb, const QByteArray &bearer, const QByteArray &body = {},
                         const QByteArray &contentType = "application/json");
    HttpResult createList(const QByteArray &bearer, const QString &displayName);
    QJsonArray listsOf(const QByteArray &bearer);
    QByteArray accessToken(const QString &username);

    QByteArray m_alice;
    QString m_otherUser; // a second user of Alice's tenant; empty if the config has none
};

HttpResult TestEmulatorGraph::todoLists(const QByteArray &verb, const QByteArray &bearer, const QByteArray &body,
                                        const QByteArray &contentType)
{
    QNetworkRequest request(url(QStringLiteral("/v1.0/me/todo/lists")));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return EmulatorTestClient::wait(m_http.nam().sendCustomRequest(request, verb, body));
}

HttpResult TestEmulatorGraph::createList(const QByteArray &bearer, const QString &displayName)
{
    const QJsonObject body{{QStringLiteral("displayName"), displayName}};
    return todoLists("POST", bearer, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonArray TestEmulatorGraph::listsOf(const QByteArray &bearer)
{
    const HttpResult r = todoLists("GET", bearer, {}, {});
    if (r.status != 200)
        qWarning() << "GET /v1.0/me/todo/lists:" << r.status << r.body;
    return r.json().value(QLatin1String("value")).toArray();
}

QByteArray TestEmulatorGraph::accessToken(const QString &username)
{
    return signIn(username).value(QLatin1String("access_token")).toString().toLatin1();
}

void TestEmulatorGraph::initTestCase()
{
    QVERIFY(m_server.listen());
    m_server.setDeviceCodeTiming(0, 60);
    m_alice = accessToken(alice);
    QVERIFY(!m_alice.isEmpty());
    const QList<Server::TestUser> users = m_server.testUsers();
    const auto aliceUser = std::find_if(users.cbegin(), users.cend(),
                                        [](const Server::TestUser &u) { return u.username == alice; });
    QVERIFY(aliceUser != users.cend());
    for (const Server::TestUser &u : users) {
        if (u.username != alice && u.tenantId == aliceUser->tenantId && !u.msa) {
            m_otherUser = u.username;
            break;
        }
    }
}

void TestEmulatorGraph::init()
{
    m_server.clearFaults();
    m_server.setGraphAuthenticationContext({});
}

void TestEmulatorGraph::createAndList()
{
    const QJsonArray before = listsOf(m_alice);
    const QString aliceOid = jwtPart(m_alice, 1).value(QLatin1String("oid")).toString();
    const QString base = m_server.baseUrl().toString();

    QJsonArray created;
    for (const QString &name : {QStringLiteral("Groceries"), QStringLiteral("Work \u2013 Q3"), QString(255, u'x')}) {
        const HttpResult r = createList(m_alice, name);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/json; charset=utf-8"));
        QJsonObject list = r.json();
        QCOMPARE(list.value(QLatin1String("@odata.context")).toString(),
                 base + QStringLiteral("/v1.0/$metadata#users('%1')/todo/lists/$entity").arg(aliceOid));
        QCOMPARE(list.value(QLatin1String("displayName")).toString(), name);
        QCOMPARE(list.value(QLatin1String("isOwner")), QJsonValue(true));
        QCOMPARE(list.value(QLatin1String("isShared")), QJsonValue(false));
        QCOMPARE(list.value(QLatin1String("wellknownListName")).toString(), QStringLiteral("none"));
        const QString id = list.value(QLatin1String("id")).toString();
        static const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]{22}$"));
        QVERIFY2(base64url.match(id).hasMatch(), qPrintable(id));
        QCOMPARE(QString::fromUtf8(r.header("location")),
                 base + QStringLiteral("/v1.0/users('%1')/todo/lists('%2')").arg(aliceOid, id));
        list.remove(QStringLiteral("@odata.context"));
        created.append(list);
    }
    QVERIFY(created.at(0).toObject().value(QLatin1String("id")) != created.at(1).toObject().value(QLatin1String("id")));
    QVERIFY(created.at(1).toObject().value(QLatin1String("id")) != created.at(2).toObject().value(QLatin1String("id")));

    const HttpResult r = todoLists("GET", m_alice, {}, {});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("@odata.context")).toString(),
             base + QStringLiteral("/v1.0/$metadata#users('%1')/todo/lists").arg(aliceOid));
    QJsonArray expected = before;
    for (const QJsonValue &list : std::as_const(created))
        expected.append(list);
    QCOMPARE(r.json().value(QLatin1String("value")).toArray(), expected); // in creation order
}

void TestEmulatorGraph::unauthorized()
{
    const QByteArray body = R"({"displayName":"Nope"})";
    for (const QByteArray &verb : {QByteArrayLiteral("POST"), QByteArrayLiteral("GET")}) {
        for (const QByteArray &bearer : {QByteArray(), QByteArrayLiteral("not.a.token")}) {
            const HttpResult r = todoLists(verb, bearer, verb == "POST" ? body : QByteArray());
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                     QStringLiteral("InvalidAuthenticationToken"));
            const QByteArray challenge = r.header("www-authenticate");
            QVERIFY2(challenge.startsWith("Bearer realm=\"\", authorization_uri=\""), challenge.constData());
            QVERIFY2(challenge.contains("error=\"invalid_token\""), challenge.constData());
        }
    }
    const QJsonArray lists = listsOf(m_alice);
    for (const QJsonValue &list : lists)
        QVERIFY(list.toObject().value(QLatin1String("displayName")).toString() != QLatin1String("Nope"));
}

// To Do is per user: an application token has no "me".
void TestEmulatorGraph::appTokenRefused()
{
    const QByteArray bearer = appToken().value(QLatin1String("access_token")).toString().toLatin1();
    QVERIFY(!bearer.isEmpty());
    const HttpResult r = todoLists("POST", bearer, R"({"displayName":"App"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString(),
             QStringLiteral("/me request is only valid with delegated authentication flow."));
}

void TestEmulatorGraph::invalidBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QByteArray json = "application/json";
    const QString invalid = QStringLiteral("invalidRequest");
    QTest::newRow("no displayName") << QByteArray(R"({"name":"x"})") << json << 400 << invalid;
    QTest::newRow("empty object") << QByteArray("{}") << json << 400 << invalid;
    QTest::newRow("empty displayName") << QByteArray(R"({"displayName":""})") << json << 400 << invalid;
    QTest::newRow("null displayName") << QByteArray(R"({"displayName":null})") << json << 400 << invalid;
    QTest::newRow("number displayName") << QByteArray(R"({"displayName":42})") << json << 400 << invalid;
    QTest::newRow("256 characters") << QByteArray(R"({"displayName":")" + QByteArray(256, 'a') + R"("})") << json
                                    << 400 << invalid;
    QTest::newRow("array") << QByteArray(R"([{"displayName":"x"}])") << json << 400 << invalid;
    QTest::newRow("string") << QByteArray(R"("x")") << json << 400 << invalid;
    QTest::newRow("invalid JSON") << QByteArray(R"({"displayName":)") << json << 400 << invalid;
    QTest::newRow("empty body") << QByteArray() << json << 400 << invalid;
    QTest::newRow("form body") << QByteArray("displayName=x") << QByteArray("application/x-www-form-urlencoded")
                               << 400 << invalid;
    QTest::newRow("over 64 KiB") << QByteArray(R"({"displayName":"x","pad":")" + QByteArray(64 * 1024, 'a') + R"("})")
                                 << json << 413 << QStringLiteral("requestEntityTooLarge");
}

void TestEmulatorGraph::invalidBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, code);
    const qsizetype before = listsOf(m_alice).size();
    const HttpResult r = todoLists("POST", m_alice, body, contentType);
    QCOMPARE(r.status, status);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(listsOf(m_alice).size(), before);
}

void TestEmulatorGraph::methodNotAllowed_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::newRow("DELETE") << QByteArrayLiteral("DELETE");
    QTest::newRow("PUT") << QByteArrayLiteral("PUT");
    QTest::newRow("PATCH") << QByteArrayLiteral("PATCH");
}

void TestEmulatorGraph::methodNotAllowed()
{
    QFETCH(QByteArray, verb);
    const HttpResult r = todoLists(verb, m_alice, R"({"displayName":"x"})");
    QCOMPARE(r.status, 405);
    QCOMPARE(r.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("Request_BadRequest"));
}

void TestEmulatorGraph::listsArePerUser()
{
    if (m_otherUser.isEmpty())
        QSKIP("The emulator's config has no second user in Alice's tenant.");
    const QByteArray other = accessToken(m_otherUser);
    QVERIFY(!other.isEmpty());
    HttpResult r = createList(m_alice, QStringLiteral("Alice's own"));
    QCOMPARE(r.status, 201);
    const QJsonValue aliceList = r.json().value(QLatin1String("id"));
    r = createList(other, QStringLiteral("Not Alice's"));
    QCOMPARE(r.status, 201);
    const QJsonValue otherList = r.json().value(QLatin1String("id"));

    const auto ids = [](const QJsonArray &lists) {
        QJsonArray out;
        for (const QJsonValue &list : lists)
            out.append(list.toObject().value(QLatin1String("id")));
        return out;
    };
    const QJsonArray aliceIds = ids(listsOf(m_alice));
    const QJsonArray otherIds = ids(listsOf(other));
    QVERIFY(aliceIds.contains(aliceList));
    QVERIFY(!aliceIds.contains(otherList));
    QCOMPARE(otherIds, QJsonArray{otherList});
}

// Faults on the new path take Graph's error shape, and a request they answer creates nothing.
void TestEmulatorGraph::injectedFault()
{
    const qsizetype before = listsOf(m_alice).size();
    Fault f;
    f.kind = Fault::Throttle;
    f.path = QStringLiteral("/v1.0/me/todo/lists");
    f.retryAfterSeconds = 3;
    f.times = 2;
    m_server.addFault(f);
    for (const QByteArray &verb : {QByteArrayLiteral("GET"), QByteArrayLiteral("POST")}) {
        const HttpResult r = todoLists(verb, m_alice, verb == "POST" ? R"({"displayName":"Throttled"})" : QByteArray());
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("retry-after"), QByteArrayLiteral("3"));
        QCOMPARE(r.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                 QStringLiteral("TooManyRequests"));
    }
    QCOMPARE(listsOf(m_alice).size(), before);
}

// The emulator keeps a bounded number of lists per user; the one past the limit is refused.
void TestEmulatorGraph::listLimit()
{
    const QByteArray bearer = m_otherUser.isEmpty() ? m_alice : accessToken(m_otherUser);
    QVERIFY(!bearer.isEmpty());
    qsizetype count = listsOf(bearer).size();
    for (; count < 1000; ++count)
        QCOMPARE(createList(bearer, QStringLiteral("List %1").arg(count)).status, 201);
    const HttpResult r = createList(bearer, QStringLiteral("One too many"));
    QCOMPARE(r.status, 507);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("quotaLimitReached"));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("1000")));
    QCOMPARE(listsOf(bearer).size(), 1000);
}

QTEST_GUILESS_MAIN(TestEmulatorGraph)
#include "tst_emulator_graph.moc"
