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
