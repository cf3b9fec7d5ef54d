#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace MsalQt::Emulator {

// One browser's sign-in session, identified by the session cookie.
struct BrowserSession {
    QString id;           // the cookie value
    QString sessionState; // the "session_state" returned with every authorize response
    QStringList userOids; // signed-in accounts, most recent first
    QHash<QString, qint64> signedInAt; // when each account last entered its credentials (auth_time)
};

// The emulator's browser sessions (the platform's ESTSAUTH cookies). They are what makes
// prompt=none and the account chooser work.
class SessionStore
{
public:
    static const QString cookieName;

    // The session named by the request's Cookie header value, or null.
    const BrowserSession *fromCookieHeader(const QByteArray &cookieHeader) const;
    // Adds the user to the session (creating one when id is empty or unknown); returns its id.
    QString signIn(const QString &sessionId, const QString &userOid);
    const BrowserSession *find(const QString &id) const;
    // When the user last signed in actively in that session (seconds since the epoch), or 0.
    qint64 authTime(const QString &sessionId, const QString &userOid) const;
    // The Set-Cookie value for a session: HttpOnly, SameSite=Lax, Path=/ (a session cookie).
    static QByteArray setCookieHeader(const QString &sessionId);
    // Ends the session the cookie names (sign-out); the answer should carry clearCookieHeader().
    void signOut(const QByteArray &cookieHeader);
    static QByteArray clearCookieHeader();
    void clear() { m_sessions.clear(); }

private:
    QHash<QString, BrowserSession> m_sessions;
};

} // namespace MsalQt::Emulator
