#include "devicecodestore.h"

#include <QRandomGenerator>

namespace MsalQt::Emulator {

namespace {

// No I or O: a person reads the code off one screen and types it on another.
constexpr char userCodeAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr int userCodeLength = 9;

QString randomUserCode()
{
    QString code;
    for (int i = 0; i < userCodeLength; ++i)
        code += QLatin1Char(userCodeAlphabet[QRandomGenerator::system()->bounded(int(sizeof userCodeAlphabet) - 1)]);
    return code;
}

QString randomDeviceCode()
{
    QByteArray random(96, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return QStringLiteral("DAQABAAEAAAD")
        + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

DeviceCode DeviceCodeStore::create(const QString &clientId, const QString &tenantSegment,
                                          const QString &scope, int intervalSeconds, int expiresInSeconds)
{
    purgeStale();
    DeviceCode code;
    do {
        code.userCode = randomUserCode();
    } while (m_byUserCode.contains(code.userCode));
    code.deviceCode = randomDeviceCode();
    code.clientId = clientId;
    code.tenantSegment = tenantSegment;
    code.scope = scope;
    code.expiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresInSeconds);
    code.intervalSeconds = intervalSeconds;
    m_byUserCode.insert(code.userCode, code.deviceCode);
    return *m_codes.insert(code.deviceCode, code);
}

DeviceCodeStore::PollOutcome DeviceCodeStore::poll(const QString &deviceCode, const QString &clientId,
                                                   DeviceCode *out)
{
    const auto it = m_codes.find(deviceCode);
    if (it == m_codes.end() || it->clientId.compare(clientId, Qt::CaseInsensitive) != 0)
        return PollOutcome::Unknown;
    DeviceCode &code = it.value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (code.state == DeviceCode::Redeemed)
        return PollOutcome::Redeemed;
    if (now >= code.expiresAt)
        return PollOutcome::Expired;

    // RFC 8628 §3.5: polling faster than the interval earns slow_down and a longer interval.
    const QDateTime previous = code.lastPollAt;
    code.lastPollAt = now;
    if (previous.isValid() && previous.msecsTo(now) < qint64(code.intervalSeconds) * 1000 - pollToleranceMs) {
        code.intervalSeconds += 5;
        return PollOutcome::SlowDown;
    }
    switch (code.state) {
    case DeviceCode::Declined:
        return PollOutcome::Declined;
    case DeviceCode::Pending:
        return PollOutcome::Pending;
    case DeviceCode::Approved:
        code.state = DeviceCode::Redeemed;
        if (out)
            *out = code;
        return PollOutcome::Approved;
    case DeviceCode::Redeemed:
        break;
    }
    return PollOutcome::Redeemed;
}

DeviceCode *DeviceCodeStore::pending(const QString &userCode, ApprovalOutcome *outcome)
{
    const auto it = m_codes.find(m_byUserCode.value(normalizeUserCode(userCode)));
    if (it == m_codes.end() || it->state != DeviceCode::Pending) {
        *outcome = ApprovalOutcome::NotFound;
        return nullptr;
    }
    if (QDateTime::currentDateTimeUtc() >= it->expiresAt) {
        *outcome = ApprovalOutcome::Expired;
        return nullptr;
    }
    return &it.value();
}

const DeviceCode *DeviceCodeStore::pendingByUserCode(const QString &userCode) const
{
    const auto it = m_codes.constFind(m_byUserCode.value(normalizeUserCode(userCode)));
    if (it == m_codes.constEnd() || it->state != DeviceCode::Pending)
        return nullptr;
    return &it.value();
}

DeviceCodeStore::ApprovalOutcome DeviceCodeStore::approve(const QString &userCode, const QString &userOid)
{
    ApprovalOutcome outcome = ApprovalOutcome::Approved;
    DeviceCode *code = pending(userCode, &outcome);
    if (!code)
        return outcome;
    code->state = DeviceCode::Approved;
    code->userOid = userOid;
    return ApprovalOutcome::Approved;
}

DeviceCodeStore::ApprovalOutcome DeviceCodeStore::decline(const QString &userCode)
{
    ApprovalOutcome outcome = ApprovalOutcome::Declined;
    DeviceCode *code = pending(userCode, &outcome);
    if (!code)
        return outcome;
    code->state = DeviceCode::Declined;
    return ApprovalOutcome::Declined;
}

QString DeviceCodeStore::normalizeUserCode(const QString &userCode)
{
    QString out;
    for (const QChar c : userCode) {
        if (c.isLetterOrNumber())
            out += c.toUpper();
    }
    return out;
}

void DeviceCodeStore::clear()
{
    m_codes.clear();
    m_byUserCode.clear();
}

void DeviceCodeStore::purgeStale()
{
    // Keep finished codes around for a while so late polls still get a precise answer.
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (auto it = m_codes.begin(); it != m_codes.end();) {
        if (it->expiresAt < cutoff) {
            m_byUserCode.remove(it->userCode);
            it = m_codes.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace MsalQt::Emulator
