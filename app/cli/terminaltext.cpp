#include "terminaltext.h"

static bool isControl(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL, C1
        || (c >= 0x202a && c <= 0x202e)          // bidi embeddings and overrides
        || (c >= 0x2066 && c <= 0x2069)          // bidi isolates
        || c == 0x2028 || c == 0x2029;           // line and paragraph separators
}

static bool isBreak(char16_t c)
{
    return c == u'\t' || c == u'\n' || c == u'\r' || c == 0x0b || c == 0x0c || c == 0x85 || c == 0x2028
        || c == 0x2029;
}

QString plainText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!isControl(c.unicode()))
            out += c;
        else if (isBreak(c.unicode()))
            out += QLatin1Char(' ');
    }
    return out;
}

QString jsonText(const QString &json)
{
    QString out;
    out.reserve(json.size());
    for (const QChar c : json) {
        // Below U+0020 QJsonDocument has escaped already (and a newline here is its indentation).
        if (c.unicode() >= 0x20 && isControl(c.unicode()))
            out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}
