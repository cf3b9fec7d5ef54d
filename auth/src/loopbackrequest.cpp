#include "loopbackrequest_p.h"

#include <QList>

namespace MsalQt::Internal {

LoopbackRequest parseLoopbackRequest(const QByteArray &buffered)
{
    LoopbackRequest request;
    if (!buffered.contains("\r\n\r\n")) {
        request.status = buffered.size() > maxLoopbackRequestSize ? LoopbackRequest::Status::TooLarge
                                                                  : LoopbackRequest::Status::Incomplete;
        return request;
    }
    const QByteArray requestLine = buffered.left(buffered.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts.at(0) != "GET") {
        request.status = LoopbackRequest::Status::NotGet;
        return request;
    }
    request.status = LoopbackRequest::Status::Get;
    request.target = QUrl::fromEncoded(parts.at(1));
    return request;
}

std::optional<QUrl> loopbackRedirect(const QUrl &redirectUri, const QUrl &target)
{
    if (target.path() != redirectUri.path())
        return std::nullopt;
    QUrl received = redirectUri;
    received.setQuery(target.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return received;
}

} // namespace MsalQt::Internal
