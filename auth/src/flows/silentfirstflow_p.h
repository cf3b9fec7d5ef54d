#pragma once

#include "tokenrequest_p.h"

#include <MsalQt/interactiveparameters.h>

#include <QPointer>

namespace MsalQt {

class PublicClientApplication;

// The documented pattern as one request: silent for the account, interactive only when the
// silent attempt answers UiRequired, with the account as login hint and the claims it carried.
class SilentFirstFlow : public TokenRequestPrivate
{
public:
    SilentFirstFlow(ClientApplicationPrivate *application, PublicClientApplication *publicClient,
                    const InteractiveParameters &parameters);
    ~SilentFirstFlow() override;

protected:
    bool serveFromCache() override;
    void run() override {}
    void stop() override;

private:
    void follow(TokenRequest *inner, bool silent);
    void goInteractive(const AuthError &reason);

    PublicClientApplication *m_publicClient;
    InteractiveParameters m_parameters;
    bool m_agentGiven = false; // the caller chose the agent (it may be deleted meanwhile)
    QPointer<TokenRequest> m_inner;
};

} // namespace MsalQt
