#include "cache/cachejson_p.h"
#include "cache/tokencache_p.h"

#include <MsalQt/tokencache.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace MsalQt;
using namespace MsalQt::Internal;

// Issue 15: no token, and no entry another library wrote, is lost on a full disk or a damaged
// file; and the cache does not grow with every refresh.
class tst_CacheReliability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void failedWriteKeepsTheChange();
    void changeAfterTheMergeStaysPending();
    void damagedFileMerged_data();
    void damagedFileMerged();
    void ownEntryReplacesKeptOne();
    void foreignScalarSectionKept();
    void clearTakesKeptEntries();
    void damageOf_data();
    void damageOf();
    void damageOfNotJson();
    void appMetadataStoredAgainChangesNothing();
    void appMetadataChangeKeepsForeignFields();
    void refreshesDoNotGrowTheHeap();
};

static const QString env = QStringLiteral("login.microsoftonline.com");

static CredentialEntry accessToken(const QString &target, const QString &secret)
{
    CredentialEntry at;
    at.type = CredentialType::AccessToken;
    at.homeAccountId = QStringLiteral("uid.utid");
    at.environment = env;
    at.clientId = QStringLiteral("client");
    at.realm = QStringLiteral("utid");
    at.target = target;
    at.scopes = scopeList(target);
    at.setSecret(secret);
    at.cachedAt = 1700000000;
    at.expiresOn = 4100000000;
    at.extendedExpiresOn = 4100000000;
    return at;
}

static QString found(const TokenCachePrivate *d, const QString &scope)
{
    const CredentialEntry *entry = d->findAccessToken({env}, QStringLiteral("uid.utid"), QStringLiteral("client"),
                                                      QStringLiteral("utid"), {scope});
    return entry ? entry->secret() : QStringLiteral("(none)");
}

static QString foundIn(const QByteArray &json, const QString &scope)
{
    TokenCache cache;
    if (!cache.deserialize(json))
        return QStringLiteral("(unreadable)");
    return found(TokenCachePrivate::get(&cache), scope);
}

// What another process stored: a refresh token of another client.
static const QByteArray storedByOthers = R"({"AccessToken":{},"RefreshToken":{"uid.utid-login.microsoftonline.com-refreshtoken-other--":{"client_id":"other","credential_type":"RefreshToken","environment":"login.microsoftonline.com","home_account_id":"uid.utid","secret":"their-rt"}},"IdToken":{},"Account":{},"AppMetadata":{}})";

// The write of a merge fails (a full disk): markSaved() is not called. The change stays pending,
// and the next merge, against the stored bytes that do not hold it, keeps it in memory and
// writes it. Before, the merge ended the change, and the next one dropped the token for good.
void tst_CacheReliability::failedWriteKeepsTheChange()
{
    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    QVERIFY(cache.deserialize(storedByOthers));
    d->storeAccessToken(accessToken("user.read", "mine"));

    quint64 generation = 0;
    const QByteArray failedWrite = d->mergeWithStored(storedByOthers, &generation);
    QVERIFY(generation > 0);
    QCOMPARE(foundIn(failedWrite, "user.read"), QString("mine"));

    // The next save merges with what is still stored, without the token.
    const QByteArray retried = d->mergeWithStored(storedByOthers, &generation);
    QCOMPARE(found(d, "user.read"), QString("mine"));
    QCOMPARE(foundIn(retried, "user.read"), QString("mine"));
    QVERIFY(retried.contains("their-rt"));
    QVERIFY(d->hasUnsavedChanges()); // the storage has not said it is written

    d->markSaved(generation); // this one was written
    QVERIFY(!d->hasUnsavedChanges());
    QCOMPARE(foundIn(d->mergeWithStored(retried), "user.read"), QString("mine"));
}

// A token stored while a save is under way (after its merge) is not in what that save writes:
// the save's success ends only the changes it wrote. The same key changed again counts as new.
void tst_CacheReliability::changeAfterTheMergeStaysPending()
{
    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    d->storeAccessToken(accessToken("user.read", "first"));
    d->storeAccessToken(accessToken("mail.read", "mail"));
    quint64 written = 0;
    const QByteArray stored = d->mergeWithStored(storedByOthers, &written);

    d->storeAccessToken(accessToken("files.read", "after the merge"));
    d->storeAccessToken(accessToken("user.read", "rotated after the merge"));
    d->markSaved(written);
    QVERIFY(d->hasUnsavedChanges());

    // Another process wrote meanwhile, from what was stored: nothing of ours is lost.
    TokenCache other;
    QVERIFY(other.deserialize(stored));
    TokenCachePrivate::get(&other)->storeAccessToken(accessToken("other.read", "theirs"));
    const QByteArray theirs = TokenCachePrivate::get(&other)->mergeWithStored(stored);

    quint64 second = 0;
    const QByteArray merged = d->mergeWithStored(theirs, &second);
    QVERIFY(second > written);
    QCOMPARE(foundIn(merged, "files.read"), QString("after the merge"));
    QCOMPARE(foundIn(merged, "user.read"), QString("rotated after the merge"));
    QCOMPARE(foundIn(merged, "mail.read"), QString("mail"));
    QCOMPARE(foundIn(merged, "other.read"), QString("theirs"));
    QCOMPARE(found(d, "user.read"), QString("rotated after the merge"));
    d->markSaved(second);
    QVERIFY(!d->hasUnsavedChanges());
}

// The parts of a cache file, by section: a foreign refresh token and another library's section
// around whatever a row puts in.
struct Parts
{
    QByteArray accessTokens = "{}";
    QByteArray refreshTokens = R"({"uid.utid-login.microsoftonline.com-refreshtoken-other--":{"client_id":"other","credential_type":"RefreshToken","environment":"login.microsoftonline.com","home_account_id":"uid.utid","secret":"their-rt"}})";
    QByteArray idTokens = "{}";
    QByteArray accounts = "{}";
    QByteArray appMetadata = "{}";
    QByteArray file() const
    {
        return "{\"AccessToken\": " + accessTokens + ",\n \"RefreshToken\": " + refreshTokens + ",\n \"IdToken\": "
            + idTokens + ",\n \"Account\": " + accounts + ",\n \"AppMetadata\": " + appMetadata
            + ",\n \"SomeOtherLibrary\": {\"x\": [1, {\"y\": null}]}}";
    }
    QByteArray &section(const QByteArray &name)
    {
        return name == "AccessToken" ? accessTokens
            : name == "RefreshToken" ? refreshTokens
            : name == "IdToken"      ? idTokens
            : name == "Account"      ? accounts
                                     : appMetadata;
    }
};

void tst_CacheReliability::damagedFileMerged_data()
{
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<QByteArray>("key");   // empty: `value` is the whole section
    QTest::addColumn<QByteArray>("value"); // compact, as it is written back
    QTest::addColumn<QString>("damage");   // what damageOf() says

    for (const char *name : {"AccessToken", "RefreshToken", "IdToken", "Account", "AppMetadata"}) {
        for (const char *value : {R"("a string")", "[1,2]", "42", "null", "true"}) {
            QTest::addRow("%s section %s", name, value)
                << QByteArray(name) << QByteArray() << QByteArray(value)
                << QString("the %1 section is not an object").arg(name);
        }
    }
    const auto entry = [](const char *row, const char *section, const char *key, const char *value, bool isObject) {
        QTest::newRow(row) << QByteArray(section) << QByteArray(key) << QByteArray(value)
                           << (isObject ? QString() : QString("an entry of %1 is not an object").arg(section));
    };
    entry("access token a string", "AccessToken", "at-key", R"("garbage")", false);
    entry("refresh token an array", "RefreshToken", "rt-key", R"(["a",{"b":1}])", false);
    entry("id token a number", "IdToken", "id-key", "-1.5e3", false);
    entry("account null", "Account", "account-key", "null", false);
    entry("app metadata a string", "AppMetadata", "appmetadata-x", R"("x")", false);
    entry("refresh token without a secret", "RefreshToken", "rt-no-secret",
          R"({"client_id":"c2","credential_type":"RefreshToken","environment":"login.microsoftonline.com","home_account_id":"uid.utid"})",
          true);
    entry("access token without expires_on", "AccessToken", "at-no-expiry",
          R"({"client_id":"c2","environment":"e","realm":"r","secret":"s","target":"t"})", true);
    entry("access token with a bad time", "AccessToken", "at-bad-time",
          R"({"client_id":"c2","environment":"e","expires_on":"soon","secret":"s"})", true);
    entry("id token without an environment", "IdToken", "id-no-env", R"({"client_id":"c2","secret":"s"})", true);
    entry("account without home_account_id", "Account", "account-no-home",
          R"({"environment":"login.microsoftonline.com","username":"x"})", true);
    entry("empty object", "RefreshToken", "rt-empty", "{}", true);
}

// A file with a damaged part is merged with a new token: the result holds the token, the foreign
// refresh token and section, and every damaged entry as it was (the storage keeps a copy of the
// file aside when damageOf() says something is lost). Before, the whole file was overwritten.
void tst_CacheReliability::damagedFileMerged()
{
    QFETCH(QByteArray, section);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, value);
    QFETCH(QString, damage);

    Parts parts;
    if (key.isEmpty()) {
        parts.section(section) = value;
    } else {
        QByteArray &text = parts.section(section);
        text.insert(text.size() - 1, QByteArray(text.size() > 2 ? "," : "") + "\"" + key + "\": " + value);
    }
    const QByteArray file = parts.file();
    QCOMPARE(CacheJson::damageOf(file), damage);

    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    d->storeAccessToken(accessToken("user.read", "mine"));
    quint64 generation = 0;
    const QByteArray merged = d->mergeWithStored(file, &generation);
    d->markSaved(generation);

    const QJsonObject root = QJsonDocument::fromJson(merged).object();
    QVERIFY2(!root.isEmpty(), merged.constData());
    QCOMPARE(foundIn(merged, "user.read"), QString("mine"));
    QCOMPARE(found(d, "user.read"), QString("mine"));
    QCOMPARE(root.value("SomeOtherLibrary").toObject(),
             QJsonDocument::fromJson(R"({"x": [1, {"y": null}]})").object());
    if (!(key.isEmpty() && section == "RefreshToken"))
        QVERIFY(merged.contains("their-rt"));
    if (!key.isEmpty()) {
        // Verbatim, in its section.
        const QByteArray member = "\"" + key + "\":" + value;
        QVERIFY2(merged.contains(member), merged.constData());
        QVERIFY(root.value(section).toObject().contains(QString::fromUtf8(key)));
    }
    for (const char *name : {"AccessToken", "RefreshToken", "IdToken", "Account", "AppMetadata"})
        QVERIFY(root.value(name).isObject());

    // What is written reads as it is (deserialize() is strict: a whole section that is not an
    // object fails it) and writes as the same bytes.
    TokenCache reread;
    QVERIFY(reread.deserialize(merged));
    QCOMPARE(reread.serialize(), merged);
    QString error;
    QStringList skipped;
    TokenCache adopting;
    QVERIFY(TokenCachePrivate::get(&adopting)->adoptStored(file, &error, &skipped));
    QCOMPARE(skipped, key.isEmpty() ? QStringList{QString::fromUtf8(section)} : QStringList());
    TokenCache strict;
    QCOMPARE(strict.deserialize(file, &error), !key.isEmpty());
    QCOMPARE(error.isEmpty(), !key.isEmpty());
    if (!key.isEmpty())
        QVERIFY(strict.serialize().contains("\"" + key + "\":" + value));
}

// An entry this process stores under the key of one kept as read replaces it: one entry per key,
// in memory, in what is written and in a merge with the damaged file.
void tst_CacheReliability::ownEntryReplacesKeptOne()
{
    const CredentialEntry mine = accessToken("user.read", "mine");
    const QByteArray file = "{\"AccessToken\": {\"" + mine.key().toUtf8() + "\": \"garbage\"}}";
    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    QVERIFY(cache.deserialize(file));
    QVERIFY(cache.serialize().contains("\"garbage\""));
    d->storeAccessToken(mine);
    const QByteArray written = cache.serialize();
    QVERIFY(!written.contains("garbage"));
    QCOMPARE(written.count(mine.key().toUtf8()), 1);
    QCOMPARE(foundIn(written, "user.read"), QString("mine"));

    const QByteArray merged = d->mergeWithStored(file);
    QVERIFY(!merged.contains("garbage"));
    QCOMPARE(merged.count(mine.key().toUtf8()), 1);
    QCOMPARE(foundIn(merged, "user.read"), QString("mine"));
}

// Another library's section that is a number, a string or null is kept like any other. (Its
// check asked simdjson for a value of a scalar document, which it refuses: the whole file failed
// to load, and a merge wrote over it.)
void tst_CacheReliability::foreignScalarSectionKept()
{
    const QByteArray file = R"({"AccessToken": {}, "Version": 3, "Name": "x", "Nothing": null})";
    TokenCache cache;
    QString error;
    QVERIFY2(cache.deserialize(file, &error), qPrintable(error));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    d->storeAccessToken(accessToken("user.read", "mine"));
    const QByteArray merged = d->mergeWithStored(file);
    QVERIFY2(merged.endsWith(R"(,"Version":3,"Name":"x","Nothing":null})"), merged.constData());
    QCOMPARE(foundIn(merged, "user.read"), QString("mine"));
}

// TokenCache::clear() removes every entry, those kept as read too, from memory and, through the
// merge, from what is stored.
void tst_CacheReliability::clearTakesKeptEntries()
{
    const QByteArray file = R"({"RefreshToken": {"kept": {"secret": "s"}}, "Other": 1})";
    TokenCache cache;
    QVERIFY(cache.deserialize(file));
    QVERIFY(cache.serialize().contains(R"("kept":{"secret":"s"})"));
    cache.clear();
    QVERIFY(!cache.serialize().contains("kept"));
    const QByteArray merged = TokenCachePrivate::get(&cache)->mergeWithStored(file);
    QVERIFY2(!merged.contains("kept"), merged.constData());
    QVERIFY(merged.contains(R"("Other":1)")); // another library's section is not ours to clear
}

void tst_CacheReliability::damageOf_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("damage");

    QTest::newRow("empty object") << QByteArray("{}") << QString();
    QTest::newRow("written here") << QByteArray(R"({"AccessToken":{},"RefreshToken":{},"IdToken":{},"Account":{},"AppMetadata":{}})")
                                  << QString();
    QTest::newRow("foreign sections, scalars too") << QByteArray(R"({"Other": 5, "More": "x", "Arr": [], "AccessToken": {}})")
                                                   << QString();
    // MSAL Python: an app token with home_account_id null, times as numbers; an escaped key.
    QTest::newRow("msal python") << QByteArray(R"({"AccessToken": {"-login.microsoftonline.com-accesstoken-app1-utid1-https://graph.microsoft.com/.default": {"credential_type": "AccessToken", "secret": "t", "home_account_id": null, "environment": "login.microsoftonline.com", "client_id": "app1", "realm": "utid1", "target": "https://graph.microsoft.com/.default", "token_type": "Bearer", "cached_at": 1700000000, "expires_on": 4100000000}}, "AppMetadata": {"appmetadata-login.microsoftonline.com-app1": {"client_id": "app1", "environment": "login.microsoftonline.com"}}})")
                                 << QString();
    QTest::newRow("lone surrogate escape") << QByteArray(R"({"Account": {"\ud800": {"home_account_id": "\udc00"}}})")
                                           << QString();
    QTest::newRow("section a string") << QByteArray(R"({"AccessToken": "x"})")
                                      << QString("the AccessToken section is not an object");
    QTest::newRow("three entries") << QByteArray(R"({"RefreshToken": {"a": 1, "b": {}, "c": [], "d": null}})")
                                   << QString("3 entries of RefreshToken are not objects");
    QTest::newRow("several") << QByteArray(R"({"AccessToken": [], "Account": {"a": "x"}, "AppMetadata": null})")
                             << QString("the AccessToken section is not an object; an entry of Account is not an "
                                        "object; the AppMetadata section is not an object");
    QTest::newRow("array") << QByteArray("[]") << QString("the cache is not a JSON object");
    QTest::newRow("scalar") << QByteArray("\"x\"") << QString("the cache is not a JSON object");
}

void tst_CacheReliability::damageOf()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, damage);
    QCOMPARE(CacheJson::damageOf(bytes), damage);
    // A healthy file is what deserialize() takes.
    if (damage.isEmpty()) {
        TokenCache cache;
        QVERIFY(cache.deserialize(bytes));
    }
}

// Not JSON at all: said so, with simdjson's reason.
void tst_CacheReliability::damageOfNotJson()
{
    for (const QByteArray &bytes : {QByteArray("garbage"), QByteArray(R"({"AccessToken": {)"),
                                    QByteArray(R"({"Other": [1,]})"), QByteArray(R"({"RefreshToken": {"a": [1,]}})"),
                                    QByteArray("{} trailing"), QByteArray()}) {
        const QString damage = CacheJson::damageOf(bytes);
        QVERIFY2(damage.startsWith("the cache is not JSON: "), qPrintable(damage));
    }
}

void tst_CacheReliability::appMetadataStoredAgainChangesNothing()
{
    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    d->storeAppMetadata(env, "client", "1");
    QVERIFY(d->hasUnsavedChanges());
    quint64 generation = 0;
    const QByteArray stored = d->mergeWithStored({}, &generation);
    d->markSaved(generation);

    d->storeAppMetadata(env, "client", "1");
    d->storeAppMetadata(env, "client", QString()); // no family said: the known one stays
    QVERIFY(!d->hasUnsavedChanges());
    QCOMPARE(d->changeGeneration(), generation);
    QCOMPARE(d->mergeWithStored(stored), stored);
}

void tst_CacheReliability::appMetadataChangeKeepsForeignFields()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(R"({"AppMetadata": {"appmetadata-login.microsoftonline.com-client": {"client_id": "client", "environment": "login.microsoftonline.com", "family_id": "1", "theirs": [1]}}})"));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    d->storeAppMetadata(env, "client", "1");
    QVERIFY(!d->hasUnsavedChanges());
    d->storeAppMetadata(env, "client", "2");
    QVERIFY(d->hasUnsavedChanges());
    const QJsonObject entry = d->appMetadata.value("appmetadata-login.microsoftonline.com-client");
    QCOMPARE(entry.value("family_id").toString(), QString("2"));
    QCOMPARE(entry.value("client_id").toString(), QString("client"));
    QCOMPARE(entry.value("theirs").toArray().size(), 1);
    QVERIFY(cache.serialize().contains(R"("family_id":"2","theirs":[1]})"));
}

// Every token response stores the client's app metadata again, and every save merges: 25,000
// refreshes grew the heap by 4.2 MB (the stored QJsonObject, changed in place, never compacted).
void tst_CacheReliability::refreshesDoNotGrowTheHeap()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    QByteArray stored;
    const auto refresh = [&] {
        d->storeAppMetadata(env, QStringLiteral("client"), QStringLiteral("1"));
        quint64 generation = 0;
        stored = d->mergeWithStored(stored, &generation);
        d->markSaved(generation);
    };
    for (int i = 0; i < 1000; ++i) // allocations that stay (hashes at their size) are made
        refresh();
    const struct mallinfo2 before = mallinfo2();
    for (int i = 0; i < 25000; ++i)
        refresh();
    const struct mallinfo2 after = mallinfo2();
    const qint64 growth = qint64(after.uordblks + after.hblkhd) - qint64(before.uordblks + before.hblkhd);
    qInfo("heap growth over 25,000 refreshes: %lld bytes", growth);
    QVERIFY2(growth < 64 * 1024, qPrintable(QString("%1 bytes").arg(growth)));
#else
    QSKIP("mallinfo2() is glibc's (2.33 or later)");
#endif
}

QTEST_GUILESS_MAIN(tst_CacheReliability)
#include "tst_cachereliability.moc"
