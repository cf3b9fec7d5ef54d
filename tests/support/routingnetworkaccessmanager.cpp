#include "routingnetworkaccessmanager.h"

#include <QNetworkRequest>

namespace TestSupport {

void RoutingNetworkAccessManager::route(const QString &pathPart, const QUrl &server)
{
    m_routes.append({pathPart, server});
}

QNetworkReply *RoutingNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request,
                                                          QIODevice *outgoingData)
{
    for (const auto &[part, server] : m_routes) {
        if (!request.url().path().contains(part))
            continue;
        QNetworkRequest routed(request);
        QUrl url = request.url();
        url.setScheme(server.scheme());
        url.setHost(server.host());
        url.setPort(server.port());
        routed.setUrl(url);
        return QNetworkAccessManager::createRequest(op, routed, outgoingData);
    }
    return QNetworkAccessManager::createRequest(op, request, outgoingData);
}

} // namespace TestSupport
