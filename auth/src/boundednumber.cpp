#include "boundednumber_p.h"

#include <QString>

#include <cmath>
#include <limits>

namespace MsalQt::Internal {

std::optional<qint64> boundedInteger(const QJsonValue &value, qint64 min, qint64 max)
{
    if (value.isString())
        return boundedInteger(value.toString(), min, max);
    if (!value.isDouble())
        return std::nullopt;
    // Compared as doubles first: min and max are far below 2^53, so they convert exactly, and a
    // NaN fails both comparisons.
    const double number = value.toDouble();
    if (!(number >= double(min) && number < double(max) + 1.0))
        return std::nullopt;
    const qint64 integer = qint64(std::trunc(number));
    if (integer < min || integer > max)
        return std::nullopt;
    return integer;
}

std::optional<qint64> boundedInteger(const QString &text, qint64 min, qint64 max)
{
    // Digits only (no sign, no blanks, no exponent): QString's parser would accept more, and a
    // value that overflows qint64 makes it fail, which is the point.
    if (text.isEmpty() || text.size() > 19)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 integer = text.toLongLong(&ok);
    if (!ok || integer < min || integer > max)
        return std::nullopt;
    return integer;
}

std::chrono::milliseconds timerInterval(std::chrono::milliseconds wait)
{
    constexpr std::chrono::milliseconds longest(std::numeric_limits<int>::max());
    if (wait.count() < 0)
        return std::chrono::milliseconds(0);
    return wait > longest ? longest : wait;
}

} // namespace MsalQt::Internal
