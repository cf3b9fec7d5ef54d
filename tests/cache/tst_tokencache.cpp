#include "cache/cachejson_p.h"
#include "cache/tokencache_p.h"

#include <MsalQt/tokencache.h>

#include <QJsonArray>
#include <QRandomGenerator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace MsalQt::Internal;

// The unified cache schema: what another MSAL library writes loads here, what we write has its
// shape; lookups, aliases, removal and the merge of two writers.
class tst_TokenCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsForeignCache();
    void writesSchema();
    void roundTripKeepsForeignFields();
    void writtenTwiceIsTheSameBytes();
    void newEntryWrittenAsItsObject_data();
    void newEntryWrittenAsItsObject();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void timesOutOfRange_data();
    void timesOutOfRange();
    void lookupByScopes_data();
    void lookupByScopes();
    void aliases();
    void overlappingAccessTokenReplaced();
    void rotatedRefreshTokenReplacesOld();
    void removeAccount();
    void mergeKeepsBothWriters();
    void mergeAppliesRemovals();
    void unreadableStoredCacheLosesNothing();
    void sameAccountStoredAgainChangesNothing();
    void openIdScopes();
    void ownEntriesHeldWithoutTheirText();
    void credentialTableMatchesHash();
    void newAccountWrittenAsItsObject();
    void secretsNeedingEscapesWrittenExactly();
    void oddCharactersInFieldsFound_data();
    void oddCharactersInFieldsFound();
};

// A cache as MSAL Python / MSAL Node write it (built from the schema, keys included).
static QByteArray foreignCache()
{
    return R"({
  "AccessToken": {
    "uid1.utid1-login.windows.net-accesstoken-client1-utid1-user.read mail.read": {
      "credential_type": "AccessToken", "secret": "at-secret", "home_account_id": "uid1.utid1",
      "environment": "login.windows.net", "client_id": "client1", "realm": "utid1",
      "target": "User.Read Mail.Read", "token_type": "Bearer",
      "cached_at": "1700000000", "expires_on": "1700003600", "extended_expires_on": "1700007200"
    }
  },
  "RefreshToken": {
    "uid1.utid1-login.windows.net-refreshtoken-client1--": {
      "credential_type": "RefreshToken", "secret": "rt-secret", "home_account_id": "uid1.utid1",
      "environment": "login.windows.net", "client_id": "client1", "family_id": "1", "last_modification_time": "1700000000"
    }
  },
  "IdToken": {
    "uid1.utid1-login.windows.net-idtoken-client1-utid1-": {
      "credential_type": "IdToken", "secret": "header.payload.signature", "home_account_id": "uid1.utid1",
      "environment": "login.windows.net", "client_id": "client1", "realm": "utid1"
    }
  },
  "Account": {
    "uid1.utid1-login.windows.net-utid1": {
      "home_account_id": "uid1.utid1", "environment": "login.windows.net", "realm": "utid1",
      "local_account_id": "uid1", "username": "alice@contoso.com", "authority_type": "MSSTS",
      "account_source": "device_code"
    }
  },
  "AppMetadata": {
    "appmetadata-login.windows.net-client1": { "client_id": "client1", "environment": "login.windows.net", "family_id": "1" }
  },
  "SomeOtherLibrary": { "x": 1 }
})";
}

static const QStringList publicCloud{"login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"};

void tst_TokenCache::loadsForeignCache()
{
    TokenCache cache;
    QString error;
    QVERIFY2(cache.deserialize(foreignCache(), &error), qPrintable(error));
    const QList<Account> accounts = cache.accounts();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().homeAccountId(), QString("uid1.utid1"));
    QCOMPARE(accounts.first().username(), QString("alice@contoso.com"));
    QCOMPARE(accounts.first().tenantId(), QString("utid1"));
    QCOMPARE(cache.account("UID1.UTID1").username(), QString("alice@contoso.com"));

    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    const CredentialEntry *at = d->findAccessToken(publicCloud, "uid1.utid1", "client1", "utid1", {"user.read"});
    QVERIFY(at);
    QCOMPARE(at->secret(), QString("at-secret"));
    QCOMPARE(at->expiresOn, qint64(1700003600));
    const CredentialEntry *rt = d->findRefreshToken(publicCloud, "uid1.utid1", "client1");
    QVERIFY(rt);
    QCOMPARE(rt->familyId, QString("1"));
    QVERIFY(d->findIdToken(publicCloud, "uid1.utid1", "client1", "utid1"));
}

void tst_TokenCache::writesSchema()
{
    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    CredentialEntry at;
    at.type = CredentialType::AccessToken;
    at.homeAccountId = "uid.utid";
    at.environment = "login.windows.net";
    at.clientId = "Client";
    at.realm = "utid";
    at.target = "User.Read";
    at.scopes = scopeList(at.target);
    at.setSecret("s");
    at.cachedAt = 10;
    at.expiresOn = 20;
    at.extendedExpiresOn = 30;
    d->storeAccessToken(at);
    const QJsonObject root = QJsonDocument::fromJson(cache.serialize()).object();
    for (const char *section : {"AccessToken", "RefreshToken", "IdToken", "Account", "AppMetadata"})
        QVERIFY2(root.value(section).isObject(), section);
    const QJsonObject entries = root.value("AccessToken").toObject();
    QCOMPARE(entries.keys(), QStringList{"uid.utid-login.windows.net-accesstoken-client-utid-user.read"});
    const QJsonObject entry = entries.begin().value().toObject();
    QCOMPARE(entry.value("credential_type").toString(), QString("AccessToken"));
    QCOMPARE(entry.value("cached_at").toString(), QString("10")); // strings, as the schema says
    QCOMPARE(entry.value("expires_on").toString(), QString("20"));
    QCOMPARE(entry.value("extended_expires_on").toString(), QString("30"));
    QCOMPARE(entry.value("target").toString(), QString("User.Read"));
    QCOMPARE(entry.value("client_id").toString(), QString("Client"));
}

void tst_TokenCache::roundTripKeepsForeignFields()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(foreignCache()));
    const QJsonObject original = QJsonDocument::fromJson(foreignCache()).object();
    const QJsonObject written = QJsonDocument::fromJson(cache.serialize()).object();
    QCOMPARE(written, original);
}

// What is written reads back to the same bytes: a lone surrogate (as another program may escape
// one) in a key or a nested value stays that escape, never '?', which would move the key in the
// sorted order and change it on the next write (found by fuzz_tokencache).
void tst_TokenCache::writtenTwiceIsTheSameBytes()
{
    QJsonObject root = QJsonDocument::fromJson(foreignCache()).object();
    QJsonObject accounts = root.value("Account").toObject();
    QJsonObject account = accounts.begin()->toObject();
    account.insert(QString(QChar(0xd800)) + "secret", "lone high surrogate in a key");
    account.insert("nested", QJsonObject{{"b", QString(QChar(0xdc00))}, {"a", QJsonArray{1.5, "\u0001", QJsonValue()}}});
    account.insert("emoji", QString::fromUtf8("\xf0\x9f\x94\x91 key"));
    accounts.insert(accounts.begin().key(), account);
    root.insert("Account", accounts);
    root.insert(QString(QChar(0xdbff)) + "Other", QJsonArray{QString(QChar(0xd801))});

    TokenCache cache;
    QVERIFY(cache.deserialize(QJsonDocument(root).toJson()));
    const QByteArray written = cache.serialize();
    QVERIFY(written.contains(R"("\ud800secret")"));
    QVERIFY(written.contains(R"("b":"\udc00")"));
    QVERIFY(written.contains(R"("\udbffOther":["\ud801"])"));
    QVERIFY(written.contains("\xf0\x9f\x94\x91 key")); // a surrogate pair as its UTF-8
    TokenCache reread;
    QVERIFY(reread.deserialize(written));
    QCOMPARE(reread.serialize(), written);
    const QJsonObject readBack = QJsonDocument::fromJson(written).object();
    QCOMPARE(readBack.value("Account").toObject().begin()->toObject(), account);
}

void tst_TokenCache::newEntryWrittenAsItsObject_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("familyId");
    QTest::addColumn<QString>("assertionHash");
    QTest::addColumn<qint64>("refreshOn");
    QTest::newRow("access token") << int(CredentialType::AccessToken) << "" << "" << qint64(0);
    QTest::newRow("access token, refresh_on, on-behalf-of")
        << int(CredentialType::AccessToken) << "" << "hash-_x" << qint64(1700001800);
    QTest::newRow("refresh token") << int(CredentialType::RefreshToken) << "" << "" << qint64(0);
    QTest::newRow("family refresh token") << int(CredentialType::RefreshToken) << "1" << "" << qint64(0);
    QTest::newRow("ID token") << int(CredentialType::IdToken) << "" << "" << qint64(0);
}

// A token this process got is written straight from its fields (a save of 10,000 new tokens
// built as many QJsonObjects before): the same bytes as the object toJson() describes.
void tst_TokenCache::newEntryWrittenAsItsObject()
{
    QFETCH(int, type);
    QFETCH(QString, familyId);
    QFETCH(QString, assertionHash);
    QFETCH(qint64, refreshOn);
    CredentialEntry entry;
    entry.type = CredentialType(type);
    entry.homeAccountId = QString::fromUtf8("uid.utid-\xc3\xa9\"");
    entry.environment = "login.microsoftonline.com";
    entry.clientId = "client";
    entry.realm = "utid";
    entry.target = "User.Read openid";
    entry.familyId = familyId;
    entry.userAssertionHash = assertionHash;
    entry.setSecret("header.payload.signature");
    entry.cachedAt = 1700000000;
    entry.expiresOn = 1700003600;
    entry.extendedExpiresOn = 1700007200;
    entry.refreshOn = refreshOn;
    QByteArray written;
    entry.appendJson(&written);
    QByteArray expected;
    CacheJson::appendValue(&expected, entry.toJson());
    QCOMPARE(written, expected);
    QVERIFY(QJsonDocument::fromJson(written).isObject());
}

void tst_TokenCache::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("garbage");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("truncated") << foreignCache().left(200);
    QTest::newRow("section not an object") << QByteArray(R"({"AccessToken": []})");
}

void tst_TokenCache::rejectsMalformed()
{
    QFETCH(QByteArray, json);
    TokenCache cache;
    QVERIFY(cache.deserialize(foreignCache()));
    QString error;
    QVERIFY(!cache.deserialize(json, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(cache.accounts().size(), 1); // the healthy contents are untouched
}

void tst_TokenCache::timesOutOfRange_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("loaded");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("string (the schema)") << "expires_on" << QJsonValue("1700003600") << true << qint64(1700003600);
    QTest::newRow("number (some writers)") << "expires_on" << QJsonValue(1700003600) << true << qint64(1700003600);
    QTest::newRow("year 9999") << "expires_on" << QJsonValue("253402300799") << true << qint64(253402300799);
    QTest::newRow("empty refresh_on: none") << "refresh_on" << QJsonValue("") << true << qint64(1700003600);
    // Undefined behaviour in qint64(double) before; the string of qint64's maximum loaded as a
    // token that never expires.
    QTest::newRow("expires_on 1e300") << "expires_on" << QJsonValue(1e300) << false << qint64(0);
    QTest::newRow("expires_on -1e300") << "expires_on" << QJsonValue(-1e300) << false << qint64(0);
    QTest::newRow("expires_on 9.3e15") << "expires_on" << QJsonValue(9.3e15) << false << qint64(0);
    QTest::newRow("expires_on past year 9999") << "expires_on" << QJsonValue("253402300800") << false << qint64(0);
    QTest::newRow("expires_on qint64 max") << "expires_on" << QJsonValue("9223372036854775807") << false << qint64(0);
    QTest::newRow("expires_on negative") << "expires_on" << QJsonValue("-5") << false << qint64(0);
    QTest::newRow("expires_on not a number") << "expires_on" << QJsonValue("soon") << false << qint64(0);
    QTest::newRow("extended_expires_on 1e300") << "extended_expires_on" << QJsonValue(1e300) << false << qint64(0);
    QTest::newRow("refresh_on 1e300") << "refresh_on" << QJsonValue(1e300) << false << qint64(0);
    QTest::newRow("cached_at 1e300") << "cached_at" << QJsonValue(1e300) << false << qint64(0);
}

void tst_TokenCache::timesOutOfRange()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(bool, loaded);
    QFETCH(qint64, expected);

    QJsonObject root = QJsonDocument::fromJson(foreignCache()).object();
    QJsonObject section = root.value("AccessToken").toObject();
    QJsonObject entry = section.begin().value().toObject();
    entry.insert(field, value);
    section.insert(section.begin().key(), entry);
    root.insert("AccessToken", section);

    TokenCache cache;
    QVERIFY(cache.deserialize(QJsonDocument(root).toJson()));
    const CredentialEntry *at = TokenCachePrivate::get(&cache)->findAccessToken(publicCloud, "uid1.utid1", "client1",
                                                                              "utid1", {"user.read"});
    QCOMPARE(at != nullptr, loaded);
    if (at)
        QCOMPARE(at->expiresOn, expected);
    // One bad entry costs that entry only.
    QCOMPARE(cache.accounts().size(), 1);
    QVERIFY(TokenCachePrivate::get(&cache)->findRefreshToken(publicCloud, "uid1.utid1", "client1"));
}

void tst_TokenCache::lookupByScopes_data()
{
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<bool>("found");
    QTest::newRow("one of them") << QStringList{"user.read"} << true;
    QTest::newRow("case differs") << QStringList{"USER.READ", "mail.READ"} << true;
    QTest::newRow("not granted") << QStringList{"user.read", "files.read"} << false;
    QTest::newRow("other") << QStringList{"calendars.read"} << false;
}

void tst_TokenCache::lookupByScopes()
{
    QFETCH(QStringList, scopes);
    QFETCH(bool, found);
    TokenCache cache;
    QVERIFY(cache.deserialize(foreignCache()));
    QStringList wanted;
    for (const QString &scope : scopes)
        wanted.append(scope.toLower());
    QCOMPARE(TokenCachePrivate::get(&cache)->findAccessToken(publicCloud, "uid1.utid1", "client1", "utid1", wanted) != nullptr,
             found);
}

void tst_TokenCache::aliases()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(foreignCache()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    // Stored under login.windows.net, asked for through login.microsoftonline.com's aliases.
    QVERIFY(d->findAccessToken({"login.microsoftonline.com", "login.windows.net"}, "uid1.utid1", "client1", "utid1", {"user.read"}));
    QVERIFY(!d->findAccessToken({"login.microsoftonline.com"}, "uid1.utid1", "client1", "utid1", {"user.read"}));
    QVERIFY(!d->findAccessToken(publicCloud, "uid1.utid1", "other-client", "utid1", {"user.read"}));
    QVERIFY(!d->findAccessToken(publicCloud, "uid1.utid1", "client1", "other-tenant", {"user.read"}));
}

static CredentialEntry accessToken(const QString &target, const QString &secret)
{
    CredentialEntry at;
    at.type = CredentialType::AccessToken;
    at.homeAccountId = "h.t";
    at.environment = "e";
    at.clientId = "c";
    at.realm = "t";
    at.target = target;
    at.scopes = scopeList(target);
    at.setSecret(secret);
    at.expiresOn = 100;
    return at;
}

void tst_TokenCache::overlappingAccessTokenReplaced()
{
    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    d->storeAccessToken(accessToken("a b", "first"));
    d->storeAccessToken(accessToken("c", "other"));
    d->storeAccessToken(accessToken("b d", "second"));
    QCOMPARE(d->accessTokens.size(), 2); // "a b" overlapped "b d" and went
    QVERIFY(!d->findAccessToken({"e"}, "h.t", "c", "t", {"a"}));
    QCOMPARE(d->findAccessToken({"e"}, "h.t", "c", "t", {"b"})->secret(), QString("second"));
    QCOMPARE(d->findAccessToken({"e"}, "h.t", "c", "t", {"c"})->secret(), QString("other"));
}

void tst_TokenCache::rotatedRefreshTokenReplacesOld()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(foreignCache()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    CredentialEntry rt;
    rt.type = CredentialType::RefreshToken;
    rt.homeAccountId = "uid1.utid1";
    rt.environment = "login.windows.net";
    rt.clientId = "client1";
    rt.setSecret("rotated");
    d->storeRefreshToken(rt);
    QCOMPARE(d->refreshTokens.size(), 1);
    QCOMPARE(d->findRefreshToken(publicCloud, "uid1.utid1", "client1")->secret(), QString("rotated"));
}

void tst_TokenCache::removeAccount()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(foreignCache()));
    QSignalSpy changed(&cache, &TokenCache::changed);
    QVERIFY(cache.removeAccount(cache.accounts().first()));
    QCOMPARE(changed.count(), 1);
    QVERIFY(cache.accounts().isEmpty());
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    QVERIFY(d->accessTokens.isEmpty());
    QVERIFY(d->refreshTokens.isEmpty());
    QVERIFY(d->idTokens.isEmpty());
    QVERIFY(!d->findAccessToken(publicCloud, "uid1.utid1", "client1", "utid1", {"user.read"}));
    QVERIFY(!cache.removeAccount(Account())); // nothing to remove
}

void tst_TokenCache::mergeKeepsBothWriters()
{
    // Two processes read the same stored cache, each signs in someone else, both write.
    const QByteArray stored = foreignCache();
    TokenCache first, second;
    QVERIFY(first.deserialize(stored));
    QVERIFY(second.deserialize(stored));
    TokenCachePrivate::get(&first)->storeAccessToken(accessToken("x", "from-first"));
    TokenCachePrivate::get(&second)->storeAccessToken(accessToken("y", "from-second"));

    const QByteArray afterFirst = TokenCachePrivate::get(&first)->mergeWithStored(stored);
    quint64 generation = 0;
    const QByteArray afterSecond = TokenCachePrivate::get(&second)->mergeWithStored(afterFirst, &generation);

    TokenCache result;
    QVERIFY(result.deserialize(afterSecond));
    TokenCachePrivate *d = TokenCachePrivate::get(&result);
    QCOMPARE(d->findAccessToken({"e"}, "h.t", "c", "t", {"x"})->secret(), QString("from-first"));
    QCOMPARE(d->findAccessToken({"e"}, "h.t", "c", "t", {"y"})->secret(), QString("from-second"));
    QVERIFY(d->findAccessToken(publicCloud, "uid1.utid1", "client1", "utid1", {"user.read"}));
    // The second process now also sees what the first wrote.
    QVERIFY(TokenCachePrivate::get(&second)->findAccessToken({"e"}, "h.t", "c", "t", {"x"}));
    // Its change is pending until the storage says the merge is written.
    QVERIFY(TokenCachePrivate::get(&second)->hasUnsavedChanges());
    TokenCachePrivate::get(&second)->markSaved(generation);
    QVERIFY(!TokenCachePrivate::get(&second)->hasUnsavedChanges());
}

void tst_TokenCache::mergeAppliesRemovals()
{
    const QByteArray stored = foreignCache();
    TokenCache signingOut, other;
    QVERIFY(signingOut.deserialize(stored));
    QVERIFY(other.deserialize(stored));
    TokenCachePrivate::get(&other)->storeAccessToken(accessToken("z", "other"));
    const QByteArray afterOther = TokenCachePrivate::get(&other)->mergeWithStored(stored);

    QVERIFY(signingOut.removeAccount(signingOut.accounts().first()));
    const QByteArray merged = TokenCachePrivate::get(&signingOut)->mergeWithStored(afterOther);
    TokenCache result;
    QVERIFY(result.deserialize(merged));
    QVERIFY(result.accounts().isEmpty());                   // the removal holds
    QVERIFY(TokenCachePrivate::get(&result)->findAccessToken({"e"}, "h.t", "c", "t", {"z"})); // the other write too
}

// Another process (or a damaged disk) left something unreadable: adopting it changes nothing, and
// a save writes everything this cache holds, not only what this process changed.
void tst_TokenCache::unreadableStoredCacheLosesNothing()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(foreignCache()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    d->storeAccessToken(accessToken("x", "mine"));
    QString error;
    QVERIFY(!d->adoptStored("{\"AccessToken\": {", &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(cache.accounts().size(), 1);
    QVERIFY(d->findAccessToken(publicCloud, "uid1.utid1", "client1", "utid1", {"user.read"}));
    QVERIFY(d->hasUnsavedChanges());

    TokenCache written;
    QVERIFY(written.deserialize(d->mergeWithStored("not json")));
    QCOMPARE(written.accounts().size(), 1);
    QVERIFY(TokenCachePrivate::get(&written)->findAccessToken(publicCloud, "uid1.utid1", "client1", "utid1", {"user.read"}));
    QCOMPARE(TokenCachePrivate::get(&written)->findAccessToken({"e"}, "h.t", "c", "t", {"x"})->secret(), QString("mine"));
}

// Every refresh stores its account again: the same account changes nothing (no write, no
// accountsChanged()); a new username does.
void tst_TokenCache::sameAccountStoredAgainChangesNothing()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(foreignCache()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    const quint64 generation = d->accountGeneration();
    AccountEntry account = *d->findAccount(publicCloud, "uid1.utid1", "utid1");
    account.changed = true;
    d->storeAccount(account);
    QCOMPARE(d->accountGeneration(), generation);
    QVERIFY(!d->hasUnsavedChanges());

    account.username = "renamed@contoso.com";
    d->storeAccount(account);
    QVERIFY(d->accountGeneration() > generation);
    QVERIFY(d->hasUnsavedChanges());
    QCOMPARE(cache.accounts().first().username(), QString("renamed@contoso.com"));
}

// One list, two uses: a request's reserved scopes (openid, profile, offline_access) never decide
// whether a cached token fits, while `email`, asked for like any scope, does; two tokens' overlap
// leaves all four OpenID Connect scopes out, as MSAL does.
void tst_TokenCache::openIdScopes()
{
    for (const char *scope : {"openid", "profile", "offline_access"}) {
        QVERIFY(isReservedScope(QString(scope)));
        QVERIFY(isOpenIdScope(QString(scope)));
    }
    QVERIFY(!isReservedScope(u"email"));
    QVERIFY(isOpenIdScope(u"email"));
    QVERIFY(!isReservedScope(u"user.read"));
    QVERIFY(!resourceScopesOverlap(scopeList("email openid profile offline_access User.Read"),
                                   scopeList("email openid profile offline_access Mail.Read")));
    QVERIFY(resourceScopesOverlap(scopeList("openid User.Read"), scopeList("user.read")));

    TokenCache cache;
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    CredentialEntry token = accessToken("User.Read openid profile offline_access", "t");
    d->storeAccessToken(token);
    QVERIFY(d->findAccessToken({"e"}, "h.t", "c", "t", {"user.read"}));
    QVERIFY(!d->findAccessToken({"e"}, "h.t", "c", "t", {"user.read", "email"})); // email is asked for
}

// An entry read back exactly as this library writes it holds no copy of its text (a third of its
// memory); a neighbour's, with a field of its own, keeps its text. Both are written as read.
void tst_TokenCache::ownEntriesHeldWithoutTheirText()
{
    TokenCache ours;
    TokenCachePrivate::get(&ours)->storeAccessToken(accessToken("User.Read", "mine"));
    QByteArray file = ours.serialize();
    QJsonObject root = QJsonDocument::fromJson(foreignCache()).object();
    const QJsonObject own = QJsonDocument::fromJson(file).object().value("AccessToken").toObject();
    QJsonObject tokens = root.value("AccessToken").toObject();
    const QString neighbourKey = tokens.begin().key();
    QJsonObject neighbour = tokens.value(neighbourKey).toObject();
    neighbour.insert("requested_claims", "{\"x\":1}"); // a field this library does not write
    tokens.insert(neighbourKey, neighbour);
    for (auto it = own.begin(); it != own.end(); ++it)
        tokens.insert(it.key(), it.value());
    root.insert("AccessToken", tokens);
    file = QJsonDocument(root).toJson(QJsonDocument::Compact);

    TokenCache cache;
    QVERIFY(cache.deserialize(file));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    const CredentialEntry *mine = d->findAccessToken({"e"}, "h.t", "c", "t", {"user.read"});
    QVERIFY(mine);
    QVERIFY(mine->raw.isEmpty());
    QCOMPARE(mine->secret(), QString("mine"));
    const CredentialEntry *neighbours = d->findAccessToken(publicCloud, "uid1.utid1", "client1", "utid1", {"user.read"});
    QVERIFY(neighbours);
    QVERIFY(!neighbours->raw.isEmpty());
    const QByteArray written = cache.serialize();
    QCOMPARE(QJsonDocument::fromJson(written).object(), root);
    TokenCache reread;
    QVERIFY(reread.deserialize(written));
    QCOMPARE(reread.serialize(), written);
}

// CredentialTable against a QHash doing the same inserts, replacements and removals: keys the
// entries make (derived, not held) and keys another library wrote differently (held), slots reused
// after removals, squeeze() renumbering them.
void tst_TokenCache::credentialTableMatchesHash()
{
    QRandomGenerator random(20261202);
    CredentialTable table;
    QHash<QString, QString> model; // key -> secret
    const auto entryFor = [](int n) {
        CredentialEntry entry = accessToken(QStringLiteral("Scope.%1").arg(n), QString());
        entry.homeAccountId = QStringLiteral("Uid%1.utid").arg(n % 50); // mixed case: keys are lowercase
        return entry;
    };
    for (int round = 0; round < 20000; ++round) {
        const int n = int(random.bounded(2000));
        CredentialEntry entry = entryFor(n);
        // One in four is filed under a key of another library's making.
        const QString key = n % 4 == 0 ? entry.key() + QStringLiteral("--") : entry.key();
        switch (random.bounded(3)) {
        case 0:
        case 1: {
            const QString secret = QStringLiteral("secret-%1").arg(round);
            entry.setSecret(secret);
            table.insert(key, entry);
            model.insert(key, secret);
            break;
        }
        default:
            QCOMPARE(table.remove(key), model.remove(key) > 0);
        }
        if (round % 5000 == 4999)
            table.squeeze();
        QCOMPARE(table.size(), model.size());
    }
    QStringList keys = table.keys();
    QStringList expected = model.keys();
    std::sort(keys.begin(), keys.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(keys, expected);
    for (auto it = model.cbegin(); it != model.cend(); ++it) {
        const CredentialEntry *entry = table.entry(it.key());
        QVERIFY2(entry, qPrintable(it.key()));
        QCOMPARE(entry->secret(), it.value());
        QCOMPARE(table.keyAt(table.find(it.key())), it.key());
    }
    qsizetype iterated = 0;
    for (auto it = table.cbegin(); it != table.cend(); ++it, ++iterated)
        QCOMPARE(model.value(it.key()), it->secret());
    QCOMPARE(iterated, model.size());
    QVERIFY(!table.contains(QStringLiteral("no-such-key")));
    table.clear();
    QVERIFY(table.isEmpty());
    QVERIFY(!table.contains(expected.value(0)));
}

// An account this process made is written without building a QJsonObject, as the same bytes the
// object would give, escapes included.
void tst_TokenCache::newAccountWrittenAsItsObject()
{
    AccountEntry account;
    account.homeAccountId = "uid.utid";
    account.environment = "login.microsoftonline.com";
    account.realm = "utid";
    account.localAccountId = "uid";
    account.username = "j\u00f6rg\"o'neil\"@contoso.com";
    account.authorityType = "MSSTS";
    for (const QString &name : {QString(), QStringLiteral("J\u00f6rg \"Tab\t\" O'Neil")}) {
        account.name = name;
        QByteArray written;
        account.appendJson(&written);
        QByteArray expected;
        CacheJson::appendValue(&expected, account.toJson());
        QCOMPARE(written, expected);
        QCOMPARE(QJsonDocument::fromJson(written).object().value("username").toString(), account.username);
    }
}

// A secret is written as its bytes only when JSON needs no escape in it; a quote, a backslash, a
// control character or a non-ASCII character anywhere (the check reads eight bytes at a time, so
// every offset within and around a word) is escaped and reads back the same.
void tst_TokenCache::secretsNeedingEscapesWrittenExactly()
{
    const QList<QChar> specials{u'"', u'\\', QChar(0x1f), QChar(0x7f), QChar(0xe9), QChar(0x20), u'~'};
    for (const QChar special : specials) {
        for (int at = 0; at < 20; ++at) {
            QString secret = QStringLiteral("abcdefghijklmnopqrst").left(19);
            secret.insert(at, special);
            TokenCache cache;
            TokenCachePrivate::get(&cache)->storeAccessToken(accessToken("User.Read", secret));
            const QByteArray written = cache.serialize();
            const QJsonObject tokens = QJsonDocument::fromJson(written).object().value("AccessToken").toObject();
            QCOMPARE(tokens.size(), 1);
            QCOMPARE(tokens.begin()->toObject().value("secret").toString(), secret);
            TokenCache reread;
            QVERIFY(reread.deserialize(written));
            QCOMPARE(reread.serialize(), written);
            const CredentialEntry *found =
                TokenCachePrivate::get(&reread)->findAccessToken({"e"}, "h.t", "c", "t", {"user.read"});
            QVERIFY(found);
            QCOMPARE(found->secret(), secret);
        }
    }
}

// An access token is found by the fields it was read with, whatever characters they hold: the
// lookup lowercases as the index does (fuzz_tokencache: a lone surrogate in home_account_id made
// a case-insensitive comparison disagree with the lowercased index, and the token was lost).
void tst_TokenCache::oddCharactersInFieldsFound_data()
{
    QTest::addColumn<QByteArray>("home");
    QTest::newRow("lone surrogate") << QByteArray(R"(UID\ud800.utid)");
    QTest::newRow("lone low surrogate") << QByteArray(R"(uid\udc00X.utid)");
    QTest::newRow("sharp s") << QByteArray("STRA\u1E9Ee.utid"); // lowercases to ß, folds to ss
    QTest::newRow("long s") << QByteArray("\u017Fuid.utid");   // ſ: already lowercase, folds to s
    QTest::newRow("Kelvin sign") << QByteArray("\u212Auid.utid");
}

void tst_TokenCache::oddCharactersInFieldsFound()
{
    QFETCH(QByteArray, home);
    const QByteArray file = R"({"AccessToken":{"k":{"credential_type":"AccessToken","secret":"s","home_account_id":")" + home
        + R"(","environment":"Login.Windows.net","client_id":"C","realm":"T","target":"User.Read","cached_at":"1","expires_on":"2000000000"}}})";
    TokenCache cache;
    QString error;
    QVERIFY2(cache.deserialize(file, &error), qPrintable(error));
    const TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    QCOMPARE(d->accessTokens.size(), 1);
    const CredentialEntry &entry = *d->accessTokens.cbegin();
    const CredentialEntry *found =
        d->findAccessToken({entry.environment}, entry.homeAccountId, entry.clientId, entry.realm, {"user.read"});
    QVERIFY(found);
    QCOMPARE(found->secret(), QString("s"));
}

QTEST_GUILESS_MAIN(tst_TokenCache)
#include "tst_tokencache.moc"
