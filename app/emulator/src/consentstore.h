#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace MsalQt::Emulator {

// Which permissions each user has granted to each app (the directory's oauth2PermissionGrants).
// Permissions are "<resource appId>/<scope>" or the bare OIDC scope names.
class ConsentStore
{
public:
    // The subset of `permissions` the user has not granted to the app yet.
    QStringList missing(const QString &userOid, const QString &clientId, const QStringList &permissions) const;
    void grant(const QString &userOid, const QString &clientId, const QStringList &permissions);
    void clear() { m_grants.clear(); }

private:
    static QString key(const QString &userOid, const QString &clientId);

    QHash<QString, QSet<QString>> m_grants;
};

} // namespace MsalQt::Emulator
