#pragma once

#include <QJsonValue>
#include <QString>

#include <memory>
#include <optional>

typedef struct _cjose_jwk_int cjose_jwk_t;

namespace MsalQt::Emulator {

// A certificate registered on a confidential app ("Certificates & secrets" in the portal): the
// public key client assertions must be signed with, found by the thumbprint in the assertion's
// header (x5t = base64url SHA-1 of the DER, x5t#S256 = SHA-256), or by kid for a bare JWK.
struct AppCertificate {
    std::shared_ptr<cjose_jwk_t> key; // public half only
    bool rsa = true;                  // RSA (RS256, PS256) or EC P-256 (ES256)
    QString x5t;
    QString x5tS256;
    QString kid;

    // A PEM certificate (string) or a public JWK (object, with kid and/or x5t members).
    static std::optional<AppCertificate> fromJson(const QJsonValue &value, QString *error);
};

} // namespace MsalQt::Emulator
