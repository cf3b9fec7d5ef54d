#include "clirun.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace CliTest;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

// What a hostile server (or cache file) writes never reaches the terminal as control
// characters: plain output strips them, --json escapes them.
class tst_CliOutput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void serverText_data();
    void serverText();
    void accountsFromCacheFile_data();
    void accountsFromCacheFile();

private:
    QStringList deviceCodeArgs() const;

    MsalQt::Emulator::Server m_emulator;
};

// Text an attacker would send: set the window title, clear the screen, the C1 CSI (U+009B),
// DEL, a tab (a field of its own in tab-separated output), a bidi override (U+202E), a line
// separator and a newline to forge a second line.
static QString hostile(const QString &visible)
{
    return visible + QString::fromUtf8("\x1b]0;pwned\x07\x1b[2J\x1b[31m") + QChar(0x9b) + "31m" + QChar(0x7f)
        + "\tfield" + QChar(0x202e) + "gnp.exe" + QChar(0x2028) + "\r\nmsalqt: forged line";
}

// Bytes a terminal would act on: C0 but the line feed ending a line (and the tab between fields,
// when allowed), DEL, and the UTF-8 of the C1 controls, the bidi controls and U+2028/U+2029.
static QString firstControl(const QByteArray &bytes, bool tabs = false)
{
    const QString text = QString::fromUtf8(bytes);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if ((c < 0x20 && c != u'\n' && !(tabs && c == u'\t')) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
            || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029) {
            return QString("U+%1 at %2 in: %3").arg(int(c), 4, 16, QChar('0')).arg(i).arg(QString::fromLatin1(bytes.toPercentEncoding(" :.,;'\"{}[]/=-_")));
        }
    }
    return {};
}

void tst_CliOutput::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_CliOutput::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
}

QStringList tst_CliOutput::deviceCodeArgs() const
{
    return {"token", "--authority", m_emulator.authorityUrl("organizations").toString(), "--client-id",
            m_emulator.publicClientId(), "--scope", "User.Read", "--flow", "device-code"};
}

void tst_CliOutput::serverText_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("plain") << false;
    QTest::newRow("json") << true;
}

void tst_CliOutput::serverText()
{
    QFETCH(bool, json);

    // The device code answer carries the hostile message; the poll is refused with a hostile
    // error description.
    const QJsonObject deviceCode{{"device_code", "hostile-device-code"}, {"user_code", "HOSTILE1"},
                                 {"verification_uri", m_emulator.baseUrl().toString() + "/devicelogin"},
                                 {"expires_in", 60}, {"interval", 1}, {"message", hostile("Open the page")}};
    Fault answer;
    answer.kind = Fault::Body;
    answer.path = "/oauth2/v2.0/devicecode";
    answer.body = QJsonDocument(deviceCode).toJson(QJsonDocument::Compact);
    m_emulator.addFault(answer);
    Fault refusal;
    refusal.kind = Fault::ServiceError;
    refusal.path = "/oauth2/v2.0/token";
    refusal.error = "invalid_grant";
    refusal.aadstsCode = 70000;
    refusal.description = hostile("The grant is invalid");
    m_emulator.addFault(refusal);

    QStringList arguments = deviceCodeArgs();
    if (json)
        arguments << "--json";
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(firstControl(result.err).isEmpty(), qPrintable(firstControl(result.err)));
    QVERIFY2(firstControl(result.out).isEmpty(), qPrintable(firstControl(result.out)));
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.contains("Open the page"), result.err.constData()); // the text itself still shows
    QVERIFY2(!err.contains("\nmsalqt: forged line"), result.err.constData());
    if (json) {
        // The error object is still one line of JSON holding the server's words, escaped.
        const QByteArray last = result.err.trimmed().split('\n').constLast();
        QJsonParseError parseError;
        const QJsonObject error = QJsonDocument::fromJson(last, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, last.constData());
        QCOMPARE(error.value("error").toString(), QString("invalid_grant"));
        QVERIFY(error.value("error_description").toString().contains(QString::fromUtf8("\x1b]0;pwned")));
        QVERIFY(error.value("error_description").toString().contains(QChar(0x9b)));
    } else {
        QVERIFY2(err.contains("The grant is invalid"), result.err.constData());
    }
}

void tst_CliOutput::accountsFromCacheFile_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("plain") << false;
    QTest::newRow("json") << true;
}

void tst_CliOutput::accountsFromCacheFile()
{
    QFETCH(bool, json);

    // A cache file (plain MSAL JSON) whose account names are hostile.
    QTemporaryDir dir;
    const QString path = dir.filePath("cache.json");
    const QString environment = QString("127.0.0.1:%1").arg(m_emulator.port());
    const QJsonObject account{{"home_account_id", "uid.utid"}, {"environment", environment}, {"realm", "utid"},
                              {"local_account_id", "uid"}, {"username", hostile("mallory@contoso.com")},
                              {"name", hostile("Mallory")}, {"authority_type", "MSSTS"}};
    const QJsonObject cache{{"Account", QJsonObject{{"uid.utid-" + environment + "-utid", account}}}};
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(cache).toJson());
    }
    QStringList arguments{"accounts", "--authority", m_emulator.authorityUrl("organizations").toString(),
                          "--client-id", m_emulator.publicClientId(), "--cache", path, "--cache-unencrypted"};
    if (json)
        arguments << "--json";
    const Run result = run(arguments);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(firstControl(result.out, !json).isEmpty(), qPrintable(firstControl(result.out, !json)));
    if (json) {
        const QJsonArray accounts = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.first().toObject().value("username").toString(), hostile("mallory@contoso.com"));
    } else {
        // One line, four tab-separated fields, the names still readable.
        const QByteArray line = result.out;
        QCOMPARE(line.count('\n'), 1);
        QCOMPARE(line.count('\t'), 3);
        QVERIFY(line.startsWith("mallory@contoso.com"));
        QVERIFY(line.contains("\tMallory"));
    }
}

QTEST_GUILESS_MAIN(tst_CliOutput)
#include "tst_cli_output.moc"
