// The emulator's interactive side: /authorize with its login, account chooser and consent
// pages, browser sessions, error redirects and the implicit grant; the code's redemption is in
// tst_emulator_redemption.cpp. The test plays the browser with a real QNetworkAccessManager
// (cookie jar, redirects not followed).

#include "authorizefixture.h"

using namespace MsalQt::Emulator;
using namespace AuthorizeTest;

class TestEmulatorAuthorize : public QObject, protected AuthorizeFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void fullCodeFlowThroughPages();
    void promptNone();
    void promptNoneNeedsConsent();
    void promptLoginWithSession();
    void selectAccount();
    void loginHintPrefills();
    void wrongPassword();
    void declinedConsent();
    void errorPageWithoutRedirect_data();
    void errorPageWithoutRedirect();
    void loopbackRedirects_data();
    void loopbackRedirects();
    void faultErrorRedirect();
    void autoSignIn();
    void issuerParameter();
    void implicitFragment();
    void implicitNotEnabled();
    void logoutEndsSession();
    void twoAccountsInSession();
    void unknownUsername();
    void formPost();
    void maxAge();
    void maxAgeInvalid_data();
    void maxAgeInvalid();
    void promptCreate();

};

void TestEmulatorAuthorize::initTestCase()
{
    setUpBrowser();
}

void TestEmulatorAuthorize::init()
{
    resetBrowser();
}

void TestEmulatorAuthorize::fullCodeFlowThroughPages()
{
    const Pkce pkce = makePkce();
    Fields request = codeRequest(pkce, QStringLiteral("st-1"), QStringLiteral("n-1"));
    // Consents outlive sessions; a permission no other test asks for makes the consent page certain.
    request[3].second = QStringLiteral("User.Read Calendars.Read openid profile offline_access");
    HttpResult page = m_browser.get(authorizeUrl(request));
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("content-type").startsWith("text/html"));
    for (const char *needle : {"<title>", "id=\"login\"", "id=\"username\" name=\"username\"",
                               "id=\"password\" name=\"password\"", "id=\"sign-in\""})
        QVERIFY2(page.body.contains(needle), needle);

    page = submit(page, {{QStringLiteral("username"), alice}, {QStringLiteral("password"), alicePassword}});
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("id=\"consent\""));
    QVERIFY(page.body.contains("id=\"accept\" name=\"action\" value=\"accept\""));
    QVERIFY(page.body.contains("id=\"decline\" name=\"action\" value=\"decline\""));
    const QByteArray cookie = page.header("set-cookie");
    QVERIFY2(cookie.startsWith("ESTSAUTH=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax")
                 && cookie.contains("Path=/"), cookie.constData());

    const HttpResult done = submit(page, {{QStringLiteral("action"), QStringLiteral("accept")}});
    QCOMPARE(done.status, 302);
    QVERIFY(location(done).toString().startsWith(redirectUri()));
    const QUrlQuery q = redirectQuery(done);
    QCOMPARE(value(q, "state"), QStringLiteral("st-1"));
    QVERIFY(!value(q, "session_state").isEmpty());
    QVERIFY(!value(q, "client_info").isEmpty());
    QVERIFY(!q.hasQueryItem(QStringLiteral("iss")));
    const QString code = value(q, "code");
    QVERIFY(!code.isEmpty());

    const HttpResult tokens = redeem(code, pkce.verifier);
    QCOMPARE(tokens.status, 200);
    const QJsonObject o = tokens.json();
    QVERIFY(!o.value(QLatin1String("access_token")).toString().isEmpty());
    QVERIFY(!o.value(QLatin1String("refresh_token")).toString().isEmpty());
    QVERIFY(!o.value(QLatin1String("client_info")).toString().isEmpty());
    const QJsonObject id = jwtPart(o.value(QLatin1String("id_token")).toString().toLatin1(), 1);
    QCOMPARE(id.value(QLatin1String("nonce")).toString(), QStringLiteral("n-1"));
    QCOMPARE(id.value(QLatin1String("preferred_username")).toString(), alice);
    QCOMPARE(id.value(QLatin1String("aud")).toString(), m_server.publicClientId());
}

void TestEmulatorAuthorize::promptNone()
{
    const Pkce pkce = makePkce();
    Fields request = codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"));
    request.append({QStringLiteral("prompt"), QStringLiteral("none")});

    HttpResult r = m_browser.get(authorizeUrl(request));
    QCOMPARE(r.status, 302);
    QUrlQuery q = redirectQuery(r);
    QCOMPARE(value(q, "error"), QStringLiteral("login_required"));
    QVERIFY(value(q, "error_description").startsWith(QStringLiteral("AADSTS50058: ")));
    QCOMPARE(value(q, "state"), QStringLiteral("s"));

    QCOMPARE(signInThroughPages(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n")), alice).status, 302);
    r = m_browser.get(authorizeUrl(request));
    QCOMPARE(r.status, 302);
    q = redirectQuery(r);
    QVERIFY2(!value(q, "code").isEmpty(), r.header("location").constData());
    QCOMPARE(redeem(value(q, "code"), pkce.verifier).status, 200);
}

void TestEmulatorAuthorize::promptNoneNeedsConsent()
{
    const Pkce pkce = makePkce();
    QCOMPARE(signInThroughPages(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n")), alice).status, 302);
    Fields request = codeRequest(pkce, QStringLiteral("s2"), QStringLiteral("n"));
    request[3].second = QStringLiteral("Mail.Read openid"); // a permission not consented yet
    request.append({QStringLiteral("prompt"), QStringLiteral("none")});
    const HttpResult r = m_browser.get(authorizeUrl(request));
    QCOMPARE(r.status, 302);
    const QUrlQuery q = redirectQuery(r);
    QCOMPARE(value(q, "error"), QStringLiteral("consent_required"));
    QVERIFY(value(q, "error_description").startsWith(QStringLiteral("AADSTS65001: ")));
    QCOMPARE(value(q, "state"), QStringLiteral("s2"));
}

void TestEmulatorAuthorize::promptLoginWithSession()
{
    const Pkce pkce = makePkce();
    QCOMPARE(signInThroughPages(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n")), alice).status, 302);
    // Without a prompt the session signs in at once...
    QCOMPARE(m_browser.get(authorizeUrl(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n")))).status, 302);
    // ...prompt=login asks for the password again.
    Fields request = codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"));
    request.append({QStringLiteral("prompt"), QStringLiteral("login")});
    const HttpResult r = m_browser.get(authorizeUrl(request));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("id=\"login\""));
}

void TestEmulatorAuthorize::selectAccount()
{
    const Pkce pkce = makePkce();
    QCOMPARE(signInThroughPages(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n")), alice).status, 302);
    Fields request = codeRequest(pkce, QStringLiteral("pick"), QStringLiteral("n"));
    request.append({QStringLiteral("prompt"), QStringLiteral("select_account")});
    HttpResult page = m_browser.get(authorizeUrl(request));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("data-username=\"alice@contoso.com\""));
    QVERIFY(page.body.contains("id=\"use-another-account\""));

    // "Use another account" leads to the login page...
    const HttpResult other = submit(page, {{QStringLiteral("action"), QStringLiteral("other")}});
    QVERIFY(other.body.contains("id=\"login\""));
    // ...picking Alice finishes at once: she consented already.
    page = m_browser.get(authorizeUrl(request));
    const HttpResult done = submit(page, {{QStringLiteral("username"), alice}});
    QCOMPARE(done.status, 302);
    QCOMPARE(value(redirectQuery(done), "state"), QStringLiteral("pick"));
    QVERIFY(!value(redirectQuery(done), "code").isEmpty());
}

void TestEmulatorAuthorize::loginHintPrefills()
{
    Fields request = codeRequest(makePkce(), QStringLiteral("s"), QStringLiteral("n"));
    request.append({QStringLiteral("login_hint"), bob});
    const HttpResult page = m_browser.get(authorizeUrl(request));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("id=\"username\" name=\"username\" value=\"bob@contoso.com\""));
}

void TestEmulatorAuthorize::wrongPassword()
{
    HttpResult page = m_browser.get(authorizeUrl(codeRequest(makePkce(), QStringLiteral("s"), QStringLiteral("n"))));
    page = submit(page, {{QStringLiteral("username"), alice}, {QStringLiteral("password"), QStringLiteral("nope")}});
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("id=\"login\""));
    QVERIFY(page.body.contains("AADSTS50126"));
    QVERIFY(page.body.contains("value=\"alice@contoso.com\""));
    QVERIFY(!page.body.contains("nope"));
    QVERIFY(page.header("set-cookie").isEmpty());
    // The same page still works with the right password.
    page = submit(page, {{QStringLiteral("username"), alice}, {QStringLiteral("password"), alicePassword}});
    QVERIFY(!page.header("set-cookie").isEmpty());
    QVERIFY(page.status == 302 || page.body.contains("id=\"consent\""));
}

void TestEmulatorAuthorize::declinedConsent()
{
    Fields request = codeRequest(makePkce(), QStringLiteral("d"), QStringLiteral("n"));
    request.append({QStringLiteral("prompt"), QStringLiteral("consent")}); // asks even after an earlier consent
    HttpResult page = m_browser.get(authorizeUrl(request));
    page = submit(page, {{QStringLiteral("username"), alice}, {QStringLiteral("password"), alicePassword}});
    QVERIFY(page.body.contains("id=\"consent\""));
    const HttpResult r = submit(page, {{QStringLiteral("action"), QStringLiteral("decline")}});
    QCOMPARE(r.status, 302);
    const QUrlQuery q = redirectQuery(r);
    QCOMPARE(value(q, "error"), QStringLiteral("access_denied"));
    QVERIFY(value(q, "error_description").startsWith(QStringLiteral("AADSTS65004: ")));
    QCOMPARE(value(q, "state"), QStringLiteral("d"));
}

void TestEmulatorAuthorize::errorPageWithoutRedirect_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("unknown client") << QStringLiteral("00000000-1111-2222-3333-444444444444")
                                    << QStringLiteral("http://localhost") << QByteArray("AADSTS700016");
    QTest::newRow("unregistered redirect") << QString() << QStringLiteral("https://evil.example/cb")
                                           << QByteArray("AADSTS50011");
}

void TestEmulatorAuthorize::errorPageWithoutRedirect()
{
    QFETCH(QString, clientId);
    QFETCH(QString, redirect);
    QFETCH(QByteArray, code);
    Fields request = codeRequest(makePkce(), QStringLiteral("s"), QStringLiteral("n"));
    if (!clientId.isEmpty())
        request[0].second = clientId;
    request[2].second = redirect;
    const HttpResult r = m_browser.get(authorizeUrl(request));
    QCOMPARE(r.status, 400);
    QVERIFY(r.header("location").isEmpty());
    QVERIFY(r.header("content-type").startsWith("text/html"));
    QVERIFY2(r.body.contains(code), r.body.constData());
}

void TestEmulatorAuthorize::loopbackRedirects_data()
{
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("any port") << QStringLiteral("http://localhost:5555") << true;
    QTest::newRow("other port, slash") << QStringLiteral("http://localhost:41234/") << true;
    QTest::newRow("no port") << QStringLiteral("http://localhost") << true;
    QTest::newRow("other path") << QStringLiteral("http://localhost:5555/callback") << false;
    QTest::newRow("127.0.0.1 not registered") << QStringLiteral("http://127.0.0.1:5555") << false;
    QTest::newRow("https") << QStringLiteral("https://localhost:5555") << false;
    QTest::newRow("nativeclient") << QStringLiteral("https://login.microsoftonline.com/common/oauth2/nativeclient")
                                  << true;
    QTest::newRow("custom scheme") << QStringLiteral("msalb8db5b17-66eb-4a30-9adb-733c69fa0d22://auth") << true;
}

void TestEmulatorAuthorize::loopbackRedirects()
{
    QFETCH(QString, redirect);
    QFETCH(bool, accepted);
    m_server.setAutoSignIn(alice);
    const Pkce pkce = makePkce();
    Fields request = codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"));
    request[2].second = redirect;
    const HttpResult r = m_browser.get(authorizeUrl(request));
    QCOMPARE(r.status, accepted ? 302 : 400);
    if (!accepted)
        return;
    QVERIFY(r.header("location").startsWith(redirect.toLatin1()));
    // The token endpoint wants exactly the redirect URI of the authorize request.
    QCOMPARE(redeem(value(redirectQuery(r), "code"), pkce.verifier, redirect).status, 200);
}

void TestEmulatorAuthorize::faultErrorRedirect()
{
    Fault fault;
    fault.kind = Fault::ServiceError;
    fault.path = QStringLiteral("/oauth2/v2.0/authorize");
    fault.error = QStringLiteral("interaction_required");
    fault.aadstsCode = 50076;
    fault.subError = QStringLiteral("basic_action");
    fault.description = QStringLiteral("Due to a configuration change made by your administrator, you must use "
                                       "multi-factor authentication.");
    m_server.addFault(fault);
    const HttpResult r = m_browser.get(authorizeUrl(codeRequest(makePkce(), QStringLiteral("f+1"), QStringLiteral("n"))));
    QCOMPARE(r.status, 302);
    const QUrlQuery q = redirectQuery(r);
    QCOMPARE(value(q, "error"), QStringLiteral("interaction_required"));
    QVERIFY(value(q, "error_description").startsWith(QStringLiteral("AADSTS50076: Due to")));
    QVERIFY(value(q, "error_description").contains(QStringLiteral("\r\nTrace ID: ")));
    QVERIFY(value(q, "error_uri").endsWith(QStringLiteral("/error?code=50076")));
    QCOMPARE(value(q, "suberror"), QStringLiteral("basic_action"));
    QCOMPARE(value(q, "state"), QStringLiteral("f+1"));
    // Used up: the next request shows the login page again.
    QCOMPARE(m_browser.get(authorizeUrl(codeRequest(makePkce(), QStringLiteral("s"), QStringLiteral("n")))).status, 200);
}

void TestEmulatorAuthorize::autoSignIn()
{
    m_server.setAutoSignIn(bob);
    const Pkce pkce = makePkce();
    const HttpResult r = m_browser.get(authorizeUrl(codeRequest(pkce, QStringLiteral("auto"), QStringLiteral("n-a"))));
    QCOMPARE(r.status, 302);
    QCOMPARE(value(redirectQuery(r), "state"), QStringLiteral("auto"));
    const HttpResult t = redeem(value(redirectQuery(r), "code"), pkce.verifier);
    QCOMPARE(t.status, 200);
    const QJsonObject id = jwtPart(t.json().value(QLatin1String("id_token")).toString().toLatin1(), 1);
    QCOMPARE(id.value(QLatin1String("preferred_username")).toString(), bob);
    QCOMPARE(id.value(QLatin1String("nonce")).toString(), QStringLiteral("n-a"));
}

void TestEmulatorAuthorize::issuerParameter()
{
    m_server.setAutoSignIn(alice);
    const Pkce pkce = makePkce();
    HttpResult r = m_browser.get(authorizeUrl(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"))));
    QVERIFY(!redirectQuery(r).hasQueryItem(QStringLiteral("iss")));
    m_server.setAuthorizationResponseIssuer(true);
    r = m_browser.get(authorizeUrl(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"))));
    QCOMPARE(value(redirectQuery(r), "iss"),
             m_server.baseUrl().toString() + QLatin1Char('/') + m_server.defaultTenantId() + QStringLiteral("/v2.0"));
}

void TestEmulatorAuthorize::implicitFragment()
{
    m_server.setAutoSignIn(alice);
    const QString redirect = QStringLiteral("http://localhost:4321/spa");
    const HttpResult r = m_browser.get(authorizeUrl({{QStringLiteral("client_id"), spaClientId},
                                                     {QStringLiteral("response_type"), QStringLiteral("id_token token")},
                                                     {QStringLiteral("redirect_uri"), redirect},
                                                     {QStringLiteral("scope"), QStringLiteral("openid profile User.Read")},
                                                     {QStringLiteral("state"), QStringLiteral("imp")},
                                                     {QStringLiteral("nonce"), QStringLiteral("n-imp")}}));
    QCOMPARE(r.status, 302);
    QVERIFY(location(r).query().isEmpty());
    const QUrlQuery f = redirectFragment(r);
    QVERIFY(!value(f, "access_token").isEmpty());
    QCOMPARE(value(f, "token_type"), QStringLiteral("Bearer"));
    QVERIFY(value(f, "expires_in").toInt() > 0);
    QVERIFY(value(f, "scope").contains(QStringLiteral("User.Read")));
    QCOMPARE(value(f, "state"), QStringLiteral("imp"));
    const QJsonObject id = jwtPart(value(f, "id_token").toLatin1(), 1);
    QCOMPARE(id.value(QLatin1String("nonce")).toString(), QStringLiteral("n-imp"));
    QCOMPARE(id.value(QLatin1String("aud")).toString(), spaClientId);
}

void TestEmulatorAuthorize::implicitNotEnabled()
{
    const HttpResult r = m_browser.get(authorizeUrl({{QStringLiteral("client_id"), m_server.publicClientId()},
                                                     {QStringLiteral("response_type"), QStringLiteral("token")},
                                                     {QStringLiteral("redirect_uri"), redirectUri()},
                                                     {QStringLiteral("scope"), QStringLiteral("User.Read")},
                                                     {QStringLiteral("state"), QStringLiteral("x")}}));
    QCOMPARE(r.status, 302);
    const QUrlQuery f = redirectFragment(r);
    QCOMPARE(value(f, "error"), QStringLiteral("unsupported_response_type"));
    QVERIFY(value(f, "error_description").startsWith(QStringLiteral("AADSTS700051: ")));
    QCOMPARE(value(f, "state"), QStringLiteral("x"));
}

void TestEmulatorAuthorize::logoutEndsSession()
{
    const Pkce pkce = makePkce();
    QCOMPARE(signInThroughPages(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n")), alice).status, 302);
    const HttpResult out = m_browser.get(url(QStringLiteral("/common/oauth2/v2.0/logout")));
    QCOMPARE(out.status, 200);
    QVERIFY(out.header("set-cookie").contains("Max-Age=0"));
    Fields request = codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"));
    request.append({QStringLiteral("prompt"), QStringLiteral("none")});
    QCOMPARE(value(redirectQuery(m_browser.get(authorizeUrl(request))), "error"), QStringLiteral("login_required"));
}

void TestEmulatorAuthorize::twoAccountsInSession()
{
    const Pkce pkce = makePkce();
    QCOMPARE(signInThroughPages(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n")), alice).status, 302);
    Fields again = codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"));
    again.append({QStringLiteral("prompt"), QStringLiteral("login")});
    QCOMPARE(signInThroughPages(again, bob).status, 302);

    // No prompt, no hint: the chooser lists both.
    const HttpResult chooser = m_browser.get(authorizeUrl(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"))));
    QVERIFY(chooser.body.contains("data-username=\"alice@contoso.com\""));
    QVERIFY(chooser.body.contains("data-username=\"bob@contoso.com\""));

    Fields silent = codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"));
    silent.append({QStringLiteral("prompt"), QStringLiteral("none")});
    HttpResult r = m_browser.get(authorizeUrl(silent));
    QCOMPARE(value(redirectQuery(r), "error"), QStringLiteral("interaction_required"));
    QVERIFY(value(redirectQuery(r), "error_description").startsWith(QStringLiteral("AADSTS16000: ")));
    // The hint picks the account silently.
    silent.append({QStringLiteral("login_hint"), bob});
    r = m_browser.get(authorizeUrl(silent));
    const HttpResult t = redeem(value(redirectQuery(r), "code"), pkce.verifier);
    QCOMPARE(t.status, 200);
    QCOMPARE(jwtPart(t.json().value(QLatin1String("id_token")).toString().toLatin1(), 1)
                 .value(QLatin1String("preferred_username")).toString(), bob);
}

void TestEmulatorAuthorize::unknownUsername()
{
    HttpResult page = m_browser.get(authorizeUrl(codeRequest(makePkce(), QStringLiteral("s"), QStringLiteral("n"))));
    page = submit(page, {{QStringLiteral("username"), QStringLiteral("nobody@contoso.com")},
                         {QStringLiteral("password"), alicePassword}});
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("id=\"login\""));
    QVERIFY(page.body.contains("AADSTS50034"));
}

void TestEmulatorAuthorize::formPost()
{
    m_server.setAutoSignIn(alice);
    Fields request = codeRequest(makePkce(), QStringLiteral("fp<&>"), QStringLiteral("n"));
    request.append({QStringLiteral("response_mode"), QStringLiteral("form_post")});
    const HttpResult r = m_browser.get(authorizeUrl(request));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("location").isEmpty());
    QVERIFY(r.body.contains("id=\"form_post\" method=\"POST\" action=\"" + redirectUri().toLatin1() + "\""));
    QVERIFY(!hiddenValue(r.body, QStringLiteral("code")).isEmpty());
    QCOMPARE(hiddenValue(r.body, QStringLiteral("state")), QStringLiteral("fp&lt;&amp;&gt;")); // escaped
}

void TestEmulatorAuthorize::maxAge()
{
    const Pkce pkce = makePkce();
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    QCOMPARE(signInThroughPages(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n")), alice).status, 302);
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    const auto authTimeOf = [this, &pkce](const HttpResult &r) {
        const HttpResult tokens = redeem(value(redirectQuery(r), "code"), pkce.verifier);
        return jwtPart(tokens.json().value(QLatin1String("id_token")).toString().toLatin1(), 1)
            .value(QLatin1String("auth_time"));
    };

    // A session younger than max_age: single sign-on, the ID token tells when the person signed in.
    Fields request = codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"));
    request.append({QStringLiteral("max_age"), QStringLiteral("3600")});
    HttpResult r = m_browser.get(authorizeUrl(request));
    QCOMPARE(r.status, 302);
    const QJsonValue first = authTimeOf(r);
    QVERIFY(first.isDouble());
    QVERIFY(first.toInteger() >= before && first.toInteger() <= after);

    // max_age=0: the person signs in again, even with a session, and auth_time moves on.
    Fields now = codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"));
    now.append({QStringLiteral("max_age"), QStringLiteral("0")});
    r = m_browser.get(authorizeUrl(now));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("id=\"login\""));
    r = submit(r, {{QStringLiteral("username"), alice}, {QStringLiteral("password"), alicePassword}});
    QCOMPARE(r.status, 302);
    QVERIFY(authTimeOf(r).toInteger() >= first.toInteger());

    // ...and without a page allowed (prompt=none), the session does not count: login_required.
    now.append({QStringLiteral("prompt"), QStringLiteral("none")});
    r = m_browser.get(authorizeUrl(now));
    QCOMPARE(r.status, 302);
    QCOMPARE(value(redirectQuery(r), "error"), QStringLiteral("login_required"));
}

void TestEmulatorAuthorize::maxAgeInvalid_data()
{
    QTest::addColumn<QString>("maxAge");
    QTest::newRow("negative") << "-1";
    QTest::newRow("not a number") << "soon";
    QTest::newRow("plus sign") << "+60";
    QTest::newRow("too large") << "99999999999999999999999";
}

void TestEmulatorAuthorize::maxAgeInvalid()
{
    QFETCH(QString, maxAge);
    Fields request = codeRequest(makePkce(), QStringLiteral("s"), QStringLiteral("n"));
    request.append({QStringLiteral("max_age"), maxAge});
    const HttpResult r = m_browser.get(authorizeUrl(request));
    QCOMPARE(r.status, 302);
    QCOMPARE(value(redirectQuery(r), "error"), QStringLiteral("invalid_request"));
}

void TestEmulatorAuthorize::promptCreate()
{
    const Pkce pkce = makePkce();
    Fields request = codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"));
    request.append({QStringLiteral("prompt"), QStringLiteral("create")});
    HttpResult page = m_browser.get(authorizeUrl(request));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("id=\"sign-up\""));
    QVERIFY(page.body.contains("Create account"));
    QVERIFY(page.body.contains("id=\"login\"")); // the same form contract as the login page
    page = submit(page, {{QStringLiteral("username"), alice}, {QStringLiteral("password"), alicePassword}});
    if (page.body.contains("id=\"consent\""))
        page = submit(page, {{QStringLiteral("action"), QStringLiteral("accept")}});
    QCOMPARE(page.status, 302);
    QVERIFY(!value(redirectQuery(page), "code").isEmpty());
    QCOMPARE(redeem(value(redirectQuery(page), "code"), pkce.verifier).status, 200);
}

QTEST_GUILESS_MAIN(TestEmulatorAuthorize)
#include "tst_emulator_authorize.moc"
