// The accounts as TokenCache lists them: one per person (home account id and environment),
// represented by its home tenant's entry, with a tenant profile per tenant it has an entry for.

#include <MsalQt/tokencache.h>

#include "tokencache_p.h"

#include <algorithm>

namespace MsalQt {

using namespace Internal;

static QString accountIndexKey(const QString &homeAccountId, const QString &environment)
{
    return lowercase(homeAccountId + QLatin1Char('|') + environment);
}

static Account toAccount(const AccountEntry &entry)
{
    Account account;
    account.setHomeAccountId(entry.homeAccountId);
    account.setEnvironment(entry.environment);
    account.setTenantId(entry.realm);
    account.setLocalAccountId(entry.localAccountId);
    account.setUsername(entry.username);
    account.setName(entry.name);
    return account;
}

// An account signed in to several tenants (guest access) has an entry per tenant; its home
// tenant's entry represents it.
static bool isHomeEntry(const AccountEntry &entry)
{
    return entry.homeAccountId.endsWith(QLatin1Char('.') + entry.realm, Qt::CaseInsensitive);
}

// The home tenant first, then the others by tenant id, so that the order does not depend on
// the hash's.
static QList<TenantProfile> tenantProfiles(const QList<const AccountEntry *> &entries)
{
    QList<TenantProfile> profiles;
    profiles.reserve(entries.size());
    for (const AccountEntry *entry : entries) {
        if (entry->realm.isEmpty())
            continue; // a generic provider's account has no tenants
        TenantProfile profile;
        profile.setTenantId(entry->realm);
        profile.setLocalAccountId(entry->localAccountId);
        profile.setName(entry->name);
        profile.setHomeTenant(isHomeEntry(*entry));
        profiles.append(profile);
    }
    std::sort(profiles.begin(), profiles.end(), [](const TenantProfile &a, const TenantProfile &b) {
        if (a.isHomeTenant() != b.isHomeTenant())
            return a.isHomeTenant();
        return a.tenantId().compare(b.tenantId(), Qt::CaseInsensitive) < 0;
    });
    return profiles;
}

const QList<Account> &TokenCachePrivate::accountList() const
{
    if (m_accountListValid)
        return m_accountList;
    // One account per home account and environment; each of its entries (one per tenant, as
    // msal-node files them) is one of its tenant profiles.
    QHash<QString, const AccountEntry *> unique;
    QHash<QString, QList<const AccountEntry *>> tenants;
    unique.reserve(accounts.size());
    for (const AccountEntry &entry : accounts) {
        const QString id = accountIndexKey(entry.homeAccountId, entry.environment);
        tenants[id].append(&entry);
        const auto it = unique.find(id);
        if (it == unique.end())
            unique.insert(id, &entry);
        else if (isHomeEntry(entry))
            *it = &entry;
    }
    m_accountList.clear();
    m_accountList.reserve(unique.size());
    for (auto it = unique.cbegin(); it != unique.cend(); ++it) {
        Account account = toAccount(**it);
        account.setTenantProfiles(tenantProfiles(tenants.value(it.key())));
        m_accountList.append(account);
    }
    std::sort(m_accountList.begin(), m_accountList.end(), [](const Account &a, const Account &b) {
        const int byName = a.username().compare(b.username(), Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.homeAccountId() < b.homeAccountId();
    });
    m_accountListValid = true;
    return m_accountList;
}

QList<Account> TokenCache::accounts() const
{
    Q_D(const TokenCache);
    return d->accountList(); // built once per change, then shared
}

Account TokenCache::account(const QString &homeAccountId) const
{
    Q_D(const TokenCache);
    // A hash lookup, whatever the number of accounts: no list is built.
    const auto bucket = d->m_accountsByHome.constFind(homeAccountId.toLower());
    if (bucket == d->m_accountsByHome.cend())
        return {};
    const AccountEntry *chosen = nullptr;
    for (const QString &key : *bucket) {
        const auto entry = d->accounts.constFind(key);
        if (entry == d->accounts.cend())
            continue;
        if (!chosen || (isHomeEntry(*entry) && !isHomeEntry(*chosen))
            || (isHomeEntry(*entry) == isHomeEntry(*chosen) && entry.key() < chosen->key()))
            chosen = &*entry;
    }
    if (!chosen)
        return {};
    Account account = toAccount(*chosen);
    QList<const AccountEntry *> entries;
    for (const QString &key : *bucket) {
        const auto entry = d->accounts.constFind(key);
        if (entry != d->accounts.cend() && entry->environment.compare(chosen->environment, Qt::CaseInsensitive) == 0)
            entries.append(&*entry);
    }
    account.setTenantProfiles(tenantProfiles(entries));
    return account;
}

} // namespace MsalQt
