#pragma once

#include "emulator.h"

#include <MsalQt/publicclientapplication.h>

#include <QMutex>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace TestSupport {

// Plays the person on the emulator's device login page: a real form POST over HTTP.
bool signInOnDevicePage(const QUrl &verificationUri, const QString &userCode, const QString &username,
                        const QString &password, bool approve, QString *error);

// Every message logged while it lives, with all msalqt categories at debug level.
class LogCapture
{
public:
    LogCapture();
    ~LogCapture();
    QStringList lines() const;
    bool contains(const QString &text) const;

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message);
    QtMessageHandler m_previous;
};

// An interactive sign-in for User.Read through `agent`, waited for (30 s at most); the request
// is the caller's (not deleted when it finishes).
std::unique_ptr<MsalQt::TokenRequest> signIn(MsalQt::PublicClientApplication &app, MsalQt::AuthorizationAgent *agent);

// The emulator's default users.
inline QString alice() { return QStringLiteral("alice@contoso.com"); }
inline QString carol() { return QStringLiteral("carol@outlook.com"); }
inline QString password() { return QStringLiteral("Passw0rd!"); }

} // namespace TestSupport
