#include <MsalQt/authorizationagent.h>

namespace MsalQt {

AuthorizationAgent::AuthorizationAgent(QObject *parent) : QObject(parent) {}

AuthorizationAgent::~AuthorizationAgent() = default;

QUrl AuthorizationAgent::prepare(const QUrl &redirectUri)
{
    return redirectUri;
}

} // namespace MsalQt
