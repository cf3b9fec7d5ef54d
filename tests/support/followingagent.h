#pragma once

#include <MsalQt/authorizationagent.h>

#include <QNetworkAccessManager>
#include <QUrl>

namespace TestSupport {

// A browser in a test: loads the authorization URL from the emulator, which signs in at once
// (Server::setAutoSignIn), and reports the redirect it answers with, without following it.
class FollowingAgent : public MsalQt::AuthorizationAgent
{
    Q_OBJECT
public:
    void authorize(const QUrl &authorizationUrl, const QUrl &redirectUri) override;
    void close() override { }

    QUrl lastAuthorizationUrl; // what the last authorize() was given

private:
    QNetworkAccessManager m_manager;
};

} // namespace TestSupport
