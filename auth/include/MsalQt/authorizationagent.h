#pragma once

#include <MsalQt/autherror.h>
#include <MsalQt/msalqt_global.h>

#include <QObject>
#include <QScopedPointer>
#include <QUrl>

namespace MsalQt {

class AuthorizationAgentPrivate;

/// What shows the sign-in page to the person: the library builds the authorization URL and hands
/// it to an agent; the agent reports the URL the browser was redirected to, or a failure. It holds
/// no protocol logic (Qt Network Authorization's authorizeWithBrowser() is the same idea).
/// Implementations: SystemBrowserAgent here (the default browser and a loopback listener,
/// RFC 8252), and MsalQt::Widgets::SignInDialog (an embedded Qt WebEngine view).
class MSALQT_AUTH_EXPORT AuthorizationAgent : public QObject
{
    Q_OBJECT
public:
    /// Constructs an agent; a subclass implements authorize() and close().
    explicit AuthorizationAgent(QObject *parent = nullptr);
    /// Destroys the agent. An interactive request it serves fails with AuthError::Cancelled.
    ~AuthorizationAgent() override;

    /// Called before the URL is built: returns the redirect URI this agent will catch, given the
    /// one the application registered. An embedded browser returns it unchanged; the system
    /// browser agent binds a loopback port and returns http://127.0.0.1:PORT/... An invalid URL
    /// means the agent cannot serve that redirect URI (it then emits failed() from authorize()).
    virtual QUrl prepare(const QUrl &redirectUri);

    /// Shows `authorizationUrl`; emits redirected() once the browser is sent to a URL that starts
    /// with `redirectUri` (without loading it), or failed(). Exactly one of the two, once.
    virtual void authorize(const QUrl &authorizationUrl, const QUrl &redirectUri) = 0;

    /// The flow is over (finished, cancelled or timed out): close the UI, free the port.
    /// No signal follows.
    virtual void close() = 0;

Q_SIGNALS:
    /// The browser was sent to `redirectUrl`, which starts with the redirect URI; it carries
    /// the authorization response (code, state, or error) in its query or fragment.
    void redirected(const QUrl &redirectUrl);
    /// AuthError::Cancelled when the person closed the page; NetworkError for a certificate
    /// error or a failed load; InvalidConfiguration when the agent cannot serve the redirect URI.
    void failed(const MsalQt::AuthError &error);

protected:
    /// For the agents of this library, whose private parts extend AuthorizationAgentPrivate.
    AuthorizationAgent(AuthorizationAgentPrivate &dd, QObject *parent);
    const QScopedPointer<AuthorizationAgentPrivate> d_ptr;

private:
    Q_DECLARE_PRIVATE(AuthorizationAgent)
    Q_DISABLE_COPY(AuthorizationAgent)
};

} // namespace MsalQt
