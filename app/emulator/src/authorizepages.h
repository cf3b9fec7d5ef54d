#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace MsalQt::Emulator {

// The pages of the authorize endpoint: login, account chooser, consent, the error page shown
// when no redirect is possible, and the self-posting form of response_mode=form_post.
//
// The ids and names are a contract with the GUI tests that fill these pages in a real browser:
//   login:   form#login, input#username[name=username], input#password[name=password],
//            button#sign-in (submit); hidden "ctx" and "step"=login
//   chooser: form#account-chooser, one button[name=username][data-username] per account,
//            button#use-another-account[name=action][value=other]; hidden "ctx" and "step"=select
//   consent: form#consent, button#accept[name=action][value=accept],
//            button#decline[name=action][value=decline]; hidden "ctx" and "step"=consent
// Everything echoed is HTML-escaped; no page needs script (form_post offers a button too).
class AuthorizePages
{
public:
    struct Account {
        QString username;
        QString displayName;
    };

    // message/detail: shown above the form as an error when non-empty.
    // forgotPassword: B2C's "Forgot your password?", button#forgot-password[name=action][value=forgotPassword].
    static QString login(const QString &action, const QString &ctx, const QString &appName, const QString &username,
                         const QString &message, const QString &detail, bool forgotPassword = false);
    // prompt=create: the sign-up page. The emulator cannot add users, so it is the login form
    // (same contract) under a "Create account" heading that says so.
    static QString signUp(const QString &action, const QString &ctx, const QString &appName, const QString &username);
    static QString accountChooser(const QString &action, const QString &ctx, const QString &appName,
                                  const QList<Account> &accounts);
    static QString consent(const QString &action, const QString &ctx, const QString &appName, const QString &username,
                           const QStringList &permissions);
    // "AADSTSnnnn: text" plus the ids a person would quote to support.
    static QString error(int aadstsCode, const QString &description, const QString &traceId,
                         const QString &correlationId);
    static QString formPost(const QString &redirectUri, const QList<QPair<QString, QString>> &parameters);

private:
    static QString hidden(const QString &name, const QString &value);
    static QString messages(const QString &message, const QString &detail);
};

} // namespace MsalQt::Emulator
