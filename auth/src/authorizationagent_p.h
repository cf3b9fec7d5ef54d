#pragma once

#include <MsalQt/authorizationagent.h>

namespace MsalQt {

// Empty for now: it lets AuthorizationAgent, which applications subclass, gain data without
// changing its size. The library's own agents extend it.
class AuthorizationAgentPrivate
{
    Q_DECLARE_PUBLIC(AuthorizationAgent)
public:
    virtual ~AuthorizationAgentPrivate();

    AuthorizationAgent *q_ptr = nullptr;
};

} // namespace MsalQt
