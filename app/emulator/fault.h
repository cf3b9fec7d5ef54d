#pragma once

#include <QByteArray>
#include <QString>

namespace MsalQt::Emulator {

// One injected misbehaviour. Faults are matched in the order they were added, before the
// request reaches its normal handler, so a test can make the "platform" fail in exactly the
// ways the client must survive.
struct Fault {
    enum Kind {
        HttpStatus,      // that status with a platform-shaped error body (+ Retry-After when set)
        Throttle,        // 429 (+ Retry-After when set)
        MalformedJson,   // 200, JSON content type, HTML body
        TruncatedJson,   // the normal answer with its body cut in half (Content-Length matches)
        Delay,           // the normal answer after delayMs
        CloseConnection, // the socket is aborted without an answer
        ServiceError,    // a platform error body built from error/aadstsCode/subError/claims
        Body             // `body` verbatim as JSON (status 200 unless set): a hostile or broken answer
    };

    Kind kind = HttpStatus;
    // Matched as a suffix of the request path, e.g. "/oauth2/v2.0/token", "/oauth2/v2.0/devicecode",
    // "/v2.0/.well-known/openid-configuration", "/discovery/v2.0/keys", "/discovery/instance",
    // "/v1.0/me", "/v1.0/me/todo/lists", "/oauth2/v2.0/authorize". Empty matches every path.
    // A ServiceError on "/oauth2/v2.0/authorize" is answered as an error redirect to the app
    // (error, error_description, error_uri, suberror, state) as soon as the request arrives,
    // provided its client_id and redirect_uri are valid (otherwise the usual error page).
    QString path;
    // Optional: only token requests whose form carries this grant_type.
    QString grantType;
    // HTTP status. 0 means the kind's default: 500 for HttpStatus, 400 for ServiceError.
    int status = 0;
    // HttpStatus and Throttle: a Retry-After header is added when >= 0.
    int retryAfterSeconds = -1;
    // Delay: answer normally after this many milliseconds.
    int delayMs = 0;
    // How many matching requests the fault applies to; -1 = until clearFaults().
    int times = 1;

    // ServiceError: the platform error body.
    QString error;       // e.g. "invalid_grant", "slow_down", "interaction_required"
    int aadstsCode = 0;  // e.g. 50076; 0 = no AADSTS prefix and no error_codes
    QString subError;    // e.g. "basic_action"
    QString claims;      // claims challenge JSON string
    QString description; // text after "AADSTSnnnn: "

    // Body: the answer's bytes.
    QByteArray body;
};

} // namespace MsalQt::Emulator
