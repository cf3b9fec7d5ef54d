#pragma once

#include <MsalQt/authority.h>
#include <MsalQt/authorizationagent.h>

#include <functional>

namespace MsalQt {

class SystemBrowserAgentPrivate;

/// Signs in through the person's default browser (RFC 8252 §7.3): listens on a loopback port,
/// opens the authorization URL in the browser, accepts exactly one redirect to the loopback address
/// that answers the request in flight, and stops listening. The browser's tab is answered once the
/// request has judged the answer: it says whether the sign-in is complete, was declined, failed
/// (and why) or was cancelled.
///
/// A browser that does not open is reported (failed(), AuthError::InvalidConfiguration) when
/// xdg-open exits with an error, or when no browser loads the page within 60 seconds of the
/// hand-over. A browser that xdg-open ran in the foreground and that exits before the redirect
/// ends the sign-in as AuthError::Cancelled; a browser that was already running cannot be watched,
/// and its tab closed goes unnoticed: offer the person a way to cancel (TokenRequest::cancel()).
///
/// The authorization URL (state, nonce, PKCE challenge) never appears on a command line, where
/// every local user could read it (`/proc/<pid>/cmdline`) and sign the application in as himself
/// with it. By default the agent writes a page only this user can read (0600, in
/// $XDG_RUNTIME_DIR/msalqt) that sends the browser to a one-time address on the loopback
/// listener, which redirects to the authorization URL; the page is opened through the desktop
/// portal (org.freedesktop.portal.OpenURI.OpenFile over D-Bus) where one answers, else with
/// "xdg-open <page>", and removed as soon as the browser has followed it, or when the sign-in ends.
///
/// Any local process can reach the loopback port. A request to the redirect path without a code
/// or error, or whose state is not the one sent (RFC 6749 §10.12), is answered with a page saying
/// it was ignored, and the sign-in goes on waiting for the real redirect.
class MSALQT_AUTH_EXPORT SystemBrowserAgent : public AuthorizationAgent
{
    Q_OBJECT
public:
    /// An agent that is not listening yet; prepare() starts listening.
    explicit SystemBrowserAgent(QObject *parent = nullptr);
    /// Stops listening and removes the page it wrote, if any.
    ~SystemBrowserAgent() override;

    /// How the URL is opened, instead of the default above; tests play the browser themselves.
    /// Whatever the opener does with the URL is its own affair: QDesktopServices::openUrl, for one,
    /// runs "xdg-open URL" outside sandboxes, which puts the URL on a command line.
    void setUrlOpener(const std::function<bool(const QUrl &)> &opener);
    /// The page shown in the browser after a complete sign-in (HTML); a default, translated one
    /// otherwise. A declined, failed or cancelled sign-in shows the agent's own page.
    void setSuccessPage(const QByteArray &html);

    QUrl prepare(const QUrl &redirectUri) override;
    void authorize(const QUrl &authorizationUrl, const QUrl &redirectUri) override;
    void close() override;

    quint16 port() const; ///< the listening port, 0 when not listening

private:
    Q_DECLARE_PRIVATE(SystemBrowserAgent)
    Q_DISABLE_COPY(SystemBrowserAgent)
};

} // namespace MsalQt
