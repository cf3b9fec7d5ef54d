#pragma once

#include <MsalQt/authority.h>
#include <MsalQt/msalqt_global.h>

#include <QDateTime>
#include <QObject>
#include <QScopedPointer>

#include <chrono>
#include <functional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace MsalQt {

class ClientApplicationPrivate;

// What public and confidential clients share: the client id, the authority, the HTTP pipeline,
// and the authority metadata (discovery documents and signing keys) fetched once and reused.
class MSALQT_AUTH_EXPORT ClientApplication : public QObject
{
    Q_OBJECT
public:
    ~ClientApplication() override;

    QString clientId() const;
    Authority authority() const;

    // By default the application owns a QNetworkAccessManager using the system proxy settings.
    QNetworkAccessManager *networkAccessManager() const;
    void setNetworkAccessManager(QNetworkAccessManager *manager);

    // How long one HTTP request may take before it fails with AuthError::Timeout (default 30 s).
    std::chrono::milliseconds httpTimeout() const;
    void setHttpTimeout(std::chrono::milliseconds timeout);
    // Pause before the one retry on 5xx or timeout (default 1 s).
    std::chrono::milliseconds retryDelay() const;
    void setRetryDelay(std::chrono::milliseconds delay);
    // How long instance discovery may take before the library falls back to the authority alone
    // (default 5 s).
    std::chrono::milliseconds instanceDiscoveryTimeout() const;
    void setInstanceDiscoveryTimeout(std::chrono::milliseconds timeout);
    // Accepted difference between our clock and the server's when checking token lifetimes.
    std::chrono::seconds clockSkew() const;
    void setClockSkew(std::chrono::seconds skew);

    // The clock used for token lifetimes; tests move time with it. Default: the system clock (UTC).
    void setClock(const std::function<QDateTime()> &clock);
    QDateTime currentDateTime() const;

    // Personal data and (prefixes of) secrets in debug logs. Off by default; a process-wide switch.
    static void setPiiLoggingEnabled(bool enabled);
    static bool isPiiLoggingEnabled();

protected:
    explicit ClientApplication(ClientApplicationPrivate &dd, QObject *parent);
    const QScopedPointer<ClientApplicationPrivate> d_ptr;

private:
    Q_DECLARE_PRIVATE(ClientApplication)
    Q_DISABLE_COPY(ClientApplication)
};

} // namespace MsalQt
