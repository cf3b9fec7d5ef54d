#pragma once

#include "autotestexport_p.h"
#include "httpclient_p.h"
#include "jwks_p.h"

#include <MsalQt/authority.h>
#include <MsalQt/autherror.h>

#include <QJsonObject>
#include <QPointer>

#include <chrono>
#include <functional>

namespace MsalQt::Internal {

// What an authority publishes, as far as the flows need it.
struct AuthorityMetadata
{
    QString issuer;                 // may hold "{tenantid}" for multi-tenant Microsoft authorities
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl deviceAuthorizationEndpoint;
    QUrl jwksUri;
    QUrl endSessionEndpoint;
    bool issuerParameterSupported = false; // RFC 9207 authorization_response_iss_parameter_supported
    // Instance discovery (Microsoft only): the host names of the same cloud, and the one the
    // token cache files entries under. Without instance discovery: the authority's own host.
    QStringList aliases;
    QString preferredCache;
    QString preferredNetwork;
};

// Fetches, checks and keeps an authority's metadata and signing keys for the application's
// lifetime. Concurrent requests share one fetch.
class MSALQT_AUTH_AUTOTEST_EXPORT AuthorityResolver : public QObject
{
    Q_OBJECT
public:
    using MetadataCallback = std::function<void(const AuthorityMetadata &, const AuthError &)>;
    using KeysCallback = std::function<void(const Jwks &, const AuthError &)>;

    AuthorityResolver(const Authority &authority, HttpClient *http, QObject *parent = nullptr);

    void setInstanceDiscoveryTimeout(std::chrono::milliseconds timeout) { m_instanceTimeout = timeout; }
    std::chrono::milliseconds instanceDiscoveryTimeout() const { return m_instanceTimeout; }
    // Instance discovery on or off, and the hosts trusted without it ("host" or "host:port");
    // they decide the next resolve(), none once the metadata is fetched or being fetched.
    void setInstanceDiscoveryEnabled(bool enabled);
    bool isInstanceDiscoveryEnabled() const { return m_instanceDiscovery; }
    void setKnownAuthorities(const QStringList &hosts);
    QStringList knownAuthorities() const { return m_knownAuthorities; }
    // Whether resolve() has been called (the metadata is fetched, or being fetched).
    bool hasStarted() const;

    // The host aliases of the authority's cloud as far as known without a network round trip:
    // from instance discovery once it ran, else the table of Microsoft clouds, else the host.
    QStringList environments() const;

    // The callback runs unless `context` is destroyed first; never synchronously.
    void resolve(const QString &correlationId, QObject *context, const MetadataCallback &callback);
    // The signing keys; `refresh` fetches them again (once per unknown key id, by the caller).
    void keys(bool refresh, const QString &correlationId, QObject *context, const KeysCallback &callback);

    // Checks a discovery document against the authority it was fetched for; exposed for tests.
    static AuthError parseMetadata(const Authority &authority, const QByteArray &body,
                                   AuthorityMetadata *metadata);
    // Takes the aliases and preferred hosts of `host`'s cloud from an instance discovery answer
    // (api-version 1.1, "metadata" array); leaves metadata as it was when no entry names host.
    static void applyInstanceDiscovery(const QJsonObject &answer, const QString &host,
                                       AuthorityMetadata *metadata);

private:
    void startInstanceDiscovery(const QString &correlationId);
    void startDiscovery(const QString &correlationId);
    void finishMetadata(const AuthError &error);
    void finishKeys(const AuthError &error);
    // A waiter is gone: a fetch nobody waits for any more is aborted, not left on the wire.
    void watchWaiter(QObject *context);
    void dropUnwantedFetches(QObject *dying);
    QUrl instanceDiscoveryUrl() const;
    bool needsInstanceDiscovery() const;

    Authority m_authority;
    QStringList m_knownEnvironments; // environments() before instance discovery ran: asked per request
    HttpClient *m_http;
    std::chrono::milliseconds m_instanceTimeout{5000};
    bool m_instanceDiscovery = true;
    QStringList m_knownAuthorities;

    bool m_metadataReady = false;
    bool m_metadataBusy = false;
    AuthorityMetadata m_metadata;
    QList<std::pair<QPointer<QObject>, MetadataCallback>> m_metadataWaiters;
    QPointer<HttpCall> m_metadataCall;

    bool m_keysReady = false;
    bool m_keysBusy = false;
    Jwks m_keys;
    QList<std::pair<QPointer<QObject>, KeysCallback>> m_keysWaiters;
    QPointer<HttpCall> m_keysCall;
};

} // namespace MsalQt::Internal
