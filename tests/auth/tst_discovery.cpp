#include "authorityresolver_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
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
    void firstRequest_data();
    void firstRequest();
};

namespace {
// Records each request's URL and sends it to a closed loopback port instead: no network.
class RecordingManager : public QNetworkAccessManager
{
public:
    QList<QUrl> urls;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        urls << request.url();
        QNetworkRequest refused(request);
        refused.setUrl(QUrl(QStringLiteral("http://127.0.0.1:1/")));
        return QNetworkAccessManager::createRequest(op, refused, data);
    }
};
} // namespace

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

    const QString other = QStringLiteral("00000000-0000-0000-0000-000000000001");
    const QString ciamIssuer = "https://" + tid + ".ciamlogin.com/" + tid + "/v2.0";
    QTest::newRow("ciam domain: the tenant's ciamlogin issuer") << "ciam:https://contoso.ciamlogin.com/"
        << document(ciamIssuer, "https://contoso.ciamlogin.com/" + tid) << true;
    QTest::newRow("ciam custom domain: ciamlogin issuer") << "ciam:https://login.contoso.com/" + tid
        << document(ciamIssuer, "https://login.contoso.com/" + tid) << true;
    QTest::newRow("ciam issuer on the authority host") << "ciam:https://contoso.ciamlogin.com/" + tid
        << document("https://contoso.ciamlogin.com/" + tid + "/v2.0", "https://contoso.ciamlogin.com/" + tid) << true;
    QTest::newRow("ciam issuer of another tenant") << "ciam:https://contoso.ciamlogin.com/" + tid
        << document("https://" + other + ".ciamlogin.com/" + other + "/v2.0", "https://contoso.ciamlogin.com/" + tid) << false;
    QTest::newRow("ciam issuer host of another tenant") << "ciam:https://login.contoso.com/" + tid
        << document("https://" + other + ".ciamlogin.com/" + tid + "/v2.0", "https://login.contoso.com/" + tid) << false;
    QTest::newRow("ciam placeholder") << "ciam:https://contoso.ciamlogin.com/"
        << document("https://contoso.ciamlogin.com/{tenantid}/v2.0", "https://contoso.ciamlogin.com/common") << false;
    QTest::newRow("ciamlogin issuer for a workforce tenant") << ms + "/" + tid
        << document(ciamIssuer, ms + "/" + tid) << false;

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
        : authority.startsWith(QLatin1String("ciam:")) ? Authority::ciam(QUrl(authority.mid(5)))
                                                       : Authority::microsoft(authority);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorString()));
    AuthorityMetadata metadata;
    if (parsed.type() == Authority::Ciam) {
        metadata.aliases = {parsed.host()}; // no instance discovery
    } else if (parsed.isMicrosoft()) {
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

// Which request resolve() sends first, and the aliases known before and after: the table of
// Microsoft clouds (msal-common's InstanceDiscoveryMetadata) and External ID need no instance
// discovery; an unknown host does, unless it is switched off or the host is a known authority.
void tst_Discovery::firstRequest_data()
{
    QTest::addColumn<QString>("authority"); // "ciam:" prefix: Authority::ciam()
    QTest::addColumn<bool>("instanceDiscovery");
    QTest::addColumn<QStringList>("knownAuthorities");
    QTest::addColumn<bool>("asksInstance");
    QTest::addColumn<QStringList>("aliases");

    const QStringList none;
    const QStringList publicCloud{"login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"};
    const QStringList usGov{"login.microsoftonline.us", "login.usgovcloudapi.net"};
    const QStringList china{"login.partner.microsoftonline.cn", "login.chinacloudapi.cn"};
    QTest::newRow("public cloud") << "https://login.microsoftonline.com/common" << true << none << false << publicCloud;
    QTest::newRow("public alias") << "https://sts.windows.net/common" << true << none << false << publicCloud;
    QTest::newRow("US Government") << "https://login.microsoftonline.us/contoso.us" << true << none << false << usGov;
    QTest::newRow("US Government alias") << "https://login.usgovcloudapi.net/organizations" << true << none << false << usGov;
    QTest::newRow("China") << "https://login.chinacloudapi.cn/organizations" << true << none << false << china;
    QTest::newRow("China partner host") << "https://login.partner.microsoftonline.cn/contoso.cn" << true << none << false << china;
    QTest::newRow("sovereign France") << "https://login.sovcloud-identity.fr/common" << true << none << false
                                      << QStringList{"login.sovcloud-identity.fr"};
    QTest::newRow("table without instance discovery") << "https://login.microsoftonline.us/common" << false << none << false << usGov;
    QTest::newRow("unknown host") << "https://login.contoso.example/common" << true << none << true
                                  << QStringList{"login.contoso.example"};
    QTest::newRow("unknown host, switched off") << "https://login.contoso.example/common" << false << none << false
                                                << QStringList{"login.contoso.example"};
    QTest::newRow("unknown host, known authority") << "https://login.contoso.example/common" << true
                                                   << QStringList{"https://Login.Contoso.Example/"} << false
                                                   << QStringList{"login.contoso.example"};
    QTest::newRow("known authority with another port") << "https://login.contoso.example:8443/common" << true
                                                       << QStringList{"login.contoso.example"} << true
                                                       << QStringList{"login.contoso.example:8443"};
    QTest::newRow("External ID") << "ciam:https://contoso.ciamlogin.com/" << true << none << false
                                 << QStringList{"contoso.ciamlogin.com"};
}

void tst_Discovery::firstRequest()
{
    QFETCH(QString, authority);
    QFETCH(bool, instanceDiscovery);
    QFETCH(QStringList, knownAuthorities);
    QFETCH(bool, asksInstance);
    QFETCH(QStringList, aliases);

    const Authority parsed = authority.startsWith(QLatin1String("ciam:")) ? Authority::ciam(QUrl(authority.mid(5)))
                                                                         : Authority::microsoft(authority);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorString()));
    RecordingManager manager;
    HttpClient http(&manager);
    http.setRetryDelay(std::chrono::milliseconds(1));
    AuthorityResolver resolver(parsed, &http);
    resolver.setInstanceDiscoveryEnabled(instanceDiscovery);
    resolver.setKnownAuthorities(knownAuthorities);
    // Known without a round trip: the table's aliases (an unknown host: itself, until asked).
    QCOMPARE(resolver.environments(), aliases);
    QVERIFY(!resolver.hasStarted());

    // Every request goes to a closed port: the metadata fails, as it should here.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Authority metadata failed")));
    bool done = false;
    resolver.resolve(QString(), &manager, [&](const AuthorityMetadata &, const AuthError &) { done = true; });
    QVERIFY(resolver.hasStarted());
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY(!manager.urls.isEmpty());
    const QUrl first = manager.urls.first();
    QCOMPARE(first.path() == QLatin1String("/common/discovery/instance"), asksInstance);
    if (!asksInstance) {
        QCOMPARE(first, parsed.discoveryUrl());
        for (const QUrl &url : std::as_const(manager.urls))
            QVERIFY2(url.path() != QLatin1String("/common/discovery/instance"), qPrintable(url.toString()));
    }
}

QTEST_GUILESS_MAIN(tst_Discovery)
#include "tst_discovery.moc"
