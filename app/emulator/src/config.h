#pragma once

#include "appcertificate.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace MsalQt::Emulator {

// The directory the emulator pretends to be: tenants, users, app registrations and the
// resources (APIs) tokens can be issued for. Plain data; Config owns it and validates it.

struct Tenant {
    QString id;          // GUID, lower case
    QString displayName;
    QStringList domains; // verified domains, lower case
    bool consumers = false; // the Microsoft-account (MSA) tenant
    bool federated = false; // users sign in at the emulator's federation server (WS-Trust)
    QStringList b2cPolicies; // Azure AD B2C: the tenant's user flows (lower case); empty otherwise
};

// A user invited into another tenant (B2B): a guest object of its own there, with its own oid.
struct GuestMembership {
    QString tenantId; // the tenant the user is a guest in (GUID, lower case)
    QString oid;      // the guest object's id in that tenant
};

struct User {
    enum AccountType { Work, Msa };
    QString oid;
    QString username;    // UPN / sign-in name
    QString displayName;
    QString givenName;
    QString surname;
    QString password;
    QString tenantId;    // home tenant GUID
    bool mfaRequired = false;
    AccountType accountType = Work;
    QList<GuestMembership> guestOf; // "guestOf": the other tenants the user was invited to
    bool isMsa() const { return accountType == Msa; }
    // The guest object in `tenantId`, or null when the user is not a guest there.
    const GuestMembership *guestIn(const QString &tenantId) const
    {
        for (const GuestMembership &guest : guestOf) {
            if (guest.tenantId.compare(tenantId, Qt::CaseInsensitive) == 0)
                return &guest;
        }
        return nullptr;
    }
};

struct Resource {
    QString uri;           // "https://graph.microsoft.com", "api://<appId>"
    QString appId;
    QString displayName;
    // The aud claim. Graph tokens carry the URI; v2 tokens for an app's own API carry its appId.
    QString audience;
    QStringList scopes;        // delegated permissions the resource knows
    QStringList defaultScopes; // what "<resource>/.default" grants to a user
    QStringList appRoles;      // what "<resource>/.default" grants to an app (client credentials)
    bool isGraph = false;
};

struct App {
    QString clientId;
    QString displayName;
    bool isPublic = true;
    QStringList secrets;
    QStringList redirectUris;
    QStringList grantTypes;     // full grant_type names
    QString servicePrincipalId; // oid/sub of this app's app-only tokens
    QList<AppCertificate> certificates; // client assertion keys (confidential apps)
    bool implicitGrant = false; // "implicitGrant": /authorize may answer response_type token / id_token
    bool allowsGrant(const QString &grantType) const { return grantTypes.contains(grantType); }
};

class Config
{
public:
    static const QString consumersTenantId;
    static const QString graphAppId;
    static const QString graphUri;
    static const QString deviceCodeGrant;

    // The compiled-in default (":/msalqt-emulator/default-config.json").
    static Config builtIn();
    static std::optional<Config> fromJson(const QJsonObject &json, QString *error);

    const QList<Tenant> &tenants() const { return m_tenants; }
    const QList<User> &users() const { return m_users; }
    const QList<App> &apps() const { return m_apps; }
    const QList<Resource> &resources() const { return m_resources; }

    // Lookups are case-insensitive, like the platform's.
    const Tenant *tenantByIdOrDomain(const QString &idOrDomain) const;
    const Tenant *consumersTenant() const;
    const Tenant *defaultTenant() const;
    const User *userByName(const QString &username) const;
    const User *userByOid(const QString &oid) const;
    const App *app(const QString &clientId) const;
    const App *firstApp(bool isPublic) const;
    const Resource *resource(const QString &uriOrAppId) const;
    const Resource *graph() const;

    // Optional "settings" object; -1 when absent.
    int accessTokenLifetime() const { return m_accessTokenLifetime; }
    int deviceCodeInterval() const { return m_deviceCodeInterval; }
    int deviceCodeExpiresIn() const { return m_deviceCodeExpiresIn; }

private:
    bool parseTenants(const QJsonObject &json, QString *error);
    bool parseUsers(const QJsonObject &json, QString *error);
    bool parseGuestOf(const QJsonObject &user, const QString &where, User *parsed, QString *error);
    bool parseApps(const QJsonObject &json, QString *error);
    bool parseResources(const QJsonObject &json, QString *error);
    bool parseSettings(const QJsonObject &json, QString *error);

    QList<Tenant> m_tenants;
    QList<User> m_users;
    QList<App> m_apps;
    QList<Resource> m_resources;
    QString m_defaultTenantId;
    int m_accessTokenLifetime = -1;
    int m_deviceCodeInterval = -1;
    int m_deviceCodeExpiresIn = -1;
};

} // namespace MsalQt::Emulator
