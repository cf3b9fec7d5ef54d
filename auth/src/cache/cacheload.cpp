// Reading the unified cache file with simdjson's On-Demand parser: a 29 MB file of 10,000
// accounts reads in a fraction of QJsonDocument's time and without its tree (bench_tokencache).
// Each entry keeps its JSON text as read, compacted, and is parsed into the fields lookups need;
// strings many entries share are held once.

#include "boundednumber_p.h"
#include "cachejsonread_p.h"
#include "logging_p.h"
#include "tokencache_p.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace MsalQt {

using namespace Internal;
using namespace Internal::CacheJsonRead;

namespace {

const std::string_view accessTokenSection("AccessToken");
const std::string_view refreshTokenSection("RefreshToken");
const std::string_view idTokenSection("IdToken");
const std::string_view accountSection("Account");
const std::string_view appMetadataSection("AppMetadata");

// Strings many entries share (environment, client, target, home account, tenant) are held once:
// a daemon's file of 10,000 app tokens names one client and one target 10,000 times.
class Interner
{
public:
    QString text(std::string_view utf8)
    {
        if (utf8.empty())
            return {};
        const QByteArray probe = QByteArray::fromRawData(utf8.data(), qsizetype(utf8.size()));
        const auto it = m_strings.constFind(probe);
        if (it != m_strings.cend())
            return *it;
        const QString text = QString::fromUtf8(probe);
        m_strings.insert(QByteArray(utf8.data(), qsizetype(utf8.size())), text);
        return text;
    }
    QStringList scopes(const QString &target)
    {
        const auto it = m_scopes.constFind(target);
        if (it != m_scopes.cend())
            return *it;
        const QStringList list = scopeList(target);
        m_scopes.insert(target, list);
        return list;
    }

private:
    QHash<QByteArray, QString> m_strings;
    QHash<QString, QStringList> m_scopes;
};

// The fields the lookups need, by position in `fieldNames`.
enum Field {
    HomeAccountId, Environment, ClientId, FamilyId, Realm, Target, CredentialTypeField, TokenType,
    UserAssertionHash, NodeUserAssertionHash, LocalAccountId, Username, Name, AuthorityType, Secret,
    CachedAt, ExpiresOn, ExtendedExpiresOn, RefreshOn, KeyId, FieldCount
};
constexpr std::string_view fieldNames[FieldCount] = {
    "home_account_id", "environment", "client_id", "family_id", "realm", "target", "credential_type", "token_type",
    "user_assertion_hash", "userAssertionHash", "local_account_id", "username", "name", "authority_type", "secret",
    "cached_at", "expires_on", "extended_expires_on", "refresh_on", "key_id"
};
// Values most entries of a file share, held once.
constexpr bool shared(int field) { return field <= UserAssertionHash || field == AuthorityType; }

int fieldIndex(std::string_view name)
{
    for (int i = 0; i < FieldCount; ++i) {
        if (fieldNames[i] == name)
            return i;
    }
    return -1;
}

// One entry's fields; QJsonValue::toString()'s rule: another type reads as an empty string, and
// the last of a repeated name counts. Times are strings of epoch seconds (or numbers), within
// [0, year 9999]; anything else makes the entry unusable.
struct Fields
{
    QString text[FieldCount];
    qint64 times[FieldCount] = {};
    std::string_view secret; // as written, escapes not decoded
    bool present[FieldCount] = {};
    bool timesValid = true;
};

bool isTime(int field)
{
    return field >= CachedAt && field <= RefreshOn;
}

// The fields of one entry (an object the document iterator stands on), every value checked.
simdjson::error_code readFields(od::object object, Interner *interner, Fields *fields)
{
    for (auto member : object) {
        od::raw_json_string rawKey;
        std::string_view key;
        if (const auto error = member.key().get(rawKey))
            return error;
        if (!rawString(rawKey, &key))
            return simdjson::STRING_ERROR;
        od::value value;
        if (const auto error = member.value().get(value))
            return error;
        const int field = fieldIndex(key);
        if (field < 0) {
            if (const auto error = validate(value))
                return error;
            continue;
        }
        od::json_type type;
        if (const auto error = value.type().get(type))
            return error;
        fields->present[field] = true;
        fields->text[field].clear();
        if (field == Secret)
            fields->secret = {};
        if (type == od::json_type::string) {
            od::raw_json_string raw;
            std::string_view content;
            if (const auto error = value.get_raw_json_string().get(raw))
                return error;
            if (!rawString(raw, &content))
                return simdjson::STRING_ERROR;
            if (field == Secret) {
                fields->secret = content;
                continue;
            }
            QString text;
            if (content.find('\\') != std::string_view::npos) {
                if (!decodedString(content, &text))
                    return simdjson::STRING_ERROR;
            } else if (shared(field)) {
                text = interner->text(content);
            } else {
                text = QString::fromUtf8(content.data(), qsizetype(content.size()));
            }
            if (isTime(field)) {
                const auto seconds = text.isEmpty() ? std::optional<qint64>(0) : boundedInteger(text, 0, maxEpochSeconds);
                fields->times[field] = seconds.value_or(0);
                fields->timesValid = fields->timesValid && seconds.has_value();
            } else {
                fields->text[field] = text;
            }
            continue;
        }
        if (isTime(field) && type == od::json_type::number) {
            double number;
            if (const auto error = value.get_double().get(number))
                return error;
            const auto seconds = boundedInteger(QJsonValue(number), 0, maxEpochSeconds);
            fields->times[field] = seconds.value_or(0);
            fields->timesValid = fields->timesValid && seconds.has_value();
            continue;
        }
        if (const auto error = validate(value))
            return error;
        if (isTime(field)) {
            fields->times[field] = 0;
            fields->timesValid = fields->timesValid && type == od::json_type::null;
        }
    }
    return simdjson::SUCCESS;
}

// Where the secret lies in the compact text, written without escapes; -1 if it is escaped.
qint32 secretOffset(const QByteArray &raw, QByteArrayView secret)
{
    static const QByteArray marker("\"secret\":\"");
    for (qsizetype at = raw.indexOf(marker); at >= 0; at = raw.indexOf(marker, at + 1)) {
        const qsizetype start = at + marker.size();
        if (start + secret.size() < raw.size() && QByteArrayView(raw).sliced(start, secret.size()) == secret
            && raw.at(start + secret.size()) == '"')
            return qint32(start);
    }
    return -1;
}

struct Document
{
    simdjson::padded_string text;
    const char *end() const { return text.data() + text.size() + simdjson::SIMDJSON_PADDING; }
};

// One entry of a credential section; false (and skipped) if it lacks what it is used by.
bool readCredential(CredentialType type, std::string_view text, const Document &document, od::parser *parser,
                    Interner *interner, CredentialEntry *entry, simdjson::error_code *error)
{
    od::document inner;
    *error = parser->iterate(text.data(), text.size(), size_t(document.end() - text.data())).get(inner);
    od::object object;
    if (!*error)
        *error = inner.get_object().get(object);
    Fields fields;
    if (!*error)
        *error = readFields(object, interner, &fields);
    if (*error)
        return false;
    entry->type = type;
    entry->homeAccountId = fields.text[HomeAccountId];
    entry->environment = fields.text[Environment];
    entry->clientId = fields.text[ClientId];
    entry->familyId = fields.text[FamilyId];
    entry->realm = fields.text[Realm];
    entry->target = fields.text[Target];
    entry->scopes = interner->scopes(entry->target);
    entry->cachedAt = fields.times[CachedAt];
    entry->expiresOn = fields.times[ExpiresOn];
    entry->extendedExpiresOn = fields.times[ExtendedExpiresOn];
    entry->refreshOn = fields.times[RefreshOn];
    entry->userAssertionHash = fields.text[UserAssertionHash];
    if (entry->userAssertionHash.isEmpty())
        entry->userAssertionHash = fields.text[NodeUserAssertionHash]; // msal-node's name
    const QString &tokenType = fields.text[TokenType];
    const QString &credentialType = fields.text[CredentialTypeField];
    entry->bearer = type == CredentialType::AccessToken
        && (credentialType.isEmpty() || credentialType.compare(QLatin1String("AccessToken"), Qt::CaseInsensitive) == 0)
        && (tokenType.isEmpty() || tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) == 0)
        && !fields.present[KeyId];
    entry->changed = false;
    entry->raw = compact(text);
    QByteArray secret;
    if (fields.secret.find('\\') == std::string_view::npos) {
        secret = QByteArray::fromRawData(fields.secret.data(), qsizetype(fields.secret.size()));
        entry->secretOffset = secretOffset(entry->raw, secret);
    }
    if (entry->secretOffset >= 0) {
        entry->secretSize = qint32(secret.size());
    } else {
        QString decoded; // escaped in the file: held decoded
        decodedString(fields.secret, &decoded);
        entry->ownSecret = decoded.toUtf8();
        secret = entry->ownSecret;
    }
    // Without these an entry can never be found or used; skip it rather than fail the cache.
    if (!fields.timesValid || secret.isEmpty() || entry->environment.isEmpty() || entry->clientId.isEmpty())
        return false;
    if (type == CredentialType::AccessToken && entry->expiresOn <= 0)
        return false;
    entry->dropRawIfCanonical(); // a third of the memory of an entry this library wrote
    return true;
}

bool readAccount(std::string_view text, const Document &document, od::parser *parser, Interner *interner,
                 AccountEntry *entry, simdjson::error_code *error)
{
    od::document inner;
    *error = parser->iterate(text.data(), text.size(), size_t(document.end() - text.data())).get(inner);
    od::object object;
    if (!*error)
        *error = inner.get_object().get(object);
    Fields fields;
    if (!*error)
        *error = readFields(object, interner, &fields);
    if (*error)
        return false;
    entry->homeAccountId = fields.text[HomeAccountId];
    entry->environment = fields.text[Environment];
    entry->realm = fields.text[Realm];
    entry->localAccountId = fields.text[LocalAccountId];
    entry->username = fields.text[Username];
    entry->name = fields.text[Name];
    entry->authorityType = fields.text[AuthorityType];
    entry->changed = false;
    entry->raw = compact(text);
    return !entry->homeAccountId.isEmpty() && !entry->environment.isEmpty();
}

// The JSON text of `value`, whatever its type, checked and compact: what is kept verbatim. (A
// scalar is checked as a document of its own: simdjson gives no value of a scalar document.)
simdjson::error_code keptText(od::value value, const Document &document, od::parser *parser, QByteArray *out)
{
    std::string_view text;
    if (const auto code = rawJson(value, &text))
        return code;
    od::document check;
    od::json_type type;
    if (const auto code = parser->iterate(text.data(), text.size(), size_t(document.end() - text.data())).get(check))
        return code;
    if (const auto code = check.type().get(type))
        return code;
    if (type == od::json_type::object || type == od::json_type::array) {
        od::value checked;
        if (const auto code = check.get_value().get(checked))
            return code;
        if (const auto code = validate(checked))
            return code;
    } else if (const auto code = validateScalar(check, type)) {
        return code;
    }
    const char *trailing = nullptr;
    if (check.current_location().get(trailing) == simdjson::SUCCESS)
        return simdjson::TRAILING_CONTENT;
    *out = compact(text);
    return simdjson::SUCCESS;
}

} // namespace

bool TokenCachePrivate::load(const QByteArray &json, QString *error, LoadMode mode, QStringList *damage)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const auto notJson = [&fail](simdjson::error_code code) {
        return fail(QCoreApplication::translate("MsalQt::TokenCache", "The cache is not a JSON object: %1")
                        .arg(describe(code)));
    };
    Document document{simdjson::padded_string(json.constData(), size_t(json.size()))};
    od::parser parser;
    od::parser entryParser;
    od::document root;
    if (const auto code = parser.iterate(document.text).get(root))
        return notJson(code);
    od::object sections;
    if (const auto code = root.get_object().get(sections))
        return notJson(code);

    TokenCache scratch; // filled, then adopted whole: a failed load leaves this cache as it was
    TokenCachePrivate *fresh = scratch.d_func();
    Interner interner;
    QStringList skippedSections;
    int kept = 0;
    for (auto section : sections) {
        od::raw_json_string rawName;
        std::string_view name;
        if (const auto code = section.key().get(rawName))
            return notJson(code);
        if (!rawString(rawName, &name))
            return notJson(simdjson::STRING_ERROR);
        od::value value;
        if (const auto code = section.value().get(value))
            return notJson(code);
        const bool credentials = name == accessTokenSection || name == refreshTokenSection || name == idTokenSection;
        const bool known = credentials || name == accountSection || name == appMetadataSection;
        if (!known) {
            // Another library's section, kept verbatim.
            QByteArray text;
            if (const auto code = keptText(value, document, &entryParser, &text))
                return notJson(code);
            fresh->otherSections.append({QByteArray(name.data(), qsizetype(name.size())), text});
            continue;
        }
        od::json_type sectionType;
        if (const auto code = value.type().get(sectionType))
            return notJson(code);
        if (sectionType != od::json_type::object) {
            const QString sectionName = QString::fromUtf8(name.data(), qsizetype(name.size()));
            if (mode == LoadMode::Strict) {
                return fail(QCoreApplication::translate("MsalQt::TokenCache", "The cache section %1 is not an object.")
                                .arg(sectionName));
            }
            // Nothing in it can be written back under its name, where this cache writes its own
            // section: the storage keeps the bytes aside (CacheJson::damageOf()).
            if (const auto code = validate(value))
                return notJson(code);
            skippedSections << sectionName;
            continue;
        }
        od::object entries;
        if (const auto code = value.get_object().get(entries))
            return notJson(code);
        const Section which = name == accessTokenSection ? Section::AccessToken
            : name == refreshTokenSection                 ? Section::RefreshToken
            : name == idTokenSection                      ? Section::IdToken
            : name == accountSection                      ? Section::Account
                                                          : Section::AppMetadata;
        const CredentialType type = credentials ? CredentialType(int(which)) : CredentialType::IdToken;
        QHash<QString, QByteArray> &keptHere = fresh->keptEntries[size_t(which)];
        for (auto member : entries) {
            od::raw_json_string rawKey;
            std::string_view keyText;
            QString key;
            if (const auto code = member.key().get(rawKey))
                return notJson(code);
            if (!rawString(rawKey, &keyText) || !decodedString(keyText, &key))
                return notJson(simdjson::STRING_ERROR);
            od::value entryValue;
            if (const auto code = member.value().get(entryValue))
                return notJson(code);
            od::json_type entryType;
            if (const auto code = entryValue.type().get(entryType))
                return notJson(code);
            // The last of a repeated key counts, as in QJsonDocument: one entry per key.
            const auto keep = [&](const QByteArray &text) {
                if (credentials)
                    fresh->section(type).remove(key);
                else if (which == Section::Account)
                    fresh->accounts.remove(key);
                else
                    fresh->appMetadata.remove(key);
                keptHere.insert(key, text);
                ++kept;
            };
            if (!keptHere.isEmpty())
                keptHere.remove(key);
            if (entryType != od::json_type::object) {
                // Not an entry of the schema, but another writer's bytes: written back as read.
                QByteArray text;
                if (const auto code = keptText(entryValue, document, &entryParser, &text))
                    return notJson(code);
                keep(text);
                continue;
            }
            od::object entryObject;
            std::string_view text;
            if (const auto code = entryValue.get_object().get(entryObject))
                return notJson(code);
            if (const auto code = entryObject.raw_json().get(text))
                return notJson(code);
            simdjson::error_code code = simdjson::SUCCESS;
            bool usable = true;
            if (credentials) {
                CredentialEntry entry;
                usable = readCredential(type, text, document, &entryParser, &interner, &entry, &code);
                if (usable)
                    fresh->section(type).insert(key, entry); // the key as written: a round trip keeps it
            } else if (which == Section::Account) {
                AccountEntry entry;
                usable = readAccount(text, document, &entryParser, &interner, &entry, &code);
                if (usable)
                    fresh->accounts.insert(key, entry);
            } else {
                od::document inner;
                od::value checked;
                code = entryParser.iterate(text.data(), text.size(), size_t(document.end() - text.data())).get(inner);
                if (!code)
                    code = inner.get_value().get(checked);
                if (!code)
                    code = validate(checked);
                if (!code)
                    fresh->appMetadata.insert(key, QJsonDocument::fromJson(compact(text)).object());
            }
            if (code)
                return notJson(code);
            // Without the fields lookups need (an environment, a client, a secret, valid times)
            // it can never be found, but it is not ours to drop: written back as read.
            if (!usable)
                keep(compact(text));
        }
    }
    const char *trailing = nullptr;
    if (root.current_location().get(trailing) == simdjson::SUCCESS)
        return notJson(simdjson::TRAILING_CONTENT);
    if (kept)
        qCWarning(lcMsalAuth) << "Token cache: kept" << kept << "entries it cannot use (not objects, or without the required fields) as they are";
    if (!skippedSections.isEmpty()) {
        qCWarning(lcMsalAuth).noquote() << "Token cache: skipped the sections that are not objects:"
                                        << skippedSections.join(QLatin1String(", "));
    }
    if (damage)
        *damage = skippedSections;

    reset();
    m_changed.clear(); // what was just read is the baseline for the next merge
    accessTokens = std::move(fresh->accessTokens);
    refreshTokens = std::move(fresh->refreshTokens);
    idTokens = std::move(fresh->idTokens);
    accounts = std::move(fresh->accounts);
    appMetadata = std::move(fresh->appMetadata);
    otherSections = std::move(fresh->otherSections);
    keptEntries = std::move(fresh->keptEntries);
    reindex();
    return true;
}

} // namespace MsalQt
