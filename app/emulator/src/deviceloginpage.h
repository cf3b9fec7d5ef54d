#pragma once

#include "httpresponse.h"

#include <QString>

namespace MsalQt::Emulator {

class HttpRequest;
struct Services;

// GET/POST /{tenant}/oauth2/deviceauth: the page where a person enters the device code and
// signs in. Server::approveDeviceCode() goes through the same checks (minus the password),
// so tests that skip the form see the same rules.
class DeviceLoginPage
{
public:
    enum class Result { Approved, Declined, WrongCode, Expired, UnknownUser, WrongPassword, Refused };
    struct Outcome {
        Result result = Result::WrongCode;
        QString message; // what the page tells the person
    };

    explicit DeviceLoginPage(Services &services) : m_services(services) { }

    HttpResponse handle(const HttpRequest &request);

    // password == nullptr: no password check (the API's "as if the person signed in").
    Outcome approve(const QString &userCode, const QString &username, const QString *password);
    Outcome decline(const QString &userCode);

private:
    Outcome codeProblem(bool expired) const;

    Services &m_services;
};

} // namespace MsalQt::Emulator
