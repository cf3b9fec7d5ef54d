#include "clientcapabilities_p.h"

#include <MsalQt/publicclientapplication.h>

#include <QJsonDocument>
#include <QTest>

using namespace MsalQt;
using namespace MsalQt::Internal;

// Client capabilities in the claims parameter (xms_cc), merged with a request's own claims as the
// other MSAL libraries merge them. What the emulator receives: tst_clientcapabilitiesflow.
class tst_ClientCapabilities : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void merged_data();
    void merged();
    void refused_data();
    void refused();
    void formField();
    void setterDropsEmptyAndRepeated();
};

void tst_ClientCapabilities::merged_data()
{
    QTest::addColumn<QString>("claims");
    QTest::addColumn<QStringList>("capabilities");
    QTest::addColumn<QString>("expected"); // compared as JSON

    QTest::newRow("no capabilities: the claims as they are, JSON or not")
        << "not json" << QStringList() << "not json";
    QTest::newRow("cp1 alone") << QString() << QStringList{"cp1"}
                               << R"({"access_token":{"xms_cc":{"values":["cp1"]}}})";
    QTest::newRow("cp1 beside a CAE challenge's nbf")
        << R"({"access_token":{"nbf":{"essential":true,"value":"1604106651"}}})" << QStringList{"cp1"}
        << R"({"access_token":{"nbf":{"essential":true,"value":"1604106651"},"xms_cc":{"values":["cp1"]}}})";
    QTest::newRow("beside id_token claims") << R"({"id_token":{"auth_time":{"essential":true}}})" << QStringList{"cp1", "cp2"}
                                            << R"({"id_token":{"auth_time":{"essential":true}},"access_token":{"xms_cc":{"values":["cp1","cp2"]}}})";
    QTest::newRow("xms_cc values of the claims kept, first, without repeats")
        << R"({"access_token":{"xms_cc":{"values":["cp2","cp1"]}}})" << QStringList{"cp1", "cp3"}
        << R"({"access_token":{"xms_cc":{"values":["cp2","cp1","cp3"]}}})";
    QTest::newRow("whitespace-only claims count as none") << "  " << QStringList{"cp1"}
                                                          << R"({"access_token":{"xms_cc":{"values":["cp1"]}}})";
}

void tst_ClientCapabilities::merged()
{
    QFETCH(QString, claims);
    QFETCH(QStringList, capabilities);
    QFETCH(QString, expected);
    AuthError error;
    const std::optional<QString> result = claimsWithCapabilities(claims, capabilities, &error);
    QVERIFY(result);
    QVERIFY(!error.isError());
    if (capabilities.isEmpty()) {
        QCOMPARE(*result, expected);
        return;
    }
    QCOMPARE(QJsonDocument::fromJson(result->toUtf8()), QJsonDocument::fromJson(expected.toUtf8()));
    QVERIFY(!result->contains(QLatin1Char('\n'))); // compact: it goes into a form field and a URL
}

void tst_ClientCapabilities::refused_data()
{
    QTest::addColumn<QString>("claims");
    QTest::newRow("not JSON") << "acrs=c1";
    QTest::newRow("a JSON array") << R"(["cp1"])";
    QTest::newRow("truncated JSON") << R"({"access_token":{)";
}

void tst_ClientCapabilities::refused()
{
    QFETCH(QString, claims);
    AuthError error;
    QVERIFY(!claimsWithCapabilities(claims, {"cp1"}, &error));
    QCOMPARE(error.type(), AuthError::InvalidConfiguration);
    QVERIFY2(error.message().contains(QLatin1String("not a JSON object")), qPrintable(error.message()));
}

void tst_ClientCapabilities::formField()
{
    // The grant's own claims field is replaced by the merged one (one field, not two).
    FormFields form{{"grant_type", "refresh_token"}, {"claims", R"({"access_token":{"acrs":{"essential":true,"value":"c1"}}})"}};
    AuthError error;
    QVERIFY(addClientCapabilities(&form, {"cp1"}, &error));
    int claimsFields = 0;
    QString claims;
    for (const auto &[name, value] : form) {
        if (name == QLatin1String("claims")) {
            ++claimsFields;
            claims = value;
        }
    }
    QCOMPARE(claimsFields, 1);
    QCOMPARE(QJsonDocument::fromJson(claims.toUtf8()),
             QJsonDocument::fromJson(R"({"access_token":{"acrs":{"essential":true,"value":"c1"},"xms_cc":{"values":["cp1"]}}})"));
    // Without capabilities, nothing changes; without claims, a field is added.
    FormFields plain{{"grant_type", "client_credentials"}};
    QVERIFY(addClientCapabilities(&plain, {}, &error));
    QCOMPARE(plain.size(), 1);
    QVERIFY(addClientCapabilities(&plain, {"cp1"}, &error));
    QCOMPARE(plain.size(), 2);
    QCOMPARE(plain.last().first, QString("claims"));
}

void tst_ClientCapabilities::setterDropsEmptyAndRepeated()
{
    PublicClientApplication app(QStringLiteral("client"), Authority::microsoft(QString("https://login.example/common")));
    QVERIFY(app.clientCapabilities().isEmpty());
    app.setClientCapabilities({" cp1 ", "", "cp1", "cp2"});
    QCOMPARE(app.clientCapabilities(), QStringList({"cp1", "cp2"}));
    app.setClientCapabilities({});
    QVERIFY(app.clientCapabilities().isEmpty());
}

QTEST_GUILESS_MAIN(tst_ClientCapabilities)
#include "tst_clientcapabilities.moc"
