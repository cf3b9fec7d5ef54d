// AES-256-GCM sealing of the cache file (auth/src/storage/aesgcm*): the format, and that every
// kind of damage or a wrong key is refused rather than decrypted into garbage.

#include "storage/aesgcm_p.h"

#include <QtTest>

using MsalQt::Internal::AesGcm;
using Error = AesGcm::Error;

Q_DECLARE_METATYPE(AesGcm::Error)

class TestAesGcm : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void format();
    void noncesDiffer();
    void tampering_data();
    void tampering();
    void wrongKey();
    void invalidKey_data();
    void invalidKey();
    void looksSealed_data();
    void looksSealed();
    void wipe();

private:
    const QByteArray m_key = QByteArray::fromHex(
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
};

void TestAesGcm::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArray("x");
    QTest::newRow("one block") << QByteArray(16, 'a');
    QTest::newRow("json") << QByteArray(R"({"AccessToken":{"k":{"secret":"eyJ0eXAi"}}})");
    QTest::newRow("binary") << QByteArray("\0\1\2\xff\xfe", 5);
    QTest::newRow("1 MiB") << QByteArray(1 << 20, 'z');
}

void TestAesGcm::roundTrip()
{
    QFETCH(QByteArray, plaintext);
    Error error = Error::CryptoFailure;
    const QByteArray sealed = AesGcm::seal(m_key, plaintext, &error);
    QCOMPARE(error, Error::NoError);
    QCOMPARE(sealed.size(), plaintext.size() + AesGcm::Overhead);
    QVERIFY(AesGcm::looksSealed(sealed));
    if (plaintext.size() >= 8)
        QVERIFY(!sealed.contains(plaintext.left(8)));

    const QByteArray opened = AesGcm::open(m_key, sealed, &error);
    QCOMPARE(error, Error::NoError);
    QCOMPARE(opened, plaintext);
}

void TestAesGcm::format()
{
    const QByteArray sealed = AesGcm::seal(m_key, "abc");
    QCOMPARE(AesGcm::header(), QByteArray("MSALQTC1"));
    QCOMPARE(sealed.left(8), QByteArray("MSALQTC1"));
    QCOMPARE(sealed.size(), 8 + 12 + 3 + 16);
}

void TestAesGcm::noncesDiffer()
{
    // GCM's security rests on never reusing a nonce under one key: each seal draws a fresh one.
    QSet<QByteArray> nonces;
    for (int i = 0; i < 100; ++i)
        nonces.insert(AesGcm::seal(m_key, "same").mid(AesGcm::HeaderSize, AesGcm::NonceSize));
    QCOMPARE(nonces.size(), 100);
}

void TestAesGcm::tampering_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<int>("offset"); // negative: from the end
    QTest::addColumn<int>("truncateTo"); // -1: no truncation
    QTest::addColumn<Error>("expected");

    const QByteArray text("{\"RefreshToken\":{}}");
    const int cipherStart = AesGcm::HeaderSize + AesGcm::NonceSize;
    QTest::newRow("magic byte") << text << 0 << -1 << Error::NotSealed;
    QTest::newRow("last magic byte") << text << 6 << -1 << Error::NotSealed;
    QTest::newRow("version byte") << text << 7 << -1 << Error::NotSealed;
    QTest::newRow("first nonce byte") << text << AesGcm::HeaderSize << -1 << Error::AuthenticationFailed;
    QTest::newRow("last nonce byte") << text << cipherStart - 1 << -1 << Error::AuthenticationFailed;
    QTest::newRow("first ciphertext byte") << text << cipherStart << -1 << Error::AuthenticationFailed;
    QTest::newRow("last ciphertext byte") << text << -AesGcm::TagSize - 1 << -1 << Error::AuthenticationFailed;
    QTest::newRow("first tag byte") << text << -AesGcm::TagSize << -1 << Error::AuthenticationFailed;
    QTest::newRow("last tag byte") << text << -1 << -1 << Error::AuthenticationFailed;
    QTest::newRow("tag of empty plaintext") << QByteArray() << -1 << -1 << Error::AuthenticationFailed;
    QTest::newRow("nonce of empty plaintext") << QByteArray() << AesGcm::HeaderSize << -1 << Error::AuthenticationFailed;

    QTest::newRow("truncated: header only") << text << -1 << AesGcm::HeaderSize << Error::Truncated;
    QTest::newRow("truncated: half header") << text << -1 << 7 << Error::Truncated;
    QTest::newRow("truncated: in the nonce") << text << -1 << AesGcm::HeaderSize + 4 << Error::Truncated;
    QTest::newRow("truncated: tag cut off") << text << -1 << int(text.size()) + cipherStart
                                            << Error::AuthenticationFailed;
    QTest::newRow("truncated: one tag byte short") << text << -1 << int(text.size()) + AesGcm::Overhead - 1
                                                   << Error::AuthenticationFailed;
    QTest::newRow("truncated: empty plaintext, one byte short") << QByteArray() << -1 << AesGcm::Overhead - 1
                                                               << Error::Truncated;
    QTest::newRow("extended: one byte more") << text << -1 << int(text.size()) + AesGcm::Overhead + 1
                                             << Error::AuthenticationFailed;
}

void TestAesGcm::tampering()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(int, offset);
    QFETCH(int, truncateTo);
    QFETCH(Error, expected);

    QByteArray sealed = AesGcm::seal(m_key, plaintext);
    if (truncateTo >= 0) {
        if (truncateTo > sealed.size())
            sealed.append(QByteArray(truncateTo - sealed.size(), '\0'));
        else
            sealed.truncate(truncateTo);
    } else {
        const int at = offset >= 0 ? offset : int(sealed.size()) + offset;
        sealed[at] = char(sealed.at(at) ^ 0x01);
    }
    Error error = Error::NoError;
    const QByteArray opened = AesGcm::open(m_key, sealed, &error);
    QCOMPARE(error, expected);
    QVERIFY(opened.isEmpty());
}

void TestAesGcm::wrongKey()
{
    const QByteArray sealed = AesGcm::seal(m_key, "secret");
    QByteArray other = m_key;
    other[31] = char(other.at(31) ^ 0x80);
    Error error = Error::NoError;
    QVERIFY(AesGcm::open(other, sealed, &error).isEmpty());
    QCOMPARE(error, Error::AuthenticationFailed);
    QVERIFY(AesGcm::open(AesGcm::generateKey(), sealed, &error).isEmpty());
    QCOMPARE(error, Error::AuthenticationFailed);
}

void TestAesGcm::invalidKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("16 bytes (AES-128 size)") << QByteArray(16, 'k');
    QTest::newRow("31 bytes") << QByteArray(31, 'k');
    QTest::newRow("33 bytes") << QByteArray(33, 'k');
}

void TestAesGcm::invalidKey()
{
    QFETCH(QByteArray, key);
    Error error = Error::NoError;
    QVERIFY(AesGcm::seal(key, "x", &error).isEmpty());
    QCOMPARE(error, Error::InvalidKey);
    QVERIFY(AesGcm::open(key, AesGcm::seal(m_key, "x"), &error).isEmpty());
    QCOMPARE(error, Error::InvalidKey);
}

void TestAesGcm::looksSealed_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("sealed");
    QTest::addColumn<Error>("openError");
    QTest::newRow("json") << QByteArray("{}") << false << Error::NotSealed;
    QTest::newRow("empty") << QByteArray() << false << Error::NotSealed;
    QTest::newRow("other magic") << QByteArray("MSALQTX1") + QByteArray(40, '\0') << false << Error::NotSealed;
    QTest::newRow("newer version") << QByteArray("MSALQTC2") + QByteArray(40, '\0') << true
                                   << Error::UnsupportedVersion;
    QTest::newRow("damaged version") << QByteArray("MSALQTC\x01") + QByteArray(40, '\0') << true
                                     << Error::NotSealed;
}

void TestAesGcm::looksSealed()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, sealed);
    QFETCH(Error, openError);
    QCOMPARE(AesGcm::looksSealed(data), sealed);
    Error error = Error::NoError;
    QVERIFY(AesGcm::open(m_key, data, &error).isEmpty());
    QCOMPARE(error, openError);
}

void TestAesGcm::wipe()
{
    QByteArray key = AesGcm::generateKey();
    QCOMPARE(key.size(), AesGcm::KeySize);
    QVERIFY(key != AesGcm::generateKey());
    AesGcm::wipe(key);
    QVERIFY(key.isEmpty());

    // A shared copy is only dropped: its other owner still has (and later wipes) the bytes.
    const QByteArray shared(AesGcm::KeySize, 'k');
    QByteArray copy = shared;
    AesGcm::wipe(copy);
    QVERIFY(copy.isEmpty());
    QCOMPARE(shared, QByteArray(AesGcm::KeySize, 'k'));
}

QTEST_GUILESS_MAIN(TestAesGcm)
#include "tst_aesgcm.moc"
