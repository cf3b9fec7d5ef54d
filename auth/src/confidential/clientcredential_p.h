#pragma once

#include "confidential/certificatekey_p.h"

#include <MsalQt/clientcredential.h>

#include <QSharedData>

namespace MsalQt {

class ClientCredentialData : public QSharedData
{
public:
    ClientCredential::Type type = ClientCredential::None;
    QString secret;
    Internal::CertificateKey certificate;
    ClientCredential::SigningAlgorithm algorithm = ClientCredential::DefaultAlgorithm;
    bool sendChain = false;
    ClientCredential::AssertionProvider provider;
};

// The library's view of a credential's internals (the public class keeps them private).
class ClientCredentialAccess
{
public:
    static const ClientCredentialData &data(const ClientCredential &credential) { return *credential.d; }
    static ClientCredentialData &data(ClientCredential &credential) { return *credential.d; }
};

} // namespace MsalQt
