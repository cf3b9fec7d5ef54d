#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace MsalQt::Emulator {

// The jti values of client assertions already accepted, kept until the assertion expires:
// RFC 7523 §3 item 7 lets the server refuse a replayed assertion, and the platform does.
class AssertionReplayCache
{
public:
    // True the first time (jti, client) is seen before `expires`; false for a replay.
    bool firstUse(const QString &clientId, const QString &jti, const QDateTime &expires, const QDateTime &now);
    void clear() { m_seen.clear(); }

private:
    QHash<QString, QDateTime> m_seen; // "client\njti" -> expiry
};

} // namespace MsalQt::Emulator
