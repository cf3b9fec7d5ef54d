#pragma once

#include "autotestexport_p.h"
#include <MsalQt/msalqt_global.h>

#include <QJsonValue>
#include <QString>

#include <chrono>
#include <optional>

namespace MsalQt::Internal {

// Numbers that come from outside (a token or device-code answer, a redirect, a cache file) reach
// a qint64, a QDateTime or a QTimer only through these: converting a double outside the target's
// range is undefined behaviour in C++ ([conv.fpint]), and QDateTime::addSecs() past its range
// gives an invalid date that reads back as epoch 0.

// The longest lifetime accepted from a server (expires_in, ext_expires_in, refresh_in, a device
// code's expires_in and interval): about 31.7 years. More is a fault or an attack.
inline constexpr qint64 maxLifetimeSeconds = 1'000'000'000;
// The latest time a cache file may name: 9999-12-31T23:59:59Z, as epoch seconds.
inline constexpr qint64 maxEpochSeconds = 253'402'300'799;

// A JSON number (a fraction is cut off) or a string of decimal digits, as some endpoints and other
// MSAL libraries write them, when it lies in [min, max]; nullopt for anything else: another type,
// out of range, not a number. The caller decides what an absent value means.
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<qint64> boundedInteger(const QJsonValue &value, qint64 min, qint64 max);
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<qint64> boundedInteger(const QString &text, qint64 min, qint64 max);

// A QTimer interval for a wait: QTimer counts in int milliseconds (Qt 6.4's chrono overload casts
// without a check, so 2^32 ms + 704 ms becomes 704 ms), so longer waits are clamped to the
// largest int (about 24.8 days), negative ones to 0. A caller that waits longer re-arms.
MSALQT_AUTH_AUTOTEST_EXPORT std::chrono::milliseconds timerInterval(std::chrono::milliseconds wait);

} // namespace MsalQt::Internal
