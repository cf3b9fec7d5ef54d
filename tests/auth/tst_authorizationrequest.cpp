#include "authorizationrequest_p.h"

#include <QTest>
#include <QUrlQuery>

using namespace MsalQt;
using namespace MsalQt::Internal;

// The authorization request we build and the checks on what the browser brings back.
class tst_AuthorizationRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pkceVector();
    void pkceFresh();
    void url();
    void prompt_data();
    void prompt();
    void maxAge();
    void extraParameterCannotOverride();
    void response_data();
    void response();
    void implicitResponse_data();
    void implicitResponse();
};

void tst_AuthorizationRequest::pkceVector()
{
    // S256 = BASE64URL(SHA256(ASCII(verifier))) (RFC 7636 §4.2); the expected value was computed
    // independently with Python's hashlib and base64.
    QCOMPARE(Pkce::challengeFor("dBjftJeZ4CVP-mJ92K9-2rqB1gLnc7Xgt6HfHHI4AEc"),
             QString("1Os7zHw3qKsZMniVJNAT0xXjzIGwJe0EYSsKXYxlsc4"));
}

void tst_AuthorizationRequest::pkceFresh()
{
    const Pkce a = Pkce::generate();
    const Pkce b = Pkce::generate();
    QCOMPARE(a.verifier.size(), 43);
    QVERIFY(a.verifier != b.verifier);
    QCOMPARE(a.challenge, Pkce::challengeFor(a.verifier));
    QVERIFY(randomUrlSafe(16) != randomUrlSafe(16));
}

static AuthorizationRequest sample()
{
    AuthorizationRequest request;
    request.endpoint = QUrl("https://login.microsoftonline.com/common/oauth2/v2.0/authorize");
    request.clientId = "client";
    request.redirectUri = QUrl("http://localhost:5000/");
    request.scopes = {"User.Read", "openid", "profile", "offline_access"};
    request.state = "st";
    request.nonce = "nn";
    request.codeChallenge = "cc";
    request.loginHint = "alice+test@contoso.com";
    request.domainHint = "contoso.com";
    request.claims = R"({"id_token":{"acrs":{"essential":true,"value":"c1"}}})";
    request.extraParameters = {{"dc", "ESTS-PUB-WUS2-AZ1-FD000-TEST1"}};
    return request;
}

void tst_AuthorizationRequest::url()
{
    AuthError error;
    const QUrl url = sample().url(&error);
    QVERIFY(!error.isError());
    QCOMPARE(url.adjusted(QUrl::RemoveQuery), QUrl("https://login.microsoftonline.com/common/oauth2/v2.0/authorize"));
    const QUrlQuery query(url);
    const auto value = [&](const char *name) { return query.queryItemValue(name, QUrl::FullyDecoded); };
    QCOMPARE(value("client_id"), QString("client"));
    QCOMPARE(value("response_type"), QString("code"));
    QCOMPARE(value("redirect_uri"), QString("http://localhost:5000/"));
    QCOMPARE(value("scope"), QString("User.Read openid profile offline_access"));
    QCOMPARE(value("state"), QString("st"));
    QCOMPARE(value("nonce"), QString("nn"));
    QCOMPARE(value("code_challenge"), QString("cc"));
    QCOMPARE(value("code_challenge_method"), QString("S256"));
    QCOMPARE(value("response_mode"), QString("query"));
    QCOMPARE(value("client_info"), QString("1"));
    QCOMPARE(value("login_hint"), QString("alice+test@contoso.com")); // '+' survives
    QCOMPARE(value("domain_hint"), QString("contoso.com"));
    QCOMPARE(value("claims"), sample().claims);
    QCOMPARE(value("dc"), QString("ESTS-PUB-WUS2-AZ1-FD000-TEST1"));
    QVERIFY(!query.hasQueryItem("prompt"));
    QVERIFY(url.toString(QUrl::FullyEncoded).contains("alice%2Btest%40contoso.com"));

    AuthorizationRequest generic = sample();
    generic.microsoft = false;
    QVERIFY(!QUrlQuery(generic.url(&error)).hasQueryItem("client_info"));
}

void tst_AuthorizationRequest::prompt_data()
{
    QTest::addColumn<int>("prompt");
    QTest::addColumn<QString>("value");
    QTest::newRow("select_account") << int(InteractiveParameters::Prompt::SelectAccount) << "select_account";
    QTest::newRow("login") << int(InteractiveParameters::Prompt::Login) << "login";
    QTest::newRow("consent") << int(InteractiveParameters::Prompt::Consent) << "consent";
    QTest::newRow("none") << int(InteractiveParameters::Prompt::None) << "none";
    QTest::newRow("create") << int(InteractiveParameters::Prompt::Create) << "create";
}

void tst_AuthorizationRequest::maxAge()
{
    AuthError error;
    AuthorizationRequest request = sample();
    QVERIFY(!QUrlQuery(request.url(&error)).hasQueryItem("max_age")); // unset: not sent
    request.maxAge = 0;
    QCOMPARE(QUrlQuery(request.url(&error)).queryItemValue("max_age"), QString("0"));
    request.maxAge = 86400;
    QCOMPARE(QUrlQuery(request.url(&error)).queryItemValue("max_age"), QString("86400"));
    request.maxAge = -5; // never a negative value on the wire
    QCOMPARE(QUrlQuery(request.url(&error)).queryItemValue("max_age"), QString("0"));
}

void tst_AuthorizationRequest::prompt()
{
    QFETCH(int, prompt);
    QFETCH(QString, value);
    AuthorizationRequest request = sample();
    request.prompt = InteractiveParameters::Prompt(prompt);
    AuthError error;
    QCOMPARE(QUrlQuery(request.url(&error)).queryItemValue("prompt"), value);
}

void tst_AuthorizationRequest::extraParameterCannotOverride()
{
    for (const char *name : {"state", "redirect_uri", "code_challenge", "client_id", "nonce", "max_age"}) {
        AuthorizationRequest request = sample();
        request.maxAge = 60;
        request.extraParameters = {{name, "attacker"}};
        AuthError error;
        QVERIFY(request.url(&error).isEmpty());
        QCOMPARE(error.type(), AuthError::InvalidConfiguration);
    }
}

void tst_AuthorizationRequest::response_data()
{
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<QString>("expectedIssuer");
    QTest::addColumn<bool>("issuerRequired");
    QTest::addColumn<int>("type"); // NoError: accepted
    QTest::addColumn<QString>("protocolError");

    const QString ms = "https://login.microsoftonline.com/{tenantid}/v2.0";
    const int ok = AuthError::NoError;
    QTest::newRow("code") << "http://localhost:5000/?code=abc&state=s1&session_state=x" << ms << false << ok << "";
    QTest::newRow("code with matching iss") << "http://localhost:5000/?code=abc&state=s1&iss=https%3A%2F%2Flogin.microsoftonline.com%2F72f988bf-86f1-41af-91ab-2d7cd011db47%2Fv2.0" << ms << false << ok << "";
    QTest::newRow("wrong state") << "http://localhost:5000/?code=abc&state=forged" << ms << false << int(AuthError::InvalidResponse) << "state_mismatch";
    QTest::newRow("no state") << "http://localhost:5000/?code=abc" << ms << false << int(AuthError::InvalidResponse) << "state_mismatch";
    QTest::newRow("error with wrong state is not believed") << "http://localhost:5000/?error=access_denied&state=forged" << ms << false << int(AuthError::InvalidResponse) << "state_mismatch";
    QTest::newRow("wrong iss") << "http://localhost:5000/?code=abc&state=s1&iss=https%3A%2F%2Fevil.example%2Fx%2Fv2.0" << ms << false << int(AuthError::InvalidResponse) << "issuer_mismatch";
    QTest::newRow("iss promised but absent") << "http://localhost:5000/?code=abc&state=s1" << "https://id.example.com" << true << int(AuthError::InvalidResponse) << "issuer_mismatch";
    QTest::newRow("exact iss") << "http://localhost:5000/?code=abc&state=s1&iss=https%3A%2F%2Fid.example.com" << "https://id.example.com" << true << ok << "";
    QTest::newRow("declined consent") << "http://localhost:5000/?error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent&state=s1" << ms << false << int(AuthError::Declined) << "access_denied";
    QTest::newRow("consent_required") << "http://localhost:5000/?error=consent_required&error_description=AADSTS65001%3A+consent&state=s1" << ms << false << int(AuthError::UiRequired) << "consent_required";
    QTest::newRow("login_required") << "http://localhost:5000/?error=login_required&state=s1" << ms << false << int(AuthError::UiRequired) << "login_required";
    QTest::newRow("server error") << "http://localhost:5000/?error=server_error&error_description=AADSTS90033%3A+busy+%2B+retry&state=s1" << ms << false << int(AuthError::ServiceError) << "server_error";
    QTest::newRow("neither code nor error") << "http://localhost:5000/?state=s1" << ms << false << int(AuthError::InvalidResponse) << "";
}

void tst_AuthorizationRequest::response()
{
    QFETCH(QString, redirect);
    QFETCH(QString, expectedIssuer);
    QFETCH(bool, issuerRequired);
    QFETCH(int, type);
    QFETCH(QString, protocolError);

    AuthError error;
    const auto response = parseAuthorizationResponse(QUrl(redirect), false, "s1", expectedIssuer, issuerRequired, &error);
    QCOMPARE(AuthError::typeName(error.type()), AuthError::typeName(AuthError::Type(type)));
    QCOMPARE(response.has_value(), type == AuthError::NoError);
    if (response)
        QCOMPARE(response->code, QString("abc"));
    else
        QCOMPARE(error.protocolError(), protocolError);
    // Form-urlencoded: '+' is a space, %2B a plus.
    if (redirect.contains("AADSTS65004")) {
        QVERIFY(error.hasErrorCode(65004));
        QCOMPARE(error.errorDescription(), QString("AADSTS65004: User declined to consent"));
    }
    if (redirect.contains("AADSTS90033"))
        QCOMPARE(error.errorDescription(), QString("AADSTS90033: busy + retry"));
    // What the person reads: our own checks are not presented as the server's errors, and a
    // refused answer says the sign-in stopped, not that it was ignored (issue 16).
    if (protocolError.endsWith(QLatin1String("_mismatch"))) {
        const QString text = error.errorString();
        QVERIFY2(!text.contains(QLatin1String("Server error")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("ignored")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("stopped")) && text.contains(QLatin1String("again")), qPrintable(text));
    } else if (protocolError == QLatin1String("login_required")) {
        // A server code without a description is all there is: shown.
        QVERIFY2(error.errorString().contains(QLatin1String("Server error: login_required.")),
                 qPrintable(error.errorString()));
    }
}

void tst_AuthorizationRequest::implicitResponse_data()
{
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<qint64>("expiresIn"); // 0: refused

    QTest::newRow("tokens") << "access_token=at&token_type=Bearer&expires_in=3599&id_token=a.b.c&scope=openid" << qint64(3599);
    QTest::newRow("token type in lower case") << "access_token=at&token_type=bearer&expires_in=60&id_token=a.b.c" << qint64(60);
    QTest::newRow("no ID token") << "access_token=at&token_type=Bearer&expires_in=3599" << qint64(0);
    QTest::newRow("no access token") << "token_type=Bearer&expires_in=3599&id_token=a.b.c" << qint64(0);
    QTest::newRow("pop token") << "access_token=at&token_type=pop&expires_in=3599&id_token=a.b.c" << qint64(0);
    QTest::newRow("no expires_in") << "access_token=at&token_type=Bearer&id_token=a.b.c" << qint64(0);
    QTest::newRow("expires_in garbage") << "access_token=at&token_type=Bearer&expires_in=soon&id_token=a.b.c" << qint64(0);
    QTest::newRow("expires_in at the bound") << "access_token=at&token_type=Bearer&expires_in=1000000000&id_token=a.b.c" << qint64(1000000000);
    // Found by fuzz_authorizationresponse: no upper bound, unlike the token endpoint's answer.
    QTest::newRow("expires_in beyond the bound") << "access_token=at&token_type=Bearer&expires_in=777777777777777358&id_token=a.b.c" << qint64(0);
    QTest::newRow("expires_in at int64's end") << "access_token=at&token_type=Bearer&expires_in=9223372036854775807&id_token=a.b.c" << qint64(0);
}

void tst_AuthorizationRequest::implicitResponse()
{
    QFETCH(QString, fragment);
    QFETCH(qint64, expiresIn);

    AuthError error;
    const auto tokens = parseImplicitResponse(QUrlQuery(fragment), &error);
    QCOMPARE(tokens.has_value(), expiresIn > 0);
    if (!tokens) {
        QCOMPARE(error.type(), AuthError::InvalidResponse);
        return;
    }
    QCOMPARE(tokens->accessToken, QString("at"));
    QCOMPARE(tokens->idToken, QString("a.b.c"));
    QCOMPARE(tokens->tokenType, QString("Bearer"));
    QCOMPARE(tokens->expiresIn, expiresIn);
    QCOMPARE(tokens->extExpiresIn, expiresIn);
}

QTEST_GUILESS_MAIN(tst_AuthorizationRequest)
#include "tst_authorizationrequest.moc"
