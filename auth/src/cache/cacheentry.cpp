#include "cacheentry_p.h"

#include "boundednumber_p.h"

#include <QCryptographicHash>

#include <algorithm>
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

// The key format the other MSAL libraries use:
// <home_account_id>-<environment>-<credential_type>-<client_id>-<realm>-<target>, lowercased.
// Refresh tokens are cross-tenant and cross-scope, so their realm and target are empty.
QString credentialKey(const QString &homeAccountId, const QString &environment, CredentialType type,
                      const QString &clientId, const QString &realm, const QString &target)
{
    const bool refresh = type == CredentialType::RefreshToken;
    return QStringList{homeAccountId, environment, credentialTypeName(type), clientId,
                       refresh ? QString() : realm,
                       type == CredentialType::AccessToken ? target : QString()}
        .join(QLatin1Char('-'))
        .toLower();
}

Partition partitionKey(const QString &homeAccountId, const QString &environment, const QString &clientId,
                       const QString &realm, const QString &userAssertionHash)
{
    // The hash is base64url: case matters, so it is not lowercased.
    return {homeAccountId.toLower(), environment.toLower(), clientId.toLower(), realm.toLower(), userAssertionHash};
}

QString userAssertionHash(const QString &assertion)
{
    return QString::fromLatin1(QCryptographicHash::hash(assertion.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QStringList scopeList(const QString &scopes)
{
    QStringList list = scopes.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    list.squeeze();
    return list;
}

QSet<QString> scopeSet(const QString &scopes)
{
    const QStringList list = scopeList(scopes);
    return QSet<QString>(list.cbegin(), list.cend());
}

bool containsScopes(const QStringList &scopes, const QSet<QString> &wanted)
{
    for (const QString &scope : wanted) {
        if (!std::binary_search(scopes.cbegin(), scopes.cend(), scope))
            return false;
    }
    return true;
}

static bool isOpenIdScope(const QString &scope)
{
    return scope == QLatin1String("openid") || scope == QLatin1String("profile") || scope == QLatin1String("email")
        || scope == QLatin1String("offline_access");
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

// Timestamps are strings of epoch seconds in the schema; some writers use numbers. A cache file is
// input like any other (another library, another user, a damaged disk): a value outside
// [0, year 9999] makes the entry unusable rather than reach a cast (boundednumber_p.h).
static bool readTime(const QJsonObject &json, const char *name, qint64 *out)
{
    const QJsonValue value = json.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())) {
        *out = 0;
        return true;
    }
    const auto seconds = boundedInteger(value, 0, maxEpochSeconds);
    *out = seconds.value_or(0);
    return seconds.has_value();
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

QJsonObject CredentialEntry::toJson() const
{
    QJsonObject json = raw;
    if (!changed) {
        json.insert(QLatin1String("secret"), secret()); // kept once, in `secret`
        return json;
    }
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

bool CredentialEntry::fromJson(CredentialType type, const QJsonObject &json, CredentialEntry *entry)
{
    const auto text = [&json](const char *name) { return json.value(QLatin1String(name)).toString(); };
    entry->type = type;
    entry->homeAccountId = text("home_account_id");
    entry->environment = text("environment");
    entry->clientId = text("client_id");
    entry->familyId = text("family_id");
    entry->realm = text("realm");
    entry->target = text("target");
    entry->scopes = scopeList(entry->target);
    entry->setSecret(text("secret"));
    const bool timesValid = readTime(json, "cached_at", &entry->cachedAt)
        && readTime(json, "expires_on", &entry->expiresOn)
        && readTime(json, "extended_expires_on", &entry->extendedExpiresOn)
        && readTime(json, "refresh_on", &entry->refreshOn);
    entry->userAssertionHash = text("user_assertion_hash");
    if (entry->userAssertionHash.isEmpty())
        entry->userAssertionHash = text("userAssertionHash"); // msal-node's name
    const QString tokenType = text("token_type");
    const QString credentialType = text("credential_type");
    entry->bearer = type == CredentialType::AccessToken
        && (credentialType.isEmpty() || credentialType.compare(QLatin1String("AccessToken"), Qt::CaseInsensitive) == 0)
        && (tokenType.isEmpty() || tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) == 0)
        && !json.contains(QLatin1String("key_id"));
    entry->changed = false;
    // The largest field is held once, in `secret`. A copy without it, since removing a member
    // leaves its bytes in the parsed object's buffer.
    entry->raw = QJsonObject();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != QLatin1String("secret"))
            entry->raw.insert(it.key(), it.value());
    }
    // Without these an entry can never be found or used; skip it rather than fail the cache.
    if (!timesValid || entry->secretUtf8.isEmpty() || entry->environment.isEmpty() || entry->clientId.isEmpty())
        return false;
    return type != CredentialType::AccessToken || entry->expiresOn > 0;
}

// <home_account_id>-<environment>-<realm>, lowercased.
QString AccountEntry::key() const
{
    return QStringList{homeAccountId, environment, realm}.join(QLatin1Char('-')).toLower();
}

QJsonObject AccountEntry::toJson() const
{
    if (!changed)
        return raw;
    QJsonObject json = raw; // client_info, tenantProfiles and whatever else a neighbour keeps
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

bool AccountEntry::fromJson(const QJsonObject &json, AccountEntry *entry)
{
    const auto text = [&json](const char *name) { return json.value(QLatin1String(name)).toString(); };
    entry->homeAccountId = text("home_account_id");
    entry->environment = text("environment");
    entry->realm = text("realm");
    entry->localAccountId = text("local_account_id");
    entry->username = text("username");
    entry->name = text("name");
    entry->authorityType = text("authority_type");
    entry->changed = false;
    entry->raw = json;
    return !entry->homeAccountId.isEmpty() && !entry->environment.isEmpty();
}

} // namespace MsalQt::Internal
