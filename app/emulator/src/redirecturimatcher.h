#pragma once

#include <QString>
#include <QStringList>

namespace MsalQt::Emulator {

// Decides whether a redirect_uri of an authorize request is one of the app's registered ones.
//
// Non-loopback URIs must match exactly (scheme and host compared case-insensitively, as URLs
// are; path, query and everything else byte for byte), like the platform.
//
// Loopback (RFC 8252 §7.3): a registered "http://localhost", "http://127.0.0.1" or
// "http://[::1]" matches a request with ANY port, because native apps get an ephemeral port
// from the OS at sign-in time. Everything else must still match: the scheme, the host as
// written (localhost and 127.0.0.1 are different registrations, as on the platform), the path
// (with "" and "/" equal) and the query. A registered loopback URI that has a port of its own
// is still port-agnostic: the platform ignores it too.
class RedirectUriMatcher
{
public:
    static bool matches(const QString &registered, const QString &requested);
    static bool isRegistered(const QStringList &registered, const QString &requested);
    static bool isLoopback(const QString &uri);
};

} // namespace MsalQt::Emulator
