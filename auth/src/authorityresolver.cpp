#include "authorityresolver_p.h"

#include <algorithm>

#include "logging_p.h"
#include "tokenresponse_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace MsalQt::Internal {

struct KnownCloud
{
    QStringList aliases;
    QString preferredNetwork;
    QString preferredCache;
};

// The Microsoft clouds' instance metadata, as instance discovery returns it, so that a known
// cloud needs no extra round trip (MSAL's other libraries ship the same table: msal-common's
// InstanceDiscoveryMetadata, which keeps the retired Germany cloud and adds the sovereign
// sovcloud-identity clouds).
static const QList<KnownCloud> &knownClouds()
{
    static const QList<KnownCloud> clouds = {
        {{QStringLiteral("login.microsoftonline.com"), QStringLiteral("login.windows.net"),
          QStringLiteral("login.microsoft.com"), QStringLiteral("sts.windows.net")},
         QStringLiteral("login.microsoftonline.com"), QStringLiteral("login.windows.net")},
        {{QStringLiteral("login.partner.microsoftonline.cn"), QStringLiteral("login.chinacloudapi.cn")},
         QStringLiteral("login.partner.microsoftonline.cn"), QStringLiteral("login.partner.microsoftonline.cn")},
        {{QStringLiteral("login.microsoftonline.de")},
         QStringLiteral("login.microsoftonline.de"), QStringLiteral("login.microsoftonline.de")},
        {{QStringLiteral("login.microsoftonline.us"), QStringLiteral("login.usgovcloudapi.net")},
         QStringLiteral("login.microsoftonline.us"), QStringLiteral("login.microsoftonline.us")},
        {{QStringLiteral("login-us.microsoftonline.com")},
         QStringLiteral("login-us.microsoftonline.com"), QStringLiteral("login-us.microsoftonline.com")},
        {{QStringLiteral("login.sovcloud-identity.fr")},
         QStringLiteral("login.sovcloud-identity.fr"), QStringLiteral("login.sovcloud-identity.fr")},
        {{QStringLiteral("login.sovcloud-identity.de")},
         QStringLiteral("login.sovcloud-identity.de"), QStringLiteral("login.sovcloud-identity.de")},
        {{QStringLiteral("login.sovcloud-identity.sg")},
         QStringLiteral("login.sovcloud-identity.sg"), QStringLiteral("login.sovcloud-identity.sg")},
    };
    return clouds;
}

static bool isAcceptableEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || url.hasFragment())
        return false;
    return url.scheme() == QLatin1String("https")
        || (url.scheme() == QLatin1String("http") && Authority::isLoopbackHost(url.host()));
}

static QString hostOf(const QUrl &url)
{
    return url.port() < 0 ? url.host().toLower()
                          : url.host().toLower() + QLatin1Char(':') + QString::number(url.port());
}

static const KnownCloud *knownCloud(const Authority &authority)
{
    // External ID hosts are no workforce cloud's aliases (msal-common: "CIAM authorities do not
    // support cloud discovery metadata").
    if (!authority.isMicrosoft() || authority.type() == Authority::Ciam)
        return nullptr;
    for (const KnownCloud &cloud : knownClouds()) {
        if (cloud.aliases.contains(authority.host()))
            return &cloud;
    }
    return nullptr;
}

static QStringList knownEnvironments(const Authority &authority)
{
    if (const KnownCloud *cloud = knownCloud(authority))
        return cloud->aliases;
    return {authority.host()};
}

AuthorityResolver::AuthorityResolver(const Authority &authority, HttpClient *http, QObject *parent)
    : QObject(parent), m_authority(authority), m_knownEnvironments(knownEnvironments(authority)), m_http(http)
{
}

bool AuthorityResolver::hasStarted() const
{
    return m_metadataReady || m_metadataBusy;
}

void AuthorityResolver::setInstanceDiscoveryEnabled(bool enabled)
{
    m_instanceDiscovery = enabled;
}

void AuthorityResolver::setKnownAuthorities(const QStringList &hosts)
{
    m_knownAuthorities.clear();
    for (const QString &host : hosts) {
        // "host", "host:port" or a URL: the cache's environment form.
        const QUrl url = host.contains(QLatin1String("://")) ? QUrl(host) : QUrl(QStringLiteral("https://") + host);
        if (!url.isValid() || url.host().isEmpty())
            continue;
        const QString environment = url.port() < 0 ? url.host().toLower()
                                                    : url.host().toLower() + QLatin1Char(':') + QString::number(url.port());
        if (!m_knownAuthorities.contains(environment))
            m_knownAuthorities << environment;
    }
}

bool AuthorityResolver::needsInstanceDiscovery() const
{
    return m_authority.isMicrosoft() && !knownCloud(m_authority) && m_authority.type() != Authority::Ciam
        && m_instanceDiscovery && !m_knownAuthorities.contains(m_authority.host());
}

QStringList AuthorityResolver::environments() const
{
    return m_metadataReady ? m_metadata.aliases : m_knownEnvironments;
}

void AuthorityResolver::resolve(const QString &correlationId, QObject *context,
                                const MetadataCallback &callback)
{
    m_metadataWaiters.append({context, callback});
    watchWaiter(context);
    if (m_metadataReady) {
        QMetaObject::invokeMethod(this, [this] { finishMetadata(AuthError()); }, Qt::QueuedConnection);
        return;
    }
    if (m_metadataBusy)
        return;
    m_metadataBusy = true;
    m_metadata = AuthorityMetadata();
    if (const KnownCloud *cloud = knownCloud(m_authority)) {
        // The table needs no request: used with instance discovery off too, as msal-node and
        // MSAL.NET do (WithInstanceDiscovery(false) skips the network, not the known clouds).
        m_metadata.aliases = cloud->aliases;
        m_metadata.preferredCache = cloud->preferredCache;
        m_metadata.preferredNetwork = cloud->preferredNetwork;
        startDiscovery(correlationId);
        return;
    }
    if (needsInstanceDiscovery()) {
        startInstanceDiscovery(correlationId);
        return;
    }
    // OpenID Connect, External ID, a host in knownAuthorities, or instance discovery switched
    // off: the authority's host is its only alias.
    m_metadata.aliases = {m_authority.host()};
    m_metadata.preferredCache = m_metadata.preferredNetwork = m_authority.host();
    startDiscovery(correlationId);
}

QUrl AuthorityResolver::instanceDiscoveryUrl() const
{
    QUrl url = m_authority.url();
    url.setPath(QStringLiteral("/common/discovery/instance"));
    QUrl authorize = m_authority.url();
    authorize.setPath(authorize.path() + QStringLiteral("/oauth2/v2.0/authorize"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api-version"), QStringLiteral("1.1"));
    query.addQueryItem(QStringLiteral("authorization_endpoint"),
                       QString::fromLatin1(QUrl::toPercentEncoding(authorize.toString())));
    url.setQuery(query);
    return url;
}

void AuthorityResolver::startInstanceDiscovery(const QString &correlationId)
{
    HttpRequest request;
    request.url = instanceDiscoveryUrl();
    request.correlationId = correlationId;
    request.timeout = m_instanceTimeout;
    request.retry = false; // a slow instance discovery falls back instead of waiting twice
    HttpCall *call = m_http->send(request, this);
    m_metadataCall = call;
    connect(call, &HttpCall::finished, this, [this, call, correlationId] {
        call->deleteLater();
        const HttpResponse &response = call->response();
        if (response.refusal != HttpRefusal::None) {
            // An answer too large or a redirect to plain http is an attack, not an outage: no
            // fallback to the authority alone, as for a timeout.
            finishMetadata(errorFromHttpResponse(response, correlationId));
            return;
        }
        const QString host = m_authority.host();
        m_metadata.aliases = {host};
        m_metadata.preferredCache = m_metadata.preferredNetwork = host;
        AuthError error;
        const auto object = response.isHttpSuccess() ? parseJsonObject(response.body, &error)
                                                     : std::nullopt;
        if (object) {
            applyInstanceDiscovery(*object, host, &m_metadata);
        } else if (response.status == 400) {
            // The instance answered and said it does not know this authority (AADSTS50049):
            // that is a verdict, not an outage, so no fallback.
            AuthError answer = errorFromHttpResponse(response, correlationId);
            if (answer.protocolError() == QLatin1String("invalid_instance")) {
                AuthError refused(AuthError::InvalidConfiguration,
                                  tr("The authority %1 is not a known Microsoft identity platform instance.")
                                      .arg(m_authority.url().toString()));
                refused.setProtocolError(answer.protocolError());
                refused.setErrorDescription(answer.errorDescription());
                refused.setErrorCodes(answer.errorCodes());
                refused.setCorrelationId(answer.correlationId());
                finishMetadata(refused);
                return;
            }
        }
        if (!object) {
            qCInfo(lcMsalDiscovery) << "Instance discovery for" << host
                                    << "gave no answer; using the authority host alone";
        }
        startDiscovery(correlationId);
    });
}

void AuthorityResolver::startDiscovery(const QString &correlationId)
{
    HttpRequest request;
    request.url = m_authority.discoveryUrl();
    request.correlationId = correlationId;
    HttpCall *call = m_http->send(request, this);
    m_metadataCall = call;
    connect(call, &HttpCall::finished, this, [this, call, correlationId] {
        call->deleteLater();
        const HttpResponse &response = call->response();
        if (!response.isHttpSuccess()) {
            AuthError error = errorFromHttpResponse(response, correlationId);
            if (error.message().isEmpty() || error.type() == AuthError::InvalidResponse) {
                error.setMessage(tr("The authority's OpenID Connect metadata could not be read from %1.")
                                     .arg(loggableUrl(m_authority.discoveryUrl())));
            }
            finishMetadata(error);
            return;
        }
        AuthError error = parseMetadata(m_authority, response.body, &m_metadata);
        if (error.isError())
            error.setCorrelationId(correlationId);
        finishMetadata(error);
    });
}

void AuthorityResolver::applyInstanceDiscovery(const QJsonObject &answer, const QString &host,
                                               AuthorityMetadata *metadata)
{
    for (const QJsonValue &entry : answer.value(QLatin1String("metadata")).toArray()) {
        QStringList aliases;
        for (const QJsonValue &alias : entry.toObject().value(QLatin1String("aliases")).toArray())
            aliases << alias.toString().toLower();
        if (!aliases.contains(host))
            continue;
        metadata->aliases = aliases;
        metadata->preferredCache = entry.toObject().value(QLatin1String("preferred_cache")).toString(host);
        metadata->preferredNetwork = entry.toObject().value(QLatin1String("preferred_network")).toString(host);
    }
}

AuthError AuthorityResolver::parseMetadata(const Authority &authority, const QByteArray &body,
                                           AuthorityMetadata *metadata)
{
    AuthError error;
    const auto object = parseJsonObject(body, &error);
    if (!object) {
        error.setMessage(tr("The discovery document is not JSON."));
        return error;
    }
    const auto invalid = [](const QString &message) {
        return AuthError(AuthError::InvalidResponse, message);
    };
    metadata->issuer = object->value(QLatin1String("issuer")).toString();
    const auto endpoint = [&](const char *name) {
        return QUrl(object->value(QLatin1String(name)).toString(), QUrl::StrictMode);
    };
    metadata->authorizationEndpoint = endpoint("authorization_endpoint");
    metadata->tokenEndpoint = endpoint("token_endpoint");
    metadata->jwksUri = endpoint("jwks_uri");
    metadata->deviceAuthorizationEndpoint = endpoint("device_authorization_endpoint");
    metadata->endSessionEndpoint = endpoint("end_session_endpoint");
    metadata->issuerParameterSupported =
        object->value(QLatin1String("authorization_response_iss_parameter_supported")).toBool();

    if (metadata->issuer.isEmpty())
        return invalid(tr("The discovery document has no issuer."));
    for (const auto &[name, url, required] :
         {std::tuple{"token_endpoint", metadata->tokenEndpoint, true},
          std::tuple{"jwks_uri", metadata->jwksUri, true},
          std::tuple{"authorization_endpoint", metadata->authorizationEndpoint, true},
          std::tuple{"device_authorization_endpoint", metadata->deviceAuthorizationEndpoint, false},
          std::tuple{"end_session_endpoint", metadata->endSessionEndpoint, false}}) {
        if (url.isEmpty() && !required)
            continue;
        if (!isAcceptableEndpoint(url)) {
            return invalid(tr("The discovery document's %1 is missing or not an https URL.")
                               .arg(QLatin1String(name)));
        }
    }

    const QUrl issuerUrl(metadata->issuer); // tolerant: "{tenantid}" is no valid URL character
    if (authority.type() == Authority::B2C) {
        // B2C: https://{host}/{tenant id}/v2.0/. The host is the one the tenant's issuer is
        // configured with (b2clogin.com or a custom domain), not necessarily the authority's, so
        // the rule is the shape: a secure URL naming one tenant GUID, nothing else. The ID token
        // is then held to this exact issuer.
        const QStringList segments = issuerUrl.path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (!isAcceptableEndpoint(issuerUrl) || issuerUrl.hasQuery() || segments.size() != 2
            || QUuid::fromString(segments.first()).isNull() || segments.at(1) != QLatin1String("v2.0")) {
            return invalid(tr("The discovery document's issuer %1 is not an Azure AD B2C tenant's issuer (https://{host}/{tenant id}/v2.0/).")
                               .arg(metadata->issuer));
        }
        return {};
    }
    if (!authority.isMicrosoft()) {
        // OpenID Connect Discovery 1.0 §4.3: the issuer must be identical to the URL the
        // document was fetched for, or an attacker's document could impersonate another issuer.
        // AD FS 2019 publishes https://{host}/adfs, its authority itself.
        const Authority issuer = authority.type() == Authority::Adfs ? Authority::adfs(issuerUrl)
                                                                     : Authority::openIdConnect(issuerUrl);
        if (issuer != authority) {
            return invalid(tr("The discovery document's issuer %1 does not match the authority %2.")
                               .arg(metadata->issuer, authority.url().toString()));
        }
        return {};
    }

    // Microsoft: https://{alias}/{tenant id}/v2.0, with the literal "{tenantid}" for the
    // multi-tenant audiences (the token's tid completes it).
    QStringList aliases = metadata->aliases;
    if (aliases.isEmpty())
        aliases << authority.host();
    const QStringList segments = issuerUrl.path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const bool pathOk = segments.size() == 2 && segments.at(1) == QLatin1String("v2.0");
    // External ID issues as https://{tenant id}.ciamlogin.com/{tenant id}/v2.0, also behind a
    // custom URL domain; that host is the tenant's own, never another tenant's.
    const bool ciamIssuerHost = authority.type() == Authority::Ciam && pathOk && issuerUrl.scheme() == QLatin1String("https")
        && issuerUrl.port() < 0
        && issuerUrl.host().compare(segments.first() + QStringLiteral(".ciamlogin.com"), Qt::CaseInsensitive) == 0;
    const bool shapeOk = isAcceptableEndpoint(issuerUrl) && pathOk
        && (aliases.contains(hostOf(issuerUrl)) || ciamIssuerHost);
    const QString issuerTenant = shapeOk ? segments.first() : QString();
    const bool placeholder = issuerTenant == QLatin1String("{tenantid}");
    const bool guid = !QUuid::fromString(issuerTenant).isNull();
    bool tenantOk = false;
    switch (authority.type()) {
    case Authority::Common:
    case Authority::Organizations:
        tenantOk = placeholder;
        break;
    case Authority::Consumers:
        tenantOk = issuerTenant.compare(QLatin1String("9188040d-6c67-4c5b-b112-36a304b66dad"),
                                        Qt::CaseInsensitive) == 0;
        break;
    case Authority::Tenant:
    case Authority::Ciam:
        tenantOk = QUuid::fromString(authority.tenant()).isNull()
            ? guid // a domain: the document names the tenant's id, which we cannot know yet
            : issuerTenant.compare(authority.tenant(), Qt::CaseInsensitive) == 0;
        break;
    default:
        break;
    }
    if (!shapeOk || !tenantOk) {
        return invalid(tr("The discovery document's issuer %1 does not belong to the authority %2.")
                           .arg(metadata->issuer, authority.url().toString()));
    }
    return {};
}

void AuthorityResolver::watchWaiter(QObject *context)
{
    if (context)
        connect(context, &QObject::destroyed, this, [this, context] { dropUnwantedFetches(context); });
}

void AuthorityResolver::dropUnwantedFetches(QObject *dying)
{
    const auto wanted = [dying](const auto &waiters) {
        return std::any_of(waiters.cbegin(), waiters.cend(),
                           [dying](const auto &waiter) { return waiter.first && waiter.first.data() != dying; });
    };
    const auto drop = [this](QPointer<HttpCall> &call) {
        if (!call)
            return;
        disconnect(call, nullptr, this, nullptr);
        call->abort();
        call->deleteLater();
        call = nullptr;
    };
    if (m_metadataBusy && !wanted(m_metadataWaiters)) {
        qCDebug(lcMsalDiscovery) << "Nobody waits for the authority metadata any more: fetch aborted";
        m_metadataBusy = false;
        m_metadataWaiters.clear();
        drop(m_metadataCall);
    }
    if (m_keysBusy && !wanted(m_keysWaiters)) {
        m_keysBusy = false;
        m_keysWaiters.clear();
        drop(m_keysCall);
    }
}

void AuthorityResolver::finishMetadata(const AuthError &error)
{
    m_metadataBusy = false;
    m_metadataReady = !error.isError();
    if (error.isError())
        qCWarning(lcMsalDiscovery) << "Authority metadata failed:" << error.errorString();
    const auto waiters = std::exchange(m_metadataWaiters, {});
    for (const auto &[context, callback] : waiters) {
        if (context)
            callback(m_metadata, error);
    }
}

void AuthorityResolver::keys(bool refresh, const QString &correlationId, QObject *context,
                             const KeysCallback &callback)
{
    m_keysWaiters.append({context, callback});
    watchWaiter(context);
    if (m_keysReady && !refresh) {
        QMetaObject::invokeMethod(
            this, [this] { if (!m_keysBusy) finishKeys(AuthError()); }, Qt::QueuedConnection);
        return;
    }
    if (m_keysBusy)
        return;
    m_keysBusy = true;
    HttpRequest request;
    request.url = m_metadata.jwksUri;
    request.correlationId = correlationId;
    HttpCall *call = m_http->send(request, this);
    m_keysCall = call;
    connect(call, &HttpCall::finished, this, [this, call, correlationId] {
        call->deleteLater();
        const HttpResponse &response = call->response();
        if (!response.isHttpSuccess()) {
            finishKeys(errorFromHttpResponse(response, correlationId));
            return;
        }
        QString parseError;
        Jwks keys = Jwks::fromJson(response.body, &parseError);
        if (keys.isEmpty()) {
            AuthError error(AuthError::InvalidResponse,
                            tr("The authority's signing keys could not be read: %1").arg(parseError));
            error.setCorrelationId(correlationId);
            finishKeys(error);
            return;
        }
        m_keys = keys;
        qCDebug(lcMsalDiscovery) << "Loaded" << m_keys.size() << "signing keys";
        finishKeys(AuthError());
    });
}

void AuthorityResolver::finishKeys(const AuthError &error)
{
    m_keysBusy = false;
    if (!error.isError())
        m_keysReady = true;
    const auto waiters = std::exchange(m_keysWaiters, {});
    for (const auto &[context, callback] : waiters) {
        if (context)
            callback(m_keys, error);
    }
}

} // namespace MsalQt::Internal
