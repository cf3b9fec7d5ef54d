#include "consentstore.h"

namespace MsalQt::Emulator {

QString ConsentStore::key(const QString &userOid, const QString &clientId)
{
    return userOid.toLower() + QLatin1Char('|') + clientId.toLower();
}

QStringList ConsentStore::missing(const QString &userOid, const QString &clientId, const QStringList &permissions) const
{
    const QSet<QString> granted = m_grants.value(key(userOid, clientId));
    QStringList out;
    for (const QString &p : permissions) {
        if (!granted.contains(p.toLower()))
            out << p;
    }
    return out;
}

void ConsentStore::grant(const QString &userOid, const QString &clientId, const QStringList &permissions)
{
    QSet<QString> &granted = m_grants[key(userOid, clientId)];
    for (const QString &p : permissions)
        granted.insert(p.toLower());
}

} // namespace MsalQt::Emulator
