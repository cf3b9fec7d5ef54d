#pragma once

#include "authorizationcodestore.h"
#include "consentstore.h"
#include "sessionstore.h"

#include <QString>

namespace MsalQt::Emulator {

// What the interactive (browser) side of the emulator remembers between requests, plus its
// test switches. Lives in Services so that /authorize and the authorization_code grant share it.
struct AuthorizationState {
    AuthorizationCodeStore codes;
    SessionStore sessions;
    ConsentStore consents;

    int codeLifetimeSeconds = 600;      // the platform's 10 minutes
    bool responseIssuer = false;        // RFC 9207 "iss"; the platform does not send it
    QString autoSignInUsername;         // non-empty: /authorize signs this user in without pages

    // After a directory change codes, sessions and consents point at users that may be gone.
    void clear()
    {
        codes.clear();
        sessions.clear();
        consents.clear();
    }
};

} // namespace MsalQt::Emulator
