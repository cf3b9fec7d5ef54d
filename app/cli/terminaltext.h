#pragma once

#include <QString>

// Text a server chose (device-code messages, error descriptions, names from ID tokens) or a cache
// file holds reaches the terminal only through these: ESC and the C1 CSI start terminal control
// sequences (retitle the window, rewrite the screen, on some terminals answer back with input),
// and the Unicode bidirectional controls reorder what is shown (CVE-2021-42574).

// For plain output: those characters removed, line breaks and tabs turned into spaces, so that
// one value stays one line (and one field of a tab-separated line).
QString plainText(const QString &text);

// For JSON output: QJsonDocument escapes U+0000-U+001F but writes DEL, the C1 controls, the
// bidirectional controls and U+2028/U+2029 as they are; these become \uXXXX escapes too, which
// is the same JSON value. `json` must be a serialized document (outside strings it is ASCII).
QString jsonText(const QString &json);
