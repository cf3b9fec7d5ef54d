#include "redirecturimatcher.h"

#include <QHostAddress>
#include <QUrl>

namespace MsalQt::Emulator {

namespace {

bool loopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString normalizedPath(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

} // namespace

bool RedirectUriMatcher::isLoopback(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    return url.isValid() && url.scheme() == QLatin1String("http") && loopbackHost(url.host());
}

bool RedirectUriMatcher::matches(const QString &registered, const QString &requested)
{
    const QUrl reg(registered, QUrl::StrictMode);
    const QUrl req(requested, QUrl::StrictMode);
    if (!reg.isValid() || !req.isValid() || req.hasFragment())
        return false;
    if (isLoopback(registered)) {
        // QUrl lower-cases scheme and host, so these compare case-insensitively.
        return req.scheme() == reg.scheme() && req.host() == reg.host() && req.userInfo().isEmpty()
            && normalizedPath(req) == normalizedPath(reg) && req.query(QUrl::FullyEncoded) == reg.query(QUrl::FullyEncoded);
    }
    return req.toString(QUrl::FullyEncoded) == reg.toString(QUrl::FullyEncoded);
}

bool RedirectUriMatcher::isRegistered(const QStringList &registered, const QString &requested)
{
    for (const QString &r : registered) {
        if (matches(r, requested))
            return true;
    }
    return false;
}

} // namespace MsalQt::Emulator
