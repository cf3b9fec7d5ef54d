#pragma once

#include <QString>

namespace MsalQt::Emulator {

// The few HTML pages a person sees: the device-code sign-in form and its outcomes. Plain,
// script-free HTML; everything echoed back is escaped.
class HtmlPages
{
public:
    // The sign-in form. `message` (if any) is shown above it, as an error when isError.
    static QString deviceLoginForm(const QString &action, const QString &userCode, const QString &username,
                                   const QString &message, bool isError);
    // A page with a heading and one paragraph (sign-in finished, declined, signed out).
    static QString notice(const QString &title, const QString &message);

    static QString escape(const QString &text);
    // The shared page frame (title, styles, brand line); `body` is inserted as is, so it must
    // already be escaped. Public so that other page sets (authorize) look the same.
    static QString layout(const QString &title, const QString &body);
};

} // namespace MsalQt::Emulator
