#include <MsalQt/authorizationagent.h>

#include "authorizationagent_p.h"

namespace MsalQt {

AuthorizationAgentPrivate::~AuthorizationAgentPrivate() = default;

void AuthorizationAgentPrivate::requestEnded(const AuthError &) {}

AuthorizationAgent::AuthorizationAgent(QObject *parent) : AuthorizationAgent(*new AuthorizationAgentPrivate, parent) {}

AuthorizationAgent::AuthorizationAgent(AuthorizationAgentPrivate &dd, QObject *parent)
    : QObject(parent)
    , d_ptr(&dd)
{
    d_ptr->q_ptr = this;
}

AuthorizationAgent::~AuthorizationAgent() = default;

QUrl AuthorizationAgent::prepare(const QUrl &redirectUri)
{
    return redirectUri;
}

} // namespace MsalQt
