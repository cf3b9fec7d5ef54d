// JWT decoding without verification, strict base64url, MSAL client_info, and JWS algorithm
// names (RFC 7515, 7519). Keys and signing: tst_jwk.cpp.

#include "jwttestutil.h"

#include <QtTest>

using namespace MsalQt::Internal;
using namespace JwtTest;

class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void base64UrlStrict_data();
    void base64UrlStrict();

    void decode_data();
    void decode();
    void decodeFillsEveryPart();
    void decodeKeepsTheLastDuplicateMember();

    void clientInfo_data();
    void clientInfo();

    void algorithmNames();

private:
    QByteArray m_token; // a signed RS256 token
};

void TestJwt::initTestCase()
{
    const Jwk rsa = Jwk::generateRsa(2048, QStringLiteral("rsa-1"));
    QVERIFY(!rsa.isNull());
    m_token = signJws(header(QStringLiteral("RS256"), QStringLiteral("rsa-1")),
                      QJsonObject{{QStringLiteral("sub"), QStringLiteral("s")}}, rsa);
    QVERIFY(!m_token.isEmpty());
}

void TestJwt::base64UrlStrict_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("decoded");

    QTest::newRow("empty") << QByteArray() << true << QByteArray();
    QTest::newRow("one byte, no padding") << QByteArray("YQ") << true << QByteArray("a");
    QTest::newRow("two bytes") << QByteArray("YWI") << true << QByteArray("ab");
    QTest::newRow("three bytes") << QByteArray("YWJj") << true << QByteArray("abc");
    QTest::newRow("url alphabet - and _") << QByteArray("-_8") << true << QByteArray("\xfb\xff");
    QTest::newRow("padding refused") << QByteArray("YQ==") << false << QByteArray();
    QTest::newRow("single padding refused") << QByteArray("YWI=") << false << QByteArray();
    QTest::newRow("standard '+' refused") << QByteArray("+_8") << false << QByteArray();
    QTest::newRow("standard '/' refused") << QByteArray("-/8") << false << QByteArray();
    QTest::newRow("length 4n+1 refused") << QByteArray("YWJjZ") << false << QByteArray();
    QTest::newRow("single character refused") << QByteArray("Y") << false << QByteArray();
    QTest::newRow("non-zero unused bits refused") << QByteArray("YR") << false << QByteArray();
    QTest::newRow("non-zero unused bits, 2 bytes") << QByteArray("YWJ") << false << QByteArray();
    QTest::newRow("space refused") << QByteArray("YW Jj") << false << QByteArray();
    QTest::newRow("newline refused") << QByteArray("YWJj\n") << false << QByteArray();
    QTest::newRow("dot refused") << QByteArray("YW.Jj") << false << QByteArray();
    QTest::newRow("NUL refused") << QByteArray("YW\0Jj", 5) << false << QByteArray();
    QTest::newRow("non-ASCII refused") << QByteArray("YWJ\xc3\xa9") << false << QByteArray();
}

void TestJwt::base64UrlStrict()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, decoded);

    QByteArray out("untouched");
    QCOMPARE(decodeBase64UrlStrict(text, &out), valid);
    QCOMPARE(out, valid ? decoded : QByteArray("untouched"));
    if (valid)
        QCOMPARE(base64UrlEncode(out), text); // the one accepted spelling round-trips
}

void TestJwt::decode_data()
{
    QTest::addColumn<QByteArray>("compact");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("errorContains");

    const QByteArray h = b64(R"({"alg":"RS256","kid":"k"})");
    const QByteArray p = b64(R"({"sub":"s","exp":1})");
    const QByteArray s = b64("signature");

    QTest::newRow("a signed token") << m_token << true << QString();
    QTest::newRow("three parts") << h + '.' + p + '.' + s << true << QString();
    QTest::newRow("unsecured JWT: empty signature decodes")
        << b64(R"({"alg":"none"})") + '.' + p + '.' << true << QString();
    QTest::newRow("empty claims object") << h + '.' + b64("{}") + '.' + s << true << QString();
    QTest::newRow("empty") << QByteArray() << false << QStringLiteral("empty");
    QTest::newRow("one part") << h << false << QStringLiteral("has 1");
    QTest::newRow("two parts") << h + '.' + p << false << QStringLiteral("has 2");
    QTest::newRow("four parts") << h + '.' + p + '.' + s + '.' + s << false << QStringLiteral("has 4");
    QTest::newRow("five parts: JWE")
        << b64(R"({"alg":"RSA-OAEP","enc":"A256GCM"})") + '.' + s + '.' + s + '.' + s + '.' + s
        << false << QStringLiteral("JWE");
    QTest::newRow("six parts") << h + "....." << false << QStringLiteral("has 6");
    QTest::newRow("empty header") << '.' + p + '.' + s << false << QStringLiteral("empty header");
    QTest::newRow("empty payload") << h + ".." + s << false << QStringLiteral("empty payload");
    QTest::newRow("only dots") << QByteArray("..") << false << QStringLiteral("empty header");
    QTest::newRow("'+' in header") << QByteArray("eyJ+") + '.' + p + '.' + s << false
                                   << QStringLiteral("header is not valid base64url");
    QTest::newRow("'/' in payload") << h + '.' + p.left(4) + '/' + p.mid(5) + '.' + s << false
                                    << QStringLiteral("payload is not valid base64url");
    QTest::newRow("padded signature") << h + '.' + p + '.' + b64("sig") + "=" << false
                                      << QStringLiteral("signature is not valid base64url");
    QTest::newRow("padded header") << b64(R"({"alg":"RS256"})") + "==." + p + '.' + s << false
                                   << QStringLiteral("header is not valid base64url");
    QTest::newRow("leading space") << ' ' + h + '.' + p + '.' + s << false
                                   << QStringLiteral("header is not valid base64url");
    QTest::newRow("trailing newline") << h + '.' + p + '.' + s + '\n' << false
                                      << QStringLiteral("signature is not valid base64url");
    QTest::newRow("header not JSON") << b64("RS256") + '.' + p + '.' + s << false
                                     << QStringLiteral("header is not JSON");
    QTest::newRow("header truncated JSON") << b64(R"({"alg":"RS256")") + '.' + p + '.' + s << false
                                           << QStringLiteral("header is not JSON");
    QTest::newRow("header JSON array") << b64(R"(["alg"])") + '.' + p + '.' + s << false
                                       << QStringLiteral("header is not a JSON object");
    QTest::newRow("header with trailing garbage") << b64(R"({"alg":"RS256"}x)") + '.' + p + '.' + s
                                                  << false << QStringLiteral("header is not JSON");
    QTest::newRow("payload not JSON") << h + '.' + b64("hello") + '.' + s << false
                                      << QStringLiteral("payload is not JSON");
    QTest::newRow("payload JSON array") << h + '.' + b64("[1,2]") + '.' + s << false
                                        << QStringLiteral("payload is not a JSON object");
    QTest::newRow("oversized") << h + '.' + b64(QByteArray(800 * 1024, 'a')) + '.' + s << false
                               << QStringLiteral("too large");
}

void TestJwt::decode()
{
    QFETCH(QByteArray, compact);
    QFETCH(bool, valid);
    QFETCH(QString, errorContains);

    QString error;
    const std::optional<Jwt> jwt = Jwt::decode(compact, &error);
    QCOMPARE(jwt.has_value(), valid);
    if (valid) {
        QVERIFY(error.isEmpty());
        QCOMPARE(jwt->compact, compact);
    } else {
        QVERIFY2(error.contains(errorContains), qPrintable(error));
        // An error describes the problem; it never repeats the token.
        for (const QByteArray &part : compact.split('.')) {
            if (part.size() > 8)
                QVERIFY(!error.contains(QString::fromLatin1(part)));
        }
    }
    QVERIFY(!Jwt::decode(compact, nullptr) == !valid); // a null error pointer is allowed
}

void TestJwt::decodeFillsEveryPart()
{
    const QByteArray header = R"({"alg":"ES256","kid":"ec-1","typ":"JWT"})";
    const QByteArray payload = R"({"aud":["a","b"],"exp":1700000000,"sub":"x"})";
    const QByteArray signature("\x01\x02\xff\x00\x7f", 5);
    const QByteArray compact = handMade(header, payload, signature);

    const std::optional<Jwt> jwt = Jwt::decode(compact);
    QVERIFY(jwt);
    QCOMPARE(jwt->header.value(QStringLiteral("kid")).toString(), QStringLiteral("ec-1"));
    QCOMPARE(jwt->algorithm(), QStringLiteral("ES256"));
    QCOMPARE(jwt->keyId(), QStringLiteral("ec-1"));
    QCOMPARE(jwt->claims.value(QStringLiteral("exp")).toInteger(), 1700000000);
    QCOMPARE(jwt->claims.value(QStringLiteral("aud")).toArray().size(), 2);
    QCOMPARE(jwt->payload, payload);
    QCOMPARE(jwt->signature, signature);
    QCOMPARE(jwt->signingInput, b64(header) + '.' + b64(payload));
    QCOMPARE(jwt->compact, compact);

    // kid/alg of the wrong type read as empty rather than as some string.
    const std::optional<Jwt> odd = Jwt::decode(handMade(R"({"alg":1,"kid":[]})", "{}"));
    QVERIFY(odd);
    QVERIFY(odd->algorithm().isEmpty());
    QVERIFY(odd->keyId().isEmpty());
}

// RFC 7515 §4 / RFC 7519 §4: reject duplicates or keep only the lexically last. Qt keeps the
// last, as cjose's jansson does, so both parsers see the same header (validateIdToken also
// cross-checks the alg cjose read).
void TestJwt::decodeKeepsTheLastDuplicateMember()
{
    const std::optional<Jwt> jwt =
        Jwt::decode(handMade(R"({"alg":"HS256","alg":"RS256"})", R"({"sub":"a","sub":"b"})"));
    QVERIFY(jwt);
    QCOMPARE(jwt->algorithm(), QStringLiteral("RS256"));
    QCOMPARE(jwt->claims.value(QStringLiteral("sub")).toString(), QStringLiteral("b"));
    QCOMPARE(jwt->claims.size(), 1);
}

void TestJwt::clientInfo_data()
{
    QTest::addColumn<QByteArray>("clientInfo");
    QTest::addColumn<bool>("valid");

    const QByteArray json = R"({"uid":"00000000-0000-0000-66f3-3332eca7ea81","utid":"9188040d-6c67-4c5b-b112-36a304b66dad"})";
    QTest::newRow("MSAL client_info") << b64(json) << true;
    QTest::newRow("with padding") << QByteArray(json).toBase64(QByteArray::Base64UrlEncoding) << true;
    QTest::newRow("extra members ignored")
        << b64(R"({"uid":"u","utid":"t","name":"x"})") << true;
    QTest::newRow("missing utid") << b64(R"({"uid":"u"})") << false;
    QTest::newRow("missing uid") << b64(R"({"utid":"t"})") << false;
    QTest::newRow("empty uid") << b64(R"({"uid":"","utid":"t"})") << false;
    QTest::newRow("uid a number") << b64(R"({"uid":1,"utid":"t"})") << false;
    QTest::newRow("not JSON") << b64("uid.utid") << false;
    QTest::newRow("JSON array") << b64(R"(["u","t"])") << false;
    // "u~~~" encodes with a '+' in the standard alphabet.
    QTest::newRow("standard base64 alphabet")
        << QByteArray(R"({"uid":"u~~~","utid":"t"})").toBase64() << false;
    QTest::newRow("too much padding") << b64(json) + "===" << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("only padding") << QByteArray("==") << false;
}

void TestJwt::clientInfo()
{
    QFETCH(QByteArray, clientInfo);
    QFETCH(bool, valid);

    QString error;
    const std::optional<QJsonObject> info = decodeClientInfo(clientInfo, &error);
    QCOMPARE(info.has_value(), valid);
    QCOMPARE(error.isEmpty(), valid);
    if (valid) {
        QVERIFY(!info->value(QStringLiteral("uid")).toString().isEmpty());
        QVERIFY(!info->value(QStringLiteral("utid")).toString().isEmpty());
    }
}

void TestJwt::algorithmNames()
{
    for (const JwsAlgorithm alg : {JwsAlgorithm::RS256, JwsAlgorithm::PS256, JwsAlgorithm::ES256})
        QCOMPARE(jwsAlgorithmFromName(jwsAlgorithmName(alg)), alg);
    for (const char *name : {"none", "rs256", "RS384", "RS512", "PS384", "ES384", "ES512", "HS256",
                             "EdDSA", "", " RS256"})
        QVERIFY2(!jwsAlgorithmFromName(QString::fromLatin1(name)), name);
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
