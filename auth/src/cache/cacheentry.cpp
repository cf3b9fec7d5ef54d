#include "cacheentry_p.h"

#include "cachejson_p.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <QStringList>

namespace MsalQt::Internal {

QString credentialTypeName(CredentialType type)
{
    switch (type) {
    case CredentialType::AccessToken:
        return QStringLiteral("AccessToken");
    case CredentialType::RefreshToken:
        return QStringLiteral("RefreshToken");
    case CredentialType::IdToken:
        return QStringLiteral("IdToken");
    }
    return {};
}

// The parts joined with '-' and lowercased (lowercase()): keys are derived, not held, so deriving
// them is a good part of a load's work.
static QString lowerJoined(std::initializer_list<QStringView> parts)
{
    qsizetype size = qsizetype(parts.size()) - 1;
    for (const QStringView part : parts)
        size += part.size();
    QString key;
    key.reserve(size);
    bool first = true;
    for (const QStringView part : parts) {
        if (!first)
            key.append(QLatin1Char('-'));
        first = false;
        key.append(part);
    }
    return lowercase(std::move(key));
}

// The key format the other MSAL libraries use:
// <home_account_id>-<environment>-<credential_type>-<client_id>-<realm>-<target>, lowercased.
// Refresh tokens are cross-tenant and cross-scope, so their realm and target are empty.
QString credentialKey(const QString &homeAccountId, const QString &environment, CredentialType type,
                      const QString &clientId, const QString &realm, const QString &target)
{
    const bool refresh = type == CredentialType::RefreshToken;
    const QStringView typeName = type == CredentialType::AccessToken ? u"AccessToken"
        : refresh                                                    ? u"RefreshToken"
                                                                     : u"IdToken";
    return lowerJoined({homeAccountId, environment, typeName, clientId, refresh ? QStringView() : QStringView(realm),
                        type == CredentialType::AccessToken ? QStringView(target) : QStringView()});
}

QString lowercase(QString text)
{
    // Keys, hosts, ids and scopes are nearly always ASCII, and mostly lowercase already: a scan
    // that finds nothing to change, or ASCII letters changed in place, is a fraction of
    // QString::toLower()'s Unicode case lookup per character, which is kept for anything else.
    const qsizetype size = text.size();
    qsizetype i = 0;
    for (const QChar *units = text.constData(); i < size; ++i) {
        const char16_t u = units[i].unicode();
        if (u >= 0x80)
            return std::move(text).toLower();
        if (u >= u'A' && u <= u'Z')
            break;
    }
    if (i == size)
        return text; // shared, not copied
    // The original for toLower(): Qt's case conversion replaces a lone surrogate by U+FFFD only
    // past the first character it changes, so lowering a prefix first would give another result
    // than toLower() of the whole (index keys and lookups must agree, found by fuzz_tokencache).
    const QString original = text; // shared; data() below makes the copy
    QChar *units = text.data();
    for (; i < size; ++i) {
        const char16_t u = units[i].unicode();
        if (u >= 0x80)
            return original.toLower();
        if (u >= u'A' && u <= u'Z')
            units[i] = QChar(char16_t(u + (u'a' - u'A')));
    }
    return text;
}

Partition partitionKey(const QString &homeAccountId, const QString &environment, const QString &clientId,
                       const QString &realm, const QString &userAssertionHash)
{
    // The hash is base64url: case matters, so it is not lowercased.
    return {lowercase(homeAccountId), lowercase(environment), lowercase(clientId), lowercase(realm), userAssertionHash};
}

QString userAssertionHash(const QString &assertion)
{
    return QString::fromLatin1(QCryptographicHash::hash(assertion.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QStringList scopeList(const QString &scopes)
{
    QStringList list = lookupScopes(scopes);
    list.squeeze();
    return list;
}

QStringList lookupScopes(const QString &scopes)
{
    QStringList list = lowercase(scopes).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

QStringList lookupScopes(const QStringList &scopes)
{
    // As lookupScopes(scopes.join(' ')), without the joined string: a scope without a space,
    // the usual one, is kept as it is (shared) when it is lowercase already.
    QStringList list;
    list.reserve(scopes.size());
    for (const QString &scope : scopes) {
        if (scope.contains(QLatin1Char(' ')))
            list.append(lowercase(scope).split(QLatin1Char(' '), Qt::SkipEmptyParts));
        else if (!scope.isEmpty())
            list.append(lowercase(scope));
    }
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

bool containsScopes(const QStringList &scopes, const QStringList &wanted)
{
    for (const QString &scope : wanted) {
        if (!std::binary_search(scopes.cbegin(), scopes.cend(), scope))
            return false;
    }
    return true;
}

bool isReservedScope(QStringView lowercase)
{
    for (const char *reserved : reservedScopes) {
        if (lowercase == QLatin1String(reserved))
            return true;
    }
    return false;
}

bool isOpenIdScope(QStringView lowercase)
{
    return isReservedScope(lowercase) || lowercase == QLatin1String("email");
}

bool resourceScopesOverlap(const QStringList &a, const QStringList &b)
{
    for (const QString &scope : a) {
        if (!isOpenIdScope(scope) && std::binary_search(b.cbegin(), b.cend(), scope))
            return true;
    }
    return false;
}

QString CredentialEntry::key() const
{
    return credentialKey(homeAccountId, environment, type, clientId, realm, target);
}

Partition CredentialEntry::partition() const
{
    return partitionKey(homeAccountId, environment, clientId, realm, userAssertionHash);
}

// A field of a changed entry is written only when its value changed, so that what another
// library wrote (its JSON types, a null, its own spelling of a time) survives our update.
static void setText(QJsonObject *json, const char *name, const QString &value, bool keepWhenEmpty = true)
{
    const QLatin1String key(name);
    const QJsonValue old = json->value(key);
    if (value.isEmpty() && !keepWhenEmpty) {
        if (old.isString() && !old.toString().isEmpty())
            json->remove(key);
        return;
    }
    if (old.isUndefined() || old.toString() != value)
        json->insert(key, value);
}

static void setTime(QJsonObject *json, const char *name, qint64 value)
{
    const QLatin1String key(name);
    const QJsonValue old = json->value(key);
    if (value <= 0) {
        json->remove(key);
        return;
    }
    const bool same = old.isDouble() ? old.toDouble() == double(value) : old.toString() == QString::number(value);
    if (old.isUndefined() || !same)
        json->insert(key, QString::number(value)); // the schema's type: a string of epoch seconds
}

// Whether JSON would write `text` otherwise than as its bytes: a quote, a backslash, a control
// character or a non-ASCII byte. Eight bytes at a time (a save checks every secret it writes).
static bool needsEscape(QByteArrayView text)
{
    constexpr quint64 ones = ~quint64(0) / 255; // 0x0101…01
    constexpr quint64 highs = ones * 0x80;
    const auto hasZero = [](quint64 v) { return (v - ones) & ~v & highs; };
    const char *p = text.data();
    const char *end = p + text.size();
    for (; end - p >= 8; p += 8) {
        quint64 v;
        memcpy(&v, p, 8);
        // With no byte >= 0x80, (v - 0x20 in each byte) borrows into a high bit exactly where a
        // byte is below 0x20.
        if ((v & highs) || ((v - ones * 0x20) & ~v & highs) || hasZero(v ^ (ones * '"'))
            || hasZero(v ^ (ones * '\\')))
            return true;
    }
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
            return true;
    }
    return false;
}

// What `raw` holds, as an object (QJsonDocument reads the escapes a neighbour may write).
static QJsonObject rawObject(const QByteArray &raw)
{
    return raw.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(raw).object();
}

QJsonObject CredentialEntry::toJson() const
{
    QJsonObject json = rawObject(raw);
    if (!changed && !raw.isEmpty())
        return json;
    if (json.value(QLatin1String("credential_type")).toString().compare(credentialTypeName(type), Qt::CaseInsensitive) != 0)
        json.insert(QLatin1String("credential_type"), credentialTypeName(type));
    setText(&json, "home_account_id", homeAccountId);
    setText(&json, "environment", environment);
    setText(&json, "client_id", clientId);
    setText(&json, "secret", secret());
    if (type != CredentialType::RefreshToken)
        setText(&json, "realm", realm);
    if (type == CredentialType::AccessToken) {
        setText(&json, "target", target);
        if (!json.contains(QLatin1String("token_type")))
            json.insert(QLatin1String("token_type"), QStringLiteral("Bearer"));
        setTime(&json, "cached_at", cachedAt);
        setTime(&json, "expires_on", expiresOn);
        setTime(&json, "extended_expires_on", extendedExpiresOn);
        setTime(&json, "refresh_on", refreshOn);
    }
    if (type == CredentialType::RefreshToken)
        setText(&json, "family_id", familyId, false);
    if (type != CredentialType::IdToken) {
        const bool nodeSpelling = json.contains(QLatin1String("userAssertionHash"));
        setText(&json, nodeSpelling ? "userAssertionHash" : "user_assertion_hash", userAssertionHash, false);
    }
    return json;
}

// What toJson() makes of an entry with nothing read, written without building the object: the
// same members in the same (sorted) order. A save of 10,000 new tokens spent most of its time
// building QJsonObjects.
void CredentialEntry::appendNew(QByteArray *out) const
{
    // Each member's punctuation and name go out in one append (and a time with them): a load
    // writes every entry it reads this way to see whether it needs its text (dropRawIfCanonical).
    char separator = '{';
    char buffer[64];
    const auto startMember = [&](QByteArrayView name) {
        buffer[0] = separator;
        buffer[1] = '"';
        memcpy(buffer + 2, name.data(), size_t(name.size()));
        buffer[name.size() + 2] = '"';
        buffer[name.size() + 3] = ':';
        separator = ',';
        return name.size() + 4;
    };
    const auto text = [&](QByteArrayView name, QStringView value) {
        out->append(buffer, startMember(name));
        CacheJson::appendString(out, value);
    };
    const auto time = [&](QByteArrayView name, qint64 value) {
        if (value <= 0)
            return;
        qsizetype size = startMember(name);
        buffer[size++] = '"';
        const auto end = std::to_chars(buffer + size, buffer + sizeof(buffer) - 1, value).ptr;
        *end = '"';
        out->append(buffer, end + 1 - buffer);
    };
    const auto member = [&](QByteArrayView name) { out->append(buffer, startMember(name)); };
    const bool access = type == CredentialType::AccessToken;
    if (access)
        time("cached_at", cachedAt);
    text("client_id", clientId);
    text("credential_type", credentialTypeName(type));
    text("environment", environment);
    if (access) {
        time("expires_on", expiresOn);
        time("extended_expires_on", extendedExpiresOn);
    }
    if (type == CredentialType::RefreshToken && !familyId.isEmpty())
        text("family_id", familyId);
    text("home_account_id", homeAccountId);
    if (type != CredentialType::RefreshToken)
        text("realm", realm);
    if (access)
        time("refresh_on", refreshOn);
    member("secret");
    out->append('"').append(secretBytes()).append('"'); // base64url and dots: nothing to escape
    if (access) {
        text("target", target);
        text("token_type", u"Bearer");
    }
    if (type != CredentialType::IdToken && !userAssertionHash.isEmpty())
        text("user_assertion_hash", userAssertionHash);
    out->append('}');
}

bool CredentialEntry::dropRawIfCanonical()
{
    if (raw.isEmpty() || secretOffset < 0 || needsEscape(secretBytes()))
        return false;
    // appendNew() writes the secret from `raw`, where it lies unescaped.
    QByteArray canonical;
    canonical.reserve(raw.size());
    appendNew(&canonical);
    if (canonical != raw)
        return false;
    ownSecret = secretBytes().toByteArray();
    secretOffset = -1;
    secretSize = 0;
    raw = QByteArray();
    return true;
}

void CredentialEntry::appendJson(QByteArray *out) const
{
    if (!changed && !raw.isEmpty())
        out->append(raw);
    else if (raw.isEmpty() && !needsEscape(secretBytes()))
        appendNew(out);
    else
        CacheJson::appendValue(out, toJson());
}

// <home_account_id>-<environment>-<realm>, lowercased.
QString AccountEntry::key() const
{
    return lowerJoined({homeAccountId, environment, realm});
}

QJsonObject AccountEntry::toJson() const
{
    QJsonObject json = rawObject(raw); // client_info, tenantProfiles and whatever else a neighbour keeps
    if (!changed)
        return json;
    setText(&json, "home_account_id", homeAccountId);
    setText(&json, "environment", environment);
    setText(&json, "realm", realm);
    setText(&json, "local_account_id", localAccountId);
    setText(&json, "username", username);
    setText(&json, "authority_type", authorityType);
    if (!name.isEmpty())
        setText(&json, "name", name);
    return json;
}

// What toJson() makes of an account with nothing read, in the same (sorted) order, without
// building the object.
void AccountEntry::appendNew(QByteArray *out) const
{
    char separator = '{';
    const auto text = [&](const char *name, QStringView value) {
        out->append(separator).append('"').append(name).append("\":");
        separator = ',';
        CacheJson::appendString(out, value);
    };
    text("authority_type", authorityType);
    text("environment", environment);
    text("home_account_id", homeAccountId);
    text("local_account_id", localAccountId);
    if (!name.isEmpty())
        text("name", name);
    text("realm", realm);
    text("username", username);
    out->append('}');
}

void AccountEntry::appendJson(QByteArray *out) const
{
    if (!changed && !raw.isEmpty())
        out->append(raw);
    else if (raw.isEmpty())
        appendNew(out);
    else
        CacheJson::appendValue(out, toJson());
}

} // namespace MsalQt::Internal
