#include "cachejson_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace MsalQt::Internal::CacheJson {

static void appendEscape(QByteArray *out, char16_t unit)
{
    static const char hex[] = "0123456789abcdef";
    out->append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4)
        out->append(hex[(unit >> shift) & 0xf]);
}

void appendString(QByteArray *out, QStringView text)
{
    out->append('"');
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = text[i].unicode();
        if (unit < 0x80) {
            if (unit == '"' || unit == '\\')
                out->append('\\').append(char(unit));
            else if (unit < 0x20)
                appendEscape(out, unit);
            else
                out->append(char(unit));
        } else if (unit < 0x800) {
            out->append(char(0xc0 | (unit >> 6))).append(char(0x80 | (unit & 0x3f)));
        } else if (QChar::isHighSurrogate(unit) && i + 1 < size && QChar::isLowSurrogate(text[i + 1].unicode())) {
            const char32_t code = QChar::surrogateToUcs4(unit, text[++i].unicode());
            out->append(char(0xf0 | (code >> 18)))
                .append(char(0x80 | ((code >> 12) & 0x3f)))
                .append(char(0x80 | ((code >> 6) & 0x3f)))
                .append(char(0x80 | (code & 0x3f)));
        } else if (QChar::isSurrogate(unit)) {
            appendEscape(out, unit); // lone: kept as the escape it was read from
        } else {
            out->append(char(0xe0 | (unit >> 12)))
                .append(char(0x80 | ((unit >> 6) & 0x3f)))
                .append(char(0x80 | (unit & 0x3f)));
        }
    }
    out->append('"');
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
