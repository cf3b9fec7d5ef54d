#pragma once

#include <MsalQt/authorizationagent.h>

namespace MsalQt {

// It lets AuthorizationAgent, which applications subclass, gain data without changing its size.
// The library's own agents extend it.
class AuthorizationAgentPrivate
{
    Q_DECLARE_PUBLIC(AuthorizationAgent)
public:
    virtual ~AuthorizationAgentPrivate();

    static AuthorizationAgentPrivate *get(AuthorizationAgent *agent) { return agent->d_func(); }

    // The request whose answer this agent brought has ended: with tokens when `error` is no
    // error. Called by the flow once it has judged the answer, before close(). The system browser
    // agent tells the browser tab what happened; an application's agent knows nothing of it.
    virtual void requestEnded(const AuthError &error);

    AuthorizationAgent *q_ptr = nullptr;
};

} // namespace MsalQt
