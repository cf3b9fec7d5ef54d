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
    // Compared as doubles before the cast: whatever qint64 min and max are, a number that passes
    // lies in [-2^63, 2^63) and converts ([conv.fpint]); NaN fails the comparison. Then exactly.
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
    // Digits only (no sign, no blanks, no exponent), which QString's parser alone would accept;
    // it still reports a value past qint64 through `ok`.
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
