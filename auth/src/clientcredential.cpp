#include <MsalQt/clientcredential.h>

#include "base64url_p.h"
#include "confidential/clientcredential_p.h"
#include "logging_p.h"

#include <QCryptographicHash>

namespace MsalQt {

using namespace Internal;

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

static ClientCredential fromCertificateKey(const std::optional<CertificateKey> &key)
{
    ClientCredential credential;
    if (key) {
        ClientCredentialData &data = ClientCredentialAccess::data(credential);
        data.type = ClientCredential::Certificate;
        data.certificate = *key;
    }
    return credential;
}

ClientCredential ClientCredential::fromCertificate(const QByteArray &certificatePem, const QByteArray &privateKeyPem,
                                                   QString *error, const QByteArray &privateKeyPassword)
{
    return fromCertificateKey(CertificateKey::fromPem(certificatePem, privateKeyPem, privateKeyPassword, error));
}

ClientCredential ClientCredential::fromPkcs12(const QByteArray &data, const QString &password, QString *error)
{
    return fromCertificateKey(CertificateKey::fromPkcs12(data, password, error));
}

ClientCredential ClientCredential::fromAssertionCallback(const AssertionProvider &provider)
{
    ClientCredential credential;
    if (provider) {
        credential.d->type = AssertionCallback;
        credential.d->provider = provider;
    }
    return credential;
}

ClientCredential::Type ClientCredential::type() const { return d->type; }
QString ClientCredential::secret() const { return d->secret; }

void ClientCredential::setSendCertificateChain(bool send)
{
    d->sendChain = send;
}

bool ClientCredential::sendCertificateChain() const
{
    return d->sendChain;
}

bool ClientCredential::supportsSigningAlgorithm(SigningAlgorithm algorithm) const
{
    if (d->type != Certificate)
        return false;
    const bool rsa = d->certificate.key.type() == JwkType::Rsa;
    return algorithm == DefaultAlgorithm || (rsa && (algorithm == RS256 || algorithm == PS256))
        || (!rsa && algorithm == ES256);
}

void ClientCredential::setSigningAlgorithm(SigningAlgorithm algorithm)
{
    if (!supportsSigningAlgorithm(algorithm)) {
        qCWarning(lcMsalAuth, "ClientCredential::setSigningAlgorithm: the key cannot sign with algorithm %d;"
                              " the credential is unchanged", int(algorithm));
        return;
    }
    d->algorithm = algorithm;
}

ClientCredential::SigningAlgorithm ClientCredential::signingAlgorithm() const
{
    if (d->type != Certificate)
        return DefaultAlgorithm;
    if (d->algorithm != DefaultAlgorithm)
        return d->algorithm;
    return d->certificate.key.type() == JwkType::Rsa ? RS256 : ES256;
}

QByteArray ClientCredential::thumbprintSha1() const
{
    if (d->type != Certificate)
        return {};
    return base64UrlEncode(QCryptographicHash::hash(d->certificate.leafDer(), QCryptographicHash::Sha1));
}

QByteArray ClientCredential::thumbprintSha256() const
{
    if (d->type != Certificate)
        return {};
    return base64UrlEncode(QCryptographicHash::hash(d->certificate.leafDer(), QCryptographicHash::Sha256));
}

class AssertionRequestData : public QSharedData
{
public:
    QString clientId;
    QUrl tokenEndpoint;
};

AssertionRequest::AssertionRequest() : d(new AssertionRequestData) {}
AssertionRequest::AssertionRequest(const QString &clientId, const QUrl &tokenEndpoint) : d(new AssertionRequestData)
{
    d->clientId = clientId;
    d->tokenEndpoint = tokenEndpoint;
}
AssertionRequest::AssertionRequest(const AssertionRequest &other) = default;
AssertionRequest &AssertionRequest::operator=(const AssertionRequest &other) = default;
AssertionRequest::~AssertionRequest() = default;
QString AssertionRequest::clientId() const { return d->clientId; }
QUrl AssertionRequest::tokenEndpoint() const { return d->tokenEndpoint; }

} // namespace MsalQt

QT_BEGIN_NAMESPACE
QT_DEFINE_QSDP_SPECIALIZATION_DTOR(MsalQt::ClientCredentialData)
QT_DEFINE_QSDP_SPECIALIZATION_DTOR(MsalQt::AssertionRequestData)
QT_END_NAMESPACE
