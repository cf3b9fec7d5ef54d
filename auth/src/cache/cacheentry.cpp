#include "cacheentry_p.h"

#include "boundednumber_p.h"

#include <QCryptographicHash>
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

QSet<QString> scopeSet(const QString &scopes)
{
    QSet<QString> set;
    for (const QString &scope : scopes.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        set.insert(scope.toLower());
    return set;
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

static void writeTime(QJsonObject *json, const char *name, qint64 value)
{
    if (value > 0)
        json->insert(QLatin1String(name), QString::number(value));
    else
        json->remove(QLatin1String(name));
}

QJsonObject CredentialEntry::toJson() const
{
    QJsonObject json = raw;
    const auto set = [&json](const char *name, const QString &value, bool always = true) {
        if (always || !value.isEmpty())
            json.insert(QLatin1String(name), value);
        else
            json.remove(QLatin1String(name));
    };
    set("credential_type", credentialTypeName(type));
    set("home_account_id", homeAccountId);
    set("environment", environment);
    set("client_id", clientId);
    set("secret", secret);
    if (type != CredentialType::RefreshToken)
        set("realm", realm);
    if (type == CredentialType::AccessToken) {
        set("target", target);
        set("token_type", raw.value(QLatin1String("token_type")).toString(QStringLiteral("Bearer")));
        writeTime(&json, "cached_at", cachedAt);
        writeTime(&json, "expires_on", expiresOn);
        writeTime(&json, "extended_expires_on", extendedExpiresOn);
        writeTime(&json, "refresh_on", refreshOn);
    }
    if (type == CredentialType::RefreshToken)
        set("family_id", familyId, false);
    if (type != CredentialType::IdToken)
        set("user_assertion_hash", userAssertionHash, false);
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
    entry->scopes = scopeSet(entry->target);
    entry->secret = text("secret");
    const bool timesValid = readTime(json, "cached_at", &entry->cachedAt)
        && readTime(json, "expires_on", &entry->expiresOn)
        && readTime(json, "extended_expires_on", &entry->extendedExpiresOn)
        && readTime(json, "refresh_on", &entry->refreshOn);
    entry->userAssertionHash = text("user_assertion_hash");
    entry->raw = json;
    // Without these an entry can never be found or used; skip it rather than fail the cache.
    if (!timesValid || entry->secret.isEmpty() || entry->environment.isEmpty() || entry->clientId.isEmpty())
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
    QJsonObject json = raw;
    json.insert(QLatin1String("home_account_id"), homeAccountId);
    json.insert(QLatin1String("environment"), environment);
    json.insert(QLatin1String("realm"), realm);
    json.insert(QLatin1String("local_account_id"), localAccountId);
    json.insert(QLatin1String("username"), username);
    json.insert(QLatin1String("authority_type"), authorityType);
    if (!name.isEmpty())
        json.insert(QLatin1String("name"), name);
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
    entry->raw = json;
    return !entry->homeAccountId.isEmpty() && !entry->environment.isEmpty();
}

} // namespace MsalQt::Internal
