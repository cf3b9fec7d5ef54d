#include "sessionstore.h"

#include <QDateTime>
#include <QUuid>

namespace MsalQt::Emulator {

namespace {

// Sessions of a long-running emulator are capped; the oldest are not tracked, so any is dropped.
constexpr qsizetype maxSessions = 1000;

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

const QString SessionStore::cookieName = QStringLiteral("ESTSAUTH");

const BrowserSession *SessionStore::fromCookieHeader(const QByteArray &cookieHeader) const
{
    const QByteArray name = cookieName.toLatin1();
    for (const QByteArray &part : cookieHeader.split(';')) {
        const QByteArray item = part.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq > 0 && item.left(eq) == name) {
            if (const BrowserSession *s = find(QString::fromLatin1(item.mid(eq + 1))))
                return s;
        }
    }
    return nullptr;
}

const BrowserSession *SessionStore::find(const QString &id) const
{
    const auto it = m_sessions.constFind(id);
    return it == m_sessions.cend() ? nullptr : &*it;
}

QString SessionStore::signIn(const QString &sessionId, const QString &userOid)
{
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        if (m_sessions.size() >= maxSessions)
            m_sessions.erase(m_sessions.begin());
        BrowserSession session{QUuid::createUuid().toString(QUuid::Id128), newGuid(), {}, {}};
        it = m_sessions.insert(session.id, session);
    }
    it->userOids.removeAll(userOid);
    it->userOids.prepend(userOid);
    it->signedInAt.insert(userOid, QDateTime::currentSecsSinceEpoch());
    return it->id;
}

qint64 SessionStore::authTime(const QString &sessionId, const QString &userOid) const
{
    const BrowserSession *session = find(sessionId);
    return session ? session->signedInAt.value(userOid) : 0;
}

QByteArray SessionStore::setCookieHeader(const QString &sessionId)
{
    return cookieName.toLatin1() + '=' + sessionId.toLatin1() + "; Path=/; HttpOnly; SameSite=Lax";
}

void SessionStore::signOut(const QByteArray &cookieHeader)
{
    if (const BrowserSession *session = fromCookieHeader(cookieHeader))
        m_sessions.remove(session->id);
}

QByteArray SessionStore::clearCookieHeader()
{
    return cookieName.toLatin1() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
}

} // namespace MsalQt::Emulator
