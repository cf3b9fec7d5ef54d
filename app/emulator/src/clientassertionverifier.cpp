#include "clientassertionverifier.h"

#include "cjosehandles.h"
#include "httprequest.h"
#include "services.h"

#include <QJsonDocument>
#include <QTimeZone>

namespace MsalQt::Emulator {

// The platform's tolerance for clock differences on assertion lifetimes.
static constexpr qint64 kClockSkew = 300;

std::optional<HttpResponse> ClientAssertionVerifier::verify(const HttpRequest &request, const App &app) const
{
    const auto refuse = [&](int code, const QString &description) -> std::optional<HttpResponse> {
        return m_services.errors.platform(request, 401, QStringLiteral("invalid_client"), code, description);
    };
    if (request.formValue(QStringLiteral("client_assertion_type"))
        != QLatin1String("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
        return m_services.errors.platform(request, 400, QStringLiteral("invalid_request"), 50027,
                                          QStringLiteral("Invalid client_assertion_type: only "
                                                         "'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' "
                                                         "is supported."));
    const QByteArray assertion = request.formValue(QStringLiteral("client_assertion")).toLatin1();

    cjose_err err{};
    JwsPtr jws(cjose_jws_import(assertion.constData(), size_t(assertion.size()), &err));
    cjose_header_t *header = jws ? cjose_jws_get_protected(jws.get()) : nullptr; // owned by jws
    if (!header)
        return refuse(700027, QStringLiteral("Client assertion contains an invalid signature. [Reason - The "
                                             "assertion is not a compact JWS.]"));
    const auto headerValue = [&](const char *name) {
        const char *value = cjose_header_get(header, name, &err);
        return value ? QString::fromUtf8(value) : QString();
    };
    const QString alg = headerValue(CJOSE_HDR_ALG);
    const QString x5t = headerValue("x5t");
    const QString x5tS256 = headerValue("x5t#S256");
    const QString kid = headerValue(CJOSE_HDR_KID);
    // The algorithm is pinned per key type: never "none", never HMAC with a public key.
    const bool rsaAlg = alg == QLatin1String("RS256") || alg == QLatin1String("PS256");
    if (!rsaAlg && alg != QLatin1String("ES256"))
        return refuse(700027, QStringLiteral("Client assertion contains an invalid signature. [Reason - The "
                                             "signing algorithm '%1' is not supported.]").arg(alg));

    const AppCertificate *certificate = nullptr;
    for (const AppCertificate &candidate : app.certificates) {
        if ((!x5t.isEmpty() && candidate.x5t == x5t) || (!x5tS256.isEmpty() && candidate.x5tS256 == x5tS256)
            || (!kid.isEmpty() && candidate.kid == kid)) {
            certificate = &candidate;
            break;
        }
    }
    if (!certificate)
        return refuse(700027, QStringLiteral("The certificate with identifier used to sign the client assertion is "
                                             "not registered on application. [Reason - The key was not found., "
                                             "Thumbprint of key used by client: '%1']")
                                  .arg(x5t.isEmpty() ? x5tS256 : x5t));
    if (certificate->rsa != rsaAlg || !cjose_jws_verify(jws.get(), certificate->key.get(), &err))
        return refuse(700027, QStringLiteral("Client assertion contains an invalid signature. [Reason - The key "
                                             "used is expired or does not match the algorithm.]"));

    uint8_t *plain = nullptr; // owned by jws
    size_t plainLength = 0;
    cjose_jws_get_plaintext(jws.get(), &plain, &plainLength, &err);
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(plain), qsizetype(plainLength))).object();
    const QString expectedAudience = m_services.baseUrl.toString() + request.path();
    if (claims.value(QLatin1String("aud")).toString() != expectedAudience)
        return refuse(700027, QStringLiteral("Client assertion audience claim does not match Realm issuer. "
                                             "[Reason - The audience '%1' is not the token endpoint '%2'.]")
                                  .arg(claims.value(QLatin1String("aud")).toString(), expectedAudience));
    for (const char *name : {"iss", "sub"}) {
        if (claims.value(QLatin1String(name)).toString().compare(app.clientId, Qt::CaseInsensitive) != 0)
            return refuse(700027, QStringLiteral("Client assertion '%1' claim must be the client id '%2'.")
                                      .arg(QLatin1String(name), app.clientId));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 nowSecs = now.toSecsSinceEpoch();
    const qint64 exp = qint64(claims.value(QLatin1String("exp")).toDouble());
    const qint64 nbf = qint64(claims.value(QLatin1String("nbf")).toDouble());
    if (exp == 0 || exp + kClockSkew < nowSecs || (nbf != 0 && nbf - kClockSkew > nowSecs)) {
        const auto format = [](qint64 secs) {
            return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toString(QStringLiteral("MM/dd/yyyy HH:mm:ss"));
        };
        return refuse(700024, QStringLiteral("Client assertion is not within its valid time range. Current time: "
                                             "%1, assertion valid from %2, expiry time of assertion %3.")
                                  .arg(format(nowSecs), format(nbf), format(exp)));
    }
    const QString jti = claims.value(QLatin1String("jti")).toString();
    if (jti.isEmpty())
        return refuse(700027, QStringLiteral("Client assertion contains an invalid signature. [Reason - The "
                                             "assertion has no jti claim.]"));
    // The platform documents no code of its own for a replayed assertion; the emulator answers
    // with the generic assertion failure and says why.
    if (!m_services.clientAssertions.firstUse(app.clientId, jti,
                                              QDateTime::fromSecsSinceEpoch(exp + kClockSkew, QTimeZone::utc()), now))
        return refuse(700027, QStringLiteral("Client assertion failed validation. [Reason - The assertion with "
                                             "jti '%1' was already used.]").arg(jti));
    return std::nullopt;
}

} // namespace MsalQt::Emulator
