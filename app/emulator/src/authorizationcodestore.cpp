#include "authorizationcodestore.h"

#include <QRandomGenerator>

namespace MsalQt::Emulator {

namespace {

// Redeemed and expired codes are kept this long after expiry so that late replays still get
// the precise error; after that they are forgotten and the store stays small.
constexpr qint64 keepAfterExpirySeconds = 3600;

QString randomCode()
{
    QByteArray random(48, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    // Platform codes start with a version marker and are long base64url strings.
    return QStringLiteral("0.A") + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding
                                                                       | QByteArray::OmitTrailingEquals));
}

} // namespace

QString AuthorizationCodeStore::issue(AuthorizationCode code, int lifetimeSeconds)
{
    dropStale();
    code.expiresAt = QDateTime::currentDateTimeUtc().addSecs(qMax(0, lifetimeSeconds));
    code.redeemed = false;
    const QString value = randomCode();
    m_codes.insert(value, code);
    return value;
}

AuthorizationCodeStore::Outcome AuthorizationCodeStore::redeem(const QString &value, AuthorizationCode *out)
{
    auto it = m_codes.find(value);
    if (it == m_codes.end())
        return Outcome::Unknown;
    if (it->redeemed)
        return Outcome::Redeemed;
    if (QDateTime::currentDateTimeUtc() >= it->expiresAt)
        return Outcome::Expired;
    it->redeemed = true;
    if (out)
        *out = *it;
    return Outcome::Valid;
}

void AuthorizationCodeStore::dropStale()
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-keepAfterExpirySeconds);
    for (auto it = m_codes.begin(); it != m_codes.end();) {
        if (it->expiresAt < cutoff)
            it = m_codes.erase(it);
        else
            ++it;
    }
}

} // namespace MsalQt::Emulator
