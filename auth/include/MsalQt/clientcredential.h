#pragma once

#include <MsalQt/assertionrequest.h>
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>

#include <functional>

namespace MsalQt {
class ClientCredentialData;
} // namespace MsalQt
// Out of line, so that the inline moves below need not see ClientCredentialData.
QT_BEGIN_NAMESPACE
QT_DECLARE_QSDP_SPECIALIZATION_DTOR_WITH_EXPORT(MsalQt::ClientCredentialData, MSALQT_AUTH_EXPORT)
QT_END_NAMESPACE

namespace MsalQt {

/// How a confidential client proves its identity at the token endpoint: a secret
/// (client_secret_post), a certificate whose private key signs a client assertion
/// (private_key_jwt, RFC 7523 §2.2), or an assertion supplied by the application.
class MSALQT_AUTH_EXPORT ClientCredential
{
public:
    /// How the credential proves the client's identity: None (a null credential), Secret
    /// (fromSecret()), Certificate (fromCertificate(), fromPkcs12()) or AssertionCallback
    /// (fromAssertionCallback()).
    enum Type { None = 0, Secret, Certificate, AssertionCallback };

    /// The JWS algorithm client assertions are signed with. DefaultAlgorithm is RS256 for an RSA
    /// key (what every Microsoft platform version accepts) and ES256 for an EC P-256 key.
    enum SigningAlgorithm { DefaultAlgorithm = 0, RS256, PS256, ES256 };

    /// Returns a client assertion (a signed JWT) for the request described; see
    /// fromAssertionCallback().
    using AssertionProvider = std::function<QString(const AssertionRequest &)>;

    /// Constructs a null credential (type() is None).
    ClientCredential();
    /// Copies `other`; the two share their data until one of them changes.
    ClientCredential(const ClientCredential &other);
    /// Assigns `other` to this credential.
    ClientCredential &operator=(const ClientCredential &other);
    /// Moves `other` into a new credential.
    ClientCredential(ClientCredential &&other) noexcept = default;
    /// Move-assigns `other` to this credential.
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(ClientCredential)
    /// Destroys the credential.
    ~ClientCredential();

    /// Swaps this credential with `other`; never fails.
    void swap(ClientCredential &other) noexcept { d.swap(other.d); }

    /// A client secret, sent as client_secret (client_secret_post). An empty secret gives a null
    /// credential.
    static ClientCredential fromSecret(const QString &secret);
    /// An X.509 certificate (PEM; further certificates in the same text form its chain, for
    /// x5c) and its private key (PEM, PKCS#8 or traditional; RSA of at least 2048 bits or EC
    /// P-256). `privateKeyPassword` decrypts an encrypted key. The key must belong to the
    /// certificate. On failure the credential is null and *error says why.
    static ClientCredential fromCertificate(const QByteArray &certificatePem, const QByteArray &privateKeyPem,
                                            QString *error = nullptr, const QByteArray &privateKeyPassword = {});
    /// A PKCS#12 (.pfx/.p12) bundle holding the certificate, its key and optionally its chain.
    static ClientCredential fromPkcs12(const QByteArray &data, const QString &password, QString *error = nullptr);
    /// An assertion from the application, asked for each token request (it should be fresh: the
    /// platform refuses an expired one). An empty string fails the request with
    /// AuthError::InvalidConfiguration.
    static ClientCredential fromAssertionCallback(const AssertionProvider &provider);

    /// How the credential proves the client's identity.
    Type type() const;
    /// Whether the credential is null (type() is None): a failed or default-constructed one.
    bool isNull() const { return type() == None; }
    /// The client secret; empty for credentials other than secrets.
    QString secret() const;

    /// Certificate credentials only. Subject name / issuer authentication (SNI) needs the chain
    /// in the assertion's x5c header; off by default, as the platform does not need it otherwise.
    void setSendCertificateChain(bool send);
    /// Whether the certificate chain is sent in the x5c header; see setSendCertificateChain().
    bool sendCertificateChain() const;
    /// Whether the key can sign with `algorithm`: PS256 and RS256 need RSA, ES256 EC P-256;
    /// DefaultAlgorithm fits any certificate. False for credentials other than certificates.
    bool supportsSigningAlgorithm(SigningAlgorithm algorithm) const;
    /// An algorithm the key does not support is ignored, with a warning: nothing changes.
    void setSigningAlgorithm(SigningAlgorithm algorithm);
    SigningAlgorithm signingAlgorithm() const; ///< the effective one, never DefaultAlgorithm for a certificate
    /// base64url SHA-1 and SHA-256 of the certificate's DER: the x5t and x5t#S256 header values,
    /// as shown by the portal (there in hex) for the registered certificate.
    QByteArray thumbprintSha1() const;
    /// The base64url SHA-256 of the certificate's DER (x5t\#S256); empty for credentials other
    /// than certificates.
    QByteArray thumbprintSha256() const;

private:
    friend class ClientCredentialAccess;
    QSharedDataPointer<ClientCredentialData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(ClientCredential)
Q_DECLARE_METATYPE(MsalQt::ClientCredential)
