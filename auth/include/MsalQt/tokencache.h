#pragma once

#include <MsalQt/account.h>
#include <MsalQt/msalqt_global.h>

#include <QList>
#include <QObject>
#include <QScopedPointer>

namespace MsalQt {

class TokenCachePrivate;

/// The tokens and accounts an application holds, in the MSAL unified cache schema (AccessToken,
/// RefreshToken, IdToken, Account, AppMetadata, with the same keys and field names), so that a
/// cache serialized here is read by the other MSAL libraries and the other way round. Every flow
/// writes what it gets; acquireTokenSilent() is served from it. Lookups are hash-indexed.
class MSALQT_AUTH_EXPORT TokenCache : public QObject
{
    Q_OBJECT
public:
    /// An empty cache. An application has one (ClientApplication::tokenCache()).
    explicit TokenCache(QObject *parent = nullptr);
    /// Destroys the cache.
    ~TokenCache() override;

    /// The accounts in the cache.
    QList<Account> accounts() const;
    /// The account with `homeAccountId` (compared without regard to case); null if there is none.
    Account account(const QString &homeAccountId) const;
    /// Removes the account and every token of it. Returns false if there was no such account.
    bool removeAccount(const Account &account);
    /// Removes every account and token.
    void clear();
    /// Whether the cache holds no account and no token.
    bool isEmpty() const;

    /// The unified-schema JSON. deserialize() replaces the contents; on malformed input it returns
    /// false, says why, and leaves the cache as it was. What deserialize() read but cannot use
    /// (other libraries' sections and entries) is written back as it was read.
    QByteArray serialize() const;
    /// Replaces the contents with the unified-schema JSON `json`. On malformed input (not a JSON
    /// object, or one whose AccessToken, RefreshToken, IdToken, Account or AppMetadata member is
    /// not an object) returns false, sets `*error` to why (when `error` is not null) and leaves the
    /// cache as it was. An entry of those sections that is not an object, or lacks the fields a
    /// lookup needs, is not malformed input: it is never served, and serialize() writes it back
    /// unchanged, unless a token stored under its key replaces it.
    bool deserialize(const QByteArray &json, QString *error = nullptr);

Q_SIGNALS:
    /// The contents changed: a token or account was stored or removed, or the cache was
    /// cleared or deserialized.
    void changed();

private:
    Q_DECLARE_PRIVATE(TokenCache)
    const QScopedPointer<TokenCachePrivate> d_ptr;
    friend class TokenCachePrivate;
};

} // namespace MsalQt
