#include "confidentialtestdata.h"
#include "testsupport.h"

#include <MsalQt/confidentialclientapplication.h>

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace MsalQt;
using ConfidentialTestData::read;

// A web app redeems the code its own redirect URI received: the emulator's /authorize (auto
// sign-in, playing the browser) issues the code, the confidential app redeems it with a
// certificate assertion and the PKCE verifier.
class tst_CodeRedemption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void redeemsAndCaches();
    void refused_data();
    void refused();

private:
    QString authorize(const QString &verifier, const QString &nonce);
    std::unique_ptr<TokenRequest> redeem(ConfidentialClientApplication *app, const QString &code,
                                         const QString &verifier, const QString &nonce);
    std::unique_ptr<ConfidentialClientApplication> webApp();
    MsalQt::Emulator::Server m_emulator;
    QNetworkAccessManager m_browser;
};

static const QUrl redirectUri(QStringLiteral("http://localhost"));

void tst_CodeRedemption::initTestCase()
{
    QString error;
    QVERIFY2(m_emulator.loadConfig(ConfidentialTestData::emulatorConfig(m_emulator.confidentialClientId()), &error),
             qPrintable(error));
    QVERIFY(m_emulator.listen());
    m_emulator.setAutoSignIn(TestSupport::alice());
    m_browser.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

std::unique_ptr<ConfidentialClientApplication> tst_CodeRedemption::webApp()
{
    QString error;
    return std::make_unique<ConfidentialClientApplication>(
        m_emulator.confidentialClientId(),
        ClientCredential::fromCertificate(read("ec-cert.pem"), read("ec-key.pem"), &error),
        Authority::microsoft(m_emulator.authorityUrl("organizations")));
}

QString tst_CodeRedemption::authorize(const QString &verifier, const QString &nonce)
{
    const QByteArray challenge = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QUrl url(m_emulator.authorityUrl("organizations").toString() + "/oauth2/v2.0/authorize");
    QUrlQuery query;
    query.addQueryItem("client_id", m_emulator.confidentialClientId());
    query.addQueryItem("response_type", "code");
    query.addQueryItem("redirect_uri", redirectUri.toString());
    query.addQueryItem("scope", "openid profile offline_access User.Read");
    query.addQueryItem("code_challenge", QString::fromLatin1(challenge));
    query.addQueryItem("code_challenge_method", "S256");
    query.addQueryItem("nonce", nonce);
    query.addQueryItem("state", "s1");
    url.setQuery(query);
    std::unique_ptr<QNetworkReply> reply(m_browser.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000))
        return {};
    const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
    return QUrlQuery(location).queryItemValue("code", QUrl::FullyDecoded);
}

std::unique_ptr<TokenRequest> tst_CodeRedemption::redeem(ConfidentialClientApplication *app, const QString &code,
                                                         const QString &verifier, const QString &nonce)
{
    TokenRequest *request = app->acquireTokenByAuthorizationCode(code, verifier, redirectUri, {"User.Read"}, nonce);
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!finished.wait(15000))
        qWarning("request did not finish");
    return std::unique_ptr<TokenRequest>(request);
}

void tst_CodeRedemption::redeemsAndCaches()
{
    const QString verifier = QStringLiteral("verifier-0123456789-0123456789-0123456789-0123456789");
    const QString code = authorize(verifier, "nonce-1");
    QVERIFY(!code.isEmpty());
    auto app = webApp();
    const auto request = redeem(app.get(), code, verifier, "nonce-1");
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().account().username(), TestSupport::alice());
    QCOMPARE(request->result().idTokenClaims().value("nonce").toString(), QString("nonce-1"));

    // Cached like any sign-in: the silent call is answered without the network.
    TokenRequest *silent = app->acquireTokenSilent({"User.Read"}, request->result().account());
    silent->setAutoDelete(false);
    std::unique_ptr<TokenRequest> owner(silent);
    QSignalSpy finished(silent, &TokenRequest::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY2(silent->isSuccess(), qPrintable(silent->error().errorString()));
    QVERIFY(silent->result().isFromCache());
}

void tst_CodeRedemption::refused_data()
{
    QTest::addColumn<QString>("case_");
    QTest::addColumn<int>("type");
    // invalid_grant: the web app must start a new authorization request.
    QTest::newRow("wrong PKCE verifier") << "verifier" << int(AuthError::ServiceError);
    QTest::newRow("ID token nonce differs") << "nonce" << int(AuthError::InvalidToken);
    QTest::newRow("code used twice") << "reuse" << int(AuthError::ServiceError);
    QTest::newRow("no code") << "empty" << int(AuthError::InvalidConfiguration);
}

void tst_CodeRedemption::refused()
{
    QFETCH(QString, case_);
    QFETCH(int, type);
    const QString verifier = QStringLiteral("verifier-abcdefghij-abcdefghij-abcdefghij-abcdefghij");
    QString code = authorize(verifier, "nonce-2");
    QVERIFY(!code.isEmpty());
    auto app = webApp();
    if (case_ == "reuse")
        QVERIFY(redeem(app.get(), code, verifier, "nonce-2")->isSuccess());
    if (case_ == "empty")
        code.clear();
    const auto request = redeem(app.get(), code, case_ == "verifier" ? verifier + "x" : verifier,
                                case_ == "nonce" ? "other-nonce" : "nonce-2");
    QVERIFY(!request->isSuccess());
    QCOMPARE(int(request->error().type()), type);
    if (type == AuthError::ServiceError)
        QCOMPARE(request->error().protocolError(), QString("invalid_grant"));
}

QTEST_GUILESS_MAIN(tst_CodeRedemption)
#include "tst_coderedemption.moc"
