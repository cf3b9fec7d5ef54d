#include "followingagent.h"

#include <MsalQt/autherror.h>

#include <QNetworkReply>
#include <QNetworkRequest>

namespace TestSupport {

void FollowingAgent::authorize(const QUrl &authorizationUrl, const QUrl &)
{
    lastAuthorizationUrl = authorizationUrl;
    QNetworkRequest request(authorizationUrl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_manager.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
        if (location.isValid())
            Q_EMIT redirected(location);
        else
            Q_EMIT failed(MsalQt::AuthError(MsalQt::AuthError::NetworkError, QStringLiteral("no redirect")));
    });
}

} // namespace TestSupport
