#include "cache/cachejson_p.h"
#include "cache/tokencache_p.h"

#include <MsalQt/tokencache.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace MsalQt;
using namespace MsalQt::Internal;

// A cache file shared with the other MSAL libraries (issue 13): entries are found by their
// fields whatever key their writer chose, storing a token takes nothing of a neighbour's that it
// does not replace, an entry we did not change is written back exactly as read, one we change
// keeps the fields we do not know, and a token of another auth scheme never answers a Bearer
// request. The entries below are shaped as msal-node 2.x and MSAL Python 1.2x write them.
class tst_CacheNeighbours : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void idTokenUnderNodeKeyFound();
    void openIdScopesDoNotOverlap();
    void untouchedEntriesWrittenAsRead();
    void changedAccountKeepsForeignFields();
    void replacedTokenKeepsItsKeyAndFields();
    void otherAuthSchemesNeverServedAsBearer();
    void secondIdTokenReplacesNeighbours();
    void userAssertionHashBothSpellings();
    void lowercaseAgreesWithToLower();
    void neighboursFileIsNotDamaged();
};

static const QStringList cloud{"login.microsoftonline.com", "login.windows.net"};
static const QString home = QStringLiteral("uid1.utid1");

static QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// msal-node: keys with the auth-scheme and claims-hash parts, numbers where MSAL Python writes
// strings, client_info and tenantProfiles on the account. MSAL Python: an app token with
// home_account_id null. Plus a proof-of-possession and an AuthScheme token.
static QByteArray neighbours()
{
    return R"({
  "AccessToken": {
    "uid1.utid1-login.microsoftonline.com-accesstoken-client1-utid1-user.read openid profile offline_access--": {
      "credential_type": "AccessToken", "secret": "node-at", "home_account_id": "uid1.utid1",
      "environment": "login.microsoftonline.com", "client_id": "client1", "realm": "utid1",
      "target": "User.Read openid profile offline_access", "token_type": "Bearer",
      "cached_at": "1700000000", "expires_on": "4100000000", "extended_expires_on": "4100000000",
      "lastUpdatedAt": "1700000000123"
    },
    "-login.microsoftonline.com-accesstoken-app1-utid1-https://graph.microsoft.com/.default": {
      "credential_type": "AccessToken", "secret": "python-app-token", "home_account_id": null,
      "environment": "login.microsoftonline.com", "client_id": "app1", "realm": "utid1",
      "target": "https://graph.microsoft.com/.default", "token_type": "Bearer",
      "cached_at": 1700000000, "expires_on": 4100000000, "extended_expires_on": 4100000000
    },
    "uid1.utid1-login.microsoftonline.com-accesstoken-client1-utid1-mail.read-pop": {
      "credential_type": "AccessToken", "secret": "pop-token", "home_account_id": "uid1.utid1",
      "environment": "login.microsoftonline.com", "client_id": "client1", "realm": "utid1",
      "target": "Mail.Read", "token_type": "pop", "key_id": "kid-1",
      "cached_at": "1700000000", "expires_on": "4100000000"
    },
    "uid1.utid1-login.microsoftonline.com-accesstoken_with_authscheme-client1-utid1-files.read-ssh-cert": {
      "credential_type": "AccessToken_With_AuthScheme", "secret": "ssh-cert", "home_account_id": "uid1.utid1",
      "environment": "login.microsoftonline.com", "client_id": "client1", "realm": "utid1",
      "target": "Files.Read", "token_type": "ssh-cert", "key_id": "kid-2",
      "cached_at": "1700000000", "expires_on": "4100000000"
    },
    "-login.microsoftonline.com-accesstoken-app1-utid1-obo.read--": {
      "credential_type": "AccessToken", "secret": "node-obo", "home_account_id": "",
      "environment": "login.microsoftonline.com", "client_id": "app1", "realm": "utid1",
      "target": "Obo.Read", "token_type": "Bearer", "userAssertionHash": "hash-of-the-user-token",
      "cached_at": "1700000000", "expires_on": "4100000000", "extended_expires_on": "4100000000"
    }
  },
  "RefreshToken": {
    "uid1.utid1-login.microsoftonline.com-refreshtoken-client1----": {
      "credential_type": "RefreshToken", "secret": "node-rt", "home_account_id": "uid1.utid1",
      "environment": "login.microsoftonline.com", "client_id": "client1", "lastUpdatedAt": "1700000000123"
    }
  },
  "IdToken": {
    "uid1.utid1-login.microsoftonline.com-idtoken-client1-utid1---": {
      "credential_type": "IdToken", "secret": "node.id.token", "home_account_id": "uid1.utid1",
      "environment": "login.microsoftonline.com", "client_id": "client1", "realm": "utid1"
    }
  },
  "Account": {
    "uid1.utid1-login.microsoftonline.com-utid1": {
      "home_account_id": "uid1.utid1", "environment": "login.microsoftonline.com", "realm": "utid1",
      "local_account_id": "uid1", "username": "alice@contoso.com", "authority_type": "MSSTS",
      "name": "Alice", "client_info": "eyJ1aWQiOiJ1aWQxIiwidXRpZCI6InV0aWQxIn0",
      "tenantProfiles": [{"tenantId": "utid1", "localAccountId": "uid1", "name": "Alice", "isHomeTenant": true}],
      "lastModificationTime": 1700000000
    }
  },
  "AppMetadata": {}
})";
}

// The secret of the access token a Bearer lookup finds, or "(none)".
static QString found(TokenCachePrivate *d, const QString &clientId, const QStringList &scopes)
{
    const CredentialEntry *entry = d->findAccessToken(cloud, home, clientId, QStringLiteral("utid1"), scopes);
    return entry ? entry->secret() : QStringLiteral("(none)");
}

static CredentialEntry accessToken(const QString &target, const QString &secret)
{
    CredentialEntry at;
    at.type = CredentialType::AccessToken;
    at.homeAccountId = home;
    at.environment = QStringLiteral("login.microsoftonline.com");
    at.clientId = QStringLiteral("client1");
    at.realm = QStringLiteral("utid1");
    at.target = target;
    at.scopes = scopeList(target);
    at.setSecret(secret);
    at.cachedAt = 1800000000;
    at.expiresOn = 4200000000;
    at.extendedExpiresOn = 4200000000;
    return at;
}

static CredentialEntry idToken(const QString &secret)
{
    CredentialEntry id;
    id.type = CredentialType::IdToken;
    id.homeAccountId = home;
    id.environment = QStringLiteral("login.microsoftonline.com");
    id.clientId = QStringLiteral("client1");
    id.realm = QStringLiteral("utid1");
    id.setSecret(secret);
    return id;
}

void tst_CacheNeighbours::idTokenUnderNodeKeyFound()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(neighbours()));
    const CredentialEntry *id = TokenCachePrivate::get(&cache)->findIdToken(cloud, home, "client1", "utid1");
    QVERIFY(id);
    QCOMPARE(id->secret(), QString("node.id.token"));
    QVERIFY(!TokenCachePrivate::get(&cache)->findIdToken(cloud, home, "client1", "other-tenant"));
}

void tst_CacheNeighbours::openIdScopesDoNotOverlap()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(neighbours()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    // The server echoes openid profile offline_access in every answer: Mail.Read does not
    // overlap msal-node's User.Read token through them.
    d->storeAccessToken(accessToken("Mail.Read openid profile offline_access", "ours"));
    QCOMPARE(found(d, "client1", {"user.read"}), QString("node-at"));
    QCOMPARE(found(d, "client1", {"mail.read"}), QString("ours"));
    // A real overlap still replaces.
    d->storeAccessToken(accessToken("User.Read Calendars.Read openid", "wider"));
    QCOMPARE(found(d, "client1", {"user.read"}), QString("wider"));
    QCOMPARE(found(d, "client1", {"mail.read"}), QString("ours"));
}

void tst_CacheNeighbours::untouchedEntriesWrittenAsRead()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(neighbours()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    // Another account signs in: nothing of uid1's may change, not even a JSON type.
    CredentialEntry other = accessToken("User.Read", "bob");
    other.homeAccountId = "uid2.utid1";
    d->storeAccessToken(other);
    const QJsonObject before = parse(neighbours());
    const QJsonObject after = parse(cache.serialize());
    for (const char *section : {"AccessToken", "RefreshToken", "IdToken", "Account"}) {
        const QJsonObject was = before.value(section).toObject();
        const QJsonObject is = after.value(section).toObject();
        for (auto it = was.begin(); it != was.end(); ++it)
            QVERIFY2(is.value(it.key()) == it.value(), qPrintable(QString("%1 %2").arg(section, it.key())));
    }
    const QJsonObject appToken = after.value("AccessToken")
                                     .toObject()
                                     .value("-login.microsoftonline.com-accesstoken-app1-utid1-https://graph.microsoft.com/.default")
                                     .toObject();
    QVERIFY(appToken.value("home_account_id").isNull());
    QVERIFY(appToken.value("expires_on").isDouble());
}

void tst_CacheNeighbours::changedAccountKeepsForeignFields()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(neighbours()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    AccountEntry account;
    account.homeAccountId = home;
    account.environment = "login.microsoftonline.com";
    account.realm = "utid1";
    account.localAccountId = "uid1";
    account.username = "alice@contoso.com";
    account.name = "Alice Renamed";
    account.authorityType = "MSSTS";
    d->storeAccount(account);
    QCOMPARE(d->accounts.size(), 1);
    const QJsonObject written = parse(cache.serialize()).value("Account").toObject().value("uid1.utid1-login.microsoftonline.com-utid1").toObject();
    QCOMPARE(written.value("name").toString(), QString("Alice Renamed"));
    QCOMPARE(written.value("client_info").toString(), QString("eyJ1aWQiOiJ1aWQxIiwidXRpZCI6InV0aWQxIn0"));
    QCOMPARE(written.value("tenantProfiles").toArray().size(), 1);
    QVERIFY(written.value("lastModificationTime").isDouble());
}

void tst_CacheNeighbours::replacedTokenKeepsItsKeyAndFields()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(neighbours()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    // The same scopes as msal-node's token: updated in place, under msal-node's key.
    d->storeAccessToken(accessToken("User.Read openid profile offline_access", "refreshed"));
    CredentialEntry rt;
    rt.type = CredentialType::RefreshToken;
    rt.homeAccountId = home;
    rt.environment = "login.microsoftonline.com";
    rt.clientId = "client1";
    rt.setSecret("rotated");
    d->storeRefreshToken(rt);
    const QJsonObject root = parse(cache.serialize());
    const QJsonObject at = root.value("AccessToken").toObject()
                               .value("uid1.utid1-login.microsoftonline.com-accesstoken-client1-utid1-user.read openid profile offline_access--")
                               .toObject();
    QCOMPARE(at.value("secret").toString(), QString("refreshed"));
    QCOMPARE(at.value("expires_on").toString(), QString("4200000000"));
    QCOMPARE(at.value("lastUpdatedAt").toString(), QString("1700000000123"));
    QCOMPARE(root.value("AccessToken").toObject().size(), 5);
    const QJsonObject rts = root.value("RefreshToken").toObject();
    QCOMPARE(rts.keys(), QStringList{"uid1.utid1-login.microsoftonline.com-refreshtoken-client1----"});
    QCOMPARE(rts.begin().value().toObject().value("secret").toString(), QString("rotated"));
    QCOMPARE(rts.begin().value().toObject().value("lastUpdatedAt").toString(), QString("1700000000123"));
}

void tst_CacheNeighbours::otherAuthSchemesNeverServedAsBearer()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(neighbours()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    QCOMPARE(found(d, "client1", {"mail.read"}), QString("(none)"));
    QCOMPARE(found(d, "client1", {"files.read"}), QString("(none)"));
    // A Bearer token for the same scopes sits beside them; theirs stay as they were.
    d->storeAccessToken(accessToken("Mail.Read Files.Read", "bearer"));
    QCOMPARE(found(d, "client1", {"mail.read"}), QString("bearer"));
    const QJsonObject ats = parse(cache.serialize()).value("AccessToken").toObject();
    QCOMPARE(ats.value("uid1.utid1-login.microsoftonline.com-accesstoken-client1-utid1-mail.read-pop").toObject().value("secret").toString(),
             QString("pop-token"));
    const QJsonObject ssh = ats.value("uid1.utid1-login.microsoftonline.com-accesstoken_with_authscheme-client1-utid1-files.read-ssh-cert").toObject();
    QCOMPARE(ssh.value("credential_type").toString(), QString("AccessToken_With_AuthScheme"));
    QCOMPARE(ssh.value("secret").toString(), QString("ssh-cert"));
}

void tst_CacheNeighbours::secondIdTokenReplacesNeighbours()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(neighbours()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    d->storeIdToken(idToken("our.id.token"));
    const QJsonObject ids = parse(cache.serialize()).value("IdToken").toObject();
    QCOMPARE(ids.keys(), QStringList{"uid1.utid1-login.microsoftonline.com-idtoken-client1-utid1---"});
    QCOMPARE(ids.begin().value().toObject().value("secret").toString(), QString("our.id.token"));
    const CredentialEntry *id = d->findIdToken(cloud, home, "client1", "utid1");
    QVERIFY(id);
    QCOMPARE(id->secret(), QString("our.id.token"));
}

void tst_CacheNeighbours::userAssertionHashBothSpellings()
{
    TokenCache cache;
    QVERIFY(cache.deserialize(neighbours()));
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);
    const CredentialEntry *obo = d->findAccessTokenForAssertion(cloud, "app1", "utid1", {"obo.read"}, "hash-of-the-user-token");
    QVERIFY(obo);
    QCOMPARE(obo->secret(), QString("node-obo"));
    CredentialEntry renewed = *obo;
    renewed.setSecret("renewed");
    renewed.expiresOn = 4200000000;
    d->storeAccessToken(renewed);
    const QJsonObject written = parse(cache.serialize()).value("AccessToken").toObject().value("-login.microsoftonline.com-accesstoken-app1-utid1-obo.read--").toObject();
    QCOMPARE(written.value("secret").toString(), QString("renewed"));
    QCOMPARE(written.value("userAssertionHash").toString(), QString("hash-of-the-user-token"));
    QVERIFY(!written.contains("user_assertion_hash"));
}

// A file msal-node and MSAL Python share is healthy: a storage keeps no copy of it aside
// (CacheJson::damageOf()), and what is merged into it is exactly what deserialize() reads.
void tst_CacheNeighbours::neighboursFileIsNotDamaged()
{
    QCOMPARE(CacheJson::damageOf(neighbours()), QString());
    TokenCache cache;
    QVERIFY(cache.deserialize(neighbours()));
    QCOMPARE(CacheJson::damageOf(cache.serialize()), QString());
    TokenCache merged;
    QCOMPARE(TokenCachePrivate::get(&merged)->mergeWithStored(neighbours()), cache.serialize());
}

QTEST_GUILESS_MAIN(tst_CacheNeighbours)
// Index keys and lookups lower their keys with lowercase(): it must give what QString::toLower()
// gives for any text, a lone surrogate behind an uppercase letter included (Qt replaces it by
// U+FFFD only past the first character it changes; found by fuzz_tokencache).
void tst_CacheNeighbours::lowercaseAgreesWithToLower()
{
    const QString surrogate(QChar(0xD800));
    const QStringList texts{QString(), QStringLiteral("abc"), QStringLiteral("ABC"), QStringLiteral("aZGb") + surrogate + QStringLiteral("TI5c"),
                            QStringLiteral("ab") + surrogate + QStringLiteral("C"), surrogate + QStringLiteral("Z"),
                            QStringLiteral("Äb"), QStringLiteral("xYÄ"), QStringLiteral("İstanbul")};
    for (const QString &text : texts)
        QCOMPARE(MsalQt::Internal::lowercase(text), text.toLower());

    const QByteArray json = R"({"Account": {"k": {"home_account_id": "uid.aZGb\ud800TI5c", "environment": "login.microsoftonline.com",
        "realm": "utid", "local_account_id": "uid", "username": "u@example.com", "authority_type": "MSSTS"}}})";
    TokenCache cache;
    QString error;
    QVERIFY2(cache.deserialize(json, &error), qPrintable(error));
    const auto *d = TokenCachePrivate::get(&cache);
    QCOMPARE(d->accounts.size(), 1);
    const AccountEntry &entry = *d->accounts.cbegin();
    QVERIFY(d->findAccount({entry.environment}, entry.homeAccountId, entry.realm));
}

#include "tst_cacheneighbours.moc"
