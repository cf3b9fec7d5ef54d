#pragma once

#include <MsalQt/msalqt_global.h>

#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>
#include <QUrl>

namespace MsalQt {

class AuthorityData;

// Where tokens come from. A Microsoft authority is a host plus one tenant segment (a tenant id,
// a verified domain, or one of the audiences "organizations", "common", "consumers"); an OpenID
// Connect authority is any issuer URL that publishes .well-known/openid-configuration.
// Only https is accepted, except for loopback hosts (local emulators and tests).
class MSALQT_AUTH_EXPORT Authority
{
    Q_GADGET
public:
    enum Type {
        Invalid = 0,
        Tenant,        // one directory: GUID or domain
        Organizations, // any work or school account
        Common,        // work, school and personal Microsoft accounts
        Consumers,     // personal Microsoft accounts only
        OpenIdConnect, // a generic, standards-compliant provider
    };
    Q_ENUM(Type)

    Authority();
    Authority(const Authority &other);
    Authority &operator=(const Authority &other);
    ~Authority();

    // https://login.microsoftonline.com/{tenant} (a trailing "/v2.0" or "/" is accepted and dropped).
    static Authority microsoft(const QUrl &url);
    static Authority microsoft(const QString &url);
    // https://login.microsoftonline.com/{tenant} for a tenant id, domain or audience keyword.
    static Authority microsoftTenant(const QString &tenant);
    // Any OpenID Connect issuer; its metadata is read from {issuer}/.well-known/openid-configuration.
    static Authority openIdConnect(const QUrl &issuer);

    bool isValid() const;
    QString errorString() const; // why the URL was refused, when !isValid()
    Type type() const;
    bool isMicrosoft() const;    // any of Tenant, Organizations, Common, Consumers

    QUrl url() const;            // canonical, without trailing slash
    QString host() const;        // "host" or "host:port": the cache's "environment"
    QString tenant() const;      // the tenant segment (Microsoft), empty for OpenID Connect
    bool isKnownMicrosoftHost() const; // a public or sovereign Microsoft cloud host
    QUrl discoveryUrl() const;   // the OpenID Connect discovery document

    bool operator==(const Authority &other) const;
    bool operator!=(const Authority &other) const { return !(*this == other); }

    static bool isLoopbackHost(const QString &host);

private:
    QSharedDataPointer<AuthorityData> d;
};

} // namespace MsalQt

Q_DECLARE_METATYPE(MsalQt::Authority)
