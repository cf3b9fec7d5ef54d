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
    void appMetadataStoredAgainChangesNothing();
    void appMetadataChangeKeepsForeignFields();
    void refreshesDoNotGrowTheHeap();
};

static const QString env = QStringLiteral("login.microsoftonline.com");

void tst_CacheReliability::appMetadataStoredAgainChangesNothing()
{
    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    d->storeAppMetadata(env, "client", "1");
    QVERIFY(d->hasUnsavedChanges());
    const QByteArray stored = d->mergeWithStored({});

    d->storeAppMetadata(env, "client", "1");
    d->storeAppMetadata(env, "client", QString()); // no family said: the known one stays
    QVERIFY(!d->hasUnsavedChanges());
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
        stored = d->mergeWithStored(stored);
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
