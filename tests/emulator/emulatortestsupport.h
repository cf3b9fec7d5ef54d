#pragma once

// Shared by the emulator tests: JWT helpers, the platform error-shape check, and a fixture
// holding a Server plus the shortest paths to tokens.

#include "emulator.h"
#include "emulatortestclient.h"

#include <cjose/cjose.h>

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

namespace EmulatorTest {

inline const QString consumersGuid = QStringLiteral("9188040d-6c67-4c5b-b112-36a304b66dad");
inline const QString deviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
inline const QString alice = QStringLiteral("alice@contoso.com");
inline const QString alicePassword = QStringLiteral("Passw0rd!");

inline QJsonObject jwtPart(const QByteArray &token, int part)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(part), QByteArray::Base64UrlEncoding)).object();
}

// Verifies a JWS against a JWKS the way a relying party would, with cjose.
inline bool verifyWithJwks(const QByteArray &token, const QJsonObject &jwks)
{
    const QString kid = jwtPart(token, 0).value(QLatin1String("kid")).toString();
    for (const QJsonValue &k : jwks.value(QLatin1String("keys")).toArray()) {
        if (k.toObject().value(QLatin1String("kid")).toString() != kid)
            continue;
        const QByteArray json = QJsonDocument(k.toObject()).toJson(QJsonDocument::Compact);
        cjose_err err{};
        cjose_jwk_t *jwk = cjose_jwk_import(json.constData(), size_t(json.size()), &err);
        cjose_jws_t *jws = cjose_jws_import(token.constData(), size_t(token.size()), &err);
        const bool ok = jwk && jws && cjose_jws_verify(jws, jwk, &err);
        if (jws)
            cjose_jws_release(jws);
        if (jwk)
            cjose_jwk_release(jwk);
        return ok;
    }
    return false;
}

inline void verifyErrorShape(const HttpResult &r, const QString &error, int code)
{
    QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/json; charset=utf-8"));
    QVERIFY(!r.header("x-ms-request-id").isEmpty());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("error")).toString(), error);
    const QString description = o.value(QLatin1String("error_description")).toString();
    if (code > 0) {
        QCOMPARE(o.value(QLatin1String("error_codes")).toArray(), QJsonArray{code});
        QVERIFY2(description.startsWith(QStringLiteral("AADSTS%1: ").arg(code)), qPrintable(description));
    }
    static const QRegularExpression tail(QStringLiteral(
        "\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$"));
    QVERIFY2(tail.match(description).hasMatch(), qPrintable(description));
    QCOMPARE(o.value(QLatin1String("trace_id")).toString().toLatin1(), r.header("x-ms-request-id"));
    QVERIFY(!o.value(QLatin1String("correlation_id")).toString().isEmpty());
    QVERIFY(!o.value(QLatin1String("timestamp")).toString().isEmpty());
}

} // namespace EmulatorTest

// Test classes derive from this (after QObject) so test bodies read m_server / m_http directly.
class EmulatorFixture
{
protected:
    static QString defaultScope() { return QStringLiteral("User.Read openid profile offline_access"); }
    QUrl url(const QString &path) const { return QUrl(m_server.baseUrl().toString() + path); }

    QJsonObject startDeviceCode(const QString &tenant = QStringLiteral("common"),
                                const QString &scope = defaultScope())
    {
        const HttpResult r = m_http.post(url(QLatin1Char('/') + tenant + QStringLiteral("/oauth2/v2.0/devicecode")),
                                         {{QStringLiteral("client_id"), m_server.publicClientId()},
                                          {QStringLiteral("scope"), scope}});
        return r.status == 200 ? r.json() : QJsonObject();
    }

    HttpResult poll(const QString &deviceCode, const QString &tenant = QStringLiteral("common"), bool clientInfo = false)
    {
        QList<QPair<QString, QString>> form{{QStringLiteral("grant_type"), EmulatorTest::deviceCodeGrant},
                                            {QStringLiteral("client_id"), m_server.publicClientId()},
                                            {QStringLiteral("device_code"), deviceCode}};
        if (clientInfo)
            form.append({QStringLiteral("client_info"), QStringLiteral("1")});
        return m_http.post(url(QLatin1Char('/') + tenant + QStringLiteral("/oauth2/v2.0/token")), form);
    }

    // Device code flow with the approval done through the API: the quickest way to user tokens.
    QJsonObject signIn(const QString &username, const QString &scope = defaultScope())
    {
        const QJsonObject code = startDeviceCode(QStringLiteral("common"), scope);
        if (!m_server.approveDeviceCode(code.value(QLatin1String("user_code")).toString(), username))
            return {};
        const HttpResult r = poll(code.value(QLatin1String("device_code")).toString(), QStringLiteral("common"), true);
        return r.status == 200 ? r.json() : QJsonObject();
    }

    QJsonObject appToken()
    {
        const HttpResult r = m_http.post(url(QLatin1Char('/') + m_server.defaultTenantId() + QStringLiteral("/oauth2/v2.0/token")),
                                         {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                          {QStringLiteral("client_id"), m_server.confidentialClientId()},
                                          {QStringLiteral("client_secret"), m_server.confidentialClientSecret()},
                                          {QStringLiteral("scope"), QStringLiteral("https://graph.microsoft.com/.default")}});
        return r.status == 200 ? r.json() : QJsonObject();
    }

    MsalQt::Emulator::Server m_server;
    EmulatorTestClient m_http;
};
