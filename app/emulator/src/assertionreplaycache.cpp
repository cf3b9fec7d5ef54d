#include "assertionreplaycache.h"

namespace MsalQt::Emulator {

bool AssertionReplayCache::firstUse(const QString &clientId, const QString &jti, const QDateTime &expires,
                                    const QDateTime &now)
{
    // Expired entries go first, so the cache holds only what could still be replayed.
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (it.value() < now)
            it = m_seen.erase(it);
        else
            ++it;
    }
    const QString key = clientId.toLower() + QLatin1Char('\n') + jti;
    if (m_seen.contains(key))
        return false;
    m_seen.insert(key, expires);
    return true;
}

} // namespace MsalQt::Emulator
