#pragma once

#include <MsalQt/msalqt_global.h>

#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>
#include <QUrl>

namespace MsalQt {
class AuthorityData;
} // namespace MsalQt
// Out of line, so that the inline moves below need not see AuthorityData.
QT_BEGIN_NAMESPACE
QT_DECLARE_QSDP_SPECIALIZATION_DTOR_WITH_EXPORT(MsalQt::AuthorityData, MSALQT_AUTH_EXPORT)
QT_END_NAMESPACE

namespace MsalQt {

/// Where tokens come from. A Microsoft authority is a host plus one tenant segment (a tenant id,
/// a verified domain, or one of the audiences "organizations", "common", "consumers"); an OpenID
/// Connect authority is any issuer URL that publishes .well-known/openid-configuration. The
/// national clouds (login.microsoftonline.us, login.partner.microsoftonline.cn, ...) are Microsoft
/// authorities like the public cloud; Microsoft Entra External ID tenants come from ciam(), Azure AD
/// B2C user flows (a host, a tenant and a policy) from b2c(), and AD FS 2019 (or later) farms,
/// https://{host}/adfs, from adfs().
/// Only https is accepted, except for loopback hosts (local emulators and tests).
class MSALQT_AUTH_EXPORT Authority
{
    Q_GADGET
public:
    /// What an authority is: which accounts sign in through it.
    enum Type {
        /// not an authority: the URL was refused (see errorString())
        Invalid = 0,
        Tenant,        ///< one directory: GUID or domain
        Organizations, ///< any work or school account
        Common,        ///< work, school and personal Microsoft accounts
        Consumers,     ///< personal Microsoft accounts only
        OpenIdConnect, ///< a generic, standards-compliant provider
        B2C,           ///< Azure AD B2C: a tenant plus a user flow or custom policy
        Ciam,          ///< a Microsoft Entra External ID (customer identity) tenant: see ciam()
        Adfs,          ///< an AD FS 2019 (or later) server, https://{host}/adfs
    };
    Q_ENUM(Type)

    /// Constructs an invalid authority.
    Authority();
    /// Copies `other`; the two share their data until one of them changes.
    Authority(const Authority &other);
    /// Assigns `other` to this authority.
    Authority &operator=(const Authority &other);
    /// Moves `other` into a new authority.
    Authority(Authority &&other) noexcept = default;
    /// Move-assigns `other` to this authority.
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(Authority)
    /// Destroys the authority.
    ~Authority();

    /// Swaps this authority with `other`; never fails.
    void swap(Authority &other) noexcept { d.swap(other.d); }

    /// https://login.microsoftonline.com/{tenant} (a trailing "/v2.0" or "/" is accepted and dropped).
    static Authority microsoft(const QUrl &url);
    /// The same as microsoft(const QUrl &), from a string.
    static Authority microsoft(const QString &url);
    /// https://login.microsoftonline.com/{tenant} for a tenant id, domain or audience keyword.
    static Authority microsoftTenant(const QString &tenant);
    /// A Microsoft Entra External ID (CIAM) tenant: https://{tenant}.ciamlogin.com/ becomes
    /// https://{tenant}.ciamlogin.com/{tenant}.onmicrosoft.com, as in MSAL's other libraries;
    /// https://{tenant}.ciamlogin.com/{tenant id or domain} and a custom URL domain
    /// (https://login.contoso.com/{tenant id}) are kept. It behaves as a Microsoft tenant authority
    /// (v2.0 metadata, client_info, the issuer's tenant checked) without instance discovery.
    static Authority ciam(const QUrl &url);
    /// The Microsoft authority a URL names, told apart by MSAL's rules: a b2clogin host or a
    /// "/tfp/" path is b2c(), a first path segment "adfs" is adfs(), anything else is microsoft()
    /// (which takes a ciamlogin.com host as External ID). For what the URL alone cannot say (a
    /// B2C or External ID custom domain, a generic OpenID Connect issuer), call the factory itself.
    static Authority fromUrl(const QString &url);
    /// Any OpenID Connect issuer; its metadata is read from {issuer}/.well-known/openid-configuration.
    static Authority openIdConnect(const QUrl &issuer);
    /// Azure AD B2C: https://{host}/tfp/{tenant}/{policy} or https://{host}/{tenant}/{policy}, on a
    /// b2clogin.com host or a custom domain (calling b2c() is what says the host is B2C). A trailing
    /// "/v2.0" or "/" is accepted and dropped; the URL is kept in lower case, with "tfp" if given.
    static Authority b2c(const QUrl &url);
    /// The same as b2c(const QUrl &), from a string.
    static Authority b2c(const QString &url);
    /// An AD FS 2019 (or later) farm: https://{host}/adfs (a trailing "/" is accepted and dropped).
    /// Its metadata is read from {authority}/.well-known/openid-configuration, with no instance discovery.
    static Authority adfs(const QUrl &url);
    /// The same as adfs(const QUrl &), from a string.
    static Authority adfs(const QString &url);

    /// Whether the URL was accepted (type() is not Invalid).
    bool isValid() const;
    QString errorString() const; ///< why the URL was refused, when !isValid()
    /// What the authority is; Invalid when the URL was refused.
    Type type() const;
    bool isMicrosoft() const;    ///< any of Tenant, Organizations, Common, Consumers, Ciam

    QUrl url() const;            ///< canonical, without trailing slash
    QString host() const;        ///< "host" or "host:port": the cache's "environment"
    QString tenant() const;      ///< the tenant segment (Microsoft, CIAM, B2C), "adfs" for AD FS, empty for OpenID Connect
    QString policy() const;      ///< the B2C user flow or custom policy (lower case), empty otherwise
    bool isKnownMicrosoftHost() const; ///< a public or sovereign Microsoft cloud host
    QUrl discoveryUrl() const;   ///< the OpenID Connect discovery document

    /// Whether the authorities have the same type and canonical URL.
    bool operator==(const Authority &other) const;
    /// Whether the authorities differ in type or canonical URL.
    bool operator!=(const Authority &other) const { return !(*this == other); }

    /// Whether `host` is "localhost" (in any case) or a loopback address (127.0.0.0/8, ::1):
    /// the hosts for which http is accepted.
    static bool isLoopbackHost(const QString &host);

private:
    QSharedDataPointer<AuthorityData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(Authority)
Q_DECLARE_METATYPE(MsalQt::Authority)
