#pragma once

#include <QUrl>

namespace MsalQt::WebEngine {

// Where the embedded browser may go while a sign-in runs. Kept apart from the views (SignInDialog,
// the QML SignInView) and from SignInGuard, which applies it, so that the rules read in one place
// and tests can check them row by row.
class RedirectPolicy
{
public:
    enum class Verdict {
        Allow,    // a page of the sign-in: https, or http on loopback
        Redirect, // the redirect URI: report it, load nothing
        Refuse,   // anything else: never loaded
    };

    void setRedirectUri(const QUrl &redirectUri) { m_redirectUri = redirectUri; }
    QUrl redirectUri() const { return m_redirectUri; }

    Verdict classify(const QUrl &url) const;

    // Same scheme, host and path as the redirect URI (RFC 6749 §3.1.2 compares redirect URIs
    // as strings; the query carries the response). A loopback redirect URI registered without a
    // port matches any port (RFC 8252 §7.3).
    static bool matchesRedirect(const QUrl &url, const QUrl &redirectUri);
    static bool isLoopbackHost(const QString &host);
    // Only the scheme, host and path: never the query or fragment, which carry codes and tokens.
    static QString redactedForLog(const QUrl &url);

private:
    QUrl m_redirectUri;
};

} // namespace MsalQt::WebEngine
