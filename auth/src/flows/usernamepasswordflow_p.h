#pragma once

#include "wstrust/federatedflow_p.h"

namespace MsalQt {

// Resource owner password credentials (RFC 6749 §4.3, "ROPC"), as the platform allows it for
// public clients: the password grant for cloud-managed users, WS-Trust usernamemixed at the
// federation server for federated ones. Personal Microsoft accounts cannot use it (the platform
// answers AADSTS70000 / unsupported for /consumers), so we refuse before the password leaves.
class UsernamePasswordFlow : public FederatedFlow
{
public:
    UsernamePasswordFlow(ClientApplicationPrivate *application, const QStringList &scopes,
                         const QString &username, const QString &password);
    ~UsernamePasswordFlow() override;

protected:
    AuthError checkRequest() const override;
    void run() override;
    void stop() override;
    void onUserRealm(const Internal::UserRealm &realm) override;
    Internal::WsTrustRequest wsTrustRequest(const Internal::WsTrustEndpoint &endpoint,
                                            const Internal::UserRealm &realm) const override;
    void onSecretsSent() override { wipePassword(); }

private:
    void wipePassword();
    void redeemPassword(); // the password grant, straight to the token endpoint

    QString m_password; // held only until it is sent; never logged
};

} // namespace MsalQt
