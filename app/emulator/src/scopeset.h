#pragma once

#include "config.h"
#include "errorresponses.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace MsalQt::Emulator {

// A parsed "scope" parameter, resolved the way the platform resolves it: the OIDC scopes
// (openid profile email offline_access) plus delegated permissions of exactly one resource.
// A bare name ("User.Read") means Microsoft Graph; "<resource>/.default" means everything
// statically granted on that resource.
class ScopeSet
{
public:
    static std::optional<ScopeSet> parse(const QString &scope, const Config &config, PlatformError *error);

    // For client credentials: the resource of a lone "<resource>/.default", or null.
    static const Resource *appOnlyResource(const QString &scope, const Config &config);

    bool openid() const { return m_openid; }
    bool profile() const { return m_profile; }
    bool email() const { return m_email; }
    bool offlineAccess() const { return m_offlineAccess; }
    QString resourceAppId() const { return m_resourceAppId; }
    QStringList resourceScopes() const { return m_resourceScopes; }
    QString requested() const { return m_requested; }

    // The "scope" of a token response, as the platform echoes it: "User.Read profile openid email".
    QString granted(const Config &config) const;
    // The scp claim of the access token: "openid profile User.Read email" for Graph, bare
    // permission names for other APIs.
    QString scpClaim(const Config &config) const;

private:
    QStringList oidcGranted() const;

    bool m_openid = false;
    bool m_profile = false;
    bool m_email = false;
    bool m_offlineAccess = false;
    QString m_resourceAppId;
    QStringList m_resourceScopes;
    QString m_requested;
};

} // namespace MsalQt::Emulator
