#include "idtokenvalidator_p.h"

#include "logging_p.h"

#include <cjose/header.h>
#include <cjose/jws.h>

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

namespace MsalQt::Internal {

namespace {

struct CjoseJwsDeleter
{
    void operator()(cjose_jws_t *jws) const { cjose_jws_release(jws); }
};
using CjoseJwsPtr = std::unique_ptr<cjose_jws_t, CjoseJwsDeleter>;

// RFC 7518 §3.4: an ES256 signature is R || S, 32 bytes each.
constexpr int kEs256SignatureBytes = 64;

// A header or claim value quoted in a detail message: attacker-chosen text, so kept short and
// stripped of control characters (a newline would let a token forge log lines).
QString quoted(const QString &value)
{
    constexpr int maxLength = 80;
    QString shown = value.left(maxLength);
    for (QChar &c : shown) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    return QLatin1Char('"') + shown
        + (value.size() > maxLength ? QStringLiteral("\"...") : QStringLiteral("\""));
}

QString numericDate(double seconds)
{
    // Seconds since the epoch, with the date when it is one QDateTime can show.
    const QString number = QString::number(seconds, 'f', 0);
    if (seconds > -1e11 && seconds < 1e11) {
        return QStringLiteral("%1 (%2)").arg(
            number, QDateTime::fromSecsSinceEpoch(qint64(seconds), QTimeZone::utc()).toString(Qt::ISODate));
    }
    return number;
}

// Whether the signature can even be one of alg by key. cjose 0.6 does not check every length
// itself before handing the bytes to OpenSSL, so this is checked here first.
bool signatureLengthFits(JwsAlgorithm alg, const Jwk &key, qsizetype length)
{
    if (alg == JwsAlgorithm::ES256)
        return length == kEs256SignatureBytes;
    // RSASSA (PKCS#1 v1.5 and PSS): exactly the modulus length (RFC 8017 §8.1.2, §8.2.2).
    return length == (key.bits() + 7) / 8;
}

// A tenant id as the Microsoft identity platform issues it is a GUID; letters, digits and '-'
// are all that may be substituted into an issuer template, so "tid" cannot add a path.
bool isPlausibleTenantId(const QString &tid)
{
    return !tid.isEmpty() && tid.size() <= 64 && std::all_of(tid.begin(), tid.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
    });
}

class Validator
{
public:
    Validator(const QByteArray &compact, const Jwks &keys, const IdTokenExpectations &expect)
        : m_compact(compact), m_keys(keys), m_expect(expect)
    {
    }

    IdTokenValidation run()
    {
        QString error;
        auto jwt = Jwt::decode(m_compact, &error);
        if (!jwt)
            return fail(IdTokenCheck::Malformed, error);
        m_jwt = std::move(*jwt);

        IdTokenValidation result;
        if (!checkHeader(&result) || !checkSignature(&result) || !checkClaims(&result))
            return result;
        result.check = IdTokenCheck::Ok;
        result.token = m_jwt;
        return result;
    }

private:
    static IdTokenValidation fail(IdTokenCheck check, const QString &detail)
    {
        // The detail names claims and key ids, never the token: safe at debug level.
        qCDebug(lcMsalToken).noquote()
            << "ID token rejected:" << idTokenCheckName(check) << "-" << detail;
        IdTokenValidation result;
        result.check = check;
        result.detail = detail;
        return result;
    }

    bool reject(IdTokenValidation *result, IdTokenCheck check, const QString &detail)
    {
        *result = fail(check, detail);
        return false;
    }

    bool checkHeader(IdTokenValidation *result)
    {
        const QJsonObject &header = m_jwt.header;
        // RFC 7515 §4.1.1: alg is required. It is pinned here, before any key is looked at
        // (RFC 8725 §3.1), so "none" and the HMAC family never reach cjose.
        const QJsonValue algValue = header.value(QLatin1String("alg"));
        if (!algValue.isString())
            return reject(result, IdTokenCheck::Malformed, QStringLiteral("no \"alg\" string"));
        const auto alg = jwsAlgorithmFromName(algValue.toString());
        if (!alg) {
            return reject(result, IdTokenCheck::UnsupportedAlgorithm,
                          QStringLiteral("algorithm %1 is not accepted (RS256, PS256, ES256 are)")
                              .arg(quoted(algValue.toString())));
        }
        m_alg = *alg;

        // RFC 7515 §4.1.11: a recipient MUST reject a JWS whose crit lists an extension it does
        // not understand. We understand none, so any crit is refused (cjose 0.6 ignores it).
        if (header.contains(QLatin1String("crit"))) {
            return reject(result, IdTokenCheck::UnsupportedCritical,
                          QStringLiteral("\"crit\" header present; no extension is supported"));
        }

        // Keys named by the token itself (RFC 7515 §4.1.2-4.1.6) are never used; see the header
        // for why such tokens are refused outright.
        for (const auto name : {QLatin1String("jwk"), QLatin1String("jku"), QLatin1String("x5u"),
                                QLatin1String("x5c")}) {
            if (header.contains(name)) {
                return reject(result, IdTokenCheck::ForbiddenHeader,
                              QStringLiteral("\"%1\" header present; keys named inside a token "
                                             "are never trusted")
                                  .arg(name));
            }
        }

        if (header.contains(QLatin1String("kid"))) {
            const QJsonValue kid = header.value(QLatin1String("kid"));
            if (!kid.isString() || kid.toString().isEmpty()) {
                return reject(result, IdTokenCheck::Malformed,
                              QStringLiteral("\"kid\" is not a non-empty string"));
            }
            m_kid = kid.toString();
        }
        return true;
    }

    bool checkSignature(IdTokenValidation *result)
    {
        const QString algName = jwsAlgorithmName(m_alg);
        QList<Jwk> candidates;
        if (!m_kid.isEmpty()) {
            // An unknown kid is the normal sign of a key rollover: the caller refreshes the
            // set and retries, which is why this is not reported as BadSignature.
            if (m_keys.keysWithId(m_kid).isEmpty()) {
                return reject(result, IdTokenCheck::UnknownKey,
                              QStringLiteral("no key with kid %1 in the key set (%2 keys)")
                                  .arg(quoted(m_kid))
                                  .arg(m_keys.size()));
            }
            candidates = m_keys.candidates(m_alg, m_kid);
            if (candidates.isEmpty()) {
                // The key exists but is of another type (or bound to another alg): the token
                // cannot have been signed with it as claimed, and a refresh will not help.
                return reject(result, IdTokenCheck::BadSignature,
                              QStringLiteral("the key with kid %1 cannot verify %2")
                                  .arg(quoted(m_kid), algName));
            }
        } else {
            candidates = m_keys.candidates(m_alg, QString());
            if (candidates.isEmpty()) {
                return reject(result, IdTokenCheck::UnknownKey,
                              QStringLiteral("no key in the key set can verify %1").arg(algName));
            }
        }

        cjose_err err{};
        CjoseJwsPtr jws(cjose_jws_import(m_compact.constData(), size_t(m_compact.size()), &err));
        if (!jws) {
            return reject(result, IdTokenCheck::Malformed,
                          QStringLiteral("cjose could not parse the token"));
        }
        // cjose picks its algorithm from the header as its own JSON parser (jansson) reads it.
        // Make sure that is the algorithm pinned above, and that the payload cjose verifies is
        // the one whose claims are checked below: no parser difference can slip between.
        const char *cjoseAlg =
            cjose_header_get(cjose_jws_get_protected(jws.get()), CJOSE_HDR_ALG, &err);
        if (!cjoseAlg || QString::fromUtf8(cjoseAlg) != algName) {
            return reject(result, IdTokenCheck::Malformed,
                          QStringLiteral("the header's algorithm is ambiguous"));
        }
        uint8_t *plaintext = nullptr; // owned by jws
        size_t plaintextLength = 0;
        if (!cjose_jws_get_plaintext(jws.get(), &plaintext, &plaintextLength, &err)
            || plaintextLength != size_t(m_jwt.payload.size())
            || (plaintextLength
                && std::memcmp(plaintext, m_jwt.payload.constData(), plaintextLength) != 0)) {
            return reject(result, IdTokenCheck::Malformed,
                          QStringLiteral("the payload is ambiguous"));
        }

        for (const Jwk &key : std::as_const(candidates)) {
            // Candidates all fit the pinned alg (type and curve), checked by Jwks::candidates:
            // cjose is never handed a key of another type than the alg it reads.
            if (!signatureLengthFits(m_alg, key, m_jwt.signature.size()))
                continue;
            if (cjose_jws_verify(jws.get(), key.handle(), &err))
                return true;
        }
        return reject(result, IdTokenCheck::BadSignature,
                      m_kid.isEmpty()
                          ? QStringLiteral("none of the %1 %2 keys of the set verifies the "
                                           "signature")
                                .arg(candidates.size())
                                .arg(algName)
                          : QStringLiteral("the %1 signature does not verify with kid %2")
                                .arg(algName, quoted(m_kid)));
    }

    bool checkClaims(IdTokenValidation *result)
    {
        return checkIssuer(result) && checkAudience(result) && checkTimes(result)
            && checkSubject(result) && checkNonce(result) && checkAuthTime(result);
    }

    // OIDC Core §3.1.3.7 step 2.
    bool checkIssuer(IdTokenValidation *result)
    {
        const QJsonObject &claims = m_jwt.claims;
        if (m_expect.issuer.isEmpty()) {
            return reject(result, IdTokenCheck::BadIssuer,
                          QStringLiteral("no issuer is expected (configuration error)"));
        }
        const QJsonValue iss = claims.value(QLatin1String("iss"));
        if (iss.isUndefined())
            return reject(result, IdTokenCheck::BadIssuer, QStringLiteral("no \"iss\" claim"));
        if (!iss.isString())
            return reject(result, IdTokenCheck::Malformed, QStringLiteral("\"iss\" is not a string"));

        QString expected = m_expect.issuer;
        const QLatin1String placeholder("{tenantid}");
        if (expected.contains(placeholder)) {
            // Microsoft multi-tenant metadata: the issuer depends on the tenant that signed in.
            const QJsonValue tid = claims.value(QLatin1String("tid"));
            if (!tid.isString() || !isPlausibleTenantId(tid.toString())) {
                return reject(result, IdTokenCheck::BadIssuer,
                              QStringLiteral("the expected issuer needs a tenant id, and \"tid\" "
                                             "is missing or not a tenant id"));
            }
            expected.replace(placeholder, tid.toString());
        }
        if (iss.toString() != expected) {
            return reject(result, IdTokenCheck::BadIssuer,
                          QStringLiteral("issuer %1, expected %2")
                              .arg(quoted(iss.toString()), quoted(expected)));
        }
        return true;
    }

    // OIDC Core §3.1.3.7 steps 3-5.
    bool checkAudience(IdTokenValidation *result)
    {
        const QJsonObject &claims = m_jwt.claims;
        if (m_expect.clientId.isEmpty()) {
            return reject(result, IdTokenCheck::BadAudience,
                          QStringLiteral("no client id is expected (configuration error)"));
        }
        const QJsonValue aud = claims.value(QLatin1String("aud"));
        QStringList audiences;
        if (aud.isString()) {
            audiences.append(aud.toString());
        } else if (aud.isArray()) {
            for (const QJsonValue entry : aud.toArray()) {
                if (!entry.isString()) {
                    return reject(result, IdTokenCheck::Malformed,
                                  QStringLiteral("\"aud\" holds a value that is not a string"));
                }
                audiences.append(entry.toString());
            }
        } else if (aud.isUndefined()) {
            return reject(result, IdTokenCheck::BadAudience, QStringLiteral("no \"aud\" claim"));
        } else {
            return reject(result, IdTokenCheck::Malformed,
                          QStringLiteral("\"aud\" is neither a string nor an array"));
        }
        if (!audiences.contains(m_expect.clientId)) {
            return reject(result, IdTokenCheck::BadAudience,
                          QStringLiteral("audience %1 does not include client id %2")
                              .arg(quoted(audiences.join(QLatin1Char(','))),
                                   quoted(m_expect.clientId)));
        }

        const QJsonValue azp = claims.value(QLatin1String("azp"));
        if (!azp.isUndefined() && !azp.isString())
            return reject(result, IdTokenCheck::Malformed, QStringLiteral("\"azp\" is not a string"));
        // Step 4: with several audiences the authorized party must be named...
        if (audiences.size() > 1 && azp.isUndefined()) {
            return reject(result, IdTokenCheck::BadAudience,
                          QStringLiteral("several audiences and no \"azp\" claim"));
        }
        // ...and step 5: when named, it must be us.
        if (azp.isString() && azp.toString() != m_expect.clientId) {
            return reject(result, IdTokenCheck::BadAudience,
                          QStringLiteral("authorized party %1 is not client id %2")
                              .arg(quoted(azp.toString()), quoted(m_expect.clientId)));
        }
        return true;
    }

    // A NumericDate claim (RFC 7519 §2: seconds since the epoch, possibly fractional).
    // Returns false after rejecting when it has the wrong type or, if required, is absent.
    bool numericClaim(IdTokenValidation *result, QLatin1String name, bool required,
                      std::optional<double> *value)
    {
        const QJsonValue claim = m_jwt.claims.value(name);
        if (claim.isUndefined()) {
            if (required) {
                return reject(result, IdTokenCheck::Malformed,
                              QStringLiteral("no \"%1\" claim").arg(name));
            }
            value->reset();
            return true;
        }
        if (!claim.isDouble()) {
            return reject(result, IdTokenCheck::Malformed,
                          QStringLiteral("\"%1\" is not a number").arg(name));
        }
        *value = claim.toDouble();
        return true;
    }

    // OIDC Core §3.1.3.7 steps 9 and 10, RFC 7519 §4.1.4-4.1.6, with the configured skew.
    bool checkTimes(IdTokenValidation *result)
    {
        const QDateTime now =
            m_expect.now.isValid() ? m_expect.now : QDateTime::currentDateTimeUtc();
        const double nowSeconds = double(now.toMSecsSinceEpoch()) / 1000.0;
        const double skew = double(std::max<qint64>(0, m_expect.clockSkew.count()));
        const auto describe = [&](const char *what, double at) {
            return QStringLiteral("%1 %2; now %3, clock skew %4 s")
                .arg(QLatin1String(what), numericDate(at), numericDate(nowSeconds))
                .arg(qint64(skew));
        };

        std::optional<double> exp;
        std::optional<double> iat;
        std::optional<double> nbf;
        if (!numericClaim(result, QLatin1String("exp"), true, &exp)
            || !numericClaim(result, QLatin1String("iat"), true, &iat)
            || !numericClaim(result, QLatin1String("nbf"), false, &nbf))
            return false;

        if (nowSeconds > *exp + skew)
            return reject(result, IdTokenCheck::Expired, describe("expired at", *exp));
        if (*iat > nowSeconds + skew)
            return reject(result, IdTokenCheck::IssuedInFuture, describe("issued at", *iat));
        if (nbf && nowSeconds < *nbf - skew)
            return reject(result, IdTokenCheck::NotYetValid, describe("not valid before", *nbf));
        return true;
    }

    // OIDC Core §2: sub is REQUIRED, a locally unique identifier of the end user.
    bool checkSubject(IdTokenValidation *result)
    {
        const QJsonValue sub = m_jwt.claims.value(QLatin1String("sub"));
        if (!sub.isString() || sub.toString().isEmpty()) {
            return reject(result, IdTokenCheck::MissingSubject,
                          QStringLiteral("no non-empty \"sub\" string"));
        }
        return true;
    }

    // OIDC Core §3.1.3.7 step 11. The values are not quoted: a nonce is a one-time secret.
    bool checkNonce(IdTokenValidation *result)
    {
        if (m_expect.nonce.isEmpty())
            return true;
        const QJsonValue nonce = m_jwt.claims.value(QLatin1String("nonce"));
        if (!nonce.isString()) {
            return reject(result, IdTokenCheck::BadNonce,
                          QStringLiteral("a nonce was sent and the token has no \"nonce\" string"));
        }
        if (nonce.toString() != m_expect.nonce) {
            return reject(result, IdTokenCheck::BadNonce,
                          QStringLiteral("the token's nonce is not the one sent"));
        }
        return true;
    }

    // OIDC Core §3.1.3.7 step 13 (max_age sent): auth_time present, and the sign-in no older
    // than max_age; with max_age=0 the person must have signed in just now (within the skew).
    bool checkAuthTime(IdTokenValidation *result)
    {
        if (!m_expect.maxAge)
            return true;
        const QJsonValue claim = m_jwt.claims.value(QLatin1String("auth_time"));
        if (!claim.isDouble()) {
            return reject(result, IdTokenCheck::BadAuthTime,
                          claim.isUndefined() ? QStringLiteral("max_age was sent and the token has no \"auth_time\"")
                                              : QStringLiteral("\"auth_time\" is not a number"));
        }
        const double authTime = claim.toDouble();
        const QDateTime now = m_expect.now.isValid() ? m_expect.now : QDateTime::currentDateTimeUtc();
        const double nowSeconds = double(now.toMSecsSinceEpoch()) / 1000.0;
        const double skew = double(std::max<qint64>(0, m_expect.clockSkew.count()));
        const double maxAge = double(std::max<qint64>(0, m_expect.maxAge->count()));
        if (!std::isfinite(authTime) || authTime > nowSeconds + skew) {
            return reject(result, IdTokenCheck::BadAuthTime,
                          QStringLiteral("signed in at %1, after now (%2), clock skew %3 s")
                              .arg(numericDate(authTime), numericDate(nowSeconds))
                              .arg(qint64(skew)));
        }
        if (nowSeconds - authTime > maxAge + skew) {
            return reject(result, IdTokenCheck::BadAuthTime,
                          QStringLiteral("signed in at %1, longer ago than max_age %2 s allows; now %3, clock skew %4 s")
                              .arg(numericDate(authTime))
                              .arg(qint64(maxAge))
                              .arg(numericDate(nowSeconds))
                              .arg(qint64(skew)));
        }
        return true;
    }

    const QByteArray &m_compact;
    const Jwks &m_keys;
    const IdTokenExpectations &m_expect;
    Jwt m_jwt;
    JwsAlgorithm m_alg = JwsAlgorithm::RS256;
    QString m_kid;
};

} // namespace

IdTokenValidation validateIdToken(const QByteArray &compact, const Jwks &keys,
                                  const IdTokenExpectations &expect)
{
    return Validator(compact, keys, expect).run();
}

QString idTokenCheckName(IdTokenCheck check)
{
    switch (check) {
    case IdTokenCheck::Ok:
        return QStringLiteral("Ok");
    case IdTokenCheck::Malformed:
        return QStringLiteral("Malformed");
    case IdTokenCheck::UnsupportedAlgorithm:
        return QStringLiteral("UnsupportedAlgorithm");
    case IdTokenCheck::ForbiddenHeader:
        return QStringLiteral("ForbiddenHeader");
    case IdTokenCheck::UnsupportedCritical:
        return QStringLiteral("UnsupportedCritical");
    case IdTokenCheck::UnknownKey:
        return QStringLiteral("UnknownKey");
    case IdTokenCheck::BadSignature:
        return QStringLiteral("BadSignature");
    case IdTokenCheck::BadIssuer:
        return QStringLiteral("BadIssuer");
    case IdTokenCheck::BadAudience:
        return QStringLiteral("BadAudience");
    case IdTokenCheck::Expired:
        return QStringLiteral("Expired");
    case IdTokenCheck::IssuedInFuture:
        return QStringLiteral("IssuedInFuture");
    case IdTokenCheck::NotYetValid:
        return QStringLiteral("NotYetValid");
    case IdTokenCheck::MissingSubject:
        return QStringLiteral("MissingSubject");
    case IdTokenCheck::BadNonce:
        return QStringLiteral("BadNonce");
    case IdTokenCheck::BadAuthTime:
        return QStringLiteral("BadAuthTime");
    }
    return QStringLiteral("Unknown");
}

} // namespace MsalQt::Internal
