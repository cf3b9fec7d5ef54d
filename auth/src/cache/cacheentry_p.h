#pragma once

#include <MsalQt/msalqt_global.h>

#include <QHashFunctions>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <QString>

namespace MsalQt::Internal {

// The unified cache schema's credential types, as they appear in keys (lowercased) and in the
// "credential_type" field.
enum class CredentialType { AccessToken, RefreshToken, IdToken };

MSALQT_AUTH_EXPORT QString credentialTypeName(CredentialType type);

// What a lookup knows of an access token: account, environment, client and tenant, lowercased.
// A struct rather than a joined string, so that a lookup builds no string but the lowercase ones.
struct Partition
{
    QString homeAccountId;
    QString environment;
    QString clientId;
    QString realm;
    // On-behalf-of tokens are a partition of their own per incoming user assertion: no other
    // lookup (nor another user's assertion) ever sees them, and storing one replaces nothing else.
    QString userAssertionHash;
    bool operator==(const Partition &other) const
    {
        return homeAccountId == other.homeAccountId && environment == other.environment
            && clientId == other.clientId && realm == other.realm
            && userAssertionHash == other.userAssertionHash;
    }
};

inline size_t qHash(const Partition &key, size_t seed = 0)
{
    return qHashMulti(seed, key.homeAccountId, key.environment, key.clientId, key.realm, key.userAssertionHash);
}

// One AccessToken, RefreshToken or IdToken entry. `raw` holds the entry exactly as stored,
// fields of other MSAL libraries included, so that a round trip loses nothing; the typed members
// are parsed from it once, for lookups. An entry read and never changed (`changed` false) is
// written back as `raw`, with the same fields and the same JSON types: another library may look
// its entries up by exact equality (MSAL Python finds app tokens by `home_account_id: null`). A
// changed one is `raw` with only the fields whose values changed replaced.
struct CredentialEntry
{
    CredentialType type = CredentialType::AccessToken;
    QString homeAccountId;
    QString environment;
    QString clientId;
    QString familyId;
    QString realm;
    QString target;          // space-separated scopes, as granted
    QStringList scopes;      // the target, lowercased, sorted, each once (scopeList())
    // The token itself, held as UTF-8 (tokens are ASCII): half the memory of a QString.
    QString secret() const { return QString::fromUtf8(secretUtf8); }
    void setSecret(const QString &secret)
    {
        secretUtf8 = secret.toUtf8();
        secretUtf8.squeeze(); // toUtf8() reserves three bytes a character
    }
    QByteArray secretUtf8;
    qint64 cachedAt = 0;
    qint64 expiresOn = 0;
    qint64 extendedExpiresOn = 0;
    qint64 refreshOn = 0;
    // MSAL's user_assertion_hash: base64url SHA-256 of the user token an on-behalf-of request
    // exchanged (as MSAL.NET computes it); empty for every other flow. msal-node names the field
    // userAssertionHash, with the same value: both are read, and an entry keeps its own name.
    QString userAssertionHash;
    // Whether an access token may answer a Bearer request: credential_type AccessToken, and a
    // token_type of Bearer (or none). Proof-of-possession (token_type pop, with a key_id), SSH
    // certificates and AccessToken_With_AuthScheme entries are kept, never served nor replaced.
    bool bearer = true;
    bool changed = true; // false for an entry as read from storage
    QJsonObject raw;

    QString key() const;
    struct Partition partition() const; // what a lookup knows: account, environment, client, realm
    QJsonObject toJson() const;
    static bool fromJson(CredentialType type, const QJsonObject &json, CredentialEntry *entry);
};

struct AccountEntry
{
    QString homeAccountId;
    QString environment;
    QString realm;
    QString localAccountId;
    QString username;
    QString name;
    QString authorityType; // "MSSTS" for the Microsoft identity platform, "Generic" otherwise
    bool changed = true; // as for CredentialEntry: an unchanged account is written back as read
    QJsonObject raw;

    QString key() const;
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, AccountEntry *entry);
};

MSALQT_AUTH_EXPORT QString credentialKey(const QString &homeAccountId, const QString &environment,
                                         CredentialType type, const QString &clientId,
                                         const QString &realm, const QString &target);
MSALQT_AUTH_EXPORT Partition partitionKey(const QString &homeAccountId, const QString &environment,
                                         const QString &clientId, const QString &realm,
                                         const QString &userAssertionHash = {});
// The user_assertion_hash of an on-behalf-of request's incoming token.
MSALQT_AUTH_EXPORT QString userAssertionHash(const QString &assertion);
// A target's scopes, lowercased, sorted, each once: a few strings in a list, where a QSet's
// smallest table costs about a kilobyte per cached token.
MSALQT_AUTH_EXPORT QStringList scopeList(const QString &scopes);
// The scopes a request asks for, lowercased, for containsScopes().
MSALQT_AUTH_EXPORT QSet<QString> scopeSet(const QString &scopes);
// Whether the sorted `scopes` hold every one of `wanted`.
MSALQT_AUTH_EXPORT bool containsScopes(const QStringList &scopes, const QSet<QString> &wanted);
// Whether two access tokens overlap: a scope in common other than the OpenID Connect scopes
// (openid, profile, email, offline_access), which the platform adds to every answer; MSAL leaves
// them out before comparing too.
MSALQT_AUTH_EXPORT bool resourceScopesOverlap(const QStringList &a, const QStringList &b);

} // namespace MsalQt::Internal
