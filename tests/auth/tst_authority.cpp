#include <MsalQt/authority.h>

#include <QTest>

using namespace MsalQt;

class tst_Authority : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void microsoft_data();
    void microsoft();
    void openIdConnect_data();
    void openIdConnect();
    void adfs_data();
    void adfs();
    void adfsRefusedByMicrosoft_data();
    void adfsRefusedByMicrosoft();
    void b2c_data();
    void b2c();
    void microsoftPointsToB2C_data();
    void microsoftPointsToB2C();
    void ciam_data();
    void ciam();
    void fromUrl_data();
    void fromUrl();
    void discoveryUrl();
    void equality();
};

void tst_Authority::microsoft_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<bool>("knownHost");

    const int invalid = Authority::Invalid;
    QTest::newRow("tenant guid") << "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47"
                                 << int(Authority::Tenant)
                                 << "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47"
                                 << "72f988bf-86f1-41af-91ab-2d7cd011db47" << true;
    QTest::newRow("tenant domain") << "https://login.microsoftonline.com/contoso.onmicrosoft.com"
                                   << int(Authority::Tenant)
                                   << "https://login.microsoftonline.com/contoso.onmicrosoft.com"
                                   << "contoso.onmicrosoft.com" << true;
    QTest::newRow("organizations") << "https://login.microsoftonline.com/organizations/"
                                   << int(Authority::Organizations)
                                   << "https://login.microsoftonline.com/organizations" << "organizations" << true;
    QTest::newRow("common with v2.0") << "https://login.microsoftonline.com/common/v2.0"
                                      << int(Authority::Common)
                                      << "https://login.microsoftonline.com/common" << "common" << true;
    QTest::newRow("keyword case folded") << "https://LOGIN.microsoftonline.com/Common"
                                         << int(Authority::Common)
                                         << "https://login.microsoftonline.com/common" << "common" << true;
    QTest::newRow("consumers") << "https://login.microsoftonline.com/consumers" << int(Authority::Consumers)
                               << "https://login.microsoftonline.com/consumers" << "consumers" << true;
    QTest::newRow("consumers tenant id") << "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad"
                                         << int(Authority::Consumers)
                                         << "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad"
                                         << "9188040d-6c67-4c5b-b112-36a304b66dad" << true;
    QTest::newRow("sovereign cloud") << "https://login.microsoftonline.us/contoso.us" << int(Authority::Tenant)
                                     << "https://login.microsoftonline.us/contoso.us" << "contoso.us" << true;
    QTest::newRow("US Government alias") << "https://login.usgovcloudapi.net/organizations" << int(Authority::Organizations)
        << "https://login.usgovcloudapi.net/organizations" << "organizations" << true;
    QTest::newRow("China") << "https://login.chinacloudapi.cn/contoso.partner.onmschina.cn" << int(Authority::Tenant)
        << "https://login.chinacloudapi.cn/contoso.partner.onmschina.cn" << "contoso.partner.onmschina.cn" << true;
    QTest::newRow("China partner host") << "https://login.partner.microsoftonline.cn/common" << int(Authority::Common)
        << "https://login.partner.microsoftonline.cn/common" << "common" << true;
    QTest::newRow("sovereign France") << "https://login.sovcloud-identity.fr/organizations" << int(Authority::Organizations)
        << "https://login.sovcloud-identity.fr/organizations" << "organizations" << true;
    QTest::newRow("loopback http with port") << "http://127.0.0.1:8400/organizations"
                                             << int(Authority::Organizations)
                                             << "http://127.0.0.1:8400/organizations" << "organizations" << false;
    QTest::newRow("localhost http") << "http://localhost:9/common" << int(Authority::Common)
                                    << "http://localhost:9/common" << "common" << false;
    QTest::newRow("ipv6 loopback") << "http://[::1]:9/common" << int(Authority::Common)
                                   << "http://[::1]:9/common" << "common" << false;
    QTest::newRow("custom https host") << "https://login.contoso.example/common" << int(Authority::Common)
                                       << "https://login.contoso.example/common" << "common" << false;

    QTest::newRow("plain http off loopback") << "http://login.microsoftonline.com/common" << invalid << "" << "" << false;
    QTest::newRow("http on a private address") << "http://192.168.1.10/common" << invalid << "" << "" << false;
    QTest::newRow("ftp") << "ftp://login.microsoftonline.com/common" << invalid << "" << "" << false;
    QTest::newRow("no tenant") << "https://login.microsoftonline.com/" << invalid << "" << "" << false;
    QTest::newRow("no path") << "https://login.microsoftonline.com" << invalid << "" << "" << false;
    QTest::newRow("two segments (B2C)") << "https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_signin"
                                        << invalid << "" << "" << false;
    QTest::newRow("adfs") << "https://adfs.contoso.com/adfs/ls" << invalid << "" << "" << false;
    QTest::newRow("query") << "https://login.microsoftonline.com/common?x=1" << invalid << "" << "" << false;
    QTest::newRow("fragment") << "https://login.microsoftonline.com/common#x" << invalid << "" << "" << false;
    QTest::newRow("user info") << "https://me:pw@login.microsoftonline.com/common" << invalid << "" << "" << false;
    QTest::newRow("bad tenant characters") << "https://login.microsoftonline.com/con$oso" << invalid << "" << "" << false;
    QTest::newRow("empty") << "" << invalid << "" << "" << false;
    QTest::newRow("garbage") << "not a url" << invalid << "" << "" << false;
}

void tst_Authority::microsoft()
{
    QFETCH(QString, input);
    QFETCH(int, type);
    QFETCH(QString, canonical);
    QFETCH(QString, tenant);
    QFETCH(bool, knownHost);

    const Authority authority = Authority::microsoft(input);
    QCOMPARE(int(authority.type()), type);
    if (type == Authority::Invalid) {
        QVERIFY(!authority.isValid());
        QVERIFY2(!authority.errorString().isEmpty(), "an invalid authority must say why");
        return;
    }
    QVERIFY2(authority.isValid(), qPrintable(authority.errorString()));
    QVERIFY(authority.isMicrosoft());
    QCOMPARE(authority.url().toString(), canonical);
    QCOMPARE(authority.tenant(), tenant);
    QCOMPARE(authority.isKnownMicrosoftHost(), knownHost);
}

void tst_Authority::openIdConnect_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("host only") << "https://id.example.com" << true << "https://id.example.com";
    QTest::newRow("trailing slash") << "https://id.example.com/" << true << "https://id.example.com";
    QTest::newRow("realm path") << "https://id.example.com/realms/acme" << true << "https://id.example.com/realms/acme";
    QTest::newRow("loopback http") << "http://127.0.0.1:3000" << true << "http://127.0.0.1:3000";
    QTest::newRow("http elsewhere") << "http://id.example.com" << false << "";
    QTest::newRow("query") << "https://id.example.com/?tenant=1" << false << "";
    QTest::newRow("relative") << "/realms/acme" << false << "";
}

void tst_Authority::openIdConnect()
{
    QFETCH(QString, issuer);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    const Authority authority = Authority::openIdConnect(QUrl(issuer));
    QCOMPARE(authority.isValid(), valid);
    if (!valid) {
        QVERIFY(!authority.errorString().isEmpty());
        return;
    }
    QCOMPARE(authority.type(), Authority::OpenIdConnect);
    QVERIFY(!authority.isMicrosoft());
    QCOMPARE(authority.url().toString(), canonical);
}

void tst_Authority::ciam_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("throughMicrosoft"); // Authority::microsoft() takes it as External ID too
    QTest::addColumn<QString>("canonical");    // empty: refused
    QTest::addColumn<QString>("tenant");

    const QString tid = QStringLiteral("6a1d3c7e-94b2-4f0e-8c5d-2b7f9e1a4c38");
    QTest::newRow("host only") << "https://contoso.ciamlogin.com/" << true
        << "https://contoso.ciamlogin.com/contoso.onmicrosoft.com" << "contoso.onmicrosoft.com";
    QTest::newRow("host only, no slash, case") << "https://Contoso.CIAMLogin.com" << true
        << "https://contoso.ciamlogin.com/contoso.onmicrosoft.com" << "contoso.onmicrosoft.com";
    QTest::newRow("tenant id kept") << "https://contoso.ciamlogin.com/" + tid << true
        << "https://contoso.ciamlogin.com/" + tid << tid;
    QTest::newRow("tenant domain kept") << "https://contoso.ciamlogin.com/contoso.onmicrosoft.com/v2.0" << true
        << "https://contoso.ciamlogin.com/contoso.onmicrosoft.com" << "contoso.onmicrosoft.com";
    QTest::newRow("custom URL domain") << "https://login.contoso.com/" + tid << false
        << "https://login.contoso.com/" + tid << tid;
    QTest::newRow("loopback emulator") << "http://127.0.0.1:8400/fabrikamcustomers.onmicrosoft.com" << false
        << "http://127.0.0.1:8400/fabrikamcustomers.onmicrosoft.com" << "fabrikamcustomers.onmicrosoft.com";
    QTest::newRow("custom domain without tenant") << "https://login.contoso.com/" << false << "" << "";
    QTest::newRow("workforce audience") << "https://contoso.ciamlogin.com/organizations" << true << "" << "";
    QTest::newRow("B2C-style path") << "https://contoso.ciamlogin.com/contoso.onmicrosoft.com/B2C_1_signin" << true << "" << "";
    QTest::newRow("plain http") << "http://contoso.ciamlogin.com/" << true << "" << "";
    QTest::newRow("bare suffix") << "https://.ciamlogin.com/" << false << "" << "";
}

void tst_Authority::ciam()
{
    QFETCH(QString, input);
    QFETCH(bool, throughMicrosoft);
    QFETCH(QString, canonical);
    QFETCH(QString, tenant);

    const Authority authority = Authority::ciam(QUrl(input));
    if (canonical.isEmpty()) {
        QVERIFY(!authority.isValid());
        QVERIFY(!authority.errorString().isEmpty());
        return;
    }
    QVERIFY2(authority.isValid(), qPrintable(authority.errorString()));
    QCOMPARE(authority.type(), Authority::Ciam);
    QVERIFY(authority.isMicrosoft());
    QVERIFY(!authority.isKnownMicrosoftHost());
    QCOMPARE(authority.url().toString(), canonical);
    QCOMPARE(authority.tenant(), tenant);
    QCOMPARE(authority.discoveryUrl().toString(), canonical + "/v2.0/.well-known/openid-configuration");
    if (throughMicrosoft)
        QCOMPARE(Authority::microsoft(input), authority);
    else
        QVERIFY(Authority::microsoft(input).type() != Authority::Ciam);
}

void tst_Authority::discoveryUrl()
{
    QCOMPARE(Authority::microsoft(QStringLiteral("https://login.microsoftonline.com/common")).discoveryUrl().toString(),
             QStringLiteral("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration"));
    QCOMPARE(Authority::openIdConnect(QUrl(QStringLiteral("https://id.example.com/realms/acme/"))).discoveryUrl().toString(),
             QStringLiteral("https://id.example.com/realms/acme/.well-known/openid-configuration"));
    QCOMPARE(Authority::microsoft(QStringLiteral("http://127.0.0.1:9/common")).host(), QStringLiteral("127.0.0.1:9"));
    QVERIFY(Authority().discoveryUrl().isEmpty());
}

void tst_Authority::equality()
{
    QCOMPARE(Authority::microsoft(QStringLiteral("https://login.microsoftonline.com/Common/")),
             Authority::microsoftTenant(QStringLiteral("common")));
    QVERIFY(Authority::microsoftTenant(QStringLiteral("common")) != Authority::microsoftTenant(QStringLiteral("organizations")));
}

void tst_Authority::adfs_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical"); // empty: refused

    QTest::newRow("farm") << "https://sts.contoso.com/adfs" << "https://sts.contoso.com/adfs";
    QTest::newRow("trailing slash") << "https://sts.contoso.com/adfs/" << "https://sts.contoso.com/adfs";
    QTest::newRow("case folded") << "https://STS.Contoso.com/ADFS" << "https://sts.contoso.com/adfs";
    QTest::newRow("port") << "https://sts.contoso.com:4443/adfs" << "https://sts.contoso.com:4443/adfs";
    QTest::newRow("loopback http") << "http://127.0.0.1:8400/adfs" << "http://127.0.0.1:8400/adfs";
    QTest::newRow("plain http off loopback") << "http://sts.contoso.com/adfs" << "";
    QTest::newRow("no path") << "https://sts.contoso.com" << "";
    QTest::newRow("not /adfs") << "https://sts.contoso.com/contoso.com" << "";
    QTest::newRow("/adfs/ls (the sign-in page)") << "https://sts.contoso.com/adfs/ls" << "";
    QTest::newRow("/adfs/oauth2/token") << "https://sts.contoso.com/adfs/oauth2/token" << "";
    QTest::newRow("a prefix before /adfs") << "https://sts.contoso.com/x/adfs" << "";
    QTest::newRow("query") << "https://sts.contoso.com/adfs?x=1" << "";
    QTest::newRow("user info") << "https://me:pw@sts.contoso.com/adfs" << "";
    QTest::newRow("empty") << "" << "";
}

void tst_Authority::adfs()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    const Authority authority = Authority::adfs(input);
    if (canonical.isEmpty()) {
        QCOMPARE(authority.type(), Authority::Invalid);
        QVERIFY2(!authority.errorString().isEmpty(), "an invalid authority must say why");
        return;
    }
    QVERIFY2(authority.isValid(), qPrintable(authority.errorString()));
    QCOMPARE(authority.type(), Authority::Adfs);
    QVERIFY(!authority.isMicrosoft());
    QVERIFY(!authority.isKnownMicrosoftHost());
    QCOMPARE(authority.url().toString(), canonical);
    QCOMPARE(authority.tenant(), QStringLiteral("adfs")); // MSAL's realm for AD FS
    // AD FS's own metadata, not the v2.0 endpoint's (MSAL Python's authority.py, msal-common).
    QCOMPARE(authority.discoveryUrl().toString(), canonical + QStringLiteral("/.well-known/openid-configuration"));
    QCOMPARE(Authority::adfs(QUrl(input)), authority);
    // The same URL as a generic OpenID Connect issuer is another authority.
    QVERIFY(Authority::openIdConnect(QUrl(canonical)) != authority);
}

void tst_Authority::adfsRefusedByMicrosoft_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("farm") << "https://sts.contoso.com/adfs";
    QTest::newRow("trailing slash") << "https://sts.contoso.com/adfs/";
    QTest::newRow("upper case") << "https://sts.contoso.com/ADFS";
    QTest::newRow("sign-in page") << "https://adfs.contoso.com/adfs/ls";
}

void tst_Authority::adfsRefusedByMicrosoft()
{
    // "adfs" would pass as a tenant domain segment: it must point to Authority::adfs() instead.
    QFETCH(QString, input);
    const Authority authority = Authority::microsoft(input);
    QCOMPARE(authority.type(), Authority::Invalid);
    QVERIFY2(authority.errorString().contains(QStringLiteral("Authority::adfs()")), qPrintable(authority.errorString()));
}

void tst_Authority::b2c_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("policy");

    // Kept in MSAL's two shapes, lower case (msal-common compares them so), "tfp" if given.
    QTest::newRow("tfp") << "https://fabrikamb2c.b2clogin.com/tfp/fabrikamb2c.onmicrosoft.com/B2C_1_SignUpSignIn"
                         << true << "https://fabrikamb2c.b2clogin.com/tfp/fabrikamb2c.onmicrosoft.com/b2c_1_signupsignin"
                         << "fabrikamb2c.onmicrosoft.com" << "b2c_1_signupsignin";
    QTest::newRow("no tfp") << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/B2C_1_signin"
                            << true << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/b2c_1_signin"
                            << "fabrikamb2c.onmicrosoft.com" << "b2c_1_signin";
    QTest::newRow("trailing v2.0") << "https://Fabrikamb2c.b2clogin.com/tfp/fabrikamb2c.onmicrosoft.com/B2C_1_signin/v2.0/"
                                   << true << "https://fabrikamb2c.b2clogin.com/tfp/fabrikamb2c.onmicrosoft.com/b2c_1_signin"
                                   << "fabrikamb2c.onmicrosoft.com" << "b2c_1_signin";
    QTest::newRow("trailing slash") << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/B2C_1_signin/"
                                    << true << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/b2c_1_signin"
                                    << "fabrikamb2c.onmicrosoft.com" << "b2c_1_signin";
    QTest::newRow("custom domain, tenant id") << "https://login.fabrikam.com/7d3a9b2e-5c41-4f8a-9e6d-2b1c0a9f8e71/B2C_1A_signup_signin"
                                              << true << "https://login.fabrikam.com/7d3a9b2e-5c41-4f8a-9e6d-2b1c0a9f8e71/b2c_1a_signup_signin"
                                              << "7d3a9b2e-5c41-4f8a-9e6d-2b1c0a9f8e71" << "b2c_1a_signup_signin";
    QTest::newRow("loopback http") << "http://127.0.0.1:9/tfp/t.onmicrosoft.com/B2C_1_x" << true
                                   << "http://127.0.0.1:9/tfp/t.onmicrosoft.com/b2c_1_x" << "t.onmicrosoft.com" << "b2c_1_x";
    QTest::newRow("no policy") << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com" << false << "" << "" << "";
    QTest::newRow("tfp, no policy") << "https://fabrikamb2c.b2clogin.com/tfp/fabrikamb2c.onmicrosoft.com/" << false << "" << "" << "";
    QTest::newRow("only v2.0 after the tenant") << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/v2.0" << false << "" << "" << "";
    QTest::newRow("too many segments") << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/B2C_1_x/oauth2" << false << "" << "" << "";
    QTest::newRow("plain http") << "http://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/B2C_1_x" << false << "" << "" << "";
    QTest::newRow("query") << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/B2C_1_x?p=1" << false << "" << "" << "";
    QTest::newRow("bad policy") << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/B2C_1%20x" << false << "" << "" << "";
    QTest::newRow("bad tenant") << "https://fabrikamb2c.b2clogin.com/fab$rikam/B2C_1_x" << false << "" << "" << "";
}

void tst_Authority::b2c()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    QFETCH(QString, tenant);
    QFETCH(QString, policy);
    const Authority authority = Authority::b2c(input);
    QCOMPARE(authority.isValid(), valid);
    if (!valid) {
        QCOMPARE(authority.type(), Authority::Invalid);
        QVERIFY(!authority.errorString().isEmpty());
        return;
    }
    QVERIFY2(authority.isValid(), qPrintable(authority.errorString()));
    QCOMPARE(authority.type(), Authority::B2C);
    QVERIFY(!authority.isMicrosoft());
    QVERIFY(!authority.isKnownMicrosoftHost());
    QCOMPARE(authority.url().toString(), canonical);
    QCOMPARE(authority.tenant(), tenant);
    QCOMPARE(authority.policy(), policy);
    QCOMPARE(authority.discoveryUrl().toString(), canonical + "/v2.0/.well-known/openid-configuration");
    QCOMPARE(authority, Authority::b2c(QUrl(canonical)));
}

void tst_Authority::microsoftPointsToB2C_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("b2clogin.com host") << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com";
    QTest::newRow("b2clogin.cn host, policy") << "https://x.b2clogin.cn/x.partner.onmschina.cn/B2C_1_x";
    QTest::newRow("tfp path") << "https://login.fabrikam.com/tfp/fabrikamb2c.onmicrosoft.com/B2C_1_x";
}

void tst_Authority::microsoftPointsToB2C()
{
    QFETCH(QString, input);
    const Authority authority = Authority::microsoft(input);
    QVERIFY(!authority.isValid());
    QVERIFY2(authority.errorString().contains(QLatin1String("Authority::b2c()")), qPrintable(authority.errorString()));
}

void tst_Authority::fromUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("tenant") << "https://login.microsoftonline.com/contoso.com" << int(Authority::Tenant)
                            << "https://login.microsoftonline.com/contoso.com";
    QTest::newRow("audience") << "https://login.microsoftonline.com/organizations/" << int(Authority::Organizations)
                              << "https://login.microsoftonline.com/organizations";
    QTest::newRow("national cloud") << "https://login.microsoftonline.us/common" << int(Authority::Common)
                                    << "https://login.microsoftonline.us/common";
    QTest::newRow("B2C host") << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/B2C_1_signin"
                              << int(Authority::B2C) << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/b2c_1_signin";
    QTest::newRow("B2C tfp path, custom domain") << "https://login.fabrikam.com/tfp/fabrikamb2c.onmicrosoft.com/B2C_1_signin"
                                                 << int(Authority::B2C) << "https://login.fabrikam.com/tfp/fabrikamb2c.onmicrosoft.com/b2c_1_signin";
    QTest::newRow("AD FS") << "https://sts.contoso.com/adfs/" << int(Authority::Adfs) << "https://sts.contoso.com/adfs";
    QTest::newRow("External ID") << "https://contoso.ciamlogin.com/" << int(Authority::Ciam)
                                 << "https://contoso.ciamlogin.com/contoso.onmicrosoft.com";
    QTest::newRow("B2C without a policy: B2C's error") << "https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com"
                                                      << int(Authority::Invalid) << "";
    QTest::newRow("AD FS sign-in page: AD FS's error") << "https://sts.contoso.com/adfs/ls" << int(Authority::Invalid) << "";
    QTest::newRow("plain http") << "http://login.microsoftonline.com/common" << int(Authority::Invalid) << "";
}

void tst_Authority::fromUrl()
{
    QFETCH(QString, input);
    QFETCH(int, type);
    QFETCH(QString, canonical);
    const Authority authority = Authority::fromUrl(input);
    QCOMPARE(int(authority.type()), type);
    if (type == Authority::Invalid) {
        QVERIFY(!authority.errorString().isEmpty());
        return;
    }
    QCOMPARE(authority.url().toString(), canonical);
}

QTEST_GUILESS_MAIN(tst_Authority)
#include "tst_authority.moc"
