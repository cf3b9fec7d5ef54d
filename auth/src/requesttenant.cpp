// Per-request tenants: a guest's token in a tenant it was invited to, a multi-tenant
// application's token in a customer's tenant, from the home sign-in's refresh token.

#include "clientapplication_p.h"
#include "logging_p.h"
#include "tokenrequest_p.h"

#include <QCoreApplication>

namespace MsalQt {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::ClientApplication)
};
} // namespace

Authority ClientApplicationPrivate::authorityForTenant(const QString &tenant) const
{
    if (tenant.isEmpty() || !authority.isMicrosoft())
        return authority;
    if (authority.type() == Authority::Tenant && authority.tenant().compare(tenant, Qt::CaseInsensitive) == 0)
        return authority;
    // The same cloud host (and port, for emulators), with the tenant as the one path segment.
    QUrl url = authority.url();
    url.setPath(QLatin1Char('/') + tenant);
    return Authority::microsoft(url);
}

AuthError ClientApplicationPrivate::checkRequestTenant(const QString &tenant) const
{
    if (tenant.isEmpty())
        return {};
    // A B2C directory and an AD FS farm are one directory each, as a generic provider is;
    // personal Microsoft accounts live in one tenant only.
    if (authority.type() == Authority::B2C || authority.type() == Authority::Adfs) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Azure AD B2C and AD FS authorities have no other tenants: request the token without a tenant."));
    }
    if (!authority.isMicrosoft()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("A tenant cannot be named for an OpenID Connect authority, which has no tenants: "
                                "request the token without a tenant."));
    }
    if (authority.type() == Authority::Consumers) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Personal Microsoft accounts (the consumers authority) have no other tenants: "
                                "request the token without a tenant."));
    }
    const Authority other = authorityForTenant(tenant);
    if (!other.isValid()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("\"%1\" is not a tenant: %2").arg(tenant, other.errorString()));
    }
    if (other.type() != Authority::Tenant) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("\"%1\" names no single tenant: give a tenant id or a verified domain name.")
                             .arg(tenant));
    }
    return {};
}

Internal::AuthorityResolver *ClientApplicationPrivate::resolverFor(const QString &tenant)
{
    const Authority other = authorityForTenant(tenant);
    if (other == authority)
        return resolver;
    const QString key = other.tenant().toLower();
    Internal::AuthorityResolver *&tenantResolver = tenantResolvers[key];
    if (!tenantResolver) {
        qCDebug(lcMsalAuth) << "Resolving a second tenant's metadata for a per-request tenant";
        tenantResolver = new Internal::AuthorityResolver(other, http.get(), q_ptr);
        // The same cloud, asked the same way: the switch and the hosts the application trusts
        // hold for every tenant's metadata.
        tenantResolver->setInstanceDiscoveryTimeout(resolver->instanceDiscoveryTimeout());
        tenantResolver->setInstanceDiscoveryEnabled(resolver->isInstanceDiscoveryEnabled());
        tenantResolver->setKnownAuthorities(resolver->knownAuthorities());
    }
    return tenantResolver;
}

// With a tenant named by the request, what it files without a tenant from the answer goes
// under that tenant, not the application's.
QString TokenRequestPrivate::cacheRealm(const QString &tokenTenant) const
{
    return cacheRealm(authority(), tokenTenant);
}

} // namespace MsalQt
