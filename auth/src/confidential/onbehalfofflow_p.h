#pragma once

#include "tokenrequest_p.h"

namespace MsalQt {

// On-behalf-of (the jwt-bearer grant of RFC 7523 §2.1 with the platform's
// requested_token_use=on_behalf_of): a middle tier trades the user token it received for a
// downstream token. Everything it caches is filed under the incoming token's hash.
class OnBehalfOfFlow : public TokenRequestPrivate
{
public:
    OnBehalfOfFlow(ClientApplicationPrivate *application, const QString &userAssertion, const QStringList &scopes);

protected:
    AuthError checkRequest() const override;
    bool serveFromCache() override;
    void run() override;
    QString userAssertionHash() const override { return m_assertionHash; }

private:
    QStringList environments() const;
    void redeemAssertion();

    QString m_assertion;
    QString m_assertionHash;
};

} // namespace MsalQt
