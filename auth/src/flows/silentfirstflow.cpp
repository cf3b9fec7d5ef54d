#include "silentfirstflow_p.h"

#include "logging_p.h"

#include <MsalQt/publicclientapplication.h>

#include <QCoreApplication>

namespace MsalQt {

SilentFirstFlow::SilentFirstFlow(ClientApplicationPrivate *application, PublicClientApplication *publicClient,
                                 const InteractiveParameters &parameters)
    : TokenRequestPrivate(application, parameters.scopes()), m_publicClient(publicClient), m_parameters(parameters),
      m_agentGiven(parameters.agent() != nullptr)
{
}

SilentFirstFlow::~SilentFirstFlow()
{
    if (m_inner)
        m_inner->deleteLater();
}

bool SilentFirstFlow::serveFromCache()
{
    if (m_parameters.account().isNull()) {
        goInteractive(AuthError());
        return true;
    }
    // A claims challenge skips the cached access token: the refresh token is redeemed with it.
    follow(m_publicClient->acquireTokenSilentForTenant(m_parameters.scopes(), m_parameters.account(),
                                                       m_parameters.tenant(), ClientApplication::NoSilentOptions,
                                                       m_parameters.claims()),
           true);
    return true;
}

void SilentFirstFlow::goInteractive(const AuthError &reason)
{
    if (m_agentGiven && !m_parameters.agent()) {
        // Not the system browser instead of the window the app chose.
        finishWithError(AuthError(AuthError::Cancelled,
                                  QCoreApplication::translate("MsalQt::BrowserFlow",
                                                              "The sign-in window was deleted before the sign-in started.")));
        return;
    }
    InteractiveParameters parameters = m_parameters;
    if (parameters.loginHint().isEmpty())
        parameters.setLoginHint(m_parameters.account().username());
    if (!reason.claims().isEmpty())
        parameters.setClaims(reason.claims());
    follow(m_publicClient->acquireTokenInteractive(parameters), false);
}

void SilentFirstFlow::follow(TokenRequest *inner, bool silent)
{
    if (m_inner)
        m_inner->deleteLater();
    m_inner = inner;
    inner->setAutoDelete(false);
    // Progress is the inner request's: looking at the cache and refreshing, then the page.
    QObject::connect(inner, &TokenRequest::stateChanged, q_ptr, [this](TokenRequest::State state) {
        if (state != TokenRequest::Finished)
            setState(state);
    });
    QObject::connect(inner, &TokenRequest::finished, q_ptr, [this, inner, silent] {
        noteCacheError(inner->cacheError());
        if (inner->isSuccess()) {
            AuthenticationResult result = inner->result();
            result.setCorrelationId(correlationId);
            finishWithResult(result);
        } else if (silent && inner->error().type() == AuthError::UiRequired) {
            qCDebug(lcMsalAuth) << "Silent attempt needs the person; going interactive";
            goInteractive(inner->error());
        } else {
            finishWithError(inner->error());
        }
    });
}

void SilentFirstFlow::stop()
{
    if (m_inner && !m_inner->isFinished())
        m_inner->cancel();
}

} // namespace MsalQt
