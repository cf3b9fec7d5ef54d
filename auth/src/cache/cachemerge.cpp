// Writing the cache, and merging it with what another process stored meanwhile.

#include "cachejson_p.h"
#include "logging_p.h"
#include "tokencache_p.h"

#include <algorithm>

namespace MsalQt {

using namespace Internal;

static const QLatin1String accessTokenSection("AccessToken");
static const QLatin1String refreshTokenSection("RefreshToken");
static const QLatin1String idTokenSection("IdToken");
static const QLatin1String accountSection("Account");
static const QLatin1String appMetadataSection("AppMetadata");

// Each section is written member by member, in key order (cachejson_p.h).
template<typename Entries, typename Append>
static void appendSection(QByteArray *out, const QString &name, const Entries &entries, Append append)
{
    CacheJson::appendString(out, name);
    out->append(":{");
    // Keys and where their entries are, sorted by key (each key is derived once).
    QList<std::pair<QString, decltype(&*entries.cbegin())>> sorted;
    sorted.reserve(entries.size());
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        sorted.append({it.key(), &*it});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    bool first = true;
    for (const auto &[key, entry] : std::as_const(sorted)) {
        if (!first)
            out->append(',');
        first = false;
        CacheJson::appendString(out, key);
        out->append(':');
        append(out, *entry);
    }
    out->append('}');
}

QByteArray TokenCachePrivate::save() const
{
    qsizetype size = 1024;
    for (const auto *entries : {&accessTokens, &refreshTokens, &idTokens}) {
        for (const CredentialEntry &entry : *entries)
            size += entry.raw.size() + 160;
    }
    for (const AccountEntry &entry : accounts)
        size += entry.raw.size() + 160;
    QByteArray out;
    out.reserve(size);
    out.append('{');
    const auto credential = [](QByteArray *out, const CredentialEntry &entry) { entry.appendJson(out); };
    appendSection(&out, accessTokenSection, accessTokens, credential);
    out.append(',');
    appendSection(&out, refreshTokenSection, refreshTokens, credential);
    out.append(',');
    appendSection(&out, idTokenSection, idTokens, credential);
    out.append(',');
    appendSection(&out, accountSection, accounts, [](QByteArray *out, const AccountEntry &entry) { entry.appendJson(out); });
    out.append(',');
    appendSection(&out, appMetadataSection, appMetadata,
                  [](QByteArray *out, const QJsonObject &entry) { CacheJson::appendValue(out, entry); });
    // Other libraries' sections, as read.
    for (const auto &[name, value] : otherSections) {
        out.append(",\"").append(name).append("\":").append(value);
    }
    out.append('}');
    return out;
}

QByteArray TokenCachePrivate::mergeWithStored(const QByteArray &stored, quint64 *changeGeneration)
{
    QString error;
    if (!adoptStored(stored, &error)) {
        // What is stored cannot be read: what this cache holds (all it read before, and its
        // changes) is written over it rather than only this process's changes.
        qCWarning(lcMsalAuth) << "Token cache: the stored cache could not be merged, writing this one:" << error;
    }
    // The changes stay pending until the storage says the bytes are written (markSaved()): a
    // write that fails (a full disk) must not lose them, nor the next merge drop them from memory.
    if (changeGeneration)
        *changeGeneration = m_changeGeneration;
    return save();
}

void TokenCachePrivate::markSaved(quint64 changeGeneration)
{
    for (auto it = m_changed.begin(); it != m_changed.end();)
        it = it.value() <= changeGeneration ? m_changed.erase(it) : std::next(it);
}

bool TokenCachePrivate::adoptStored(const QByteArray &stored, QString *error)
{
    TokenCache scratch;
    TokenCachePrivate *fresh = scratch.d_func();
    if (!stored.trimmed().isEmpty() && !fresh->load(stored, error))
        return false; // this cache stays as it was
    for (auto it = m_changed.cbegin(); it != m_changed.cend(); ++it) {
        const QString &change = it.key();
        const qsizetype newline = change.indexOf(QLatin1Char('\n'));
        const QStringView name = QStringView(change).left(newline);
        const QString key = change.mid(newline + 1);
        if (name == accountSection) {
            if (accounts.contains(key))
                fresh->accounts.insert(key, accounts.value(key));
            else
                fresh->accounts.remove(key);
        } else if (name == appMetadataSection) {
            if (appMetadata.contains(key))
                fresh->appMetadata.insert(key, appMetadata.value(key));
            else
                fresh->appMetadata.remove(key);
        } else {
            for (CredentialType type : {CredentialType::AccessToken, CredentialType::RefreshToken, CredentialType::IdToken}) {
                if (name != credentialTypeName(type))
                    continue;
                if (const CredentialEntry *entry = section(type).entry(key))
                    fresh->section(type).insert(key, *entry);
                else
                    fresh->section(type).remove(key);
            }
        }
    }
    accessTokens = std::move(fresh->accessTokens);
    refreshTokens = std::move(fresh->refreshTokens);
    idTokens = std::move(fresh->idTokens);
    accounts = std::move(fresh->accounts);
    appMetadata = std::move(fresh->appMetadata);
    otherSections = fresh->otherSections;
    reindex(); // what this process changed stays marked until it is saved
    return true;
}

} // namespace MsalQt
