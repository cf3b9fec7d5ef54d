#include "redirectpolicy_p.h"

#include <QHostAddress>

namespace MsalQt::WebEngine {

namespace {

QString normalizedPath(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

} // namespace

bool RedirectPolicy::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool RedirectPolicy::matchesRedirect(const QUrl &url, const QUrl &redirectUri)
{
    if (!url.isValid() || !redirectUri.isValid())
        return false;
    if (url.scheme().compare(redirectUri.scheme(), Qt::CaseInsensitive) != 0)
        return false;
    if (url.host().compare(redirectUri.host(), Qt::CaseInsensitive) != 0)
        return false;
    const bool anyPort = redirectUri.port() == -1 && isLoopbackHost(redirectUri.host());
    if (!anyPort && url.port(-1) != redirectUri.port(-1)) {
        // "https://host" and "https://host:443" are the same place.
        const int defaultPort = redirectUri.scheme() == QLatin1String("https") ? 443
                              : redirectUri.scheme() == QLatin1String("http")  ? 80
                                                                                : -1;
        if (url.port(defaultPort) != redirectUri.port(defaultPort))
            return false;
    }
    return normalizedPath(url) == normalizedPath(redirectUri);
}

RedirectPolicy::Verdict RedirectPolicy::classify(const QUrl &url) const
{
    if (matchesRedirect(url, m_redirectUri))
        return Verdict::Redirect;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return Verdict::Allow;
    // RFC 8252 §8.3: plain http only where it never leaves the machine.
    if ((scheme == QLatin1String("http") || scheme == QLatin1String("ws")) && isLoopbackHost(url.host()))
        return Verdict::Allow;
    // Inline images, blobs the page builds itself, the blank page we park on.
    if (scheme == QLatin1String("data") || scheme == QLatin1String("blob") || scheme == QLatin1String("about"))
        return Verdict::Allow;
    return Verdict::Refuse;
}

QString RedirectPolicy::redactedForLog(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
}

} // namespace MsalQt::WebEngine
