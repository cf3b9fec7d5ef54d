#include <MsalQt/authenticationchallenge.h>

#include <QTest>

using namespace MsalQt;

// AuthenticationChallenge::parse(): the WWW-Authenticate headers that Microsoft Graph, SharePoint
// and Azure Resource Manager send (from Microsoft's documentation of claims challenges, Continuous
// Access Evaluation and the resources' 401 answers), the corners of RFC 9110's grammar, and
// malformed or oversized values, which give no challenge and a reason.
class tst_AuthenticationChallenge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void realHeaders_data();
    void realHeaders();
    void grammar_data();
    void grammar();
    void malformed_data();
    void malformed();
    void claims_data();
    void claims();
};

namespace {
// {"access_token":{"nbf":{"essential":true, "value":"1604106651"}}}: Graph's CAE example.
const QByteArray CaeClaims = "eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZSwgInZhbHVlIjoiMTYwNDEwNjY1MSJ9fX0=";
// {"access_token":{"acrs":{"essential":true,"value":"c1"}}}: an authentication context.
const QByteArray AcrsClaims = "eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiYzEifX19";
} // namespace

void tst_AuthenticationChallenge::realHeaders_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QStringList>("schemes");
    QTest::addColumn<QString>("error");        // of the first challenge
    QTest::addColumn<QString>("claims");       // claimsFromHeader()
    QTest::addColumn<QString>("parameterName"); // one parameter of the first challenge
    QTest::addColumn<QString>("parameterValue");

    QTest::newRow("Graph, CAE claims challenge")
        << "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
           "client_id=\"00000003-0000-0000-c000-000000000000\", errorDescription=\"Continuous access evaluation "
           "resulted in claims challenge\", error=\"insufficient_claims\", claims=\"" + CaeClaims + "\""
        << QStringList{"Bearer"} << "insufficient_claims"
        << "{\"access_token\":{\"nbf\":{\"essential\":true, \"value\":\"1604106651\"}}}"
        << "client_id" << "00000003-0000-0000-c000-000000000000";
    QTest::newRow("Graph, authentication context (Conditional Access)")
        << "Bearer authorization_uri=\"https://login.windows.net/\", error=\"insufficient_claims\", claims=\"" + AcrsClaims + "\""
        << QStringList{"Bearer"} << "insufficient_claims"
        << "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}"
        << "authorization_uri" << "https://login.windows.net/";
    QTest::newRow("SharePoint Online, no token")
        << QByteArray("Bearer realm=\"72f988bf-86f1-41af-91ab-2d7cd011db47\",client_id=\"00000003-0000-0ff1-ce00-000000000000\","
                      "trusted_issuers=\"00000001-0000-0000-c000-000000000000@*,D3776938-3DBA-481F-A652-4BEDFCAB7CD8@*,"
                      "https://sts.windows.net/*/,00000003-0000-0ff1-ce00-000000000000@90140122-8516-11e1-8eff-49304924019b\","
                      "authorization_uri=\"https://login.windows.net/common/oauth2/authorize\"")
        << QStringList{"Bearer"} << QString() << QString()
        << "trusted_issuers"
        << "00000001-0000-0000-c000-000000000000@*,D3776938-3DBA-481F-A652-4BEDFCAB7CD8@*,https://sts.windows.net/*/,"
           "00000003-0000-0ff1-ce00-000000000000@90140122-8516-11e1-8eff-49304924019b";
    QTest::newRow("SharePoint Server, with Negotiate and NTLM")
        << QByteArray("Bearer realm=\"5f8b3a0e-0f3c-4b4f-9a1e-1c2d3e4f5a6b\",client_id=\"00000003-0000-0ff1-ce00-000000000000\", "
                      "Negotiate, NTLM")
        << QStringList{"Bearer", "Negotiate", "NTLM"} << QString() << QString() << "realm"
        << "5f8b3a0e-0f3c-4b4f-9a1e-1c2d3e4f5a6b";
    QTest::newRow("Azure Resource Manager, no token")
        << QByteArray("Bearer authorization_uri=\"https://login.windows.net/\", error=\"invalid_token\", "
                      "error_description=\"The authentication failed because of missing 'Authorization' header.\"")
        << QStringList{"Bearer"} << "invalid_token" << QString() << "error_description"
        << "The authentication failed because of missing 'Authorization' header.";
    QTest::newRow("Azure Resource Manager, CAE claims challenge")
        << "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
           "error=\"insufficient_claims\", claims=\"" + CaeClaims + "\""
        << QStringList{"Bearer"} << "insufficient_claims"
        << "{\"access_token\":{\"nbf\":{\"essential\":true, \"value\":\"1604106651\"}}}"
        << "authorization_uri" << "https://login.microsoftonline.com/common/oauth2/authorize";
    QTest::newRow("proof of possession offered beside Bearer")
        << QByteArray("PoP realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
                      "client_id=\"00000003-0000-0000-c000-000000000000\", nonce=\"eyJ0eXAiOiJKV1QifQ\", "
                      "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\"")
        << QStringList{"PoP", "Bearer"} << QString() << QString() << "nonce" << "eyJ0eXAiOiJKV1QifQ";
}

void tst_AuthenticationChallenge::realHeaders()
{
    QFETCH(QByteArray, header);
    QFETCH(QStringList, schemes);
    QFETCH(QString, error);
    QFETCH(QString, claims);
    QFETCH(QString, parameterName);
    QFETCH(QString, parameterValue);
    QString reason = QStringLiteral("not set");
    const QList<AuthenticationChallenge> challenges = AuthenticationChallenge::parse(header, &reason);
    QVERIFY2(reason.isEmpty(), qPrintable(reason));
    QStringList parsedSchemes;
    for (const AuthenticationChallenge &challenge : challenges)
        parsedSchemes << challenge.scheme();
    QCOMPARE(parsedSchemes, schemes);
    QCOMPARE(challenges.first().error(), error);
    QCOMPARE(challenges.first().parameter(parameterName), parameterValue);
    QCOMPARE(challenges.first().parameter(parameterName.toUpper()), parameterValue); // names ignore case
    QCOMPARE(AuthenticationChallenge::claimsFromHeader(header), claims);
    QCOMPARE(challenges.first().isClaimsChallenge(), !claims.isEmpty());
}

void tst_AuthenticationChallenge::grammar_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("scheme");  // of the last challenge
    QTest::addColumn<QString>("token68"); // of the last challenge
    QTest::addColumn<QString>("parameters"); // of the last challenge: name=value;...

    QTest::newRow("scheme alone") << QByteArray("Bearer") << 1 << "Bearer" << QString() << QString();
    QTest::newRow("token68 that looks like a parameter without value") << QByteArray("Bearer realm=") << 1 << "Bearer"
                                                                       << "realm=" << QString();
    QTest::newRow("token68 with padding") << QByteArray("Negotiate YIIGhgYJKoZIhvcSAQICAQBuggZ1MIIGcaADAgEF==") << 1
                                          << "Negotiate" << "YIIGhgYJKoZIhvcSAQICAQBuggZ1MIIGcaADAgEF==" << QString();
    QTest::newRow("token68, then another challenge") << QByteArray("Negotiate abc/+_~.-, Basic realm=\"x\"") << 2 << "Basic"
                                                     << QString() << "realm=x";
    QTest::newRow("quoted-pair escapes") << QByteArray(R"(Bearer realm="a \"quoted\" \\ realm", error="x")") << 1
                                         << "Bearer" << QString() << R"(realm=a "quoted" \ realm;error=x)";
    QTest::newRow("unquoted token values") << QByteArray("Bearer error=invalid_token, realm=api") << 1 << "Bearer"
                                           << QString() << "error=invalid_token;realm=api";
    QTest::newRow("names lowered, scheme kept") << QByteArray("bEaReR Error=\"e\"") << 1 << "bEaReR" << QString() << "error=e";
    QTest::newRow("whitespace around = and empty list elements")
        << QByteArray(" , Basic realm = \"one\" ,, Bearer\trealm\t=\t\"two\" , ") << 2 << "Bearer" << QString() << "realm=two";
    QTest::newRow("comma inside a quoted string") << QByteArray("Bearer realm=\"a, b=c\", error=\"d\"") << 1 << "Bearer"
                                                  << QString() << "realm=a, b=c;error=d";
    QTest::newRow("empty quoted value") << QByteArray("Bearer realm=\"\"") << 1 << "Bearer" << QString() << "realm=";
    QTest::newRow("UTF-8 bytes in a quoted string stay bytes (Latin-1)") << QByteArray("Basic realm=\"\xc3\xa9\"") << 1
                                                                         << "Basic" << QString() << "realm=\u00c3\u00a9";
    QTest::newRow("empty header") << QByteArray() << 0 << QString() << QString() << QString();
}

void tst_AuthenticationChallenge::grammar()
{
    QFETCH(QByteArray, header);
    QFETCH(int, count);
    QFETCH(QString, scheme);
    QFETCH(QString, token68);
    QFETCH(QString, parameters);
    QString reason;
    const QList<AuthenticationChallenge> challenges = AuthenticationChallenge::parse(header, &reason);
    QVERIFY2(reason.isEmpty(), qPrintable(reason));
    QCOMPARE(challenges.size(), count);
    if (count == 0)
        return;
    const AuthenticationChallenge last = challenges.last();
    QCOMPARE(last.scheme(), scheme);
    QVERIFY(last.hasScheme(scheme.toLower()));
    QCOMPARE(last.token68(), token68);
    QStringList pairs;
    for (const auto &[name, value] : last.parameters())
        pairs << name + '=' + value;
    QCOMPARE(pairs.join(';'), parameters);
}

void tst_AuthenticationChallenge::malformed_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("reason"); // part of the error string

    QTest::newRow("unterminated quoted string") << QByteArray("Bearer realm=\"abc") << "without its closing quote";
    QTest::newRow("escape at the end") << QByteArray("Bearer realm=\"abc\\") << "without its closing quote";
    // ("Bearer realm=" alone is a token68, "realm=", by the grammar.)
    QTest::newRow("parameter without a value") << QByteArray("Bearer error=\"x\", realm=") << "has no value";
    QTest::newRow("parameter without =") << QByteArray("Bearer error=\"x\", realm \"y\"") << "parameter name was expected";
    QTest::newRow("missing comma between parameters") << QByteArray("Bearer realm=\"x\" error=\"y\"") << "comma was expected";
    QTest::newRow("unquoted values without comma") << QByteArray("Bearer a=b c=d") << "comma was expected";
    QTest::newRow("parameter named twice") << QByteArray("Bearer error=\"a\", ERROR=\"b\"") << "appears twice";
    QTest::newRow("control character") << QByteArray("Bearer realm=\"a\x01" "b\"") << "control character";
    QTest::newRow("newline (header injection)") << QByteArray("Bearer realm=\"a\nSet-Cookie: x\"") << "control character";
    QTest::newRow("no scheme") << QByteArray("=\"x\"") << "scheme was expected";
    QTest::newRow("= after a comma") << QByteArray("Bearer realm=\"x\", =y") << "scheme was expected";
    QTest::newRow("scheme glued to a quote") << QByteArray("Bearer\"x\"") << "comma was expected";
    QTest::newRow("larger than 32 KiB") << "Bearer realm=\"" + QByteArray(33 * 1024, 'a') + '"' << "larger than";
    QByteArray manyChallenges;
    for (int i = 0; i < 33; ++i)
        manyChallenges += "Basic, ";
    QTest::newRow("33 challenges") << manyChallenges << "more than 32 challenges";
    QByteArray manyParameters = "Bearer ";
    for (int i = 0; i < 65; ++i)
        manyParameters += "p" + QByteArray::number(i) + "=v, ";
    QTest::newRow("65 parameters") << manyParameters << "more than 64 parameters";
}

void tst_AuthenticationChallenge::malformed()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(AuthenticationChallenge::parse(header, &error).isEmpty());
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(error.startsWith(QLatin1String("The authentication challenge could not be read")));
    QVERIFY(AuthenticationChallenge::claimsFromHeader(header).isEmpty());
}

void tst_AuthenticationChallenge::claims_data()
{
    QTest::addColumn<QByteArray>("claimsValue");
    QTest::addColumn<QString>("decoded"); // empty: not a claims challenge

    QTest::newRow("base64, padded") << CaeClaims << "{\"access_token\":{\"nbf\":{\"essential\":true, \"value\":\"1604106651\"}}}";
    QTest::newRow("base64url, without padding")
        << QByteArray("eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiYzE_In19fQ")
        << "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1?\"}}}";
    QTest::newRow("not base64") << QByteArray("{not base64}") << QString();
    QTest::newRow("base64 of text that is not JSON") << QByteArray("bm90IGpzb24=") << QString();
    QTest::newRow("base64 of a JSON array") << QByteArray("WzEsMl0=") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    // Qt's JSON parser takes a stray byte after a backslash; as a QString it would be U+FFFD, so
    // the claims handed on would no longer be JSON (found by fuzz_wwwauthenticate).
    QTest::newRow("JSON with a byte that is not UTF-8")
        << QByteArray("eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJcl3NzZW50aWFsIjp0cnVlfX19") << QString();
    QTest::newRow("UTF-8 kept") << QByteArray("eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJ2YWx1ZSI6ImNhZsOpIn19fQ==")
        << QString::fromUtf8("{\"access_token\":{\"acrs\":{\"value\":\"caf\xc3\xa9\"}}}");
}

void tst_AuthenticationChallenge::claims()
{
    QFETCH(QByteArray, claimsValue);
    QFETCH(QString, decoded);
    const QByteArray header = "Bearer error=\"insufficient_claims\", claims=\"" + claimsValue + "\"";
    const QList<AuthenticationChallenge> challenges = AuthenticationChallenge::parse(header);
    QCOMPARE(challenges.size(), 1);
    QCOMPARE(challenges.first().claims(), decoded);
    QCOMPARE(challenges.first().isClaimsChallenge(), !decoded.isEmpty());
    // The same claims under a scheme that is not Bearer or PoP are no claims challenge.
    const QList<AuthenticationChallenge> basic = AuthenticationChallenge::parse("Basic claims=\"" + claimsValue + "\"");
    QCOMPARE(basic.size(), 1);
    QVERIFY(!basic.first().isClaimsChallenge());
}

QTEST_APPLESS_MAIN(tst_AuthenticationChallenge)
#include "tst_authenticationchallenge.moc"
