#pragma once

#include "tokenrequest_p.h"

#include <QPointer>

namespace MsalQt {

// Silent acquisition: a cached access token when one is usable, else the refresh token grant
// (RFC 6749 §6); UiRequired when only the person can go on. Identical concurrent requests share
// one network refresh: the first is the leader, the others follow its outcome.
class SilentFlow : public TokenRequestPrivate
{
public:
    SilentFlow(ClientApplicationPrivate *application, const QStringList &scopes, const Account &account,
               ClientApplication::SilentOptions options, const QString &claims);

protected:
    AuthError checkAfterCacheLoad() const override;
    bool serveFromCache() override;
    void run() override;
    void stop() override;
    AuthError checkAnswerAccount(const QString &homeAccountId, const QJsonObject &idTokenClaims) const override;

private:
    QStringList environments() const;
    QString realm() const;
    QStringList lookupScopes() const; // lowercase, sorted, each once
    const Internal::CredentialEntry *usableAccessToken(const QStringList &environments) const;
    QString flightKey() const;
    void refresh();
    bool onRefreshError(const AuthError &error);
    void followLeader(const SilentFlow *leader);

    Account m_account;
    ClientApplication::SilentOptions m_options;
    QString m_claims;
    bool m_leading = false;
    QList<QPointer<TokenRequest>> m_followers;
    // A token past its refresh_on but not expired: returned if the refresh fails for a
    // reason other than the person (the service is down), as the other MSAL libraries do.
    AuthenticationResult m_fallback;
};

} // namespace MsalQt
