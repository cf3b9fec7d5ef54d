#pragma once

#include "autotestexport_p.h"
#include "jwks_p.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace MsalQt::Internal {

// A certificate credential as OpenSSL read it: the leaf certificate and its chain in DER, and
// the private key handed over to cjose for signing. OpenSSL parses (PEM, PKCS#8, PKCS#12) and
// checks that key and certificate belong together; cjose signs, as it verifies elsewhere.
struct CertificateKey
{
    QList<QByteArray> chainDer; // leaf first
    Jwk key;                    // with its private half

    QByteArray leafDer() const { return chainDer.value(0); }

    static std::optional<CertificateKey> fromPem(const QByteArray &certificatePem, const QByteArray &keyPem,
                                                 const QByteArray &keyPassword, QString *error);
    static std::optional<CertificateKey> fromPkcs12(const QByteArray &data, const QString &password,
                                                    QString *error);
};

// A private key in PEM (PKCS#8, traditional RSA or SEC1 EC; encrypted with `password` if it is)
// as a cjose key with its private half. RSA below 2048 bits (RFC 7518 §3.3) and curves other
// than P-256 are refused.
MSALQT_AUTH_AUTOTEST_EXPORT Jwk jwkFromPrivateKeyPem(const QByteArray &pem, const QByteArray &password, QString *error);

} // namespace MsalQt::Internal
