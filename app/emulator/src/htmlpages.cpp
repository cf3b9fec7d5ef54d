#include "htmlpages.h"

namespace MsalQt::Emulator {

QString HtmlPages::escape(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char('\''), QStringLiteral("&#39;"));
    return out;
}

QString HtmlPages::layout(const QString &title, const QString &body)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n"
               "<html lang=\"en\">\n"
               "<head>\n"
               "<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>%1</title>\n"
               "<style>\n"
               "body{font-family:\"Segoe UI\",system-ui,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}\n"
               "main{max-width:440px;margin:48px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}\n"
               "h1{font-size:24px;font-weight:600;margin:0 0 16px}\n"
               "label{display:block;margin:16px 0 4px;font-size:15px}\n"
               "input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:6px 0;"
               "font-size:15px;border:0;border-bottom:1px solid #666}\n"
               ".buttons{margin-top:28px;display:flex;gap:8px;justify-content:flex-end}\n"
               "button{min-width:108px;padding:6px 12px;font-size:15px;border:0;cursor:pointer}\n"
               "button[value=approve]{background:#0067b8;color:#fff}\n"
               "button[value=decline]{background:#ccc}\n"
               ".error{color:#e81123}\n"
               ".info{color:#1b1b1b}\n"
               ".brand{font-size:13px;color:#666;margin-bottom:20px}\n"
               "</style>\n"
               "</head>\n"
               "<body>\n"
               "<main>\n"
               "<div class=\"brand\">MsalQt identity platform emulator</div>\n"
               "%2"
               "</main>\n"
               "</body>\n"
               "</html>\n")
        .arg(escape(title), body);
}

QString HtmlPages::deviceLoginForm(const QString &action, const QString &userCode, const QString &username,
                                   const QString &message, bool isError)
{
    QString body = QStringLiteral("<h1>Enter code</h1>\n"
                                  "<p>Enter the code displayed on your app or device, then sign in.</p>\n");
    if (!message.isEmpty()) {
        body += QStringLiteral("<p class=\"%1\" role=\"%2\">%3</p>\n")
                    .arg(isError ? QStringLiteral("error") : QStringLiteral("info"),
                         isError ? QStringLiteral("alert") : QStringLiteral("status"), escape(message));
    }
    body += QStringLiteral(
                "<form id=\"device-login\" method=\"POST\" action=\"%1\">\n"
                "<label for=\"user_code\">Code</label>\n"
                "<input type=\"text\" id=\"user_code\" name=\"user_code\" value=\"%2\" autocomplete=\"off\" "
                "autocapitalize=\"characters\" spellcheck=\"false\">\n"
                "<label for=\"username\">Email, phone, or Skype</label>\n"
                "<input type=\"email\" id=\"username\" name=\"username\" value=\"%3\" autocomplete=\"username\">\n"
                "<label for=\"password\">Password</label>\n"
                "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\">\n"
                "<div class=\"buttons\">\n"
                "<button type=\"submit\" name=\"action\" value=\"decline\" formnovalidate>Deny</button>\n"
                "<button type=\"submit\" name=\"action\" value=\"approve\">Sign in</button>\n"
                "</div>\n"
                "</form>\n")
                .arg(escape(action), escape(userCode), escape(username));
    return layout(QStringLiteral("Sign in to your account"), body);
}

QString HtmlPages::notice(const QString &title, const QString &message)
{
    return layout(title, QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n").arg(escape(title), escape(message)));
}

} // namespace MsalQt::Emulator
