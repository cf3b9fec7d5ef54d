#pragma once

#include "autotestexport_p.h"
#include "cacheentry_p.h"
#include "credentialtable_p.h"

#include <MsalQt/tokencache.h>

#include <QHash>
#include <QVarLengthArray>

#include <array>

namespace MsalQt {

// The cache's contents and indexes. Every lookup a flow makes is a handful of hash lookups:
// its cost does not grow with the number of accounts or tokens cached.
class MSALQT_AUTH_AUTOTEST_EXPORT TokenCachePrivate
{
    Q_DECLARE_PUBLIC(TokenCache)
public:
    explicit TokenCachePrivate(TokenCache *q) : q_ptr(q) {}
    static TokenCachePrivate *get(TokenCache *cache) { return cache->d_func(); }

    // `environments`: the aliases of one cloud; an entry stored under any of them matches.
    // `scopes`: lowercase, in any order (Internal::lookupScopes()); an entry holding them all matches.
    const Internal::CredentialEntry *findAccessToken(const QStringList &environments, const QString &homeAccountId,
                                                     const QString &clientId, const QString &realm,
                                                     const QStringList &scopes) const;
    const Internal::CredentialEntry *findRefreshToken(const QStringList &environments, const QString &homeAccountId,
                                                      const QString &clientId) const;
    const Internal::CredentialEntry *findIdToken(const QStringList &environments, const QString &homeAccountId,
                                                 const QString &clientId, const QString &realm) const;
    const Internal::AccountEntry *findAccount(const QStringList &environments, const QString &homeAccountId,
                                              const QString &realm) const;
    // On-behalf-of: the tokens got for one incoming user assertion, whatever the account (and
    // whatever the tenant when `realm` is empty: a multi-tenant authority names none).
    const Internal::CredentialEntry *findAccessTokenForAssertion(const QStringList &environments,
                                                                 const QString &clientId, const QString &realm,
                                                                 const QStringList &scopes,
                                                                 const QString &userAssertionHash) const;
    const Internal::CredentialEntry *findRefreshTokenForAssertion(const QStringList &environments,
                                                                  const QString &clientId,
                                                                  const QString &userAssertionHash) const;

    // An access token replaces those of the same account, client and tenant whose scopes overlap
    // it (OpenID Connect scopes left out), so that no stale duplicate can answer a later lookup.
    // Every store replaces an entry of the same fields in place, under its key, keeping the fields
    // another library wrote.
    void storeAccessToken(const Internal::CredentialEntry &entry);
    void storeRefreshToken(const Internal::CredentialEntry &entry);
    void storeIdToken(const Internal::CredentialEntry &entry);
    void storeAccount(Internal::AccountEntry entry);
    void storeAppMetadata(const QString &environment, const QString &clientId, const QString &familyId);
    bool removeAccount(const QString &homeAccountId, const QString &environment);

    // Another process may have written the stored cache since we read it: start from what is
    // stored now, re-apply what this process changed since its last sync, adopt the result and
    // return it for writing. Nothing either side wrote is lost.
    // Nothing is marked saved here: the write may still fail (a full disk). `*changeGeneration`
    // (when not null) is set to the generation of changes the result holds; once the storage has
    // written it, markSaved() with that generation ends them. Read leniently (LoadMode::Lenient).
    QByteArray mergeWithStored(const QByteArray &stored, quint64 *changeGeneration = nullptr);
    // What was merged (mergeWithStored()'s `*changeGeneration`) is stored: the changes made up to
    // that generation are no longer pending. One made since (the same key changed again
    // included) stays, and the next save writes it. A failed write calls nothing: every change
    // stays pending, and the next merge applies it again.
    void markSaved(quint64 changeGeneration);
    // Bumped by every change (store, removal, clear); never goes back, load() included.
    quint64 changeGeneration() const { return m_changeGeneration; }
    // The same merge without writing: another process changed the stored cache, and this one
    // adopts that (keeping its own changes not saved yet, which the next save writes). False, and
    // nothing changed, if `stored` cannot be read. Read leniently: a known section that is not an
    // object is skipped, and named in `*damage` (when not null).
    bool adoptStored(const QByteArray &stored, QString *error = nullptr, QStringList *damage = nullptr);
    // Bumped whenever the account list may have changed (store, removal, load, merge).
    quint64 accountGeneration() const { return m_accountGeneration; }
    bool hasUnsavedChanges() const { return !m_changed.isEmpty(); }
    void notifyChanged();

    // The accounts as TokenCache::accounts() lists them, sorted by username; rebuilt only after a
    // change.
    const QList<Account> &accountList() const;

    enum class LoadMode {
        // TokenCache::deserialize()'s contract: a known section (AccessToken, RefreshToken,
        // IdToken, Account, AppMetadata) that is not an object fails the load.
        Strict,
        // What a merge with the stored cache reads: such a section is skipped (nothing in it can
        // be written back under its name) and named in `*damage`; the rest loads.
        Lenient,
    };
    // Replaces the contents with `json`; false, `*error` set and nothing changed if it is not a
    // JSON object (or, Strict, if a known section is not one). Either way, an entry of a known
    // section that this library cannot use (not an object, or without the fields a lookup needs)
    // is kept as read (keptEntries) and written back.
    bool load(const QByteArray &json, QString *error, LoadMode mode = LoadMode::Strict, QStringList *damage = nullptr);
    QByteArray save() const;
    void clearAll();

    Internal::CredentialTable accessTokens;
    Internal::CredentialTable refreshTokens;
    Internal::CredentialTable idTokens;
    QHash<QString, Internal::AccountEntry> accounts;
    QHash<QString, QJsonObject> appMetadata;
    // Sections of other libraries, kept verbatim: their names as written (escapes and all) and
    // their values, compact.
    QList<std::pair<QByteArray, QByteArray>> otherSections;
    // The sections of the schema this library reads, in the order save() writes them; the first
    // three in CredentialType's order.
    enum class Section { AccessToken, RefreshToken, IdToken, Account, AppMetadata };
    static constexpr size_t sectionCount = 5;
    // Entries of those sections this library cannot use: values that are not objects, objects
    // without the fields a lookup needs. Another writer's bytes, not ours to drop: kept by key,
    // as read (compact), and written back in their section, unless this cache stores an entry
    // under the same key, which replaces it.
    std::array<QHash<QString, QByteArray>, sectionCount> keptEntries;
    static QLatin1String sectionName(Section which);

private:
    using Slot = Internal::CredentialTable::Slot;
    // The slots of a table that share an index key: a handful, held in place.
    using Bucket = QVarLengthArray<Slot, 2>;
    void index(Slot slot, const Internal::CredentialEntry &entry);
    void unindex(Slot slot, const Internal::CredentialEntry &entry);
    // The access tokens of one partition (the index is by the partition's hash; its buckets may
    // hold another partition's tokens too).
    Bucket accessTokenSlots(const Internal::Partition &partition) const;
    void putCredential(Internal::CredentialEntry entry, Slot old);
    void removeCredentialAt(Internal::CredentialType type, Slot slot);
    void reset();
    void reindex();
    void markChanged(const QString &section, const QString &key);
    void dropKept(Section which, const QString &key);
    Internal::CredentialTable &section(Internal::CredentialType type);

    TokenCache *q_ptr;
    // The indexes hold slot numbers of the tables, four bytes each, in buckets of a handful kept
    // in place. Access tokens are indexed by the hash of their partition alone: a Partition key
    // (five strings) cost more than the entry's own fields.
    QHash<size_t, Bucket> m_accessTokensByPartition;
    QHash<QString, Bucket> m_refreshTokensByAccount; // home|environment -> slots
    QHash<QString, Bucket> m_idTokensByFields;       // home|environment|client|realm -> slots
    QHash<QString, QList<QString>> m_accountsByHome; // home -> keys
    mutable QList<Account> m_accountList;
    mutable bool m_accountListValid = false;
    quint64 m_accountGeneration = 0;
    QHash<QString, Bucket> m_accessTokensByAssertion;  // user_assertion_hash -> slots
    QHash<QString, Bucket> m_refreshTokensByAssertion; // user_assertion_hash -> slots
    // "Section\nkey" changed (stored or removed) and not known to be stored yet -> the generation
    // of its latest change (m_changeGeneration then).
    QHash<QString, quint64> m_changed;
    quint64 m_changeGeneration = 0;
};

} // namespace MsalQt
