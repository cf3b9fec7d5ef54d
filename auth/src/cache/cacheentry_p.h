#pragma once

#include "autotestexport_p.h"
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QHashFunctions>
#include <QJsonObject>
#include <QStringList>
#include <QString>

namespace MsalQt::Internal {

// The unified cache schema's credential types, as they appear in keys (lowercased) and in the
// "credential_type" field.
enum class CredentialType { AccessToken, RefreshToken, IdToken };

MSALQT_AUTH_AUTOTEST_EXPORT QString credentialTypeName(CredentialType type);

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

// One AccessToken, RefreshToken or IdToken entry. An entry read from storage keeps its JSON text
// as read (`raw`, compact), fields of other MSAL libraries included, and is written back as those
// very bytes while unchanged (`changed` false): another library may look its entries up by exact
// equality (MSAL Python finds app tokens by `home_account_id: null`). A changed one is `raw` with
// only the fields whose values changed replaced. The typed members are parsed once, for lookups;
// the secret, the largest field, is not held twice but read from `raw` (cacheload.cpp).
struct MSALQT_AUTH_AUTOTEST_EXPORT CredentialEntry
{
    CredentialType type = CredentialType::AccessToken;
    QString homeAccountId;
    QString environment;
    QString clientId;
    QString familyId;
    QString realm;
    QString target;          // space-separated scopes, as granted
    QStringList scopes;      // the target, lowercased, sorted, each once (scopeList())
    // The token itself, as UTF-8 (tokens are ASCII).
    QString secret() const { return QString::fromUtf8(secretBytes()); }
    QByteArrayView secretBytes() const
    {
        return secretOffset >= 0 ? QByteArrayView(raw.constData() + secretOffset, secretSize)
                                 : QByteArrayView(ownSecret);
    }
    void setSecret(const QString &secret)
    {
        ownSecret = secret.toUtf8();
        ownSecret.squeeze(); // toUtf8() reserves three bytes a character
        secretOffset = -1;
        secretSize = 0;
    }
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
    // The entry's JSON object as read, compact; empty for an entry made by this process.
    QByteArray raw;
    // Where the secret lies in `raw` (an unescaped string there), or -1: then it is `ownSecret`.
    qint32 secretOffset = -1;
    qint32 secretSize = 0;
    QByteArray ownSecret;

    QString key() const;
    struct Partition partition() const; // what a lookup knows: account, environment, client, realm
    QJsonObject toJson() const;
    // As toJson(), written: `raw` itself while unchanged.
    void appendJson(QByteArray *out) const;
    // An entry read as exactly the bytes its fields are written as (one this library wrote, and
    // nobody changed since) needs no `raw`: it goes, and the secret is held alone. True if so.
    bool dropRawIfCanonical();

private:
    void appendNew(QByteArray *out) const;
};

struct MSALQT_AUTH_AUTOTEST_EXPORT AccountEntry
{
    QString homeAccountId;
    QString environment;
    QString realm;
    QString localAccountId;
    QString username;
    QString name;
    QString authorityType; // "MSSTS" for the Microsoft identity platform, "Generic" otherwise
    bool changed = true; // as for CredentialEntry: an unchanged account is written back as read
    QByteArray raw;      // as read, compact: client_info, tenantProfiles and whatever else

    QString key() const;
    QJsonObject toJson() const;
    void appendJson(QByteArray *out) const;

private:
    void appendNew(QByteArray *out) const;
};

MSALQT_AUTH_AUTOTEST_EXPORT QString credentialKey(const QString &homeAccountId, const QString &environment,
                                         CredentialType type, const QString &clientId,
                                         const QString &realm, const QString &target);
MSALQT_AUTH_AUTOTEST_EXPORT Partition partitionKey(const QString &homeAccountId, const QString &environment,
                                         const QString &clientId, const QString &realm,
                                         const QString &userAssertionHash = {});
// The user_assertion_hash of an on-behalf-of request's incoming token.
MSALQT_AUTH_AUTOTEST_EXPORT QString userAssertionHash(const QString &assertion);
// QString::toLower(), with ASCII text (what keys, hosts, ids and scopes nearly always are) lowered
// in place, or returned as it is when already lowercase, without Qt's Unicode lookup per character.
MSALQT_AUTH_AUTOTEST_EXPORT QString lowercase(QString text);
// A target's scopes, lowercased, sorted, each once: a few strings in a list, where a QSet's
// smallest table costs about a kilobyte per cached token.
MSALQT_AUTH_AUTOTEST_EXPORT QStringList scopeList(const QString &scopes);
// The same for the scopes a request asks for, not squeezed (a lookup's list does not stay).
// A list rather than a QSet: a set's smallest table is allocated, cleared and walked whole.
MSALQT_AUTH_AUTOTEST_EXPORT QStringList lookupScopes(const QString &scopes);
// The same for scopes given one by one (each may hold several, space-separated).
MSALQT_AUTH_AUTOTEST_EXPORT QStringList lookupScopes(const QStringList &scopes);
// Whether the sorted `scopes` hold every one of `wanted` (lowercase, in any order).
MSALQT_AUTH_AUTOTEST_EXPORT bool containsScopes(const QStringList &scopes, const QStringList &wanted);
// The scopes MSAL adds to every user request (its reserved scopes): they bring the ID token and the
// refresh token, a server need not echo them in the granted scope, and so a cached token is looked
// up without them. Lowercase.
inline constexpr const char *reservedScopes[] = {"openid", "profile", "offline_access"};
MSALQT_AUTH_AUTOTEST_EXPORT bool isReservedScope(QStringView lowercase);
// The reserved scopes and `email`: the OpenID Connect scopes the platform echoes in every answer
// that asked for them. Left out when two tokens' scopes are compared (resourceScopesOverlap()).
MSALQT_AUTH_AUTOTEST_EXPORT bool isOpenIdScope(QStringView lowercase);
// Whether two access tokens overlap: a scope in common other than the OpenID Connect scopes
// (openid, profile, email, offline_access), which the platform adds to every answer; MSAL leaves
// them out before comparing too.
MSALQT_AUTH_AUTOTEST_EXPORT bool resourceScopesOverlap(const QStringList &a, const QStringList &b);

} // namespace MsalQt::Internal
