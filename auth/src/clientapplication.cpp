#include <MsalQt/clientapplication.h>

#include "clientapplication_p.h"
#include "logging_p.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

namespace MsalQt {

namespace {
// Each request asks the system (environment or desktop settings) for its proxy.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        return systemProxyForQuery(query);
    }
};
} // namespace

ClientApplicationPrivate::ClientApplicationPrivate(const QString &clientId, const Authority &authority)
    : clientId(clientId), authority(authority)
{
}

ClientApplicationPrivate::~ClientApplicationPrivate() = default;

void ClientApplicationPrivate::init(ClientApplication *q)
{
    q_ptr = q;
    ownManager = new QNetworkAccessManager(q);
    ownManager->setProxyFactory(new SystemProxyFactory);
    http = std::make_unique<Internal::HttpClient>(ownManager);
    resolver = new Internal::AuthorityResolver(authority, http.get(), q);
}

AuthError ClientApplicationPrivate::configurationError() const
{
    if (clientId.trimmed().isEmpty()) {
        return AuthError(AuthError::InvalidConfiguration,
                         QCoreApplication::translate("MsalQt::ClientApplication",
                                                     "No client id is set: register the application and pass its application (client) id."));
    }
    if (!authority.isValid()) {
        return AuthError(AuthError::InvalidConfiguration,
                         QCoreApplication::translate("MsalQt::ClientApplication", "The authority is not valid: %1")
                             .arg(authority.errorString()));
    }
    return {};
}

ClientApplication::ClientApplication(ClientApplicationPrivate &dd, QObject *parent)
    : QObject(parent), d_ptr(&dd)
{
    d_ptr->init(this);
}

ClientApplication::~ClientApplication() = default;

QString ClientApplication::clientId() const
{
    Q_D(const ClientApplication);
    return d->clientId;
}

Authority ClientApplication::authority() const
{
    Q_D(const ClientApplication);
    return d->authority;
}

QNetworkAccessManager *ClientApplication::networkAccessManager() const
{
    Q_D(const ClientApplication);
    return d->http->networkAccessManager();
}

void ClientApplication::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    Q_D(ClientApplication);
    d->http->setNetworkAccessManager(manager ? manager : d->ownManager);
}

std::chrono::milliseconds ClientApplication::httpTimeout() const
{
    Q_D(const ClientApplication);
    return d->http->timeout();
}

void ClientApplication::setHttpTimeout(std::chrono::milliseconds timeout)
{
    Q_D(ClientApplication);
    d->http->setTimeout(timeout);
}

std::chrono::milliseconds ClientApplication::retryDelay() const
{
    Q_D(const ClientApplication);
    return d->http->retryDelay();
}

void ClientApplication::setRetryDelay(std::chrono::milliseconds delay)
{
    Q_D(ClientApplication);
    d->http->setRetryDelay(delay);
}

std::chrono::milliseconds ClientApplication::instanceDiscoveryTimeout() const
{
    Q_D(const ClientApplication);
    return d->resolver->instanceDiscoveryTimeout();
}

void ClientApplication::setInstanceDiscoveryTimeout(std::chrono::milliseconds timeout)
{
    Q_D(ClientApplication);
    d->resolver->setInstanceDiscoveryTimeout(timeout);
}

std::chrono::seconds ClientApplication::clockSkew() const
{
    Q_D(const ClientApplication);
    return d->clockSkew;
}

void ClientApplication::setClockSkew(std::chrono::seconds skew)
{
    Q_D(ClientApplication);
    d->clockSkew = skew;
}

void ClientApplication::setClock(const std::function<QDateTime()> &clock)
{
    Q_D(ClientApplication);
    d->clock = clock;
    d->http->setClock(clock);
}

QDateTime ClientApplication::currentDateTime() const
{
    Q_D(const ClientApplication);
    return d->now();
}

void ClientApplication::setPiiLoggingEnabled(bool enabled)
{
    Internal::setPiiLoggingEnabled(enabled);
}

bool ClientApplication::isPiiLoggingEnabled()
{
    return Internal::piiLoggingEnabled();
}

} // namespace MsalQt
