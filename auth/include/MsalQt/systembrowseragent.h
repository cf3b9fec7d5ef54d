#pragma once

#include <MsalQt/authority.h>
#include <MsalQt/authorizationagent.h>

#include <functional>

#include <QScopedPointer>

namespace MsalQt {

class SystemBrowserAgentPrivate;

// Signs in through the person's default browser (RFC 8252 §7.3): listens on a loopback port,
// opens the authorization URL with QDesktopServices-free means (xdg-open or the application's
// opener), accepts exactly one redirect to the loopback address, shows a page saying the person
// can close the browser tab, and stops listening.
class MSALQT_AUTH_EXPORT SystemBrowserAgent : public AuthorizationAgent
{
    Q_OBJECT
public:
    explicit SystemBrowserAgent(QObject *parent = nullptr);
    ~SystemBrowserAgent() override;

    // How the URL is opened; default: QProcess "xdg-open URL" (auth/ has no GUI dependency).
    // Applications with a GUI pass QDesktopServices::openUrl; tests play the browser themselves.
    void setUrlOpener(const std::function<bool(const QUrl &)> &opener);
    // The page shown in the browser after the redirect (HTML); a default, translated one otherwise.
    void setSuccessPage(const QByteArray &html);

    QUrl prepare(const QUrl &redirectUri) override;
    void authorize(const QUrl &authorizationUrl, const QUrl &redirectUri) override;
    void close() override;

    quint16 port() const; // the listening port, 0 when not listening

private:
    Q_DECLARE_PRIVATE(SystemBrowserAgent)
    const QScopedPointer<SystemBrowserAgentPrivate> d_ptr;
};

} // namespace MsalQt
