#include "tenantresolver.h"

namespace MsalQt::Emulator {

QString TenantRef::endpointSegment() const
{
    switch (kind) {
    case Common: return QStringLiteral("common");
    case Organizations: return QStringLiteral("organizations");
    case Consumers: return QStringLiteral("consumers");
    case Specific: break;
    }
    if (!policy.isEmpty() && tenant)
        return tenant->id + QLatin1Char('/') + policy;
    return tenant ? tenant->id : segment;
}

QString TenantRef::issuerSegment() const
{
    if (kind == Common || kind == Organizations)
        return QStringLiteral("{tenantid}");
    return tenant ? tenant->id : segment;
}

std::optional<TenantRef> TenantResolver::resolve(const QString &segment) const
{
    TenantRef ref;
    ref.segment = segment;
    const QString s = segment.toLower();
    if (s == QLatin1String("common")) {
        ref.kind = TenantRef::Common;
        return ref;
    }
    if (s == QLatin1String("organizations")) {
        ref.kind = TenantRef::Organizations;
        return ref;
    }
    if (s == QLatin1String("consumers")) {
        ref.kind = TenantRef::Consumers;
        ref.tenant = m_config.consumersTenant();
        return ref;
    }
    ref.tenant = m_config.tenantByIdOrDomain(s);
    if (!ref.tenant)
        return std::nullopt;
    return ref;
}

QString TenantResolver::issuingTenant(const TenantRef &authority, const User &user)
{
    if (authority.kind == TenantRef::Specific && authority.tenant && user.guestIn(authority.tenant->id))
        return authority.tenant->id;
    return user.tenantId;
}

std::optional<PlatformError> TenantResolver::checkUser(const TenantRef &authority, const User &user,
                                                       const App &app) const
{
    const bool msaAuthority = authority.kind == TenantRef::Consumers || (authority.tenant && authority.tenant->consumers);
    if (authority.kind == TenantRef::Common)
        return std::nullopt;

    if (authority.kind == TenantRef::Organizations) {
        if (!user.isMsa())
            return std::nullopt;
        return PlatformError{400, QStringLiteral("invalid_request"), 500200,
                             QStringLiteral("User account '%1' is a personal Microsoft account. Personal Microsoft "
                                            "accounts are not supported for this application unless explicitly invited "
                                            "to an organization. Try signing out and signing back in with an "
                                            "organizational account.").arg(user.username), {}, {}};
    }

    if (msaAuthority ? user.isMsa() : (authority.tenant && user.tenantId == authority.tenant->id))
        return std::nullopt;
    // B2B: a guest signs in to the tenant that invited it, as a guest object of its own there.
    if (!msaAuthority && authority.tenant && user.guestIn(authority.tenant->id))
        return std::nullopt;

    const QString idp = user.isMsa() ? QStringLiteral("live.com")
                                     : QStringLiteral("https://sts.windows.net/%1/").arg(user.tenantId);
    const QString tenantName = authority.tenant ? authority.tenant->displayName : authority.segment;
    return PlatformError{400, QStringLiteral("invalid_request"), 50020,
                         QStringLiteral("User account '%1' from identity provider '%2' does not exist in tenant '%3' "
                                        "and cannot access the application '%4'(%5) in that tenant. The account needs "
                                        "to be added as an external user in the tenant first. Sign out and sign in "
                                        "again with a different Azure Active Directory user account.")
                             .arg(user.username, idp, tenantName, app.clientId, app.displayName),
                         {}, {}};
}

} // namespace MsalQt::Emulator
