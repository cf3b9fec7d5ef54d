#include "scopeset.h"

#include <QRegularExpression>

namespace MsalQt::Emulator {

namespace {

QStringList splitScopes(const QString &scope)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    return scope.split(whitespace, Qt::SkipEmptyParts);
}

// "https://graph.microsoft.com/User.Read" -> ("https://graph.microsoft.com", "User.Read");
// "User.Read" -> (Graph, "User.Read").
std::pair<QString, QString> splitResource(const QString &scope)
{
    const qsizetype slash = scope.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return {Config::graphUri, scope};
    return {scope.left(slash), scope.mid(slash + 1)};
}

bool invalid(PlatformError *error, int code, const QString &text)
{
    if (error)
        *error = PlatformError{400, QStringLiteral("invalid_scope"), code, text, {}, {}};
    return false;
}

} // namespace

std::optional<ScopeSet> ScopeSet::parse(const QString &scope, const Config &config, PlatformError *error)
{
    ScopeSet set;
    set.m_requested = scope;
    const Resource *resource = nullptr;
    bool isDefault = false;
    bool hasNamed = false;
    const QStringList items = splitScopes(scope);
    for (const QString &item : items) {
        const QString lower = item.toLower();
        if (lower == QLatin1String("openid")) { set.m_openid = true; continue; }
        if (lower == QLatin1String("profile")) { set.m_profile = true; continue; }
        if (lower == QLatin1String("email")) { set.m_email = true; continue; }
        if (lower == QLatin1String("offline_access")) { set.m_offlineAccess = true; continue; }

        const auto [resourceId, name] = splitResource(item);
        const Resource *r = config.resource(resourceId);
        if (!r) {
            if (error)
                *error = PlatformError{400, QStringLiteral("invalid_resource"), 500011,
                                       QStringLiteral("The resource principal named %1 was not found in the tenant. This "
                                                      "can happen if the application has not been installed by the "
                                                      "administrator of the tenant or consented to by any user in the "
                                                      "tenant. You might have sent your authentication request to the "
                                                      "wrong tenant.").arg(resourceId), {}, {}};
            return std::nullopt;
        }
        if (resource && resource != r) {
            invalid(error, 28000, QStringLiteral("Provided value for the input parameter scope is not valid because it "
                                                 "contains more than one resource. Scope %1 is not valid.").arg(scope));
            return std::nullopt;
        }
        resource = r;
        if (name == QLatin1String(".default")) {
            isDefault = true;
            continue;
        }
        QString canonical;
        for (const QString &known : r->scopes) {
            if (known.compare(name, Qt::CaseInsensitive) == 0)
                canonical = known;
        }
        if (canonical.isEmpty()) {
            invalid(error, 70011, QStringLiteral("The provided value for the input parameter 'scope' is not valid. "
                                                 "The scope '%1' does not exist.").arg(item));
            return std::nullopt;
        }
        hasNamed = true;
        if (!set.m_resourceScopes.contains(canonical))
            set.m_resourceScopes.append(canonical);
    }
    if (isDefault && hasNamed) {
        invalid(error, 70011, QStringLiteral("The provided value for the input parameter 'scope' is not valid. The scope "
                                             "%1 is not valid. static scope limit exceeded.").arg(scope));
        return std::nullopt;
    }
    // A request with only OIDC scopes still gets an access token: for Graph, with what
    // Graph grants by default, as the platform does.
    if (!resource)
        resource = config.graph();
    if (isDefault || set.m_resourceScopes.isEmpty())
        set.m_resourceScopes = resource->defaultScopes;
    set.m_resourceAppId = resource->appId;
    return set;
}

const Resource *ScopeSet::appOnlyResource(const QString &scope, const Config &config)
{
    const QStringList items = splitScopes(scope);
    if (items.size() != 1 || !items.first().endsWith(QLatin1String("/.default")))
        return nullptr;
    return config.resource(splitResource(items.first()).first);
}

QStringList ScopeSet::oidcGranted() const
{
    // The platform adds profile and email whenever openid is granted; offline_access is
    // never echoed (the refresh token's presence says it).
    QStringList out;
    if (m_profile || m_openid)
        out << QStringLiteral("profile");
    if (m_openid)
        out << QStringLiteral("openid");
    if (m_email || m_openid)
        out << QStringLiteral("email");
    return out;
}

QString ScopeSet::granted(const Config &config) const
{
    const Resource *r = config.resource(m_resourceAppId);
    QStringList out;
    for (const QString &s : m_resourceScopes)
        out << ((r && !r->isGraph) ? r->uri + QLatin1Char('/') + s : s);
    out << oidcGranted();
    return out.join(QLatin1Char(' '));
}

QString ScopeSet::scpClaim(const Config &config) const
{
    const Resource *r = config.resource(m_resourceAppId);
    QStringList out = m_resourceScopes;
    if (r && r->isGraph)
        out = oidcGranted() + out;
    return out.join(QLatin1Char(' '));
}

} // namespace MsalQt::Emulator
