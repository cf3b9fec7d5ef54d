#include <MsalQt/clientcredential.h>

namespace MsalQt {

class ClientCredentialData : public QSharedData
{
public:
    ClientCredential::Type type = ClientCredential::None;
    QString secret;
};

ClientCredential::ClientCredential() : d(new ClientCredentialData) {}
ClientCredential::ClientCredential(const ClientCredential &other) = default;
ClientCredential &ClientCredential::operator=(const ClientCredential &other) = default;
ClientCredential::~ClientCredential() = default;

ClientCredential ClientCredential::fromSecret(const QString &secret)
{
    ClientCredential credential;
    if (!secret.isEmpty()) {
        credential.d->type = Secret;
        credential.d->secret = secret;
    }
    return credential;
}

ClientCredential::Type ClientCredential::type() const { return d->type; }
QString ClientCredential::secret() const { return d->secret; }

} // namespace MsalQt
