#pragma once

#include "tokenrequest_p.h"

namespace MsalQt {

// Client credentials grant, RFC 6749 §4.4: the application's own token, no user involved.
class ClientCredentialsFlow : public TokenRequestPrivate
{
public:
    using TokenRequestPrivate::TokenRequestPrivate;

protected:
    AuthError checkRequest() const override;
    bool serveFromCache() override;
    void run() override;
    bool isUserFlow() const override { return false; }
};

} // namespace MsalQt
