#include "cachejson_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace MsalQt::Internal::CacheJson {

static char *writeEscape(char *p, char16_t unit)
{
    static const char hex[] = "0123456789abcdef";
    *p++ = '\\';
    *p++ = 'u';
    for (int shift = 12; shift >= 0; shift -= 4)
        *p++ = hex[(unit >> shift) & 0xf];
    return p;
}

void appendString(QByteArray *out, QStringView text)
{
    // Written through a pointer into room for the worst case (six bytes a unit, \uXXXX), then
    // cut to size: appending byte by byte cost most of a save.
    const qsizetype size = text.size();
    const qsizetype start = out->size();
    out->resize(start + 2 + 6 * size);
    char *p = out->data() + start;
    *p++ = '"';
    const char16_t *units = reinterpret_cast<const char16_t *>(text.data());
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = units[i];
        if (unit < 0x80) {
            if (unit == '"' || unit == '\\') {
                *p++ = '\\';
                *p++ = char(unit);
            } else if (unit < 0x20) {
                p = writeEscape(p, unit);
            } else {
                *p++ = char(unit);
            }
        } else if (unit < 0x800) {
            *p++ = char(0xc0 | (unit >> 6));
            *p++ = char(0x80 | (unit & 0x3f));
        } else if (QChar::isHighSurrogate(unit) && i + 1 < size && QChar::isLowSurrogate(units[i + 1])) {
            const char32_t code = QChar::surrogateToUcs4(unit, units[++i]);
            *p++ = char(0xf0 | (code >> 18));
            *p++ = char(0x80 | ((code >> 12) & 0x3f));
            *p++ = char(0x80 | ((code >> 6) & 0x3f));
            *p++ = char(0x80 | (code & 0x3f));
        } else if (QChar::isSurrogate(unit)) {
            p = writeEscape(p, unit); // lone: kept as the escape it was read from
        } else {
            *p++ = char(0xe0 | (unit >> 12));
            *p++ = char(0x80 | ((unit >> 6) & 0x3f));
            *p++ = char(0x80 | (unit & 0x3f));
        }
    }
    *p++ = '"';
    out->truncate(p - out->constData());
}

void appendValue(QByteArray *out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::abs(d) < 9007199254740992.0 && d == double(qint64(d)))
            out->append(QByteArray::number(qint64(d)));
        else
            out->append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
        break;
    }
    case QJsonValue::Bool:
        out->append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        out->append('{');
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it != object.begin())
                out->append(',');
            appendString(out, it.key());
            out->append(':');
            appendValue(out, it.value());
        }
        out->append('}');
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out->append('[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i)
                out->append(',');
            appendValue(out, array.at(i));
        }
        out->append(']');
        break;
    }
    default:
        out->append("null");
        break;
    }
}

} // namespace MsalQt::Internal::CacheJson
