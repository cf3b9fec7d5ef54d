#include "wstrust/mex_p.h"
#include "wstrust/userrealm_p.h"
#include "wstrust/wstrustmessage_p.h"

#include <QTest>

using namespace MsalQt;
using namespace MsalQt::Internal;

// The XML side of WS-Trust: MEX endpoint selection, RSTR parsing, faults, and hostile documents.
class tst_WsTrust : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mexSelection_data();
    void mexSelection();
    void response_data();
    void response();
    void requestEscapesSecrets();
    void userRealm_data();
    void userRealm();
};

static QByteArray mex(const QByteArray &bindings)
{
    return R"(<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" xmlns:wsp="http://schemas.xmlsoap.org/ws/2004/09/policy" xmlns:sp="http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702" xmlns:http="http://schemas.microsoft.com/ws/06/2004/policy/http" xmlns:tns="t">
<wsp:Policy wsu:Id="kerb"><http:NegotiateAuthentication/></wsp:Policy>
<wsp:Policy wsu:Id="user"><sp:SignedEncryptedSupportingTokens><wsp:Policy><sp:UsernameToken/></wsp:Policy></sp:SignedEncryptedSupportingTokens></wsp:Policy>
)" + bindings + "</wsdl:definitions>";
}

static QByteArray binding(const char *name, const char *policy, bool trust13, const char *url)
{
    const QByteArray action = trust13 ? "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue"
                                      : "http://schemas.xmlsoap.org/ws/2005/02/trust/RST/Issue";
    return QByteArray("<wsdl:binding name=\"") + name + "\" type=\"tns:I\"><wsp:PolicyReference URI=\"#" + policy
        + "\"/><soap12:binding transport=\"http://schemas.xmlsoap.org/soap/http\"/><wsdl:operation name=\"Issue\"><soap12:operation soapAction=\"" + action
        + "\"/></wsdl:operation></wsdl:binding><wsdl:service><wsdl:port binding=\"tns:" + name
        + "\"><soap12:address location=\"" + url + "\"/></wsdl:port></wsdl:service>";
}

void tst_WsTrust::mexSelection_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("url");      // empty: no endpoint
    QTest::addColumn<int>("errorType");

    const int user = int(WsTrustEndpointKind::UsernameMixed);
    const int kerb = int(WsTrustEndpointKind::WindowsTransport);
    const QByteArray both = mex(binding("U13", "user", true, "https://fs/13/usernamemixed")
                                + binding("K13", "kerb", true, "https://fs/13/windowstransport"));
    QTest::newRow("usernamemixed") << both << user << "https://fs/13/usernamemixed" << 0;
    QTest::newRow("windowstransport") << both << kerb << "https://fs/13/windowstransport" << 0;
    QTest::newRow("1.3 preferred over 2005")
        << mex(binding("U05", "user", false, "https://fs/2005/usernamemixed") + binding("U13", "user", true, "https://fs/13/usernamemixed"))
        << user << "https://fs/13/usernamemixed" << 0;
    QTest::newRow("2005 when alone") << mex(binding("U05", "user", false, "https://fs/2005/usernamemixed")) << user
                                     << "https://fs/2005/usernamemixed" << 0;
    QTest::newRow("no kerberos endpoint") << mex(binding("U13", "user", true, "https://fs/13/usernamemixed")) << kerb
                                          << QString() << int(AuthError::InvalidConfiguration);
    QTest::newRow("unknown scheme ignored") << mex(binding("U13", "user", true, "ftp://fs/u")) << user << QString()
                                            << int(AuthError::InvalidConfiguration);
    // What binds the endpoint: the host the user realm named for the metadata, and TLS.
    QTest::newRow("plain http refused") << mex(binding("U13", "user", true, "http://fs/13/usernamemixed")) << user
                                        << QString() << int(AuthError::InvalidResponse);
    QTest::newRow("another host refused") << mex(binding("U13", "user", true, "https://evil/13/usernamemixed")) << user
                                          << QString() << int(AuthError::InvalidResponse);
    QTest::newRow("same host, another port") << mex(binding("U13", "user", true, "https://FS:8443/13/usernamemixed"))
                                             << user << "https://fs:8443/13/usernamemixed" << 0;
    QTest::newRow("the secure one of two") << mex(binding("U13", "user", true, "http://fs/13/usernamemixed")
                                                  + binding("U05", "user", false, "https://fs/2005/usernamemixed"))
                                           << user << "https://fs/2005/usernamemixed" << 0;
    QTest::newRow("another host, kerberos") << mex(binding("K13", "kerb", true, "https://evil/13/windowstransport"))
                                            << kerb << QString() << int(AuthError::InvalidResponse);
    QTest::newRow("not XML") << QByteArray("{\"json\":true}") << user << QString() << int(AuthError::InvalidResponse);
    QTest::newRow("truncated") << both.left(both.size() / 2) << user << QString() << int(AuthError::InvalidResponse);
    QTest::newRow("billion laughs DTD")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>")
        << user << QString() << int(AuthError::InvalidResponse);
    QTest::newRow("external entity")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><l>&x;</l>") << user
        << QString() << int(AuthError::InvalidResponse);
    QTest::newRow("huge") << QByteArray(2 * 1024 * 1024, ' ') << user << QString() << int(AuthError::InvalidResponse);
    QTest::newRow("deep nesting") << QByteArray(100000, '<') << user << QString() << int(AuthError::InvalidResponse);
}

void tst_WsTrust::mexSelection()
{
    QFETCH(QByteArray, document);
    QFETCH(int, kind);
    QFETCH(QString, url);
    QFETCH(int, errorType);
    AuthError error;
    const auto endpoint = parseMex(document, WsTrustEndpointKind(kind), QUrl("https://fs/adfs/services/trust/mex"), &error);
    if (url.isEmpty()) {
        QVERIFY(!endpoint);
        QCOMPARE(int(error.type()), errorType);
    } else {
        QVERIFY2(endpoint, qPrintable(error.errorString()));
        QCOMPARE(endpoint->url.toString(), url);
    }
}

static const char assertion1[] =
    "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:1.0:assertion\" AssertionID=\"_1\"><saml:Conditions/>"
    "<saml:TokenType>not-the-rstr-one</saml:TokenType></saml:Assertion>";

static QByteArray rstr(const QByteArray &tokenType, const QByteArray &assertion)
{
    return R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><trust:RequestSecurityTokenResponseCollection xmlns:trust="http://docs.oasis-open.org/ws-sx/ws-trust/200512"><trust:RequestSecurityTokenResponse><trust:RequestedSecurityToken>)"
        + assertion + "</trust:RequestedSecurityToken><trust:TokenType>" + tokenType
        + "</trust:TokenType></trust:RequestSecurityTokenResponse></trust:RequestSecurityTokenResponseCollection></s:Body></s:Envelope>";
}

void tst_WsTrust::response_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("grantType");  // empty: an error
    QTest::addColumn<int>("errorType");
    QTest::addColumn<QString>("protocolError");

    QTest::newRow("saml 1.1") << rstr("urn:oasis:names:tc:SAML:1.0:assertion", assertion1)
                              << "urn:ietf:params:oauth:grant-type:saml1_1-bearer" << 0 << QString();
    QTest::newRow("saml 2.0") << rstr("urn:oasis:names:tc:SAML:2.0:assertion", assertion1)
                              << "urn:ietf:params:oauth:grant-type:saml2-bearer" << 0 << QString();
    QTest::newRow("unknown token type") << rstr("urn:x", assertion1) << QString() << int(AuthError::InvalidResponse) << QString();
    QTest::newRow("no assertion") << rstr("urn:oasis:names:tc:SAML:1.0:assertion", "") << QString()
                                  << int(AuthError::InvalidResponse) << QString();
    QTest::newRow("soap fault")
        << QByteArray(R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>a:FailedAuthentication</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en-US">MSIS7068: Access denied.</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>)")
        << QString() << int(AuthError::ServiceError) << "a:FailedAuthentication";
    QTest::newRow("DTD") << QByteArray("<!DOCTYPE s [<!ENTITY a \"x\">]><s>&a;</s>") << QString()
                         << int(AuthError::InvalidResponse) << QString();
    QTest::newRow("empty") << QByteArray() << QString() << int(AuthError::InvalidResponse) << QString();
    const QByteArray token = "<trust:RequestedSecurityToken>" + QByteArray(assertion1) + "</trust:RequestedSecurityToken>";
    QTest::newRow("two assertions") << rstr("urn:oasis:names:tc:SAML:1.0:assertion", QByteArray(assertion1) + assertion1)
                                    << QString() << int(AuthError::InvalidResponse) << QString();
    QTest::newRow("two requested tokens")
        << QByteArray(R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><trust:RequestSecurityTokenResponse xmlns:trust="http://docs.oasis-open.org/ws-sx/ws-trust/200512">)"
                      + token + token + "<trust:TokenType>urn:oasis:names:tc:SAML:1.0:assertion</trust:TokenType></trust:RequestSecurityTokenResponse></s:Body></s:Envelope>")
        << QString() << int(AuthError::InvalidResponse) << QString();
    QTest::newRow("a second requested token of another kind")
        << QByteArray(R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><trust:RequestSecurityTokenResponse xmlns:trust="http://docs.oasis-open.org/ws-sx/ws-trust/200512">)"
                      + token + "<trust:RequestedSecurityToken><BinarySecurityToken>eA==</BinarySecurityToken></trust:RequestedSecurityToken>"
                      + "<trust:TokenType>urn:oasis:names:tc:SAML:1.0:assertion</trust:TokenType></trust:RequestSecurityTokenResponse></s:Body></s:Envelope>")
        << QString() << int(AuthError::InvalidResponse) << QString();
    QTest::newRow("assertion inside the assertion (SAML Advice): one token")
        << rstr("urn:oasis:names:tc:SAML:1.0:assertion",
                "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:1.0:assertion\"><saml:Advice>" + QByteArray(assertion1)
                    + "</saml:Advice></saml:Assertion>")
        << "urn:ietf:params:oauth:grant-type:saml1_1-bearer" << 0 << QString();
    QTest::newRow("html error page") << QByteArray("<html><body>500</body>") << QString() << int(AuthError::InvalidResponse)
                                     << QString();
}

void tst_WsTrust::response()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, grantType);
    QFETCH(int, errorType);
    QFETCH(QString, protocolError);
    AuthError error;
    const auto assertion = parseRequestSecurityTokenResponse(body, &error);
    if (grantType.isEmpty()) {
        QVERIFY(!assertion);
        QCOMPARE(int(error.type()), errorType);
        QCOMPARE(error.protocolError(), protocolError);
        if (!protocolError.isEmpty())
            QVERIFY(error.errorString().contains("MSIS7068"));
        return;
    }
    QVERIFY2(assertion, qPrintable(error.errorString()));
    QCOMPARE(assertion->grantType, grantType);
    QVERIFY(assertion->xml.startsWith("<saml:Assertion"));
    QVERIFY(body.contains(assertion->xml)); // byte for byte
    if (body.count("<saml:Assertion") == 1)
        QCOMPARE(assertion->xml, QByteArray(assertion1));
}

void tst_WsTrust::requestEscapesSecrets()
{
    WsTrustRequest request{{QUrl("https://fs/13/usernamemixed"), WsTrustVersion::Trust13},
                           "urn:federation:MicrosoftOnline", "dave@woodgrove.com", "p<&>\"'w", QDateTime::currentDateTimeUtc()};
    const QByteArray body = buildRequestSecurityToken(request);
    QVERIFY(body.contains("p&lt;&amp;&gt;"));
    QVERIFY(!body.contains("p<&>"));
    QVERIFY(body.contains("http://docs.oasis-open.org/ws-sx/ws-trust/200512/Bearer"));
    request.username.clear();
    request.password.clear();
    QVERIFY(!buildRequestSecurityToken(request).contains("UsernameToken"));
}

void tst_WsTrust::userRealm_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("accountType"); // -1: error
    QTest::newRow("managed") << QByteArray(R"({"account_type":"Managed"})") << int(UserRealm::AccountType::Managed);
    QTest::newRow("federated") << QByteArray(R"({"account_type":"Federated","federation_protocol":"WSTrust","federation_metadata_url":"https://fs/mex"})")
                               << int(UserRealm::AccountType::Federated);
    QTest::newRow("federated without mex") << QByteArray(R"({"account_type":"Federated"})") << -1;
    QTest::newRow("msa") << QByteArray(R"({"account_type":"MSA"})") << int(UserRealm::AccountType::Msa);
    QTest::newRow("unknown") << QByteArray(R"({"account_type":"Unknown"})") << -1;
    QTest::newRow("not json") << QByteArray("<html/>") << -1;
}

void tst_WsTrust::userRealm()
{
    QFETCH(QByteArray, body);
    QFETCH(int, accountType);
    AuthError error;
    const auto realm = parseUserRealm(body, &error);
    if (accountType < 0) {
        QVERIFY(!realm);
        QVERIFY(error.isError());
        return;
    }
    QVERIFY2(realm, qPrintable(error.errorString()));
    QCOMPARE(int(realm->accountType), accountType);
}

QTEST_GUILESS_MAIN(tst_WsTrust)
#include "tst_wstrust.moc"
