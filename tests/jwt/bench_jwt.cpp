// Cost of ID token validation (decoding, checks and one cjose signature verification) and of
// reading a key set. Run on demand: ctest -L benchmark, or bench_jwt -iterations N.

#include "idtokenvalidator_p.h"
#include "jwttestutil.h"

#include <QtTest>

using namespace MsalQt::Internal;
using namespace JwtTest;

class BenchJwt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void benchmarkValidateRs256();
    void benchmarkValidateEs256();
    void benchmarkDecodeOnly();
    void benchmarkJwksFromJson();

private:
    QByteArray token(const QString &alg, const Jwk &key) const;

    Jwk m_rsa;
    Jwk m_ec;
    Jwks m_keys;
    QByteArray m_keysJson;
    IdTokenExpectations m_expect;
};

void BenchJwt::initTestCase()
{
    m_rsa = Jwk::generateRsa(2048, QStringLiteral("rsa"));
    m_ec = Jwk::generateEcP256(QStringLiteral("ec"));
    // A set the size of Microsoft's common one (a handful of RSA keys), ours among them.
    QList<Jwk> keys{Jwk::generateRsa(2048, QStringLiteral("other-1")),
                    Jwk::generateRsa(2048, QStringLiteral("other-2")), m_rsa, m_ec};
    m_keysJson = Jwks(keys).toJson();
    m_keys = Jwks::fromJson(m_keysJson);
    QCOMPARE(m_keys.size(), 4);

    m_expect.issuer = QStringLiteral("https://login.microsoftonline.com/{tenantid}/v2.0");
    m_expect.clientId = QStringLiteral("client");
    m_expect.nonce = QStringLiteral("nonce");
    m_expect.now = QDateTime::currentDateTimeUtc();
}

QByteArray BenchJwt::token(const QString &alg, const Jwk &key) const
{
    const qint64 now = m_expect.now.toSecsSinceEpoch();
    const QString tid = QStringLiteral("9188040d-6c67-4c5b-b112-36a304b66dad");
    return signJws(header(alg, key.keyId()),
                   QJsonObject{{QStringLiteral("iss"),
                                QStringLiteral("https://login.microsoftonline.com/%1/v2.0").arg(tid)},
                               {QStringLiteral("tid"), tid},
                               {QStringLiteral("aud"), m_expect.clientId},
                               {QStringLiteral("sub"), QStringLiteral("subject")},
                               {QStringLiteral("nonce"), m_expect.nonce},
                               {QStringLiteral("iat"), now},
                               {QStringLiteral("nbf"), now},
                               {QStringLiteral("exp"), now + 3600},
                               {QStringLiteral("name"), QStringLiteral("Megan Bowen")},
                               {QStringLiteral("preferred_username"), QStringLiteral("megan@contoso.com")}},
                   key);
}

void BenchJwt::benchmarkValidateRs256()
{
    const QByteArray compact = token(QStringLiteral("RS256"), m_rsa);
    QCOMPARE(validateIdToken(compact, m_keys, m_expect).check, IdTokenCheck::Ok);
    QBENCHMARK {
        const IdTokenValidation result = validateIdToken(compact, m_keys, m_expect);
        Q_UNUSED(result);
    }
}

void BenchJwt::benchmarkValidateEs256()
{
    const QByteArray compact = token(QStringLiteral("ES256"), m_ec);
    QCOMPARE(validateIdToken(compact, m_keys, m_expect).check, IdTokenCheck::Ok);
    QBENCHMARK {
        const IdTokenValidation result = validateIdToken(compact, m_keys, m_expect);
        Q_UNUSED(result);
    }
}

void BenchJwt::benchmarkDecodeOnly()
{
    const QByteArray compact = token(QStringLiteral("RS256"), m_rsa);
    QBENCHMARK {
        const std::optional<Jwt> jwt = Jwt::decode(compact);
        Q_UNUSED(jwt);
    }
}

void BenchJwt::benchmarkJwksFromJson()
{
    QBENCHMARK {
        const Jwks keys = Jwks::fromJson(m_keysJson);
        Q_UNUSED(keys);
    }
}

QTEST_GUILESS_MAIN(BenchJwt)
#include "bench_jwt.moc"
