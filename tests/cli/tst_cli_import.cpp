#include "clirun.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace CliTest;
using namespace TestSupport;

// msalqt import-refresh-token: a refresh token from another library, read from stdin, moves
// the account into the CLI's cache; msalqt token --flow silent then serves it from there.
class tst_CliImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void importThenSilent();
    void invalidToken();
    void emptyStdin();

private:
    QString foreignRefreshToken();
    QStringList command(const QString &name) const;

    MsalQt::Emulator::Server m_emulator;
    QTemporaryDir m_dir;
    QString m_cache;
    int m_round = 0;
};

void tst_CliImport::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY(m_dir.isValid());
}

void tst_CliImport::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_cache = m_dir.filePath(QStringLiteral("cache-%1.json").arg(++m_round));
}

QString tst_CliImport::foreignRefreshToken()
{
    QUrlQuery form;
    form.addQueryItem("grant_type", "password");
    form.addQueryItem("client_id", m_emulator.publicClientId());
    form.addQueryItem("username", QString::fromLatin1(QUrl::toPercentEncoding(alice())));
    form.addQueryItem("password", QString::fromLatin1(QUrl::toPercentEncoding(password())));
    form.addQueryItem("scope", "User.Read%20offline_access%20openid%20profile");
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(m_emulator.authorityUrl("organizations").toString() + "/oauth2/v2.0/token"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    std::unique_ptr<QNetworkReply> reply(manager.post(request, form.query(QUrl::FullyEncoded).toLatin1()));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000))
        return {};
    m_emulator.clearRequests();
    return QJsonDocument::fromJson(reply->readAll()).object().value("refresh_token").toString();
}

QStringList tst_CliImport::command(const QString &name) const
{
    return {name, "--authority", m_emulator.authorityUrl("organizations").toString(), "--client-id",
            m_emulator.publicClientId(), "--scope", "User.Read", "--cache", m_cache, "--cache-unencrypted"};
}

void tst_CliImport::importThenSilent()
{
    const QString token = foreignRefreshToken();
    QVERIFY(!token.isEmpty());
    const Run imported = run(command("import-refresh-token") << "--json", token.toLatin1() + '\n');
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QJsonObject account = QJsonDocument::fromJson(imported.out).object().value("imported").toObject();
    QCOMPARE(account.value("username").toString(), alice());
    QVERIFY(!account.value("home_account_id").toString().isEmpty());
    QVERIFY(!imported.out.contains(token.toLatin1()));
    QVERIFY(!imported.err.contains(token.toLatin1()));
    QStringList redeemed;
    for (const auto &request : m_emulator.requests()) {
        if (request.path.endsWith("/oauth2/v2.0/token"))
            redeemed << request.form.queryItemValue("refresh_token", QUrl::FullyDecoded);
    }
    QCOMPARE(redeemed, QStringList{token});

    // The account is in the cache file: listed, and served silently without the network.
    const Run accounts = run(command("accounts").mid(0, 5) << "--cache" << m_cache << "--cache-unencrypted");
    QCOMPARE(accounts.exitCode, 0);
    QVERIFY(accounts.out.startsWith(alice().toUtf8() + '\t'));
    m_emulator.clearRequests();
    const Run silent = run(command("token") << "--flow" << "silent" << "--account" << alice() << "--json");
    QVERIFY2(silent.exitCode == 0, silent.err.constData());
    QCOMPARE(QJsonDocument::fromJson(silent.out).object().value("from_cache").toBool(), true);
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_CliImport::invalidToken()
{
    const Run imported = run(command("import-refresh-token") << "--json", "0.not-a-refresh-token\n");
    QCOMPARE(imported.exitCode, 1);
    const QJsonObject error = QJsonDocument::fromJson(imported.err).object();
    QCOMPARE(error.value("error_type").toString(), QString("UiRequired"));
    QCOMPARE(error.value("error").toString(), QString("invalid_grant"));
    QVERIFY(!imported.err.contains("not-a-refresh-token"));
}

void tst_CliImport::emptyStdin()
{
    // No token on stdin: a usage error before anything is sent; the token is never an argument.
    const Run imported = run(command("import-refresh-token"), QByteArray());
    QCOMPARE(imported.exitCode, 2);
    QVERIFY(imported.err.contains("standard input"));
    QCOMPARE(m_emulator.requests().size(), 0);
}

QTEST_GUILESS_MAIN(tst_CliImport)
#include "tst_cli_import.moc"
