#include "authorityresolver_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace MsalQt;
using namespace MsalQt::Internal;

// The checks on a discovery document against the authority it was fetched for.
class tst_Discovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void metadata_data();
    void metadata();
};

static QByteArray document(const QString &issuer, const QString &base, const QJsonObject &overrides = {})
{
    QJsonObject object{
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("authorization_endpoint"), base + QStringLiteral("/oauth2/v2.0/authorize")},
        {QStringLiteral("token_endpoint"), base + QStringLiteral("/oauth2/v2.0/token")},
        {QStringLiteral("device_authorization_endpoint"), base + QStringLiteral("/oauth2/v2.0/devicecode")},
        {QStringLiteral("jwks_uri"), base + QStringLiteral("/discovery/v2.0/keys")},
    };
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (it.value().isNull())
            object.remove(it.key());
        else
            object.insert(it.key(), it.value());
    }
    return QJsonDocument(object).toJson();
}

void tst_Discovery::metadata_data()
{
    QTest::addColumn<QString>("authority"); // "oidc:" prefix: an OpenID Connect authority
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");

    const QString ms = QStringLiteral("https://login.microsoftonline.com");
    const QString tid = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
    QTest::newRow("common with placeholder") << ms + "/common"
        << document(ms + "/{tenantid}/v2.0", ms + "/common") << true;
    QTest::newRow("organizations with placeholder") << ms + "/organizations"
        << document(ms + "/{tenantid}/v2.0", ms + "/organizations") << true;
    QTest::newRow("tenant guid matches") << ms + "/" + tid << document(ms + "/" + tid + "/v2.0", ms + "/" + tid) << true;
    QTest::newRow("domain tenant: any guid") << ms + "/contoso.com" << document(ms + "/" + tid + "/v2.0", ms + "/" + tid) << true;
    QTest::newRow("alias host accepted") << ms + "/" + tid
        << document("https://login.windows.net/" + tid + "/v2.0", ms + "/" + tid) << true;
    QTest::newRow("consumers") << ms + "/consumers"
        << document(ms + "/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0", ms + "/consumers") << true;

    QTest::newRow("tenant guid differs") << ms + "/" + tid
        << document(ms + "/00000000-0000-0000-0000-000000000001/v2.0", ms + "/" + tid) << false;
    QTest::newRow("foreign issuer host") << ms + "/common" << document("https://evil.example/{tenantid}/v2.0", ms + "/common") << false;
    QTest::newRow("placeholder on a tenant authority") << ms + "/" + tid << document(ms + "/{tenantid}/v2.0", ms + "/" + tid) << false;
    QTest::newRow("v1 issuer") << ms + "/common" << document("https://sts.windows.net/{tenantid}/", ms + "/common") << false;
    QTest::newRow("consumers issuer for common") << ms + "/consumers" << document(ms + "/{tenantid}/v2.0", ms + "/consumers") << false;
    QTest::newRow("no issuer") << ms + "/common" << document(QString(), ms + "/common", {{QStringLiteral("issuer"), QJsonValue::Null}}) << false;
    QTest::newRow("no token endpoint") << ms + "/common"
        << document(ms + "/{tenantid}/v2.0", ms + "/common", {{QStringLiteral("token_endpoint"), QJsonValue::Null}}) << false;
    QTest::newRow("http token endpoint") << ms + "/common"
        << document(ms + "/{tenantid}/v2.0", ms + "/common", {{QStringLiteral("token_endpoint"), QStringLiteral("http://login.microsoftonline.com/common/oauth2/v2.0/token")}}) << false;
    QTest::newRow("no jwks") << ms + "/common"
        << document(ms + "/{tenantid}/v2.0", ms + "/common", {{QStringLiteral("jwks_uri"), QJsonValue::Null}}) << false;
    QTest::newRow("not json") << ms + "/common" << QByteArray("<html/>") << false;

    QTest::newRow("oidc exact issuer") << "oidc:https://id.example.com/realms/acme"
        << document("https://id.example.com/realms/acme", "https://id.example.com/realms/acme") << true;
    QTest::newRow("oidc issuer with trailing slash") << "oidc:https://id.example.com"
        << document("https://id.example.com/", "https://id.example.com") << true;
    QTest::newRow("oidc issuer of another realm") << "oidc:https://id.example.com/realms/acme"
        << document("https://id.example.com/realms/other", "https://id.example.com/realms/acme") << false;
    QTest::newRow("oidc issuer on another host") << "oidc:https://id.example.com"
        << document("https://evil.example.com", "https://id.example.com") << false;
    QTest::newRow("oidc without device endpoint is fine") << "oidc:https://id.example.com"
        << document("https://id.example.com", "https://id.example.com", {{QStringLiteral("device_authorization_endpoint"), QJsonValue::Null}}) << true;
}

void tst_Discovery::metadata()
{
    QFETCH(QString, authority);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);

    const Authority parsed = authority.startsWith(QLatin1String("oidc:"))
        ? Authority::openIdConnect(QUrl(authority.mid(5)))
        : Authority::microsoft(authority);
    QVERIFY(parsed.isValid());
    AuthorityMetadata metadata;
    if (parsed.isMicrosoft()) {
        metadata.aliases = {QStringLiteral("login.microsoftonline.com"), QStringLiteral("login.windows.net")};
    } else {
        metadata.aliases = {parsed.host()};
    }
    const AuthError error = AuthorityResolver::parseMetadata(parsed, body, &metadata);
    QCOMPARE(error.isError(), !ok);
    if (!ok) {
        QCOMPARE(error.type(), AuthError::InvalidResponse);
        QVERIFY(!error.message().isEmpty());
    } else {
        QVERIFY(metadata.tokenEndpoint.isValid());
        QVERIFY(!metadata.issuer.isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_Discovery)
#include "tst_discovery.moc"
