// Writing the cache, and merging it with what another process stored meanwhile.

#include "cachejson_p.h"
#include "logging_p.h"
#include "tokencache_p.h"

#include <algorithm>
#include <type_traits>

namespace MsalQt {

using namespace Internal;

// Each section is written member by member, in key order (cachejson_p.h), the entries kept as read
// (TokenCachePrivate::keptEntries) among them.
template<typename Entries, typename Append>
static void appendSection(QByteArray *out, const QString &name, const Entries &entries,
                          const QHash<QString, QByteArray> &kept, Append append)
{
    CacheJson::appendString(out, name);
    out->append(":{");
    // Keys and where their entries are, sorted by key (each key is derived once).
    struct Member
    {
        QString key;
        const std::remove_reference_t<decltype(*entries.cbegin())> *entry;
        const QByteArray *kept;
    };
    QList<Member> sorted;
    sorted.reserve(entries.size() + kept.size());
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        sorted.append({it.key(), &*it, nullptr});
    for (auto it = kept.cbegin(); it != kept.cend(); ++it) {
        if (!entries.contains(it.key())) // one entry per key: ours (stores drop a kept one)
            sorted.append({it.key(), nullptr, &*it});
    }
    std::sort(sorted.begin(), sorted.end(), [](const Member &a, const Member &b) { return a.key < b.key; });
    bool first = true;
    for (const Member &member : std::as_const(sorted)) {
        if (!first)
            out->append(',');
        first = false;
        CacheJson::appendString(out, member.key);
        out->append(':');
        if (member.entry)
            append(out, *member.entry);
        else
            out->append(*member.kept);
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
    for (const auto &kept : keptEntries) {
        for (auto it = kept.cbegin(); it != kept.cend(); ++it)
            size += it.key().size() + it->size() + 8;
    }
    QByteArray out;
    out.reserve(size);
    out.append('{');
    const auto credential = [](QByteArray *out, const CredentialEntry &entry) { entry.appendJson(out); };
    const auto kept = [this](Section which) -> const QHash<QString, QByteArray> & {
        return keptEntries[size_t(which)];
    };
    appendSection(&out, sectionName(Section::AccessToken), accessTokens, kept(Section::AccessToken), credential);
    out.append(',');
    appendSection(&out, sectionName(Section::RefreshToken), refreshTokens, kept(Section::RefreshToken), credential);
    out.append(',');
    appendSection(&out, sectionName(Section::IdToken), idTokens, kept(Section::IdToken), credential);
    out.append(',');
    appendSection(&out, sectionName(Section::Account), accounts, kept(Section::Account),
                  [](QByteArray *out, const AccountEntry &entry) { entry.appendJson(out); });
    out.append(',');
    appendSection(&out, sectionName(Section::AppMetadata), appMetadata, kept(Section::AppMetadata),
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

bool TokenCachePrivate::adoptStored(const QByteArray &stored, QString *error, QStringList *damage)
{
    TokenCache scratch;
    TokenCachePrivate *fresh = scratch.d_func();
    if (!stored.trimmed().isEmpty() && !fresh->load(stored, error, LoadMode::Lenient, damage))
        return false; // this cache stays as it was
    // A change of ours to a key (a store or a removal) wins over whatever is stored under it,
    // an entry kept as read included.
    for (auto it = m_changed.cbegin(); it != m_changed.cend(); ++it) {
        const QString &change = it.key();
        const qsizetype newline = change.indexOf(QLatin1Char('\n'));
        const QStringView name = QStringView(change).left(newline);
        const QString key = change.mid(newline + 1);
        if (name == sectionName(Section::Account)) {
            fresh->dropKept(Section::Account, key);
            if (accounts.contains(key))
                fresh->accounts.insert(key, accounts.value(key));
            else
                fresh->accounts.remove(key);
        } else if (name == sectionName(Section::AppMetadata)) {
            fresh->dropKept(Section::AppMetadata, key);
            if (appMetadata.contains(key))
                fresh->appMetadata.insert(key, appMetadata.value(key));
            else
                fresh->appMetadata.remove(key);
        } else {
            for (CredentialType type : {CredentialType::AccessToken, CredentialType::RefreshToken, CredentialType::IdToken}) {
                if (name != credentialTypeName(type))
                    continue;
                fresh->dropKept(Section(int(type)), key);
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
    keptEntries = std::move(fresh->keptEntries);
    reindex(); // what this process changed stays marked until it is saved
    return true;
}

} // namespace MsalQt
