#include "logging_p.h"

#include <atomic>

Q_LOGGING_CATEGORY(lcMsalAuth, "msalqt.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMsalHttp, "msalqt.http", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMsalDiscovery, "msalqt.discovery", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMsalToken, "msalqt.token", QtWarningMsg)

namespace MsalQt::Internal {

static std::atomic_bool s_piiLogging{false};

bool piiLoggingEnabled()
{
    return s_piiLogging.load(std::memory_order_relaxed);
}

void setPiiLoggingEnabled(bool enabled)
{
    s_piiLogging.store(enabled, std::memory_order_relaxed);
}

QString redact(const QString &secret)
{
    if (secret.isEmpty())
        return QStringLiteral("[empty]");
    if (!piiLoggingEnabled())
        return QStringLiteral("[redacted]");
    // Even with PII logging on, a prefix is enough to tell two values apart.
    return secret.left(4) + QStringLiteral("…[%1 chars]").arg(secret.size());
}

QString loggableUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

} // namespace MsalQt::Internal
