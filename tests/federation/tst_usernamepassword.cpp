#include "testsupport.h"

#include <MsalQt/publicclientapplication.h>

#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;

// Username/password (ROPC) against the in-process emulator: managed users through the password
// grant, federated users through WS-Trust usernamemixed and the SAML bearer grant, and every
// refusal; plus the integrated-auth refusals that need no Kerberos.
class tst_UsernamePassword : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void signIn_data();
    void signIn();
    void refused_data();
    void refused();
    void integratedRefused_data();
    void integratedRefused();

private:
    std::unique_ptr<TokenRequest> wait(TokenRequest *request);
    bool anyRequestCarries(const QString &text) const;
    MsalQt::Emulator::Server m_emulator;
};

void tst_UsernamePassword::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_UsernamePassword::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
}

std::unique_ptr<TokenRequest> tst_UsernamePassword::wait(TokenRequest *request)
{
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!request->isFinished() && !finished.wait(15000))
        qWarning("request did not finish");
    return std::unique_ptr<TokenRequest>(request);
}

bool tst_UsernamePassword::anyRequestCarries(const QString &text) const
{
    for (const auto &r : m_emulator.requests()) {
        if (r.form.toString(QUrl::FullyDecoded).contains(text))
            return true;
    }
    return false;
}

void tst_UsernamePassword::signIn_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("grantType");
    QTest::addColumn<QString>("federationPath"); // the WS-Trust endpoint used, or empty

    QTest::newRow("managed") << QString() << alice() << "password" << QString();
    QTest::newRow("managed, organizations") << "organizations" << alice() << "password" << QString();
    QTest::newRow("federated") << "organizations" << "dave@woodgrove.com"
                               << "urn:ietf:params:oauth:grant-type:saml1_1-bearer"
                               << "/adfs/services/trust/13/usernamemixed";
}

void tst_UsernamePassword::signIn()
{
    QFETCH(QString, tenant);
    QFETCH(QString, username);
    QFETCH(QString, grantType);
    QFETCH(QString, federationPath);

    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl(tenant)));
    LogCapture logs;
    auto request = wait(app.acquireTokenByUsernamePassword({"User.Read"}, username, password()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    const AuthenticationResult result = request->result();
    QCOMPARE(result.account().username(), username);
    QVERIFY(!result.accessToken().isEmpty());
    QVERIFY(!logs.contains(password()));

    bool sawGrant = false, sawFederation = federationPath.isEmpty();
    for (const auto &r : m_emulator.requests()) {
        if (r.path.endsWith("/oauth2/v2.0/token"))
            sawGrant = r.form.queryItemValue("grant_type", QUrl::FullyDecoded) == grantType;
        if (!federationPath.isEmpty() && r.path == federationPath)
            sawFederation = true;
    }
    QVERIFY(sawGrant);
    QVERIFY(sawFederation);

    // The result is in the cache: silent acquisition serves it without the network.
    m_emulator.clearRequests();
    auto silent = wait(app.acquireTokenSilent({"User.Read"}, result.account()));
    QVERIFY2(silent->isSuccess(), qPrintable(silent->error().errorString()));
    QVERIFY(silent->result().isFromCache());
    QCOMPARE(silent->result().accessToken(), result.accessToken());
}

void tst_UsernamePassword::refused_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("aadsts");      // 0: none expected
    QTest::addColumn<bool>("passwordToPlatform"); // a federated user's only goes to its federation server

    QTest::newRow("wrong password") << QString() << alice() << "wrong" << int(AuthError::ServiceError) << 50126 << true;
    QTest::newRow("mfa required") << QString() << "bob@contoso.com" << password() << int(AuthError::UiRequired) << 50076 << true;
    QTest::newRow("federated, wrong password") << "organizations" << "dave@woodgrove.com" << "wrong"
                                               << int(AuthError::ServiceError) << 0 << false;
    QTest::newRow("personal account") << "common" << carol() << password() << int(AuthError::InvalidConfiguration) << 0 << false;
    QTest::newRow("consumers authority") << "consumers" << carol() << password() << int(AuthError::UnsupportedAuthority) << 0
                                         << false;
    QTest::newRow("no domain in username") << QString() << "alice" << password() << int(AuthError::InvalidConfiguration) << 0
                                           << false;
}

void tst_UsernamePassword::refused()
{
    QFETCH(QString, tenant);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(int, type);
    QFETCH(int, aadsts);
    QFETCH(bool, passwordToPlatform);

    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl(tenant)));
    LogCapture logs;
    auto request = wait(app.acquireTokenByUsernamePassword({"User.Read"}, username, password));
    QVERIFY(request->isFinished());
    QVERIFY(!request->isSuccess());
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Type(type)));
    if (aadsts)
        QVERIFY2(request->error().hasErrorCode(aadsts), qPrintable(request->error().errorString()));
    QCOMPARE(anyRequestCarries(password), passwordToPlatform);
    QVERIFY(!logs.contains(password));
    QVERIFY(app.accounts().isEmpty());
}

void tst_UsernamePassword::integratedRefused_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("username");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("says");

    QTest::newRow("common") << "common" << "dave@woodgrove.com" << int(AuthError::UnsupportedAuthority) << "/common";
    QTest::newRow("consumers") << "consumers" << "dave@woodgrove.com" << int(AuthError::UnsupportedAuthority) << "/consumers";
    QTest::newRow("managed user") << "organizations" << alice() << int(AuthError::InvalidConfiguration) << "managed";
    QTest::newRow("personal account") << "organizations" << carol() << int(AuthError::InvalidConfiguration) << "personal";
}

void tst_UsernamePassword::integratedRefused()
{
    QFETCH(QString, tenant);
    QFETCH(QString, username);
    QFETCH(int, type);
    QFETCH(QString, says);

    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl(tenant)));
    auto request = wait(app.acquireTokenByIntegratedWindowsAuth({"User.Read"}, username));
    QVERIFY(!request->isSuccess());
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Type(type)));
    QVERIFY2(request->error().errorString().contains(says), qPrintable(request->error().errorString()));
    // None of these may reach the federation server.
    for (const auto &r : m_emulator.requests())
        QVERIFY(!r.path.startsWith("/adfs/"));
}

QTEST_MAIN(tst_UsernamePassword)
#include "tst_usernamepassword.moc"
