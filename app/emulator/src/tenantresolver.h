#pragma once

#include "config.h"
#include "errorresponses.h"

#include <QString>

#include <optional>

namespace MsalQt::Emulator {

// What the tenant segment of a path ("/{tenant}/oauth2/...") names.
struct TenantRef {
    enum Kind { Specific, Common, Organizations, Consumers };
    Kind kind = Specific;
    QString segment;               // as the client wrote it
    const Tenant *tenant = nullptr; // Specific: the tenant; Consumers: the MSA tenant
    QString policy;                 // Azure AD B2C: the user flow of /{tenant}/{policy}/... (lower case)

    bool isAlias() const { return kind != Specific; }
    // The segment used in this tenant's endpoint URLs: the GUID for a GUID or domain,
    // the alias itself for common/organizations/consumers, as the platform does.
    QString endpointSegment() const;
    // The tenant part of the issuer: the GUID, or the literal "{tenantid}" placeholder for
    // common and organizations (consumers resolves to the MSA tenant's GUID).
    QString issuerSegment() const;
};

// Resolves tenant segments and applies the platform's rules about which accounts may sign
// in through which authority.
class TenantResolver
{
public:
    explicit TenantResolver(const Config &config) : m_config(config) { }

    std::optional<TenantRef> resolve(const QString &segment) const;

    // Whether this user may sign in to this app through this authority; the error otherwise.
    std::optional<PlatformError> checkUser(const TenantRef &authority, const User &user, const App &app) const;
    // The tenant tokens for this user are issued in through this authority: the named tenant
    // when the user is a guest there, else the user's home tenant.
    static QString issuingTenant(const TenantRef &authority, const User &user);

private:
    const Config &m_config;
};

} // namespace MsalQt::Emulator
