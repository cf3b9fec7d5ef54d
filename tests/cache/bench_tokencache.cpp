#include "cache/cachejson_p.h"
#include "cache/tokencache_p.h"

#include <MsalQt/tokencache.h>

#include <QTest>

#include <malloc.h>

using namespace MsalQt;
using namespace MsalQt::Internal;

// The cost of a silent cache hit (the lookup acquireTokenSilent makes) with 1 and with 10,000
// accounts cached, and of serializing and parsing a 10,000-account cache.
// Run: ctest --test-dir build -R bench_tokencache -V   (or bin/bench_tokencache -callgrind)
class bench_TokenCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void silentHit_data();
    void silentHit();
    void serialize10k_data();
    void serialize10k();
    void deserialize10k();
    void damageOf10k();
    void accountLookup_data();
    void accountLookup();
    void residentMemory10kAppTokens();
};

static const QStringList environments{"login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"};

static void fill(TokenCachePrivate *d, int accounts)
{
    for (int i = 0; i < accounts; ++i) {
        const QString home = QString("%1.tenant").arg(i);
        CredentialEntry at;
        at.type = CredentialType::AccessToken;
        at.homeAccountId = home;
        at.environment = "login.windows.net";
        at.clientId = "client";
        at.realm = "tenant";
        at.target = "User.Read Mail.Read openid profile";
        at.scopes = scopeList(at.target);
        at.setSecret(QString("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.access-token-%1").arg(i).repeated(8));
        at.cachedAt = 1700000000;
        at.expiresOn = 1900000000;
        at.extendedExpiresOn = 1900000000;
        d->storeAccessToken(at);
        CredentialEntry rt = at;
        rt.type = CredentialType::RefreshToken;
        rt.realm.clear();
        rt.target.clear();
        rt.setSecret(QString("refresh-token-%1").arg(i).repeated(20));
        d->storeRefreshToken(rt);
        CredentialEntry id = at;
        id.type = CredentialType::IdToken;
        id.target.clear();
        id.setSecret(QString("id-token-%1").arg(i).repeated(30));
        d->storeIdToken(id);
        AccountEntry account;
        account.homeAccountId = home;
        account.environment = "login.windows.net";
        account.realm = "tenant";
        account.localAccountId = QString::number(i);
        account.username = QString("user%1@contoso.com").arg(i);
        account.authorityType = "MSSTS";
        d->storeAccount(account);
    }
}

void bench_TokenCache::silentHit_data()
{
    QTest::addColumn<int>("accounts");
    QTest::newRow("1 account") << 1;
    QTest::newRow("10000 accounts") << 10000;
}

void bench_TokenCache::silentHit()
{
    QFETCH(int, accounts);
    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    fill(d, accounts);
    const QString home = QString("%1.tenant").arg(accounts / 2);
    const QStringList scopes{"user.read"};
    const CredentialEntry *found = nullptr;
    QBENCHMARK {
        found = d->findAccessToken(environments, home, "client", "tenant", scopes);
    }
    QVERIFY(found);
}

void bench_TokenCache::serialize10k_data()
{
    QTest::addColumn<bool>("reloaded");
    QTest::newRow("tokens got by this process") << false;
    QTest::newRow("as read from the file (the usual save)") << true;
}

void bench_TokenCache::serialize10k()
{
    QFETCH(bool, reloaded);
    TokenCache cache;
    fill(TokenCachePrivate::get(&cache), 10000);
    if (reloaded)
        QVERIFY(cache.deserialize(cache.serialize()));
    QByteArray json;
    QBENCHMARK_ONCE {
        json = cache.serialize();
    }
    qInfo("serialized cache: %.1f MB", json.size() / 1e6);
}

void bench_TokenCache::deserialize10k()
{
    TokenCache source;
    fill(TokenCachePrivate::get(&source), 10000);
    const QByteArray json = source.serialize();
    TokenCache cache;
    QBENCHMARK_ONCE {
        QVERIFY(cache.deserialize(json));
    }
    QCOMPARE(cache.accounts().size(), 10000);
}

// What a storage asks of the stored bytes before it writes over them (CacheJson::damageOf()):
// read without a tree, a fraction of a load.
void bench_TokenCache::damageOf10k()
{
    TokenCache source;
    fill(TokenCachePrivate::get(&source), 10000);
    const QByteArray json = source.serialize();
    qInfo("cache file: %.1f MB", json.size() / 1e6);
    QString damage;
    QBENCHMARK {
        damage = CacheJson::damageOf(json);
    }
    QCOMPARE(damage, QString());
}

void bench_TokenCache::accountLookup_data()
{
    QTest::addColumn<int>("accounts");
    QTest::newRow("1 account") << 1;
    QTest::newRow("10000 accounts") << 10000;
}

// TokenCache::account(homeAccountId), the public lookup an application makes (issue 13: flat
// from 1 to 10,000 accounts, under 2 µs).
void bench_TokenCache::accountLookup()
{
    QFETCH(int, accounts);
    TokenCache cache;
    fill(TokenCachePrivate::get(&cache), accounts);
    const QString home = QString("%1.tenant").arg(accounts / 2);
    Account found;
    QBENCHMARK {
        found = cache.account(home);
    }
    QCOMPARE(found.homeAccountId(), home);
}

// Heap bytes in use (glibc): what the cache holds, unlike the resident set, which the heap's
// reuse of freed memory blurs within one process.
static qint64 heapBytesInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

// (tests/cache/msal-python-memory.py measures MSAL Python on the same file.)
// The memory a cache file of 10,000 app tokens (client credentials for 10,000 tenants, one
// scope each, as a multi-tenant daemon keeps) costs once loaded, the file's bytes freed.
void bench_TokenCache::residentMemory10kAppTokens()
{
    QByteArray json;
    {
        TokenCache source;
        TokenCachePrivate *d = TokenCachePrivate::get(&source);
        for (int i = 0; i < 10000; ++i) {
            CredentialEntry at;
            at.type = CredentialType::AccessToken;
            at.environment = "login.microsoftonline.com";
            at.clientId = "6731de76-14a6-49ae-97bc-6eba6914391e";
            at.realm = QString("%1-0000-4000-8000-000000000000").arg(i, 8, 10, QChar('0'));
            at.target = "https://graph.microsoft.com/.default";
            at.scopes = scopeList(at.target);
            at.setSecret(QString("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.app-token-%1.").arg(i).repeated(16));
            at.cachedAt = 1700000000;
            at.expiresOn = 1900000000;
            at.extendedExpiresOn = 1900000000;
            d->storeAccessToken(at);
        }
        json = source.serialize();
    }
    qInfo("cache file: %.1f MB", json.size() / 1e6);
    auto cache = std::make_unique<TokenCache>();
    const qint64 before = heapBytesInUse() - json.capacity();
    QVERIFY(cache->deserialize(json));
    json.clear();
    json.squeeze();
    const qint64 held = heapBytesInUse() - before;
    qInfo("the loaded cache holds %.1f MB (%.0f bytes a token)", held / 1e6, held / 1e4);
    QTest::setBenchmarkResult(qreal(held), QTest::BytesAllocated);
    QCOMPARE(TokenCachePrivate::get(cache.get())->accessTokens.size(), 10000);
}

QTEST_GUILESS_MAIN(bench_TokenCache)
#include "bench_tokencache.moc"
