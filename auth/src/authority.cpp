#include <MsalQt/authority.h>

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace MsalQt {

class AuthorityData : public QSharedData
{
public:
    Authority::Type type = Authority::Invalid;
    QUrl url;
    QString tenant;
    QString policy;
    QString error;
};

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::Authority)
};
} // namespace

// The Microsoft clouds' sign-in hosts (public, China, US Government, the retired Germany cloud,
// and the sovereign clouds of France, Germany and Singapore, as msal-common's table); instance discovery
// tells their aliases apart, this list only decides what counts as a Microsoft cloud without asking.
static bool isKnownHost(const QString &host)
{
    static const QStringList hosts = {
        QStringLiteral("login.microsoftonline.com"), QStringLiteral("login.windows.net"),
        QStringLiteral("login.microsoft.com"),       QStringLiteral("sts.windows.net"),
        QStringLiteral("login.chinacloudapi.cn"),    QStringLiteral("login.partner.microsoftonline.cn"),
        QStringLiteral("login.microsoftonline.us"),  QStringLiteral("login.usgovcloudapi.net"),
        QStringLiteral("login-us.microsoftonline.com"), QStringLiteral("login.microsoftonline.de"),
        QStringLiteral("login.sovcloud-identity.fr"), QStringLiteral("login.sovcloud-identity.de"),
        QStringLiteral("login.sovcloud-identity.sg"),
    };
    return hosts.contains(host.toLower());
}

// Azure AD B2C's own hosts ({tenant}.b2clogin.com and its sovereign twins), as MSAL lists them;
// custom domains are only known as B2C when the application says so through Authority::b2c().
static bool isB2CHost(const QString &host)
{
    static const QStringList domains = {QStringLiteral(".b2clogin.com"), QStringLiteral(".b2clogin.cn"),
                                        QStringLiteral(".b2clogin.us"), QStringLiteral(".b2clogin.de")};
    const QString lower = host.toLower();
    return std::any_of(domains.cbegin(), domains.cend(), [&](const QString &d) { return lower.endsWith(d); });
}

// Entra External ID's sign-in hosts: {tenant}.ciamlogin.com.
static const QLatin1String ciamHostSuffix(".ciamlogin.com");

static bool isCiamHost(const QString &host)
{
    return host.toLower().endsWith(ciamHostSuffix) && host.size() > ciamHostSuffix.size();
}

// The consumers tenant: personal Microsoft accounts live here, so it behaves like /consumers.
static const QLatin1String consumersTenantId("9188040d-6c67-4c5b-b112-36a304b66dad");

bool Authority::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// RFC 8252 §8.3 and the platform both insist on TLS; loopback is exempt so that local emulators
// and test servers can run without certificates.
static bool checkTransport(const QUrl &url, QString *error)
{
    if (!url.isValid() || url.host().isEmpty()) {
        *error = Tr::tr("The authority is not a valid URL.");
        return false;
    }
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() == QLatin1String("http") && Authority::isLoopbackHost(url.host()))
        return true;
    *error = Tr::tr("The authority must use https (plain http is only allowed on loopback hosts).");
    return false;
}

static bool checkNoExtras(const QUrl &url, QString *error)
{
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty()) {
        *error = Tr::tr("The authority URL must not carry a query, a fragment or user information.");
        return false;
    }
    return true;
}

static bool isValidTenantSegment(const QString &tenant)
{
    if (!QUuid::fromString(tenant).isNull())
        return true;
    static const QRegularExpression domain(QStringLiteral(
        "^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return domain.match(tenant).hasMatch();
}

Authority::Authority() : d(new AuthorityData) {}
Authority::Authority(const Authority &other) = default;
Authority &Authority::operator=(const Authority &other) = default;
Authority::~Authority() = default;

Authority Authority::microsoft(const QString &url)
{
    return microsoft(QUrl(url, QUrl::StrictMode));
}

Authority Authority::microsoft(const QUrl &url)
{
    Authority authority;
    AuthorityData *d = authority.d.data();
    if (!checkTransport(url, &d->error) || !checkNoExtras(url, &d->error))
        return authority;

    if (isCiamHost(url.host())) {
        // An External ID host is not a workforce cloud: instance discovery does not know it and
        // its tenants are customer tenants. Taken as ciam() says, not refused with a riddle.
        return ciam(url);
    }
    QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() == 2 && segments.last() == QLatin1String("v2.0"))
        segments.removeLast();
    if (isB2CHost(url.host()) || segments.value(0).compare(QLatin1String("tfp"), Qt::CaseInsensitive) == 0) {
        d->error = Tr::tr("This is an Azure AD B2C authority: create it with Authority::b2c(), which takes https://{host}/{tenant}/{policy}.");
        return authority;
    }
    // MSAL's rule (authority.py, msal-common's Authority): a first path segment "adfs" is AD FS.
    if (!segments.isEmpty() && segments.first().compare(QLatin1String("adfs"), Qt::CaseInsensitive) == 0) {
        d->error = Tr::tr("This is an AD FS authority: use Authority::adfs() for https://host/adfs.");
        return authority;
    }
    if (segments.size() != 1) {
        d->error = segments.isEmpty()
            ? Tr::tr("The authority has no tenant: use https://host/{tenant}, where the tenant is a tenant id, a domain, \"organizations\", \"common\" or \"consumers\".")
            : Tr::tr("The authority must be a host followed by exactly one tenant segment (for an Azure AD B2C authority with a policy, use Authority::b2c()).");
        return authority;
    }
    const QString tenant = segments.first();
    if (!isValidTenantSegment(tenant)) {
        d->error = Tr::tr("\"%1\" is not a tenant id, a domain name or an audience keyword.").arg(tenant);
        return authority;
    }
    const QString lower = tenant.toLower();
    if (lower == QLatin1String("common"))
        d->type = Common;
    else if (lower == QLatin1String("organizations"))
        d->type = Organizations;
    else if (lower == QLatin1String("consumers") || lower == consumersTenantId)
        d->type = Consumers;
    else
        d->type = Tenant;
    d->tenant = (d->type == Tenant) ? tenant : lower;

    QUrl canonical;
    canonical.setScheme(url.scheme());
    canonical.setHost(url.host().toLower());
    canonical.setPort(url.port());
    canonical.setPath(QLatin1Char('/') + d->tenant);
    d->url = canonical;
    return authority;
}

Authority Authority::fromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (isB2CHost(url.host()) || segments.value(0).compare(QLatin1String("tfp"), Qt::CaseInsensitive) == 0)
        return b2c(url);
    if (segments.value(0).compare(QLatin1String("adfs"), Qt::CaseInsensitive) == 0)
        return adfs(url);
    return microsoft(url);
}

Authority Authority::microsoftTenant(const QString &tenant)
{
    return microsoft(QStringLiteral("https://login.microsoftonline.com/") + tenant);
}

Authority Authority::ciam(const QUrl &url)
{
    Authority authority;
    AuthorityData *d = authority.d.data();
    if (!checkTransport(url, &d->error) || !checkNoExtras(url, &d->error))
        return authority;
    QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() == 2 && segments.last() == QLatin1String("v2.0"))
        segments.removeLast();
    const QString host = url.host().toLower();
    if (segments.isEmpty() && isCiamHost(host)) {
        // msal-common's transformCIAMAuthority: https://contoso.ciamlogin.com/ is the tenant
        // https://contoso.ciamlogin.com/contoso.onmicrosoft.com.
        segments << host.left(host.size() - ciamHostSuffix.size()) + QStringLiteral(".onmicrosoft.com");
    }
    if (segments.size() != 1) {
        d->error = segments.isEmpty()
            ? Tr::tr("The External ID authority has no tenant: use https://{tenant}.ciamlogin.com/, or add the tenant id or domain to a custom URL domain (https://login.contoso.com/{tenant id}).")
            : Tr::tr("The External ID authority must be a host followed by exactly one tenant segment (a tenant id or domain).");
        return authority;
    }
    const QString tenant = segments.first();
    const QString lower = tenant.toLower();
    if (!isValidTenantSegment(tenant)) {
        d->error = Tr::tr("\"%1\" is not a tenant id or a domain name.").arg(tenant);
        return authority;
    }
    if (lower == QLatin1String("common") || lower == QLatin1String("organizations")
        || lower == QLatin1String("consumers") || lower == consumersTenantId) {
        d->error = Tr::tr("An External ID authority names its own tenant; \"%1\" is a workforce audience: use Authority::microsoft() for it.").arg(tenant);
        return authority;
    }
    d->type = Ciam;
    d->tenant = tenant;
    QUrl canonical;
    canonical.setScheme(url.scheme());
    canonical.setHost(host);
    canonical.setPort(url.port());
    canonical.setPath(QLatin1Char('/') + tenant);
    d->url = canonical;
    return authority;
}

Authority Authority::openIdConnect(const QUrl &issuer)
{
    Authority authority;
    AuthorityData *d = authority.d.data();
    if (!checkTransport(issuer, &d->error) || !checkNoExtras(issuer, &d->error))
        return authority;
    QUrl canonical = issuer.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (canonical.path() == QLatin1String("/"))
        canonical.setPath(QString());
    canonical.setHost(canonical.host().toLower());
    d->url = canonical;
    d->type = OpenIdConnect;
    return authority;
}

Authority Authority::adfs(const QString &url)
{
    return adfs(QUrl(url, QUrl::StrictMode));
}

Authority Authority::adfs(const QUrl &url)
{
    Authority authority;
    AuthorityData *d = authority.d.data();
    if (!checkTransport(url, &d->error) || !checkNoExtras(url, &d->error))
        return authority;
    // AD FS serves one issuer per farm, at /adfs: MSAL recognises it by that first path segment
    // and the issuer of its discovery document is https://{host}/adfs.
    const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() != 1 || segments.first().compare(QLatin1String("adfs"), Qt::CaseInsensitive) != 0) {
        d->error = Tr::tr("An AD FS authority is a host followed by /adfs, such as https://sts.contoso.com/adfs.");
        return authority;
    }
    QUrl canonical;
    canonical.setScheme(url.scheme());
    canonical.setHost(url.host().toLower());
    canonical.setPort(url.port());
    canonical.setPath(QStringLiteral("/adfs"));
    d->url = canonical;
    d->tenant = QStringLiteral("adfs");
    d->type = Adfs;
    return authority;
}

Authority Authority::b2c(const QString &url)
{
    return b2c(QUrl(url, QUrl::StrictMode));
}

Authority Authority::b2c(const QUrl &url)
{
    Authority authority;
    AuthorityData *d = authority.d.data();
    if (!checkTransport(url, &d->error) || !checkNoExtras(url, &d->error))
        return authority;
    // MSAL's shapes: /tfp/{tenant}/{policy} and /{tenant}/{policy}. Like MSAL Python, the path is
    // kept as given (discovery is read below it) and, like msal-common, compared in lower case:
    // tenants are domain names or GUIDs, and B2C treats policy names case-insensitively.
    QStringList segments = url.path().toLower().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!segments.isEmpty() && segments.last() == QLatin1String("v2.0"))
        segments.removeLast();
    const bool tfp = !segments.isEmpty() && segments.first() == QLatin1String("tfp");
    if (tfp)
        segments.removeFirst();
    if (segments.size() != 2) {
        d->error = segments.size() < 2
            ? Tr::tr("The Azure AD B2C authority has no policy: use https://{host}/{tenant}/{policy}, where the policy is the user flow, such as B2C_1_signupsignin.")
            : Tr::tr("The Azure AD B2C authority must be a host followed by a tenant and a policy: https://{host}/{tenant}/{policy}.");
        return authority;
    }
    if (!isValidTenantSegment(segments.first())) {
        d->error = Tr::tr("\"%1\" is not a tenant id or a domain name.").arg(segments.first());
        return authority;
    }
    static const QRegularExpression policyName(QStringLiteral("^[a-z0-9_.-]{1,128}$"));
    if (!policyName.match(segments.last()).hasMatch()) {
        d->error = Tr::tr("\"%1\" is not a B2C policy name.").arg(segments.last());
        return authority;
    }
    d->tenant = segments.first();
    d->policy = segments.last();
    QUrl canonical;
    canonical.setScheme(url.scheme());
    canonical.setHost(url.host().toLower());
    canonical.setPort(url.port());
    canonical.setPath((tfp ? QStringLiteral("/tfp/") : QStringLiteral("/")) + d->tenant + QLatin1Char('/') + d->policy);
    d->url = canonical;
    d->type = B2C;
    return authority;
}

bool Authority::isValid() const { return d->type != Invalid; }
QString Authority::errorString() const { return d->error; }
Authority::Type Authority::type() const { return d->type; }

bool Authority::isMicrosoft() const
{
    return d->type == Tenant || d->type == Organizations || d->type == Common || d->type == Consumers
        || d->type == Ciam;
}

QUrl Authority::url() const { return d->url; }

QString Authority::host() const
{
    if (d->url.port() < 0)
        return d->url.host();
    return d->url.host() + QLatin1Char(':') + QString::number(d->url.port());
}

QString Authority::tenant() const { return d->tenant; }
QString Authority::policy() const { return d->policy; }

bool Authority::isKnownMicrosoftHost() const
{
    return isMicrosoft() && isKnownHost(d->url.host());
}

QUrl Authority::discoveryUrl() const
{
    if (!isValid())
        return {};
    QUrl url = d->url;
    // Microsoft: {authority}/v2.0/.well-known/openid-configuration (the v2.0 endpoint's metadata);
    // OpenID Connect Discovery 1.0 §4: {issuer}/.well-known/openid-configuration.
    // B2C: {authority}/v2.0/.well-known/openid-configuration, below the policy.
    const QString suffix = isMicrosoft() || d->type == B2C ? QStringLiteral("/v2.0/.well-known/openid-configuration")
                                         : QStringLiteral("/.well-known/openid-configuration");
    url.setPath(url.path() + suffix);
    return url;
}

bool Authority::operator==(const Authority &other) const
{
    return d->type == other.d->type && d->url == other.d->url;
}

} // namespace MsalQt

QT_BEGIN_NAMESPACE
QT_DEFINE_QSDP_SPECIALIZATION_DTOR(MsalQt::AuthorityData)
QT_END_NAMESPACE
