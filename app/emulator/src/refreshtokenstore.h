#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace MsalQt::Emulator {

// What a refresh token stands for. Real refresh tokens are opaque to clients; ours are
// random strings pointing into this store.
struct RefreshGrant {
    QString userOid;
    QString clientId;
    QString tenantId;  // tid the tokens were issued in
    QString scope;     // the scope string originally requested
    QDateTime issuedAt;
    bool revoked = false;
    QDateTime revokedAt;
};

class RefreshTokenStore
{
public:
    QString issue(const QString &userOid, const QString &clientId, const QString &tenantId, const QString &scope);
    // Null for a token this emulator never issued.
    const RefreshGrant *find(const QString &token) const;
    // Revokes every refresh token issued to the user so far (as a password reset or
    // "revoke sessions" does); tokens issued afterwards are fine.
    void revokeUser(const QString &userOid);
    void clear() { m_grants.clear(); }

private:
    QHash<QString, RefreshGrant> m_grants;
};

} // namespace MsalQt::Emulator
