#include <MsalQt/tokencache.h>

#include "cachejson_p.h"
#include "logging_p.h"
#include "tokencache_p.h"

#include <QCoreApplication>
#include <QJsonDocument>


namespace MsalQt {

using namespace Internal;

static const QLatin1String accessTokenSection("AccessToken");
static const QLatin1String refreshTokenSection("RefreshToken");
static const QLatin1String idTokenSection("IdToken");
static const QLatin1String accountSection("Account");
static const QLatin1String appMetadataSection("AppMetadata");

QLatin1String TokenCachePrivate::sectionName(Section which)
{
    switch (which) {
    case Section::AccessToken:
        return accessTokenSection;
    case Section::RefreshToken:
        return refreshTokenSection;
    case Section::IdToken:
        return idTokenSection;
    case Section::Account:
        return accountSection;
    case Section::AppMetadata:
        break;
    }
    return appMetadataSection;
}

static QString accountIndexKey(const QString &homeAccountId, const QString &environment)
{
    return lowercase(homeAccountId + QLatin1Char('|') + environment);
}

// Entries are found by their fields, never by a key rebuilt from them: other libraries build
// their keys differently (msal-node appends an empty auth-scheme part: "…-idtoken-<client>-<realm>--").
static QString idTokenIndexKey(const QString &homeAccountId, const QString &environment, const QString &clientId,
                               const QString &realm)
{
    return lowercase(QStringList{homeAccountId, environment, clientId, realm}.join(QLatin1Char('|')));
}

static void addKey(QList<QString> &bucket, const QString &key)
{
    if (!bucket.contains(key))
        bucket.append(key);
}

template<typename Bucket, typename Slot>
static void addSlot(Bucket &bucket, Slot slot)
{
    if (!bucket.contains(slot))
        bucket.append(slot);
}

// The index of access tokens is by the hash of their partition (qHash(Partition)).
static size_t partitionHash(const Partition &partition)
{
    return qHash(partition, size_t(QHashSeed::globalSeed()));
}

// Whether an entry's field is a partition's (lowercase) one: most often the very text, which a
// plain comparison tells at once; else lowercased as partitionKey() does. (Not a case-insensitive
// compare: its case folding differs from lowercasing for a few characters and for a lone
// surrogate, and an entry filed under its lowercase partition would not be found.
// fuzz_tokencache found one with "\ud800" in its home_account_id.)
static bool sameField(const QString &field, const QString &partitionField)
{
    return field == partitionField || lowercase(field) == partitionField;
}

// Whether `entry` is in `partition`, whose fields are lowercase (partitionKey()), without building
// the entry's own lowercase copies.
static bool inPartition(const CredentialEntry &entry, const Partition &partition)
{
    return sameField(entry.homeAccountId, partition.homeAccountId)
        && sameField(entry.environment, partition.environment)
        && sameField(entry.clientId, partition.clientId)
        && sameField(entry.realm, partition.realm)
        && entry.userAssertionHash == partition.userAssertionHash;
}

CredentialTable &TokenCachePrivate::section(CredentialType type)
{
    switch (type) {
    case CredentialType::AccessToken:
        return accessTokens;
    case CredentialType::RefreshToken:
        return refreshTokens;
    case CredentialType::IdToken:
        break;
    }
    return idTokens;
}

void TokenCachePrivate::index(Slot slot, const CredentialEntry &entry)
{
    if (entry.type == CredentialType::AccessToken)
        addSlot(m_accessTokensByPartition[partitionHash(entry.partition())], slot);
    else if (entry.type == CredentialType::RefreshToken)
        addSlot(m_refreshTokensByAccount[accountIndexKey(entry.homeAccountId, entry.environment)], slot);
    else
        addSlot(m_idTokensByFields[idTokenIndexKey(entry.homeAccountId, entry.environment, entry.clientId, entry.realm)], slot);
    if (entry.type != CredentialType::IdToken && !entry.userAssertionHash.isEmpty()) {
        auto &byAssertion = entry.type == CredentialType::AccessToken ? m_accessTokensByAssertion
                                                                      : m_refreshTokensByAssertion;
        addSlot(byAssertion[entry.userAssertionHash], slot);
    }
}

void TokenCachePrivate::unindex(Slot slot, const CredentialEntry &entry)
{
    const auto drop = [](auto &index, const auto &bucket, Slot slot) {
        auto it = index.find(bucket);
        if (it == index.end())
            return;
        it->removeOne(slot);
        if (it->isEmpty())
            index.erase(it);
    };
    if (entry.type == CredentialType::AccessToken)
        drop(m_accessTokensByPartition, partitionHash(entry.partition()), slot);
    else if (entry.type == CredentialType::RefreshToken)
        drop(m_refreshTokensByAccount, accountIndexKey(entry.homeAccountId, entry.environment), slot);
    else
        drop(m_idTokensByFields, idTokenIndexKey(entry.homeAccountId, entry.environment, entry.clientId, entry.realm), slot);
    if (entry.type != CredentialType::IdToken && !entry.userAssertionHash.isEmpty()) {
        if (entry.type == CredentialType::AccessToken)
            drop(m_accessTokensByAssertion, entry.userAssertionHash, slot);
        else
            drop(m_refreshTokensByAssertion, entry.userAssertionHash, slot);
    }
}

TokenCachePrivate::Bucket TokenCachePrivate::accessTokenSlots(const Partition &partition) const
{
    Bucket found;
    const auto bucket = m_accessTokensByPartition.constFind(partitionHash(partition));
    if (bucket == m_accessTokensByPartition.cend())
        return found;
    for (const Slot slot : *bucket) {
        if (inPartition(accessTokens.at(slot), partition))
            found.append(slot);
    }
    return found;
}

void TokenCachePrivate::reindex()
{
    m_accessTokensByPartition.clear();
    m_refreshTokensByAccount.clear();
    m_idTokensByFields.clear();
    m_accountsByHome.clear();
    m_accessTokensByAssertion.clear();
    m_refreshTokensByAssertion.clear();
    m_accountListValid = false;
    ++m_accountGeneration;
    for (auto *entries : {&accessTokens, &refreshTokens, &idTokens}) {
        entries->squeeze();
        for (auto it = entries->cbegin(); it != entries->cend(); ++it)
            index(it.slot(), *it);
    }
    for (auto it = accounts.cbegin(); it != accounts.cend(); ++it)
        addKey(m_accountsByHome[it->homeAccountId.toLower()], it.key());
}

const CredentialEntry *TokenCachePrivate::findAccessToken(const QStringList &environments,
                                                          const QString &homeAccountId, const QString &clientId,
                                                          const QString &realm, const QStringList &scopes) const
{
    Partition partition = partitionKey(homeAccountId, QString(), clientId, realm);
    for (const QString &environment : environments) {
        partition.environment = lowercase(environment);
        for (const Slot slot : accessTokenSlots(partition)) {
            const CredentialEntry &entry = accessTokens.at(slot);
            if (entry.bearer && containsScopes(entry.scopes, scopes))
                return &entry;
        }
    }
    return nullptr;
}

const CredentialEntry *TokenCachePrivate::findRefreshToken(const QStringList &environments,
                                                           const QString &homeAccountId,
                                                           const QString &clientId) const
{
    for (const QString &environment : environments) {
        const auto bucket = m_refreshTokensByAccount.constFind(accountIndexKey(homeAccountId, environment));
        if (bucket == m_refreshTokensByAccount.cend())
            continue;
        for (const Slot slot : *bucket) {
            const CredentialEntry &entry = refreshTokens.at(slot);
            if (entry.clientId.compare(clientId, Qt::CaseInsensitive) == 0)
                return &entry;
        }
    }
    return nullptr;
}

const CredentialEntry *TokenCachePrivate::findIdToken(const QStringList &environments,
                                                      const QString &homeAccountId, const QString &clientId,
                                                      const QString &realm) const
{
    for (const QString &environment : environments) {
        const auto bucket = m_idTokensByFields.constFind(idTokenIndexKey(homeAccountId, environment, clientId, realm));
        if (bucket == m_idTokensByFields.cend())
            continue;
        if (!bucket->isEmpty())
            return &idTokens.at(bucket->first());
    }
    return nullptr;
}

const AccountEntry *TokenCachePrivate::findAccount(const QStringList &environments, const QString &homeAccountId,
                                                   const QString &realm) const
{
    const auto bucket = m_accountsByHome.constFind(lowercase(homeAccountId));
    if (bucket == m_accountsByHome.cend())
        return nullptr;
    for (const QString &environment : environments) {
        for (const QString &key : *bucket) {
            const auto entry = accounts.constFind(key);
            if (entry != accounts.cend() && entry->environment.compare(environment, Qt::CaseInsensitive) == 0
                && entry->realm.compare(realm, Qt::CaseInsensitive) == 0)
                return &*entry;
        }
    }
    return nullptr;
}

const CredentialEntry *TokenCachePrivate::findAccessTokenForAssertion(const QStringList &environments,
                                                                      const QString &clientId, const QString &realm,
                                                                      const QStringList &scopes,
                                                                      const QString &userAssertionHash) const
{
    // One bucket per incoming user token: a handful of entries, whatever the cache holds.
    const auto bucket = m_accessTokensByAssertion.constFind(userAssertionHash);
    if (bucket == m_accessTokensByAssertion.cend())
        return nullptr;
    for (const Slot slot : *bucket) {
        const CredentialEntry &entry = accessTokens.at(slot);
        if (!entry.bearer || entry.userAssertionHash != userAssertionHash
            || entry.clientId.compare(clientId, Qt::CaseInsensitive) != 0
            || (!realm.isEmpty() && entry.realm.compare(realm, Qt::CaseInsensitive) != 0)
            || !containsScopes(entry.scopes, scopes))
            continue;
        for (const QString &environment : environments) {
            if (entry.environment.compare(environment, Qt::CaseInsensitive) == 0)
                return &entry;
        }
    }
    return nullptr;
}

const CredentialEntry *TokenCachePrivate::findRefreshTokenForAssertion(const QStringList &environments,
                                                                       const QString &clientId,
                                                                       const QString &userAssertionHash) const
{
    const auto bucket = m_refreshTokensByAssertion.constFind(userAssertionHash);
    if (bucket == m_refreshTokensByAssertion.cend())
        return nullptr;
    for (const Slot slot : *bucket) {
        const CredentialEntry &entry = refreshTokens.at(slot);
        if (entry.userAssertionHash != userAssertionHash || entry.clientId.compare(clientId, Qt::CaseInsensitive) != 0)
            continue;
        for (const QString &environment : environments) {
            if (entry.environment.compare(environment, Qt::CaseInsensitive) == 0)
                return &entry;
        }
    }
    return nullptr;
}

void TokenCachePrivate::markChanged(const QString &sectionName, const QString &key)
{
    m_changed.insert(sectionName + QLatin1Char('\n') + key, ++m_changeGeneration);
}

void TokenCachePrivate::dropKept(Section which, const QString &key)
{
    QHash<QString, QByteArray> &kept = keptEntries[size_t(which)];
    if (!kept.isEmpty())
        kept.remove(key);
}

// Stores `entry` in the slot of `old` (an entry it replaces) if there is one: that entry keeps its
// key and every field we do not write, so the library that wrote it still finds it by its own key.
void TokenCachePrivate::putCredential(CredentialEntry entry, Slot old)
{
    CredentialTable &entries = section(entry.type);
    QString key;
    if (old != CredentialTable::noSlot) {
        const CredentialEntry &replaced = entries.at(old);
        key = entries.keyAt(old);
        entry.ownSecret = entry.secretBytes().toByteArray(); // its own `raw` goes
        entry.secretOffset = -1;
        entry.raw = replaced.raw;
        unindex(old, replaced);
    } else {
        key = entry.key();
        const Slot existing = entries.find(key);
        if (existing != CredentialTable::noSlot) {
            if (entry.raw.isEmpty())
                entry.raw = entries.at(existing).raw; // (its secret was its own: raw was empty)
            unindex(existing, entries.at(existing));
        }
    }
    entry.changed = true;
    dropKept(Section(int(entry.type)), key);
    const Slot slot = entries.insert(key, std::move(entry));
    index(slot, entries.at(slot));
    markChanged(credentialTypeName(entries.at(slot).type), key);
}

void TokenCachePrivate::storeAccessToken(const CredentialEntry &entry)
{
    // The one with the same scopes is replaced in place; others whose resource scopes overlap go,
    // so that no stale duplicate answers a later lookup. Tokens of another type (proof of
    // possession) are not ours to replace.
    Slot reuse = CredentialTable::noSlot;
    for (const Slot slot : accessTokenSlots(entry.partition())) {
        const CredentialEntry &old = accessTokens.at(slot);
        if (!old.bearer)
            continue;
        if (old.scopes == entry.scopes && reuse == CredentialTable::noSlot)
            reuse = slot;
        else if (old.scopes == entry.scopes || resourceScopesOverlap(old.scopes, entry.scopes))
            removeCredentialAt(CredentialType::AccessToken, slot);
    }
    putCredential(entry, reuse);
}

void TokenCachePrivate::storeRefreshToken(const CredentialEntry &entry)
{
    // One refresh token per account and client: a rotated one replaces the old, whatever its key.
    Slot reuse = CredentialTable::noSlot;
    const Bucket old = m_refreshTokensByAccount.value(accountIndexKey(entry.homeAccountId, entry.environment));
    for (const Slot slot : old) {
        const CredentialEntry &candidate = refreshTokens.at(slot);
        if (candidate.clientId.compare(entry.clientId, Qt::CaseInsensitive) != 0
            || candidate.userAssertionHash != entry.userAssertionHash)
            continue;
        if (reuse == CredentialTable::noSlot)
            reuse = slot;
        else
            removeCredentialAt(CredentialType::RefreshToken, slot);
    }
    putCredential(entry, reuse);
}

void TokenCachePrivate::storeIdToken(const CredentialEntry &entry)
{
    // One ID token per account, client and tenant: a neighbour's is replaced, not joined.
    Slot reuse = CredentialTable::noSlot;
    const Bucket old = m_idTokensByFields
                           .value(idTokenIndexKey(entry.homeAccountId, entry.environment, entry.clientId, entry.realm));
    for (const Slot slot : old) {
        if (reuse == CredentialTable::noSlot)
            reuse = slot;
        else
            removeCredentialAt(CredentialType::IdToken, slot);
    }
    putCredential(entry, reuse);
}

void TokenCachePrivate::storeAccount(AccountEntry entry)
{
    QString key = entry.key();
    for (const QString &candidate : m_accountsByHome.value(entry.homeAccountId.toLower())) {
        const auto old = accounts.constFind(candidate);
        if (old != accounts.cend() && old->environment.compare(entry.environment, Qt::CaseInsensitive) == 0
            && old->realm.compare(entry.realm, Qt::CaseInsensitive) == 0) {
            // Every sign-in and refresh stores the account again: the same one changes nothing,
            // is not written again, and accountsChanged() stays quiet.
            if (old->homeAccountId == entry.homeAccountId && old->environment == entry.environment
                && old->realm == entry.realm && old->localAccountId == entry.localAccountId
                && old->username == entry.username && old->authorityType == entry.authorityType
                && (entry.name.isEmpty() || old->name == entry.name))
                return;
            key = candidate;
            entry.raw = old->raw; // client_info, tenantProfiles, …
            break;
        }
    }
    entry.changed = true;
    dropKept(Section::Account, key);
    accounts.insert(key, entry);
    addKey(m_accountsByHome[entry.homeAccountId.toLower()], key);
    m_accountListValid = false;
    ++m_accountGeneration;
    markChanged(accountSection, key);
}

void TokenCachePrivate::storeAppMetadata(const QString &environment, const QString &clientId,
                                         const QString &familyId)
{
    // appmetadata-<environment>-<client_id>: which family (FOCI) the client belongs to.
    const QString key = QStringLiteral("appmetadata-%1-%2").arg(environment, clientId);
    const QLatin1String clientIdField("client_id");
    const QLatin1String environmentField("environment");
    const QLatin1String familyIdField("family_id");
    const auto old = appMetadata.constFind(key);
    // Every token response stores it again: the same entry changes nothing and is not written.
    if (old != appMetadata.cend() && old->value(clientIdField) == clientId
        && old->value(environmentField) == environment
        && (familyId.isEmpty() || old->value(familyIdField) == familyId))
        return;
    // A new object, the other fields copied: one changed in place keeps the bytes of the values it
    // replaced (Qt 6.4 never compacts a QJsonObject), and grew by each refresh for good.
    QJsonObject json;
    if (old != appMetadata.cend()) {
        for (auto it = old->begin(); it != old->end(); ++it) {
            if (it.key() != clientIdField && it.key() != environmentField
                && (familyId.isEmpty() || it.key() != familyIdField))
                json.insert(it.key(), it.value());
        }
    }
    json.insert(clientIdField, clientId);
    json.insert(environmentField, environment);
    if (!familyId.isEmpty())
        json.insert(familyIdField, familyId);
    dropKept(Section::AppMetadata, key);
    appMetadata.insert(key, json);
    markChanged(appMetadataSection, key);
}

void TokenCachePrivate::removeCredentialAt(CredentialType type, Slot slot)
{
    CredentialTable &entries = section(type);
    const QString key = entries.keyAt(slot);
    unindex(slot, entries.at(slot));
    entries.removeAt(slot);
    markChanged(credentialTypeName(type), key);
}

bool TokenCachePrivate::removeAccount(const QString &homeAccountId, const QString &environment)
{
    bool found = false;
    const QList<QString> keys = m_accountsByHome.value(homeAccountId.toLower());
    for (const QString &key : keys) {
        const AccountEntry entry = accounts.value(key);
        if (!environment.isEmpty() && entry.environment.compare(environment, Qt::CaseInsensitive) != 0)
            continue;
        accounts.remove(key);
        m_accountsByHome[homeAccountId.toLower()].removeOne(key);
        m_accountListValid = false;
        ++m_accountGeneration;
        markChanged(accountSection, key);
        found = true;
    }
    if (m_accountsByHome.value(homeAccountId.toLower()).isEmpty())
        m_accountsByHome.remove(homeAccountId.toLower());
    // Every token of the account goes with it, whatever client or tenant it was for.
    for (CredentialType type : {CredentialType::AccessToken, CredentialType::RefreshToken, CredentialType::IdToken}) {
        QList<Slot> doomed;
        const auto &entries = section(type);
        for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
            if (it->homeAccountId.compare(homeAccountId, Qt::CaseInsensitive) == 0
                && (environment.isEmpty() || it->environment.compare(environment, Qt::CaseInsensitive) == 0)) {
                doomed << it.slot();
            }
        }
        for (const Slot slot : std::as_const(doomed))
            removeCredentialAt(type, slot);
        found = found || !doomed.isEmpty();
    }
    return found;
}

void TokenCachePrivate::clearAll()
{
    for (const QString &key : accessTokens.keys())
        markChanged(accessTokenSection, key);
    for (const QString &key : refreshTokens.keys())
        markChanged(refreshTokenSection, key);
    for (const QString &key : idTokens.keys())
        markChanged(idTokenSection, key);
    for (const QString &key : accounts.keys())
        markChanged(accountSection, key);
    for (const QString &key : appMetadata.keys())
        markChanged(appMetadataSection, key);
    // What another writer kept there goes too (a change of ours to a key wins in a merge).
    for (size_t i = 0; i < sectionCount; ++i) {
        for (const QString &key : keptEntries[i].keys())
            markChanged(sectionName(Section(i)), key);
    }
    reset();
}

void TokenCachePrivate::reset()
{
    accessTokens.clear();
    refreshTokens.clear();
    idTokens.clear();
    accounts.clear();
    appMetadata.clear();
    otherSections.clear();
    for (auto &kept : keptEntries)
        kept.clear();
    reindex();
}

void TokenCachePrivate::notifyChanged()
{
    Q_Q(TokenCache);
    Q_EMIT q->changed();
}

TokenCache::TokenCache(QObject *parent) : QObject(parent), d_ptr(new TokenCachePrivate(this)) {}

TokenCache::~TokenCache() = default;

bool TokenCache::removeAccount(const Account &account)
{
    Q_D(TokenCache);
    const bool removed = d->removeAccount(account.homeAccountId(), account.environment());
    if (removed)
        Q_EMIT changed();
    return removed;
}

void TokenCache::clear()
{
    Q_D(TokenCache);
    d->clearAll();
    Q_EMIT changed();
}

bool TokenCache::isEmpty() const
{
    Q_D(const TokenCache);
    return d->accessTokens.isEmpty() && d->refreshTokens.isEmpty() && d->idTokens.isEmpty() && d->accounts.isEmpty();
}

QByteArray TokenCache::serialize() const
{
    Q_D(const TokenCache);
    return d->save();
}

bool TokenCache::deserialize(const QByteArray &json, QString *error)
{
    Q_D(TokenCache);
    if (!d->load(json, error))
        return false;
    Q_EMIT changed();
    return true;
}

} // namespace MsalQt
