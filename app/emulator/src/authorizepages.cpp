#include "authorizepages.h"

#include "htmlpages.h"

#include <QStringList>

namespace MsalQt::Emulator {

namespace {

QString esc(const QString &text)
{
    return HtmlPages::escape(text);
}

// Buttons other than the primary one keep the frame's plain look; these make the chooser and
// consent readable without touching the shared style sheet.
const QString primaryStyle = QStringLiteral("background:#0067b8;color:#fff");
const QString secondaryStyle = QStringLiteral("background:#ccc");
const QString accountStyle = QStringLiteral("width:100%;text-align:left;background:#fff;border:1px solid #ccc;"
                                            "padding:10px 12px;margin:4px 0");

} // namespace

QString AuthorizePages::hidden(const QString &name, const QString &value)
{
    return QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n").arg(esc(name), esc(value));
}

QString AuthorizePages::messages(const QString &message, const QString &detail)
{
    QString out;
    if (!message.isEmpty())
        out += QStringLiteral("<p class=\"error\" role=\"alert\" id=\"error-message\">%1</p>\n").arg(esc(message));
    if (!detail.isEmpty())
        out += QStringLiteral("<p class=\"error\" id=\"error-detail\"><small>%1</small></p>\n").arg(esc(detail));
    return out;
}

QString AuthorizePages::login(const QString &action, const QString &ctx, const QString &appName,
                              const QString &username, const QString &message, const QString &detail,
                              bool forgotPassword)
{
    QString body = QStringLiteral("<h1>Sign in</h1>\n<p>to continue to %1</p>\n").arg(esc(appName));
    body += messages(message, detail);
    body += QStringLiteral("<form id=\"login\" method=\"POST\" action=\"%1\">\n").arg(esc(action));
    body += hidden(QStringLiteral("ctx"), ctx) + hidden(QStringLiteral("step"), QStringLiteral("login"));
    // Focus where the person types next: the password when the username is known already.
    body += QStringLiteral("<label for=\"username\">Email, phone, or Skype</label>\n"
                           "<input type=\"email\" id=\"username\" name=\"username\" value=\"%1\" "
                           "autocomplete=\"username\" required%2>\n"
                           "<label for=\"password\">Password</label>\n"
                           "<input type=\"password\" id=\"password\" name=\"password\" "
                           "autocomplete=\"current-password\"%3>\n"
                           "<div class=\"buttons\">\n"
                           "<button type=\"submit\" id=\"sign-in\" name=\"action\" value=\"approve\">Sign in</button>\n"
                           "%4</div>\n</form>\n")
                .arg(esc(username), username.isEmpty() ? QStringLiteral(" autofocus") : QString(),
                     username.isEmpty() ? QString() : QStringLiteral(" autofocus"),
                     forgotPassword ? QStringLiteral("<button type=\"submit\" id=\"forgot-password\" name=\"action\" "
                                                     "value=\"forgotPassword\" formnovalidate>Forgot your password?</button>\n")
                                    : QString());
    return HtmlPages::layout(QStringLiteral("Sign in to your account"), body);
}

QString AuthorizePages::signUp(const QString &action, const QString &ctx, const QString &appName,
                               const QString &username)
{
    QString page = login(action, ctx, appName, username, {}, {});
    page.replace(QStringLiteral("<h1>Sign in</h1>"),
                 QStringLiteral("<h1 id=\"sign-up\">Create account</h1>\n<p>This emulator's directory is fixed: "
                                "sign in with an account it knows, as a new account would after signing up.</p>"));
    return page;
}

QString AuthorizePages::accountChooser(const QString &action, const QString &ctx, const QString &appName,
                                       const QList<Account> &accounts)
{
    QString body = QStringLiteral("<h1>Pick an account</h1>\n<p>to continue to %1</p>\n").arg(esc(appName));
    body += QStringLiteral("<form id=\"account-chooser\" method=\"POST\" action=\"%1\">\n").arg(esc(action));
    body += hidden(QStringLiteral("ctx"), ctx) + hidden(QStringLiteral("step"), QStringLiteral("select"));
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const Account &a = accounts.at(i);
        body += QStringLiteral("<button type=\"submit\" id=\"account-%1\" name=\"username\" value=\"%2\" "
                               "data-username=\"%2\" style=\"%3\"><strong>%4</strong><br>%2</button>\n")
                    .arg(QString::number(i), esc(a.username), accountStyle, esc(a.displayName));
    }
    body += QStringLiteral("<button type=\"submit\" id=\"use-another-account\" name=\"action\" value=\"other\" "
                           "style=\"%1\">Use another account</button>\n</form>\n")
                .arg(accountStyle);
    return HtmlPages::layout(QStringLiteral("Sign in to your account"), body);
}

QString AuthorizePages::consent(const QString &action, const QString &ctx, const QString &appName,
                                const QString &username, const QStringList &permissions)
{
    QString body = QStringLiteral("<h1>Permissions requested</h1>\n<p><strong>%1</strong></p>\n"
                                  "<p>Signed in as %2</p>\n<p>This app would like to:</p>\n<ul id=\"permissions\">\n")
                       .arg(esc(appName), esc(username));
    for (const QString &p : permissions)
        body += QStringLiteral("<li>%1</li>\n").arg(esc(p));
    body += QStringLiteral("</ul>\n<p>Accepting these permissions means that you allow this app to use your data as "
                           "specified in their terms of service and privacy statement.</p>\n");
    body += QStringLiteral("<form id=\"consent\" method=\"POST\" action=\"%1\">\n").arg(esc(action));
    body += hidden(QStringLiteral("ctx"), ctx) + hidden(QStringLiteral("step"), QStringLiteral("consent"));
    body += QStringLiteral("<div class=\"buttons\">\n"
                           "<button type=\"submit\" id=\"decline\" name=\"action\" value=\"decline\" style=\"%1\">"
                           "Cancel</button>\n"
                           "<button type=\"submit\" id=\"accept\" name=\"action\" value=\"accept\" style=\"%2\">"
                           "Accept</button>\n</div>\n</form>\n")
                .arg(secondaryStyle, primaryStyle);
    return HtmlPages::layout(QStringLiteral("Permissions requested"), body);
}

QString AuthorizePages::error(int aadstsCode, const QString &description, const QString &traceId,
                              const QString &correlationId)
{
    const QString text = aadstsCode > 0 ? QStringLiteral("AADSTS%1: %2").arg(QString::number(aadstsCode), description)
                                        : description;
    const QString body = QStringLiteral("<h1>Sign in</h1>\n<p>Sorry, but we're having trouble signing you in.</p>\n"
                                        "<p class=\"error\" role=\"alert\" id=\"error-code\">%1</p>\n"
                                        "<p><small>Request Id: %2<br>Correlation Id: %3</small></p>\n")
                             .arg(esc(text), esc(traceId), esc(correlationId));
    return HtmlPages::layout(QStringLiteral("Sign in to your account"), body);
}

QString AuthorizePages::formPost(const QString &redirectUri, const QList<QPair<QString, QString>> &parameters)
{
    QString body = QStringLiteral("<h1>Working...</h1>\n<form id=\"form_post\" method=\"POST\" action=\"%1\">\n")
                       .arg(esc(redirectUri));
    for (const auto &p : parameters)
        body += hidden(p.first, p.second);
    body += QStringLiteral("<noscript><p>Script is disabled. Click Continue to finish signing in.</p></noscript>\n"
                           "<div class=\"buttons\"><button type=\"submit\" value=\"approve\">Continue</button></div>\n"
                           "</form>\n"
                           "<script>document.getElementById('form_post').submit();</script>\n");
    return HtmlPages::layout(QStringLiteral("Working..."), body);
}

} // namespace MsalQt::Emulator
