#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace MsalQt::Emulator {

struct App;
struct Resource;
struct Services;
struct User;
class ScopeSet;

// Mints the token response bodies: signed access and ID tokens, refresh tokens, client_info.
// Every grant ends here, so the claims are the same whichever way a token was obtained.
class TokenIssuer
{
public:
    struct DelegatedOptions {
        bool refreshToken = false; // offline_access was requested (or the grant always rotates)
        bool clientInfo = false;   // the request carried client_info=1
        QString nonce;             // echoed into the ID token
        qint64 authTime = 0;       // when the person signed in: the ID token's auth_time (0: none)
        bool mfaPerformed = false; // adds "mfa" to amr
        QStringList authContexts;  // Conditional Access authentication contexts: the access token's "acrs"
        QStringList clientCapabilities; // the request's claims' access_token.xms_cc: the access token's "xms_cc"
        // The tenant the tokens are for (TenantResolver::issuingTenant()); empty: the user's home
        // tenant. A tenant the user is a guest in gets the guest object's oid, with client_info
        // still naming the home account.
        QString tenantId;
        QString b2cPolicy;         // Azure AD B2C: the user flow the tokens are issued under (B2C claims)
    };

    explicit TokenIssuer(Services &services) : m_services(services) { }

    QJsonObject issueDelegated(const App &client, const User &user, const ScopeSet &scopes,
                               const DelegatedOptions &options);
    QJsonObject issueAppOnly(const App &client, const Resource &resource, const QString &tenantId,
                             const QString &requestedScope);

    // Pairwise subject: stable for one user and one app, different across apps.
    static QString pairwiseSubject(const QString &oid, const QString &clientId);
    // base64url(no padding) of {"uid":oid,"utid":tid}.
    static QString clientInfo(const QString &oid, const QString &tenantId);

private:
    QJsonObject commonClaims(const QString &tenantId, qint64 lifetimeSeconds) const;
    void addLifetimes(QJsonObject *response) const;
    // Re-signs the tokens of `response` in Azure AD B2C's shape (b2ctokens.cpp).
    void applyB2CShape(QJsonObject *response, const User &user, const QString &policy) const;

    Services &m_services;
};

} // namespace MsalQt::Emulator
