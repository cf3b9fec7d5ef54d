#pragma once

#include <QNetworkAccessManager>
#include <QUrl>

namespace TestSupport {

// A network access manager that sends requests for some paths to another server (scheme, host
// and port replaced; path and query kept), so that a HostileServer can stand in for one endpoint
// of the emulator while the emulator answers the rest. The library under test still sees every
// request and reply through its own pipeline; only the socket at the other end changes.
class RoutingNetworkAccessManager : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;

    // Requests whose path contains `pathPart` go to `server` (the first match, in order added).
    void route(const QString &pathPart, const QUrl &server);
    void clearRoutes() { m_routes.clear(); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    QList<std::pair<QString, QUrl>> m_routes;
};

} // namespace TestSupport
