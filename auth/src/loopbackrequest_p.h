#pragma once

#include "autotestexport_p.h"
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QUrl>

#include <optional>

namespace MsalQt::Internal {

// A browser's request line and headers fit in far less; anything larger is not a redirect.
constexpr qsizetype maxLoopbackRequestSize = 16 * 1024;

// What the system browser sent to the loopback listener (RFC 8252 §7.3), read from the bytes
// buffered so far. Only the request line matters: the redirect's answer is in its target.
struct LoopbackRequest
{
    enum class Status {
        Incomplete, // no end of the header block yet: wait for more
        TooLarge,   // more than maxLoopbackRequestSize without one: drop the connection
        NotGet,     // a request, but no "GET <target> <version>" line: 405
        Get,
    };
    Status status = Status::Incomplete;
    QUrl target; // the request target, for Get
};

MSALQT_AUTH_AUTOTEST_EXPORT LoopbackRequest parseLoopbackRequest(const QByteArray &buffered);

// The URL the browser was sent to: the redirect URI with the target's query, when the target's
// path is the redirect URI's; nullopt for anything else (favicon and the like).
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<QUrl> loopbackRedirect(const QUrl &redirectUri, const QUrl &target);

} // namespace MsalQt::Internal
