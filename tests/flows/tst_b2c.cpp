#include "testsupport.h"

#include <MsalQt/authorizationagent.h>
#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/filecachestorage.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace MsalQt;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

namespace {

const QString b2cTenantId = QStringLiteral("7d3a9b2e-5c41-4f8a-9e6d-2b1c0a9f8e71");
const QString emmaOid = QStringLiteral("9c6f2a4d-8b1e-4c3f-a5d7-0e2b4c6d8f13");
QString emma() { return QStringLiteral("emma@fabrikam.example"); }

// A browser in a test. With auto sign-in the emulator redirects at once; otherwise this one
// reads the sign-in page and presses one of its buttons ("forgotPassword"), as a person would.
class B2CAgent : public AuthorizationAgent
{
public:
    QString pressOnLoginPage; // empty: expect an immediate redirect
    QUrl lastAuthorizationUrl;

    void authorize(const QUrl &authorizationUrl, const QUrl &) override
    {
        lastAuthorizationUrl = authorizationUrl;
        QNetworkRequest request(authorizationUrl);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_manager.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, authorizationUrl] {
            reply->deleteLater();
            const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
            if (location.isValid()) {
                Q_EMIT redirected(location);
                return;
            }
            const QString page = QString::fromUtf8(reply->readAll());
            const auto ctx = QRegularExpression(QStringLiteral("name=\"ctx\" value=\"([^\"]+)\"")).match(page);
            if (pressOnLoginPage.isEmpty() || !ctx.hasMatch() || !page.contains(QLatin1String("id=\"forgot-password\""))) {
                Q_EMIT failed(AuthError(AuthError::NetworkError, QStringLiteral("unexpected page")));
                return;
            }
            QUrl action = authorizationUrl;
            action.setQuery(QString());
            QNetworkRequest post(action);
            post.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            post.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
            QUrlQuery form;
            form.addQueryItem(QStringLiteral("ctx"), ctx.captured(1));
            form.addQueryItem(QStringLiteral("step"), QStringLiteral("login"));
            form.addQueryItem(QStringLiteral("action"), pressOnLoginPage);
            QNetworkReply *answer = m_manager.post(post, form.toString(QUrl::FullyEncoded).toUtf8());
            connect(answer, &QNetworkReply::finished, this, [this, answer] {
                answer->deleteLater();
                const QUrl to = answer->header(QNetworkRequest::LocationHeader).toUrl();
                if (to.isValid())
                    Q_EMIT redirected(to);
                else
                    Q_EMIT failed(AuthError(AuthError::NetworkError, QStringLiteral("no redirect")));
            });
        });
    }
    void close() override { }

private:
    QNetworkAccessManager m_manager;
};

} // namespace

// Azure AD B2C through the public API against the emulator's B2C tenant: user flows (policies)
// as authorities, B2C's account keys, its password-reset answer, and what it does not offer.
class tst_B2C : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void signInSilentRefresh_data();
    void signInSilentRefresh();
    void profileEditIsAnotherAccount();
    void forgotPassword();
    void refusedBeforeAnyRequest();
    void clientCredentials();
    void forgedIssuer_data();
    void forgedIssuer();
    void microsoftPointsToB2C();

private:
    QString authorityUrl(const QString &policy, bool tfp = true) const;
    std::unique_ptr<PublicClientApplication> newApp(const QString &policy);
    std::unique_ptr<TokenRequest> signIn(PublicClientApplication *app, B2CAgent *agent);
    static bool finish(TokenRequest *request);
    int countRequests(const QString &pathPart) const;

    MsalQt::Emulator::Server m_emulator;
};

void tst_B2C::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_B2C::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.clearSessions();
    m_emulator.setAutoSignIn(emma());
}

QString tst_B2C::authorityUrl(const QString &policy, bool tfp) const
{
    return m_emulator.baseUrl().toString() + (tfp ? "/tfp/" : "/") + "fabrikamb2c.onmicrosoft.com/" + policy;
}

std::unique_ptr<PublicClientApplication> tst_B2C::newApp(const QString &policy)
{
    const Authority authority = Authority::b2c(authorityUrl(policy));
    [&] { QVERIFY2(authority.isValid(), qPrintable(authority.errorString())); }();
    return std::make_unique<PublicClientApplication>(m_emulator.publicClientId(), authority);
}

bool tst_B2C::finish(TokenRequest *request)
{
    if (request->isFinished())
        return true;
    QSignalSpy finished(request, &TokenRequest::finished);
    return finished.wait(20000);
}

std::unique_ptr<TokenRequest> tst_B2C::signIn(PublicClientApplication *app, B2CAgent *agent)
{
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(agent);
    std::unique_ptr<TokenRequest> request(app->acquireTokenInteractive(parameters));
    request->setAutoDelete(false);
    finish(request.get());
    return request;
}

int tst_B2C::countRequests(const QString &pathPart) const
{
    int count = 0;
    for (const auto &request : m_emulator.requests()) {
        if (request.path.contains(pathPart, Qt::CaseInsensitive))
            ++count;
    }
    return count;
}

void tst_B2C::signInSilentRefresh_data()
{
    QTest::addColumn<bool>("tfp");
    QTest::newRow("/tfp/{tenant}/{policy}") << true;
    QTest::newRow("/{tenant}/{policy}") << false;
}

void tst_B2C::signInSilentRefresh()
{
    QFETCH(bool, tfp);
    PublicClientApplication app(m_emulator.publicClientId(), Authority::b2c(authorityUrl("B2C_1_SignUpSignIn", tfp)));
    B2CAgent agent;
    const auto first = signIn(&app, &agent);
    QVERIFY2(first->isSuccess(), qPrintable(first->error().errorString()));

    // B2C's keys: uid "{oid}-{policy}" (lower case), utid the tenant; the user's address from
    // "emails"; the environment is the B2C host, the realm the tenant id.
    const Account account = first->result().account();
    QCOMPARE(account.homeAccountId(), emmaOid + "-b2c_1_signupsignin." + b2cTenantId);
    QCOMPARE(account.username(), emma());
    QCOMPARE(account.tenantId(), b2cTenantId);
    QCOMPARE(account.localAccountId(), emmaOid);
    QCOMPARE(account.environment(), app.authority().host());
    QCOMPARE(first->result().idTokenClaims().value("tfp").toString(), QString("b2c_1_signupsignin"));
    QVERIFY(!first->result().idTokenClaims().contains("preferred_username"));
    QCOMPARE(QUrlQuery(agent.lastAuthorizationUrl).queryItemValue("client_info"), QString("1"));
    QVERIFY(agent.lastAuthorizationUrl.path().endsWith("/b2c_1_signupsignin/oauth2/v2.0/authorize", Qt::CaseInsensitive));
    // B2C has no instance discovery; its metadata sits below the policy.
    QCOMPARE(countRequests("/discovery/instance"), 0);
    QCOMPARE(countRequests("/b2c_1_signupsignin/v2.0/.well-known/openid-configuration"), 1);
    QCOMPARE(app.accounts().size(), 1);

    // Silent: from the cache, no request.
    m_emulator.clearRequests();
    std::unique_ptr<TokenRequest> silent(app.acquireTokenSilent({"User.Read"}, app.accounts().first()));
    silent->setAutoDelete(false);
    QVERIFY(finish(silent.get()));
    QVERIFY2(silent->isSuccess(), qPrintable(silent->error().errorString()));
    QVERIFY(silent->result().isFromCache());
    QCOMPARE(silent->result().accessToken(), first->result().accessToken());
    QCOMPARE(m_emulator.requests().size(), 0);

    // Refresh: the refresh token at the policy's token endpoint, the same account (the identity
    // check strips the policy from uid to compare the object id).
    std::unique_ptr<TokenRequest> refresh(app.acquireTokenSilent({"User.Read"}, account, ClientApplication::ForceRefresh));
    refresh->setAutoDelete(false);
    QVERIFY(finish(refresh.get()));
    QVERIFY2(refresh->isSuccess(), qPrintable(refresh->error().errorString()));
    QVERIFY(!refresh->result().isFromCache());
    QVERIFY(refresh->result().accessToken() != first->result().accessToken());
    QCOMPARE(refresh->result().account(), account);
    int refreshes = 0;
    for (const auto &request : m_emulator.requests()) {
        if (request.form.queryItemValue("grant_type") == "refresh_token") {
            ++refreshes;
            QVERIFY(request.path.endsWith("/b2c_1_signupsignin/oauth2/v2.0/token", Qt::CaseInsensitive));
        }
    }
    QCOMPARE(refreshes, 1);
    QCOMPARE(app.accounts().size(), 1);
}

void tst_B2C::profileEditIsAnotherAccount()
{
    // Like MSAL: the profile-edit flow's tokens come with uid "{oid}-b2c_1_profileedit", so they
    // are a second account; nothing merges it with the sign-up/sign-in one.
    QTemporaryDir dir;
    const QString path = dir.filePath("cache.json");
    {
        FileCacheStorage storage(path);
        auto app = newApp("B2C_1_signupsignin");
        app->setCacheStorage(&storage);
        B2CAgent agent;
        const auto request = signIn(app.get(), &agent);
        QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    }
    {
        FileCacheStorage storage(path);
        auto app = newApp("B2C_1_profileedit");
        app->setCacheStorage(&storage);
        B2CAgent agent;
        const auto request = signIn(app.get(), &agent);
        QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
        QCOMPARE(request->result().account().homeAccountId(), emmaOid + "-b2c_1_profileedit." + b2cTenantId);
        QCOMPARE(request->result().idTokenClaims().value("tfp").toString(), QString("b2c_1_profileedit"));
    }
    FileCacheStorage storage(path);
    auto app = newApp("B2C_1_signupsignin");
    app->setCacheStorage(&storage);
    QSignalSpy loaded(app.get(), &ClientApplication::cacheLoaded);
    app->loadCache();
    QVERIFY(loaded.wait(5000));
    QStringList ids;
    for (const Account &account : app->accounts())
        ids << account.homeAccountId();
    ids.sort();
    QCOMPARE(ids, QStringList({emmaOid + "-b2c_1_profileedit." + b2cTenantId, emmaOid + "-b2c_1_signupsignin." + b2cTenantId}));
    // Silent with the app's policy finds its own account's token.
    m_emulator.clearRequests();
    Account own;
    for (const Account &account : app->accounts()) {
        if (account.homeAccountId().contains("-b2c_1_signupsignin."))
            own = account;
    }
    std::unique_ptr<TokenRequest> silent(app->acquireTokenSilent({"User.Read"}, own));
    silent->setAutoDelete(false);
    QVERIFY(finish(silent.get()));
    QVERIFY2(silent->isSuccess(), qPrintable(silent->error().errorString()));
    QVERIFY(silent->result().isFromCache());
    QCOMPARE(silent->result().idTokenClaims().value("tfp").toString(), QString("b2c_1_signupsignin"));
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_B2C::forgotPassword()
{
    m_emulator.setAutoSignIn(QString());
    auto app = newApp("B2C_1_signupsignin");
    B2CAgent agent;
    agent.pressOnLoginPage = "forgotPassword";
    const auto request = signIn(app.get(), &agent);
    QVERIFY(request->isFinished());
    QCOMPARE(request->error().type(), AuthError::PasswordResetRequired);
    QCOMPARE(request->error().protocolError(), QString("access_denied"));
    QVERIFY(request->error().errorCodes().contains(90118));
    QVERIFY(request->error().errorString().contains("password reset"));
    QCOMPARE(app->accounts().size(), 0);

    // The application then runs its password-reset flow, which signs the person in.
    m_emulator.setAutoSignIn(emma());
    auto reset = newApp("B2C_1_passwordreset");
    B2CAgent resetAgent;
    const auto again = signIn(reset.get(), &resetAgent);
    QVERIFY2(again->isSuccess(), qPrintable(again->error().errorString()));
    QCOMPARE(again->result().account().homeAccountId(), emmaOid + "-b2c_1_passwordreset." + b2cTenantId);
}

void tst_B2C::refusedBeforeAnyRequest()
{
    auto app = newApp("B2C_1_signupsignin");
    std::unique_ptr<TokenRequest> deviceCode(app->acquireTokenWithDeviceCode({"User.Read"}));
    deviceCode->setAutoDelete(false);
    QVERIFY(finish(deviceCode.get()));
    QCOMPARE(deviceCode->error().type(), AuthError::UnsupportedAuthority);
    QVERIFY(deviceCode->error().errorString().contains("B2C"));

    std::unique_ptr<TokenRequest> iwa(app->acquireTokenByIntegratedWindowsAuth({"User.Read"}, emma()));
    iwa->setAutoDelete(false);
    QVERIFY(finish(iwa.get()));
    QCOMPARE(iwa->error().type(), AuthError::UnsupportedAuthority);
    QVERIFY(iwa->error().errorString().contains("B2C"));

    ConfidentialClientApplication service(m_emulator.confidentialClientId(),
                                          ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                          Authority::b2c(authorityUrl("B2C_1_signupsignin")));
    std::unique_ptr<TokenRequest> obo(service.acquireTokenOnBehalfOf("a.user.token", {"User.Read"}));
    obo->setAutoDelete(false);
    QVERIFY(finish(obo.get()));
    QCOMPARE(obo->error().type(), AuthError::UnsupportedAuthority);

    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_B2C::clientCredentials()
{
    // B2C offers app-only tokens ({resource}/.default) at a user flow's token endpoint.
    ConfidentialClientApplication service(m_emulator.confidentialClientId(),
                                          ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                          Authority::b2c(authorityUrl("B2C_1_signupsignin")));
    std::unique_ptr<TokenRequest> request(service.acquireTokenForClient({"https://graph.microsoft.com/.default"}));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(request->result().account().isNull());
    QCOMPARE(countRequests("/b2c_1_signupsignin/oauth2/v2.0/token"), 1);

    // Its refusals: a scope that is not {resource}/.default, before any request.
    m_emulator.clearRequests();
    std::unique_ptr<TokenRequest> bad(service.acquireTokenForClient({"User.Read"}));
    bad->setAutoDelete(false);
    QVERIFY(finish(bad.get()));
    QCOMPARE(bad->error().type(), AuthError::InvalidConfiguration);
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_B2C::forgedIssuer_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<int>("expected");
    const QString base = m_emulator.baseUrl().toString();
    QTest::newRow("not a tenant id") << base + "/fabrikamb2c.onmicrosoft.com/v2.0/" << int(AuthError::InvalidResponse);
    QTest::newRow("no v2.0") << base + "/" + b2cTenantId + "/" << int(AuthError::InvalidResponse);
    QTest::newRow("extra path") << base + "/" + b2cTenantId + "/b2c_1_signupsignin/v2.0/" << int(AuthError::InvalidResponse);
    QTest::newRow("plain http elsewhere") << "http://b2c.example/" + b2cTenantId + "/v2.0/" << int(AuthError::InvalidResponse);
    // Well-formed, but another tenant's: the ID token (issued by the real tenant) fails.
    QTest::newRow("another tenant") << base + "/ce78edf1-b7b2-49e9-9eb0-751756c7ce81/v2.0/" << int(AuthError::InvalidToken);
}

void tst_B2C::forgedIssuer()
{
    QFETCH(QString, issuer);
    QFETCH(int, expected);
    const QString root = m_emulator.baseUrl().toString() + "/" + b2cTenantId + "/b2c_1_signupsignin";
    const QJsonObject document{
        {"issuer", issuer},
        {"authorization_endpoint", root + "/oauth2/v2.0/authorize"},
        {"token_endpoint", root + "/oauth2/v2.0/token"},
        {"jwks_uri", root + "/discovery/v2.0/keys"},
    };
    Fault fault;
    fault.kind = Fault::Body;
    fault.path = "/v2.0/.well-known/openid-configuration";
    fault.body = QJsonDocument(document).toJson(QJsonDocument::Compact);
    m_emulator.addFault(fault);
    auto app = newApp("B2C_1_signupsignin");
    B2CAgent agent;
    const auto request = signIn(app.get(), &agent);
    QVERIFY(request->isFinished());
    QCOMPARE(int(request->error().type()), expected);
    QCOMPARE(app->accounts().size(), 0);
}

void tst_B2C::microsoftPointsToB2C()
{
    // The B2C URLs given to microsoft() are refused with the way to say them.
    const Authority viaMicrosoft = Authority::microsoft(authorityUrl("B2C_1_signupsignin"));
    QVERIFY(!viaMicrosoft.isValid());
    QVERIFY(viaMicrosoft.errorString().contains("Authority::b2c()"));
}

QTEST_GUILESS_MAIN(tst_B2C)
#include "tst_b2c.moc"
