// The unified cache JSON (MSAL's schema) as read from disk or the keychain, possibly written
// by another MSAL library: load, the indexed lookups, a write-back, a merge with what another
// process stored, and an account's removal.

#include "fuzzsupport.h"

#include "cache/cachejson_p.h"
#include "cache/tokencache_p.h"

#include <MsalQt/tokencache.h>

#include <QJsonObject>

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    TokenCache cache;
    QString error;
    // What a storage checks before it writes over the bytes: what deserialize() refuses is named.
    const QString damage = CacheJson::damageOf(input);
    // A merge reads leniently: all that deserialize() takes, and the same contents.
    TokenCache lenient;
    const bool lenientLoaded = TokenCachePrivate::get(&lenient)->load(input, &error, TokenCachePrivate::LoadMode::Lenient);
    if (!cache.deserialize(input, &error)) {
        FUZZ_CHECK(!error.isEmpty());
        FUZZ_CHECK(cache.isEmpty());
        FUZZ_CHECK(!damage.isEmpty());
        return 0;
    }
    FUZZ_CHECK(lenientLoaded);
    FUZZ_CHECK(lenient.serialize() == cache.serialize());
    TokenCachePrivate *d = TokenCachePrivate::get(&cache);

    // Every entry that was kept can be found through the indexes a flow uses, by its fields;
    // an access token of another auth scheme (proof of possession) never is.
    for (const CredentialEntry &entry : std::as_const(d->accessTokens)) {
        const QStringList &scopes = entry.scopes;
        if (!entry.bearer) {
            FUZZ_CHECK(!d->findAccessToken({entry.environment}, entry.homeAccountId, entry.clientId, entry.realm,
                                           scopes)
                       || d->findAccessToken({entry.environment}, entry.homeAccountId, entry.clientId, entry.realm,
                                             scopes)->bearer);
            const CredentialEntry *forAssertion = d->findAccessTokenForAssertion(
                {entry.environment}, entry.clientId, entry.realm, scopes, entry.userAssertionHash);
            FUZZ_CHECK(!forAssertion || forAssertion->bearer);
        } else if (entry.userAssertionHash.isEmpty()) {
            FUZZ_CHECK(d->findAccessToken({entry.environment}, entry.homeAccountId, entry.clientId,
                                          entry.realm, scopes));
        } else {
            FUZZ_CHECK(d->findAccessTokenForAssertion({entry.environment}, entry.clientId, entry.realm,
                                                      scopes, entry.userAssertionHash));
        }
    }
    // Each kept entry is a JSON object as written back, and its secret is that object's (held as
    // UTF-8, where a lone surrogate escape has no form but '?', as in QString::toUtf8()).
    for (const auto *entries : {&d->accessTokens, &d->refreshTokens, &d->idTokens}) {
        for (const CredentialEntry &entry : *entries) {
            const QJsonObject object = entry.toJson();
            FUZZ_CHECK(!entry.secretBytes().isEmpty());
            FUZZ_CHECK(object.value(QLatin1String("secret")).toString().toUtf8() == entry.secretBytes());
        }
    }
    for (const CredentialEntry &entry : std::as_const(d->refreshTokens))
        FUZZ_CHECK(d->findRefreshToken({entry.environment}, entry.homeAccountId, entry.clientId));
    for (const AccountEntry &entry : std::as_const(d->accounts))
        FUZZ_CHECK(d->findAccount({entry.environment}, entry.homeAccountId, entry.realm));
    for (const CredentialEntry &entry : std::as_const(d->idTokens))
        FUZZ_CHECK(d->findIdToken({entry.environment}, entry.homeAccountId, entry.clientId, entry.realm));

    // What is written back reads again, and is then stable.
    const QByteArray saved = cache.serialize();
    TokenCache reread;
    FUZZ_CHECK(reread.deserialize(saved, &error));
    FUZZ_CHECK(reread.serialize() == saved);

    const QList<Account> accounts = cache.accounts();
    for (const Account &account : accounts)
        FUZZ_CHECK(!cache.account(account.homeAccountId()).isNull());

    // Another process wrote this cache while ours had a change of its own: the merge keeps both.
    TokenCache ours;
    AccountEntry mine;
    mine.homeAccountId = QStringLiteral("uid.utid");
    mine.environment = QStringLiteral("login.microsoftonline.com");
    mine.realm = QStringLiteral("utid");
    mine.username = QStringLiteral("fuzz@example.invalid");
    mine.authorityType = QStringLiteral("MSSTS");
    TokenCachePrivate::get(&ours)->storeAccount(mine);
    const QByteArray merged = TokenCachePrivate::get(&ours)->mergeWithStored(input);
    FUZZ_CHECK(TokenCachePrivate::get(&ours)->accounts.contains(QStringLiteral("uid.utid-login.microsoftonline.com-utid")));
    FUZZ_CHECK(reread.deserialize(merged, &error));

    // Removing an account takes every token of it along.
    if (!accounts.isEmpty()) {
        const QString home = accounts.first().homeAccountId();
        d->removeAccount(home, QString());
        for (const auto *entries : {&d->accessTokens, &d->refreshTokens, &d->idTokens}) {
            for (const CredentialEntry &entry : *entries)
                FUZZ_CHECK(entry.homeAccountId.compare(home, Qt::CaseInsensitive) != 0);
        }
    }
    return 0;
}
