#include "deviceloginpage.h"

#include "htmlpages.h"
#include "httprequest.h"
#include "services.h"

namespace MsalQt::Emulator {

DeviceLoginPage::Outcome DeviceLoginPage::codeProblem(bool expired) const
{
    if (expired)
        return {Result::Expired, QStringLiteral("The code you entered has expired. Get a new code from the device "
                                                "you're trying to sign in to and try again.")};
    return {Result::WrongCode, QStringLiteral("That code didn't work. Check the code and try again.")};
}

DeviceLoginPage::Outcome DeviceLoginPage::approve(const QString &userCode, const QString &username,
                                                  const QString *password)
{
    const DeviceCode *code = m_services.deviceCodes.pendingByUserCode(userCode);
    if (!code)
        return codeProblem(false);
    if (QDateTime::currentDateTimeUtc() >= code->expiresAt)
        return codeProblem(true);

    const User *user = m_services.config.userByName(username);
    if (!user)
        return {Result::UnknownUser, QStringLiteral("This username may be incorrect. Make sure you typed it "
                                                    "correctly. Otherwise, contact your admin.")};
    if (password && *password != user->password)
        return {Result::WrongPassword, QStringLiteral("Your account or password is incorrect. If you don't remember "
                                                      "your password, reset it now.")};

    const App *app = m_services.config.app(code->clientId);
    const auto authority = m_services.tenants.resolve(code->tenantSegment);
    if (!app || !authority)
        return codeProblem(false); // the config changed under the code
    if (const auto refused = m_services.tenants.checkUser(*authority, *user, *app))
        return {Result::Refused, QStringLiteral("AADSTS%1: %2").arg(refused->aadstsCode).arg(refused->description)};

    const QString appName = app->displayName;
    if (m_services.deviceCodes.approve(userCode, user->oid) != DeviceCodeStore::ApprovalOutcome::Approved)
        return codeProblem(false);
    return {Result::Approved, QStringLiteral("You have signed in to %1 on your device. You may now close this window.")
                                  .arg(appName)};
}

DeviceLoginPage::Outcome DeviceLoginPage::decline(const QString &userCode)
{
    const DeviceCode *code = m_services.deviceCodes.pendingByUserCode(userCode);
    const App *app = code ? m_services.config.app(code->clientId) : nullptr;
    const QString appName = app ? app->displayName : QString();
    switch (m_services.deviceCodes.decline(userCode)) {
    case DeviceCodeStore::ApprovalOutcome::Declined:
        return {Result::Declined, QStringLiteral("You have declined to sign in to %1 on your device. You may now "
                                                 "close this window.").arg(appName)};
    case DeviceCodeStore::ApprovalOutcome::Expired:
        return codeProblem(true);
    default:
        return codeProblem(false);
    }
}

HttpResponse DeviceLoginPage::handle(const HttpRequest &request)
{
    // The form posts back to the path it was served from (common or a tenant).
    const QString action = request.path();
    if (request.method() == "GET") {
        return HttpResponse::html(200, HtmlPages::deviceLoginForm(action, request.queryValue(QStringLiteral("user_code")),
                                                                  {}, {}, false));
    }
    if (request.method() != "POST")
        return m_services.errors.postOnly(request);

    const QString userCode = request.formValue(QStringLiteral("user_code"));
    const QString username = request.formValue(QStringLiteral("username"));
    const QString password = request.formValue(QStringLiteral("password"));
    const QString what = request.formValue(QStringLiteral("action"));

    Outcome outcome;
    if (what == QLatin1String("decline"))
        outcome = decline(userCode);
    else if (what == QLatin1String("approve") || what.isEmpty())
        outcome = approve(userCode, username, &password);
    else
        outcome = {Result::WrongCode, QStringLiteral("Unknown action.")};

    switch (outcome.result) {
    case Result::Approved:
        return HttpResponse::html(200, HtmlPages::notice(QStringLiteral("You're signed in"), outcome.message));
    case Result::Declined:
        return HttpResponse::html(200, HtmlPages::notice(QStringLiteral("Sign-in declined"), outcome.message));
    default:
        // Re-show the form with what went wrong; the password is never echoed.
        return HttpResponse::html(400, HtmlPages::deviceLoginForm(action, userCode, username, outcome.message, true));
    }
}

} // namespace MsalQt::Emulator
