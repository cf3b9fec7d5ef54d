#pragma once

#include "errorresponses.h"
#include "httpresponse.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace MsalQt::Emulator {

class HttpRequest;
struct AuthorizeRequest;

// Delivers an authorize result to the client's redirect URI in the requested response mode:
// a 302 with the parameters in the query or the fragment, or a self-posting form (form_post).
class AuthorizationResponse
{
public:
    using Parameters = QList<QPair<QString, QString>>;

    static HttpResponse deliver(const AuthorizeRequest &request, const Parameters &parameters);

    // The error parameters of an error redirect, shaped as the platform's: error,
    // error_description ("AADSTSnnnn: ..." + trace and correlation ids), error_uri, suberror,
    // state. `baseUrl` is the emulator's, for error_uri.
    static Parameters errorParameters(const HttpRequest &http, const AuthorizeRequest &request,
                                      const PlatformError &error, const QUrl &baseUrl);

private:
    static QString encode(const Parameters &parameters);
};

} // namespace MsalQt::Emulator
