#include "clientassertion_p.h"

#include "base64url_p.h"
#include "confidential/clientcredential_p.h"
#include "jwt_p.h"
#include "logging_p.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QUuid>

namespace MsalQt::Internal {

// Long enough for a slow network, short enough that a leaked assertion is soon worthless; the
// other MSAL libraries use the same 10 minutes.
static constexpr qint64 kAssertionLifetime = 600;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::ConfidentialClientApplication)
};
} // namespace

QByteArray signClientAssertion(const ClientCredential &credential, const QString &clientId,
                               const QUrl &tokenEndpoint, const QDateTime &now, QString *error)
{
    const ClientCredentialData &data = ClientCredentialAccess::data(credential);
    if (data.type != ClientCredential::Certificate) {
        if (error)
            *error = QStringLiteral("the credential holds no certificate");
        return {};
    }
    const QByteArray leaf = data.certificate.leafDer();
    QJsonObject header;
    header.insert(QLatin1String("typ"), QStringLiteral("JWT"));
    switch (credential.signingAlgorithm()) {
    case ClientCredential::PS256:
        // MSAL (msal-node, MSAL.NET) pairs PS256 with the SHA-256 thumbprint.
        header.insert(QLatin1String("alg"), QStringLiteral("PS256"));
        header.insert(QLatin1String("x5t#S256"), QString::fromLatin1(base64UrlEncode(
                                                      QCryptographicHash::hash(leaf, QCryptographicHash::Sha256))));
        break;
    case ClientCredential::ES256:
        // Not an MSAL combination (they sign with RSA only): a new algorithm gets the current
        // thumbprint, RFC 7515 §4.1.8.
        header.insert(QLatin1String("alg"), QStringLiteral("ES256"));
        header.insert(QLatin1String("x5t#S256"), QString::fromLatin1(base64UrlEncode(
                                                      QCryptographicHash::hash(leaf, QCryptographicHash::Sha256))));
        break;
    default:
        // RS256 with the SHA-1 thumbprint: what the platform has always matched registered
        // certificates by (MSAL does the same).
        header.insert(QLatin1String("alg"), QStringLiteral("RS256"));
        header.insert(QLatin1String("x5t"), QString::fromLatin1(base64UrlEncode(
                                                 QCryptographicHash::hash(leaf, QCryptographicHash::Sha1))));
        break;
    }
    if (data.sendChain) {
        // RFC 7515 §4.1.6: standard base64 (not base64url) DER, leaf first.
        QJsonArray chain;
        for (const QByteArray &der : data.certificate.chainDer)
            chain.append(QString::fromLatin1(der.toBase64()));
        header.insert(QLatin1String("x5c"), chain);
    }

    const qint64 issued = now.toSecsSinceEpoch();
    QJsonObject claims;
    claims.insert(QLatin1String("aud"), tokenEndpoint.toString());
    claims.insert(QLatin1String("iss"), clientId);
    claims.insert(QLatin1String("sub"), clientId);
    claims.insert(QLatin1String("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    claims.insert(QLatin1String("nbf"), issued);
    claims.insert(QLatin1String("iat"), issued);
    claims.insert(QLatin1String("exp"), issued + kAssertionLifetime);
    return signJws(header, claims, data.certificate.key, error);
}

AuthError appendClientAuthentication(const ClientCredential &credential, const QString &clientId,
                                     const QUrl &tokenEndpoint, const QDateTime &now, FormFields *form)
{
    static const QString assertionType = QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    const ClientCredentialData &data = ClientCredentialAccess::data(credential);
    switch (data.type) {
    case ClientCredential::None:
        return {};
    case ClientCredential::Secret:
        // RFC 6749 §2.3.1 client_secret_post: the platform and most providers accept it.
        form->append({QStringLiteral("client_secret"), data.secret});
        return {};
    case ClientCredential::Certificate: {
        QString error;
        const QByteArray assertion = signClientAssertion(credential, clientId, tokenEndpoint, now, &error);
        if (assertion.isEmpty()) {
            return AuthError(AuthError::InvalidConfiguration,
                             Tr::tr("The client assertion could not be signed with the certificate's key: %1").arg(error));
        }
        form->append({QStringLiteral("client_assertion_type"), assertionType});
        form->append({QStringLiteral("client_assertion"), QString::fromLatin1(assertion)});
        return {};
    }
    case ClientCredential::AssertionCallback: {
        const QString assertion = data.provider(AssertionRequest(clientId, tokenEndpoint));
        if (assertion.isEmpty()) {
            return AuthError(AuthError::InvalidConfiguration,
                             Tr::tr("The application's assertion callback returned no client assertion."));
        }
        qCDebug(lcMsalAuth) << "Client assertion from the application:" << redact(assertion);
        form->append({QStringLiteral("client_assertion_type"), assertionType});
        form->append({QStringLiteral("client_assertion"), assertion});
        return {};
    }
    }
    return {};
}

} // namespace MsalQt::Internal
