#include "config.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace MsalQt::Emulator {

const QString Config::consumersTenantId = QStringLiteral("9188040d-6c67-4c5b-b112-36a304b66dad");
const QString Config::graphAppId = QStringLiteral("00000003-0000-0000-c000-000000000000");
const QString Config::graphUri = QStringLiteral("https://graph.microsoft.com");
const QString Config::deviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

namespace {

// Error messages name the offending JSON location, e.g. "users[1].tenant: ...".
bool fail(QString *error, const QString &where, const QString &what)
{
    if (error)
        *error = where + QStringLiteral(": ") + what;
    return false;
}

bool isGuid(const QString &s)
{
    // QUuid::fromString also accepts braces; the platform's ids never have them.
    return s.size() == 36 && !QUuid::fromString(s).isNull();
}

bool readString(const QJsonObject &o, const char *key, const QString &where, bool required,
                QString *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return fail(error, where, QStringLiteral("missing required string \"%1\"").arg(QLatin1String(key)));
        return true;
    }
    if (!v.isString())
        return fail(error, where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be a string"));
    *out = v.toString();
    if (required && out->trimmed().isEmpty())
        return fail(error, where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must not be empty"));
    return true;
}

bool readStringList(const QJsonObject &o, const char *key, const QString &where, QStringList *out,
                    QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    const QString here = where + QLatin1Char('.') + QLatin1String(key);
    if (!v.isArray())
        return fail(error, here, QStringLiteral("must be an array of strings"));
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString() || a.at(i).toString().isEmpty())
            return fail(error, QStringLiteral("%1[%2]").arg(here).arg(i), QStringLiteral("must be a non-empty string"));
        out->append(a.at(i).toString());
    }
    return true;
}

bool readBool(const QJsonObject &o, const char *key, const QString &where, bool *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isBool())
        return fail(error, where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be true or false"));
    *out = v.toBool();
    return true;
}

bool readArray(const QJsonObject &json, const char *key, bool required, QJsonArray *out, QString *error)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined() && !required)
        return true;
    if (v.isUndefined())
        return fail(error, QLatin1String(key), QStringLiteral("missing required array"));
    if (!v.isArray())
        return fail(error, QLatin1String(key), QStringLiteral("must be an array"));
    *out = v.toArray();
    return true;
}

// Config files may use the short names; everything else compares full grant_type values.
QString normalizeGrant(const QString &g)
{
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("device_code"), Config::deviceCodeGrant},
        {QStringLiteral("jwt_bearer"), QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer")},
        {QStringLiteral("jwt-bearer"), QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer")},
        {QStringLiteral("saml1_1-bearer"), QStringLiteral("urn:ietf:params:oauth:grant-type:saml1_1-bearer")},
        {QStringLiteral("saml2-bearer"), QStringLiteral("urn:ietf:params:oauth:grant-type:saml2-bearer")},
    };
    return aliases.value(g, g);
}

const QStringList &knownGrants()
{
    static const QStringList grants = {
        QStringLiteral("authorization_code"), QStringLiteral("refresh_token"),
        QStringLiteral("client_credentials"), QStringLiteral("password"), Config::deviceCodeGrant,
        QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"),
        QStringLiteral("urn:ietf:params:oauth:grant-type:saml1_1-bearer"),
        QStringLiteral("urn:ietf:params:oauth:grant-type:saml2-bearer"),
    };
    return grants;
}

// A stable id derived from the client id, so that app-only tokens keep the same oid across runs.
QString derivedGuid(const QString &seed)
{
    const QByteArray h = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256);
    return QUuid::fromRfc4122(h.left(16)).toString(QUuid::WithoutBraces);
}

} // namespace

Config Config::builtIn()
{
    QFile f(QStringLiteral(":/msalqt-emulator/default-config.json"));
    QString error;
    if (!f.open(QIODevice::ReadOnly))
        qFatal("MsalQt emulator: the built-in default configuration resource is missing");
    const auto config = fromJson(QJsonDocument::fromJson(f.readAll()).object(), &error);
    if (!config)
        qFatal("MsalQt emulator: the built-in default configuration is invalid: %s", qPrintable(error));
    return *config;
}

std::optional<Config> Config::fromJson(const QJsonObject &json, QString *error)
{
    Config c;
    if (json.isEmpty()) {
        fail(error, QStringLiteral("config"), QStringLiteral("empty or not a JSON object"));
        return std::nullopt;
    }
    if (!c.parseTenants(json, error) || !c.parseResources(json, error) || !c.parseApps(json, error)
        || !c.parseUsers(json, error) || !c.parseSettings(json, error))
        return std::nullopt;
    return c;
}

bool Config::parseTenants(const QJsonObject &json, QString *error)
{
    QJsonArray tenants;
    if (!readArray(json, "tenants", true, &tenants, error))
        return false;
    QSet<QString> seen;
    for (qsizetype i = 0; i < tenants.size(); ++i) {
        const QString where = QStringLiteral("tenants[%1]").arg(i);
        if (!tenants.at(i).isObject())
            return fail(error, where, QStringLiteral("must be an object"));
        const QJsonObject o = tenants.at(i).toObject();
        Tenant t;
        if (!readString(o, "id", where, true, &t.id, error)
            || !readString(o, "displayName", where, true, &t.displayName, error)
            || !readStringList(o, "domains", where, &t.domains, error)
            || !readBool(o, "federated", where, &t.federated, error)
            || !readStringList(o, "b2cPolicies", where, &t.b2cPolicies, error))
            return false;
        for (QString &policy : t.b2cPolicies)
            policy = policy.toLower();
        t.id = t.id.toLower();
        if (!isGuid(t.id))
            return fail(error, where + QStringLiteral(".id"), QStringLiteral("'%1' is not a GUID").arg(t.id));
        t.consumers = t.id == consumersTenantId;
        for (QString &d : t.domains) {
            d = d.toLower();
            if (!d.contains(QLatin1Char('.')) || d.contains(QLatin1Char('/')))
                return fail(error, where + QStringLiteral(".domains"), QStringLiteral("'%1' is not a domain name").arg(d));
        }
        for (const QString &key : QStringList{t.id} + t.domains) {
            if (seen.contains(key))
                return fail(error, where, QStringLiteral("duplicate tenant id or domain '%1'").arg(key));
            seen.insert(key);
        }
        m_tenants.append(t);
    }
    // The Microsoft-account tenant always exists, as it does on the real platform.
    if (!tenantByIdOrDomain(consumersTenantId))
        m_tenants.append(Tenant{consumersTenantId, QStringLiteral("Microsoft Services"), {}, true, false, {}});

    if (!readString(json, "defaultTenant", QStringLiteral("config"), false, &m_defaultTenantId, error))
        return false;
    if (!m_defaultTenantId.isEmpty()) {
        const Tenant *t = tenantByIdOrDomain(m_defaultTenantId);
        if (!t)
            return fail(error, QStringLiteral("defaultTenant"), QStringLiteral("unknown tenant '%1'").arg(m_defaultTenantId));
        m_defaultTenantId = t->id;
    } else {
        for (const Tenant &t : m_tenants) {
            if (!t.consumers) {
                m_defaultTenantId = t.id;
                break;
            }
        }
    }
    if (m_defaultTenantId.isEmpty())
        return fail(error, QStringLiteral("tenants"), QStringLiteral("at least one organizational tenant is required"));
    return true;
}

bool Config::parseUsers(const QJsonObject &json, QString *error)
{
    QJsonArray users;
    if (!readArray(json, "users", true, &users, error))
        return false;
    QSet<QString> names, oids;
    for (qsizetype i = 0; i < users.size(); ++i) {
        const QString where = QStringLiteral("users[%1]").arg(i);
        if (!users.at(i).isObject())
            return fail(error, where, QStringLiteral("must be an object"));
        const QJsonObject o = users.at(i).toObject();
        User u;
        QString tenant, accountType = QStringLiteral("work");
        if (!readString(o, "oid", where, true, &u.oid, error)
            || !readString(o, "username", where, true, &u.username, error)
            || !readString(o, "displayName", where, true, &u.displayName, error)
            || !readString(o, "givenName", where, false, &u.givenName, error)
            || !readString(o, "surname", where, false, &u.surname, error)
            || !readString(o, "password", where, true, &u.password, error)
            || !readString(o, "tenant", where, false, &tenant, error)
            || !readString(o, "accountType", where, false, &accountType, error)
            || !readBool(o, "mfaRequired", where, &u.mfaRequired, error))
            return false;
        u.oid = u.oid.toLower();
        if (!isGuid(u.oid))
            return fail(error, where + QStringLiteral(".oid"), QStringLiteral("'%1' is not a GUID").arg(u.oid));
        if (!u.username.contains(QLatin1Char('@')))
            return fail(error, where + QStringLiteral(".username"), QStringLiteral("'%1' is not a user principal name (name@domain)").arg(u.username));
        if (accountType == QLatin1String("work"))
            u.accountType = User::Work;
        else if (accountType == QLatin1String("msa"))
            u.accountType = User::Msa;
        else
            return fail(error, where + QStringLiteral(".accountType"), QStringLiteral("must be \"work\" or \"msa\", not '%1'").arg(accountType));
        if (tenant.isEmpty() || tenant == QLatin1String("consumers"))
            tenant = u.isMsa() ? consumersTenantId : QString();
        const Tenant *t = tenantByIdOrDomain(tenant);
        if (!t)
            return fail(error, where + QStringLiteral(".tenant"), tenant.isEmpty() ? QStringLiteral("missing for a work account")
                                                                                   : QStringLiteral("unknown tenant '%1'").arg(tenant));
        if (t->consumers != u.isMsa())
            return fail(error, where + QStringLiteral(".tenant"),
                        u.isMsa() ? QStringLiteral("a Microsoft account (msa) must live in the consumers tenant")
                                  : QStringLiteral("a work account cannot live in the consumers tenant"));
        u.tenantId = t->id;
        if (!parseGuestOf(o, where, &u, error))
            return false;
        // Graph's /me answers givenName/surname; derive them when the config does not say.
        const QStringList parts = u.displayName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (u.givenName.isEmpty() && !parts.isEmpty())
            u.givenName = parts.first();
        if (u.surname.isEmpty() && parts.size() > 1)
            u.surname = parts.mid(1).join(QLatin1Char(' '));
        if (names.contains(u.username.toLower()) || oids.contains(u.oid))
            return fail(error, where, QStringLiteral("duplicate username or oid"));
        names.insert(u.username.toLower());
        oids.insert(u.oid);
        m_users.append(u);
    }
    return true;
}

bool Config::parseGuestOf(const QJsonObject &o, const QString &where, User *user, QString *error)
{
    QJsonArray guestOf;
    if (!readArray(o, "guestOf", false, &guestOf, error))
        return false;
    for (qsizetype i = 0; i < guestOf.size(); ++i) {
        const QString at = where + QStringLiteral(".guestOf[%1]").arg(i);
        if (!guestOf.at(i).isObject())
            return fail(error, at, QStringLiteral("must be an object"));
        GuestMembership guest;
        QString tenant;
        if (!readString(guestOf.at(i).toObject(), "tenantId", at, true, &tenant, error)
            || !readString(guestOf.at(i).toObject(), "oid", at, true, &guest.oid, error))
            return false;
        guest.oid = guest.oid.toLower();
        if (!isGuid(guest.oid))
            return fail(error, at + QStringLiteral(".oid"), QStringLiteral("'%1' is not a GUID").arg(guest.oid));
        const Tenant *t = tenantByIdOrDomain(tenant);
        if (!t || t->consumers || t->id == user->tenantId || user->guestIn(t->id))
            return fail(error, at + QStringLiteral(".tenantId"),
                        QStringLiteral("'%1' is not another organizational tenant").arg(tenant));
        guest.tenantId = t->id;
        user->guestOf.append(guest);
    }
    return true;
}

bool Config::parseApps(const QJsonObject &json, QString *error)
{
    QJsonArray apps;
    if (!readArray(json, "apps", true, &apps, error))
        return false;
    QSet<QString> ids;
    for (qsizetype i = 0; i < apps.size(); ++i) {
        const QString where = QStringLiteral("apps[%1]").arg(i);
        if (!apps.at(i).isObject())
            return fail(error, where, QStringLiteral("must be an object"));
        const QJsonObject o = apps.at(i).toObject();
        App a;
        QString type;
        if (!readString(o, "clientId", where, true, &a.clientId, error)
            || !readString(o, "displayName", where, true, &a.displayName, error)
            || !readString(o, "type", where, true, &type, error)
            || !readStringList(o, "secrets", where, &a.secrets, error)
            || !readStringList(o, "redirectUris", where, &a.redirectUris, error)
            || !readStringList(o, "grantTypes", where, &a.grantTypes, error)
            || !readString(o, "servicePrincipalId", where, false, &a.servicePrincipalId, error)
            || !readBool(o, "implicitGrant", where, &a.implicitGrant, error))
            return false;
        a.clientId = a.clientId.toLower();
        if (!isGuid(a.clientId))
            return fail(error, where + QStringLiteral(".clientId"), QStringLiteral("'%1' is not a GUID").arg(a.clientId));
        if (ids.contains(a.clientId))
            return fail(error, where + QStringLiteral(".clientId"), QStringLiteral("duplicate client id '%1'").arg(a.clientId));
        ids.insert(a.clientId);
        if (type == QLatin1String("public"))
            a.isPublic = true;
        else if (type == QLatin1String("confidential"))
            a.isPublic = false;
        else
            return fail(error, where + QStringLiteral(".type"), QStringLiteral("must be \"public\" or \"confidential\", not '%1'").arg(type));
        if (a.isPublic && !a.secrets.isEmpty())
            return fail(error, where + QStringLiteral(".secrets"), QStringLiteral("a public client cannot have secrets"));
        const QJsonValue certificates = o.value(QLatin1String("certificates"));
        if (!certificates.isUndefined() && !certificates.isArray())
            return fail(error, where + QStringLiteral(".certificates"), QStringLiteral("must be an array"));
        for (qsizetype c = 0; c < certificates.toArray().size(); ++c) {
            QString why;
            const auto certificate = AppCertificate::fromJson(certificates.toArray().at(c), &why);
            if (!certificate)
                return fail(error, where + QStringLiteral(".certificates[%1]").arg(c), why);
            a.certificates.append(*certificate);
        }
        if (a.isPublic && !a.certificates.isEmpty())
            return fail(error, where + QStringLiteral(".certificates"), QStringLiteral("a public client cannot have certificates"));
        if (!a.isPublic && a.secrets.isEmpty() && a.certificates.isEmpty())
            return fail(error, where + QStringLiteral(".secrets"), QStringLiteral("a confidential client needs at least one secret or certificate"));
        for (QString &g : a.grantTypes) {
            g = normalizeGrant(g);
            if (!knownGrants().contains(g))
                return fail(error, where + QStringLiteral(".grantTypes"), QStringLiteral("unknown grant type '%1'").arg(g));
        }
        if (a.servicePrincipalId.isEmpty())
            a.servicePrincipalId = derivedGuid(QStringLiteral("sp:") + a.clientId);
        m_apps.append(a);

        // An app may expose its own API ("api://<clientId>/<scope>").
        const QJsonValue api = o.value(QLatin1String("api"));
        if (api.isObject()) {
            Resource r;
            r.uri = QStringLiteral("api://") + a.clientId;
            r.appId = a.clientId;
            r.audience = a.clientId;
            r.displayName = a.displayName;
            if (!readStringList(api.toObject(), "scopes", where + QStringLiteral(".api"), &r.scopes, error)
                || !readStringList(api.toObject(), "appRoles", where + QStringLiteral(".api"), &r.appRoles, error))
                return false;
            r.defaultScopes = r.scopes;
            m_resources.append(r);
        } else if (!api.isUndefined()) {
            return fail(error, where + QStringLiteral(".api"), QStringLiteral("must be an object"));
        }
    }
    return true;
}

bool Config::parseResources(const QJsonObject &json, QString *error)
{
    QJsonArray resources;
    if (!readArray(json, "resources", false, &resources, error))
        return false;
    for (qsizetype i = 0; i < resources.size(); ++i) {
        const QString where = QStringLiteral("resources[%1]").arg(i);
        if (!resources.at(i).isObject())
            return fail(error, where, QStringLiteral("must be an object"));
        const QJsonObject o = resources.at(i).toObject();
        Resource r;
        if (!readString(o, "uri", where, true, &r.uri, error)
            || !readString(o, "appId", where, true, &r.appId, error)
            || !readString(o, "displayName", where, false, &r.displayName, error)
            || !readStringList(o, "scopes", where, &r.scopes, error)
            || !readStringList(o, "defaultScopes", where, &r.defaultScopes, error)
            || !readStringList(o, "appRoles", where, &r.appRoles, error))
            return false;
        while (r.uri.endsWith(QLatin1Char('/')))
            r.uri.chop(1);
        r.appId = r.appId.toLower();
        if (!isGuid(r.appId))
            return fail(error, where + QStringLiteral(".appId"), QStringLiteral("'%1' is not a GUID").arg(r.appId));
        if (resource(r.uri) || resource(r.appId))
            return fail(error, where, QStringLiteral("duplicate resource '%1'").arg(r.uri));
        r.isGraph = r.appId == graphAppId;
        r.audience = r.isGraph ? r.uri : r.appId;
        for (const QString &s : std::as_const(r.defaultScopes)) {
            if (!r.scopes.contains(s))
                return fail(error, where + QStringLiteral(".defaultScopes"), QStringLiteral("'%1' is not one of the resource's scopes").arg(s));
        }
        m_resources.append(r);
    }
    // Bare scopes such as "User.Read" mean Microsoft Graph, so Graph must always be there.
    if (!graph()) {
        Resource g;
        g.uri = graphUri;
        g.appId = graphAppId;
        g.audience = graphUri;
        g.displayName = QStringLiteral("Microsoft Graph");
        g.scopes = QStringList{QStringLiteral("User.Read")};
        g.defaultScopes = g.scopes;
        g.appRoles = QStringList{QStringLiteral("User.Read.All")};
        g.isGraph = true;
        m_resources.append(g);
    }
    return true;
}

bool Config::parseSettings(const QJsonObject &json, QString *error)
{
    const QJsonValue v = json.value(QLatin1String("settings"));
    if (v.isUndefined())
        return true;
    if (!v.isObject())
        return fail(error, QStringLiteral("settings"), QStringLiteral("must be an object"));
    const QJsonObject s = v.toObject();
    const auto readInt = [&](const char *key, int minimum, int *out) {
        const QJsonValue n = s.value(QLatin1String(key));
        if (n.isUndefined())
            return true;
        if (!n.isDouble() || n.toDouble() != double(n.toInt()) || n.toInt() < minimum)
            return fail(error, QStringLiteral("settings.") + QLatin1String(key),
                        QStringLiteral("must be an integer >= %1").arg(minimum));
        *out = n.toInt();
        return true;
    };
    return readInt("accessTokenLifetime", 1, &m_accessTokenLifetime)
        && readInt("deviceCodeInterval", 0, &m_deviceCodeInterval)
        && readInt("deviceCodeExpiresIn", 1, &m_deviceCodeExpiresIn);
}

const Tenant *Config::tenantByIdOrDomain(const QString &idOrDomain) const
{
    const QString key = idOrDomain.toLower();
    for (const Tenant &t : m_tenants) {
        if (t.id == key || t.domains.contains(key))
            return &t;
    }
    return nullptr;
}

const Tenant *Config::consumersTenant() const
{
    return tenantByIdOrDomain(consumersTenantId);
}

const Tenant *Config::defaultTenant() const
{
    return tenantByIdOrDomain(m_defaultTenantId);
}

const User *Config::userByName(const QString &username) const
{
    for (const User &u : m_users) {
        if (u.username.compare(username.trimmed(), Qt::CaseInsensitive) == 0)
            return &u;
    }
    return nullptr;
}

const User *Config::userByOid(const QString &oid) const
{
    for (const User &u : m_users) {
        if (u.oid.compare(oid, Qt::CaseInsensitive) == 0)
            return &u;
    }
    return nullptr;
}

const App *Config::app(const QString &clientId) const
{
    for (const App &a : m_apps) {
        if (a.clientId.compare(clientId.trimmed(), Qt::CaseInsensitive) == 0)
            return &a;
    }
    return nullptr;
}

const App *Config::firstApp(bool isPublic) const
{
    for (const App &a : m_apps) {
        if (a.isPublic == isPublic)
            return &a;
    }
    return nullptr;
}

const Resource *Config::resource(const QString &uriOrAppId) const
{
    QString key = uriOrAppId;
    while (key.endsWith(QLatin1Char('/')))
        key.chop(1);
    for (const Resource &r : m_resources) {
        if (r.uri.compare(key, Qt::CaseInsensitive) == 0 || r.appId.compare(key, Qt::CaseInsensitive) == 0)
            return &r;
    }
    return nullptr;
}

const Resource *Config::graph() const
{
    return resource(graphAppId);
}

} // namespace MsalQt::Emulator
