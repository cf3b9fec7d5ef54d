#include "hostileserver.h"
#include "routingnetworkaccessmanager.h"
#include "testsupport.h"

#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokencache.h>

#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;
using Answer = TestSupport::HostileServer::Answer;

// A federated user's password against hostile federation servers: a user realm or a MEX that
// points the password at plain http or at another host, MEX and WS-Trust answers that never end,
// trickle or weigh 64 MiB, two SAML assertions, a huge SOAP fault. The emulator is the platform;
// a HostileServer stands in for the one endpoint under test.
class tst_HostileFederation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void refused_data();
    void refused();
    void hugeFaultTextIsCapped();

private:
    std::unique_ptr<TokenRequest> signIn(PublicClientApplication *app);
    MsalQt::Emulator::Server m_emulator;
    HostileServer m_hostile;
    HostileServer m_otherHost; // 127.0.0.2
    RoutingNetworkAccessManager m_network;
};

static constexpr qint64 MiB = 1024 * 1024;
static const QString realmPath = QStringLiteral("/common/userrealm/");
static const QString mexPath = QStringLiteral("/adfs/services/trust/mex");
static const QString rstPath = QStringLiteral("/adfs/services/trust/13/usernamemixed");
static const QString dave = QStringLiteral("dave@woodgrove.com");

static Answer userRealm(const QString &metadataUrl)
{
    return Answer::complete(200, "application/json",
                            QStringLiteral(R"({"ver":"1.0","account_type":"Federated","domain_name":"woodgrove.com",)"
                                           R"("federation_protocol":"WSTrust","federation_metadata_url":"%1",)"
                                           R"("cloud_audience_urn":"urn:federation:MicrosoftOnline"})")
                                .arg(metadataUrl)
                                .toUtf8());
}

// A MEX document whose only usernamemixed endpoint (WS-Trust 1.3) is `endpoint`.
static Answer mex(const QString &endpoint)
{
    return Answer::complete(200, "application/soap+xml", QStringLiteral(R"(<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" xmlns:wsp="http://schemas.xmlsoap.org/ws/2004/09/policy" xmlns:sp="http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702" xmlns:tns="t">
<wsp:Policy wsu:Id="user"><sp:SignedEncryptedSupportingTokens><wsp:Policy><sp:UsernameToken/></wsp:Policy></sp:SignedEncryptedSupportingTokens></wsp:Policy>
<wsdl:binding name="U13" type="tns:I"><wsp:PolicyReference URI="#user"/><soap12:binding transport="http://schemas.xmlsoap.org/soap/http"/><wsdl:operation name="Issue"><soap12:operation soapAction="http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue"/></wsdl:operation></wsdl:binding>
<wsdl:service><wsdl:port binding="tns:U13"><soap12:address location="%1"/></wsdl:port></wsdl:service></wsdl:definitions>)")
                                                                   .arg(endpoint)
                                                                   .toUtf8());
}

static QByteArray assertion(const char *id)
{
    return QByteArray(R"(<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion" MajorVersion="1" MinorVersion="1" AssertionID=")")
        + id + R"(" Issuer="http://fs.woodgrove.com/adfs/services/trust"><saml:AttributeStatement/></saml:Assertion>)";
}

static Answer rstr(const QByteArray &tokens)
{
    return Answer::complete(200, "application/soap+xml",
                            R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><trust:RequestSecurityTokenResponseCollection xmlns:trust="http://docs.oasis-open.org/ws-sx/ws-trust/200512"><trust:RequestSecurityTokenResponse>)"
                                + tokens
                                + R"(<trust:TokenType>urn:oasis:names:tc:SAML:1.0:assertion</trust:TokenType></trust:RequestSecurityTokenResponse></trust:RequestSecurityTokenResponseCollection></s:Body></s:Envelope>)");
}

static Answer soapFault(const QByteArray &reason)
{
    return Answer::complete(500, "application/soap+xml",
                            R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>a:FailedAuthentication</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en-US">)"
                                + reason + R"(</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>)");
}

void tst_HostileFederation::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY(m_hostile.listen(QHostAddress::LocalHost));
    QVERIFY(m_otherHost.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
}

void tst_HostileFederation::init()
{
    m_emulator.clearRequests();
    m_hostile.clear();
    m_otherHost.clear();
    m_network.clearRoutes();
}

std::unique_ptr<TokenRequest> tst_HostileFederation::signIn(PublicClientApplication *app)
{
    TokenRequest *request = app->acquireTokenByUsernamePassword({QStringLiteral("User.Read")}, dave, password());
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!request->isFinished() && !finished.wait(30000))
        qWarning("request did not finish");
    return std::unique_ptr<TokenRequest>(request);
}

void tst_HostileFederation::refused_data()
{
    QTest::addColumn<QString>("path");     // the endpoint the hostile server stands in for
    QTest::addColumn<Answer>("answer");
    QTest::addColumn<int>("type");         // AuthError::Type
    QTest::addColumn<bool>("passwordSent"); // did the password leave for the (hostile) endpoint?
    QTest::addColumn<int>("tokenRequests"); // that reached the platform's token endpoint

    const QString sameHostRst = m_hostile.url(rstPath).toString();
    const QString otherHostRst = m_otherHost.url(rstPath).toString();
    const int invalid = AuthError::InvalidResponse;
    const int tooLarge = AuthError::ResponseTooLarge;

    // Where the password may go (issue 12, item 2): the metadata over TLS, the endpoint on its host.
    QTest::newRow("user realm: MEX over plain http") << realmPath << userRealm("http://sts.example.invalid" + mexPath)
                                                     << invalid << false << 0;
    QTest::newRow("MEX: endpoint over plain http") << mexPath << mex("http://sts.example.invalid" + rstPath)
                                                   << invalid << false << 0;
    QTest::newRow("MEX: endpoint on another host") << mexPath << mex(otherHostRst) << invalid << false << 0;
    QTest::newRow("MEX: https endpoint on another host") << mexPath << mex("https://sts.example.invalid" + rstPath)
                                                         << invalid << false << 0;
    // Bounded reads (item 4) and the total deadline (item 5).
    QTest::newRow("MEX: 64 MiB") << mexPath << Answer::huge(64 * MiB) << tooLarge << false << 0;
    QTest::newRow("MEX: endless") << mexPath << Answer::endless() << tooLarge << false << 0;
    QTest::newRow("WS-Trust: 64 MiB") << rstPath << Answer::huge(64 * MiB) << tooLarge << true << 0;
    QTest::newRow("WS-Trust: 64 MiB chunked") << rstPath << Answer::huge(64 * MiB, true) << tooLarge << true << 0;
    QTest::newRow("WS-Trust: endless") << rstPath << Answer::endless() << tooLarge << true << 0;
    QTest::newRow("WS-Trust: one byte a second") << rstPath << Answer::trickle(1000) << int(AuthError::Timeout) << true << 0;
    // Redirects (item 3): the RST is never re-posted.
    QTest::newRow("WS-Trust: 307 to another host") << rstPath << Answer::redirect(307, QUrl(otherHostRst)) << invalid
                                                   << true << 0;
    QUrl otherHostTls(otherHostRst);
    otherHostTls.setScheme(QStringLiteral("https"));
    QTest::newRow("WS-Trust: 307 to https on another host") << rstPath << Answer::redirect(307, otherHostTls) << invalid
                                                            << true << 0;
    QTest::newRow("WS-Trust: 308 to the same host") << rstPath << Answer::redirect(308, QUrl(sameHostRst + "2"))
                                                    << invalid << true << 0;
    // Two tokens (item 7); one forged token is redeemed (and refused by the platform): the control.
    QTest::newRow("WS-Trust: two assertions") << rstPath << rstr("<trust:RequestedSecurityToken>" + assertion("_a") + assertion("_b")
                                                                 + "</trust:RequestedSecurityToken>")
                                              << invalid << true << 0;
    QTest::newRow("WS-Trust: two requested tokens")
        << rstPath
        << rstr("<trust:RequestedSecurityToken>" + assertion("_a") + "</trust:RequestedSecurityToken><trust:RequestedSecurityToken>"
                + assertion("_b") + "</trust:RequestedSecurityToken>")
        << invalid << true << 0;
    QTest::newRow("WS-Trust: one forged assertion (control)")
        << rstPath << rstr("<trust:RequestedSecurityToken>" + assertion("_a") + "</trust:RequestedSecurityToken>")
        << int(AuthError::ServiceError) << true << 1;
}

void tst_HostileFederation::refused()
{
    QFETCH(QString, path);
    QFETCH(Answer, answer);
    QFETCH(int, type);
    QFETCH(bool, passwordSent);
    QFETCH(int, tokenRequests);

    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app.setNetworkAccessManager(&m_network);
    app.setHttpTimeout(std::chrono::milliseconds(2500));
    m_hostile.answer(path, answer);
    m_network.route(path, m_hostile.url());
    LogCapture logs;
    const auto request = signIn(&app);

    QVERIFY(request->isFinished());
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Type(type)));
    QVERIFY(!request->error().errorString().isEmpty());
    QCOMPARE(m_hostile.requestCount(path), 1); // never retried
    // Only the endpoint under test may have seen the password, and only once.
    int withPassword = 0;
    for (const auto &r : m_hostile.requests())
        withPassword += r.body.contains(password().toUtf8()) ? 1 : 0;
    QCOMPARE(withPassword, passwordSent ? 1 : 0);
    QCOMPARE(m_otherHost.connectionCount(), 0);
    QCOMPARE(m_emulator.requestCount(rstPath), 0);
    QCOMPARE(m_emulator.requestCount(QStringLiteral("/oauth2/v2.0/token")), tokenRequests);
    // Refusals that come before any connection: the pipeline never sent to the non-loopback name.
    for (const QString &line : logs.lines()) {
        const bool sent = line.contains(QStringLiteral("GET ")) || line.contains(QStringLiteral("POST "));
        QVERIFY2(!sent || !line.contains(QStringLiteral("sts.example.invalid")), qPrintable(line));
    }
    QVERIFY(!logs.contains(password()));
    QVERIFY(app.accounts().isEmpty());
    const PublicClientApplication untouched(m_emulator.publicClientId(), app.authority());
    QCOMPARE(app.tokenCache()->serialize(), untouched.tokenCache()->serialize());
}

void tst_HostileFederation::hugeFaultTextIsCapped()
{
    // 900 KiB of reason: the error carries it once, cut to AuthError::maxTextLength (item 8).
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app.setNetworkAccessManager(&m_network);
    m_hostile.answer(rstPath, soapFault("MSIS7068: " + QByteArray(900 * 1024, 'x')));
    m_network.route(rstPath, m_hostile.url());
    const auto request = signIn(&app);

    const AuthError error = request->error();
    QCOMPARE(AuthError::typeName(error.type()), AuthError::typeName(AuthError::ServiceError));
    QCOMPARE(error.protocolError(), QStringLiteral("a:FailedAuthentication"));
    QVERIFY(error.errorDescription().startsWith(QStringLiteral("MSIS7068: xxx")));
    QCOMPARE(error.errorDescription().size(), AuthError::maxTextLength);
    QVERIFY2(error.errorString().size() < 2 * AuthError::maxTextLength, qPrintable(QString::number(error.errorString().size())));
    QCOMPARE(error.errorString().count(QStringLiteral("MSIS7068")), 1);
    QCOMPARE(m_emulator.requestCount(QStringLiteral("/oauth2/v2.0/token")), 0);
    QVERIFY(app.accounts().isEmpty());
}

QTEST_GUILESS_MAIN(tst_HostileFederation)
#include "tst_hostilefederation.moc"
