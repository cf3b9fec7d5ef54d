#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace MsalQt::Emulator {

struct DeviceCode {
    enum State { Pending, Approved, Declined, Redeemed };
    QString deviceCode;
    QString userCode;
    QString clientId;
    QString tenantSegment; // the authority the code was requested through; it rules who may approve
    QString scope;
    QDateTime expiresAt;
    int intervalSeconds = 5;
    QDateTime lastPollAt;
    State state = Pending;
    QString userOid;       // who approved
};

// Device codes and their RFC 8628 state machine (pending, slow_down, expiry, approval).
class DeviceCodeStore
{
public:
    enum class PollOutcome { Unknown, Expired, Redeemed, SlowDown, Declined, Pending, Approved };
    enum class ApprovalOutcome { Approved, Declined, NotFound, Expired };

    // Polls closer together than the interval minus this are "too fast"; the slack absorbs
    // timer jitter in clients that wait exactly the interval.
    static constexpr int pollToleranceMs = 300;

    DeviceCode create(const QString &clientId, const QString &tenantSegment, const QString &scope,
                             int intervalSeconds, int expiresInSeconds);

    // One token-endpoint poll. On Approved the code becomes Redeemed and *code receives it.
    PollOutcome poll(const QString &deviceCode, const QString &clientId, DeviceCode *code);

    // Null unless the code exists and is still pending (expired ones included: check expiresAt).
    const DeviceCode *pendingByUserCode(const QString &userCode) const;
    ApprovalOutcome approve(const QString &userCode, const QString &userOid);
    ApprovalOutcome decline(const QString &userCode);

    // Case-insensitive; spaces and dashes a person may type are ignored.
    static QString normalizeUserCode(const QString &userCode);

    void clear();

private:
    DeviceCode *pending(const QString &userCode, ApprovalOutcome *outcome);
    void purgeStale();

    QHash<QString, DeviceCode> m_codes;    // by device code
    QHash<QString, QString> m_byUserCode;  // user code -> device code
};

} // namespace MsalQt::Emulator
