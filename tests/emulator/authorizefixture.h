#pragma once

// Shared by the emulator's interactive tests (tst_emulator_authorize: pages, sessions, redirects;
// tst_emulator_redemption: the authorization_code grant): a browser with its own cookie jar that
// does not follow redirects, PKCE, and the shortest paths through the sign-in pages.

#include "emulatortestsupport.h"

#include <QCryptographicHash>
#include <QNetworkCookieJar>
#include <QRandomGenerator>

namespace AuthorizeTest {

using namespace EmulatorTest;

using Fields = QList<QPair<QString, QString>>;

inline const QString bob = QStringLiteral("bob@contoso.com");
inline const QString spaClientId = QStringLiteral("3f1c5a2e-8b4d-4e6f-9a7c-2d5e8f1b4c6a");

struct Pkce {
    QString verifier;
    QString challenge;
};

inline Pkce makePkce()
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()), 8);
    Pkce p;
    p.verifier = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    p.challenge = QString::fromLatin1(QCryptographicHash::hash(p.verifier.toLatin1(), QCryptographicHash::Sha256)
                                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return p;
}

inline QString hiddenValue(const QByteArray &html, const QString &name)
{
    const QRegularExpression re(QStringLiteral("name=\"%1\" value=\"([^\"]*)\"").arg(name));
    return re.match(QString::fromUtf8(html)).captured(1);
}

inline QUrl location(const HttpResult &r)
{
    return QUrl::fromEncoded(r.header("location"));
}

inline QUrlQuery redirectQuery(const HttpResult &r)
{
    return QUrlQuery(location(r).query());
}

inline QUrlQuery redirectFragment(const HttpResult &r)
{
    return QUrlQuery(location(r).fragment());
}

inline QString value(const QUrlQuery &q, const char *key)
{
    return q.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
}

// Test classes derive from this (after QObject); call setUpBrowser() in initTestCase() and
// resetBrowser() in init().
class AuthorizeFixture : protected EmulatorFixture
{
protected:
    void setUpBrowser()
    {
        QVERIFY(m_server.listen());
        m_browser.nam().setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    void resetBrowser()
    {
        m_server.clearFaults();
        m_server.clearSessions();
        m_server.setAutoSignIn({});
        m_server.setAuthorizationResponseIssuer(false);
        m_server.setAuthorizationCodeLifetime(600);
        m_browser.nam().setCookieJar(new QNetworkCookieJar); // a fresh browser profile
        ++m_loopbackPort;
    }

    QString redirectUri() const { return QStringLiteral("http://localhost:%1").arg(m_loopbackPort); }
    QUrl authorizeUrl(const Fields &extra, const QString &tenant = QStringLiteral("common")) const;
    Fields codeRequest(const Pkce &pkce, const QString &state, const QString &nonce) const;
    HttpResult submit(const HttpResult &page, Fields fields);
    // Login page -> credentials -> consent (accepted when shown) -> the final answer.
    HttpResult signInThroughPages(const Fields &request, const QString &username);
    HttpResult redeem(const QString &code, const QString &verifier, const QString &redirect = {},
                      const QString &clientId = {});

    EmulatorTestClient m_browser;
    int m_loopbackPort = 53117;
};

inline QUrl AuthorizeFixture::authorizeUrl(const Fields &extra, const QString &tenant) const
{
    QUrl u = url(QLatin1Char('/') + tenant + QStringLiteral("/oauth2/v2.0/authorize"));
    QUrlQuery q;
    for (const auto &f : extra)
        q.addQueryItem(f.first, QString::fromLatin1(QUrl::toPercentEncoding(f.second)));
    u.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return u;
}

inline Fields AuthorizeFixture::codeRequest(const Pkce &pkce, const QString &state, const QString &nonce) const
{
    return {{QStringLiteral("client_id"), m_server.publicClientId()},
            {QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("redirect_uri"), redirectUri()},
            {QStringLiteral("scope"), defaultScope()},
            {QStringLiteral("state"), state},
            {QStringLiteral("nonce"), nonce},
            {QStringLiteral("code_challenge"), pkce.challenge},
            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
            {QStringLiteral("client_info"), QStringLiteral("1")}};
}

inline HttpResult AuthorizeFixture::submit(const HttpResult &page, Fields fields)
{
    fields.prepend({QStringLiteral("step"), hiddenValue(page.body, QStringLiteral("step"))});
    fields.prepend({QStringLiteral("ctx"), hiddenValue(page.body, QStringLiteral("ctx"))});
    // The forms post back to the authorize path they came from.
    return m_browser.post(url(QStringLiteral("/common/oauth2/v2.0/authorize")), fields);
}

inline HttpResult AuthorizeFixture::signInThroughPages(const Fields &request, const QString &username)
{
    HttpResult page = m_browser.get(authorizeUrl(request));
    if (!page.body.contains("id=\"login\""))
        return page;
    page = submit(page, {{QStringLiteral("username"), username}, {QStringLiteral("password"), alicePassword}});
    if (page.body.contains("id=\"consent\""))
        page = submit(page, {{QStringLiteral("action"), QStringLiteral("accept")}});
    return page;
}

inline HttpResult AuthorizeFixture::redeem(const QString &code, const QString &verifier, const QString &redirect,
                                         const QString &clientId)
{
    Fields form{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                {QStringLiteral("client_id"), clientId.isEmpty() ? m_server.publicClientId() : clientId},
                {QStringLiteral("code"), code},
                {QStringLiteral("redirect_uri"), redirect.isEmpty() ? redirectUri() : redirect},
                {QStringLiteral("scope"), defaultScope()},
                {QStringLiteral("client_info"), QStringLiteral("1")}};
    if (!verifier.isNull())
        form.append({QStringLiteral("code_verifier"), verifier});
    return m_http.post(url(QStringLiteral("/common/oauth2/v2.0/token")), form);
}

} // namespace AuthorizeTest
