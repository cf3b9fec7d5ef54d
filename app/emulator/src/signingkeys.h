#pragma once

#include "cjosehandles.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace MsalQt::Emulator {

// The emulator's RSA signing keys. Tokens are RS256 JWS signed with the current key; the
// JWKS publishes the current key, or (after rotate(false)) a decoy so that clients see a
// token whose kid is not in the JWKS. Graph also accepts the previous key, because tokens
// issued before a rotation stay valid at the resource until they expire.
class SigningKeys
{
public:
    SigningKeys();

    void rotate(bool publish);
    QString currentKid() const { return m_current.kid; }

    // Compact JWS (header.payload.signature) with typ JWT, alg RS256 and the current kid.
    QByteArray sign(const QJsonObject &claims) const;

    // {"keys":[...]} with public members only.
    QJsonObject jwks() const;

    // The claims of a token signed (RS256) by the current or the previous key; nullopt and a
    // reason otherwise.
    std::optional<QJsonObject> verify(const QByteArray &token, QString *reason) const;

private:
    struct Key {
        JwkPtr jwk;
        QString kid;
    };
    static Key generate();
    static QJsonObject publicJwk(const Key &key);

    Key m_current;
    Key m_previous;
    Key m_decoy; // published instead of m_current when the current key is unpublished
    bool m_currentPublished = true;
};

} // namespace MsalQt::Emulator
