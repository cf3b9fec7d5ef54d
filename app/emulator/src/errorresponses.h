#pragma once

#include "httpresponse.h"

#include <QString>
#include <QUrl>

namespace MsalQt::Emulator {

class HttpRequest;

// An error as the platform reports it; aadstsCode 0 means "no AADSTS code".
struct PlatformError {
    int httpStatus = 400;
    QString error;
    int aadstsCode = 0;
    QString description; // the text after "AADSTSnnnn: "
    QString subError;
    QString claims;
};

// Builds error bodies in the exact shapes clients parse: the identity platform's
// {"error","error_description","error_codes",...} and Graph's {"error":{"code","message"}}.
class ErrorResponses
{
public:
    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }

    HttpResponse platform(const HttpRequest &request, const PlatformError &error) const;
    HttpResponse platform(const HttpRequest &request, int httpStatus, const QString &error,
                          int aadstsCode, const QString &description) const;

    // AADSTS900144, the platform's answer to a missing form parameter.
    HttpResponse missingParameter(const HttpRequest &request, const QString &name) const;
    // AADSTS90002.
    HttpResponse tenantNotFound(const HttpRequest &request, const QString &tenant) const;
    // AADSTS700016: no application with this client id in the directory.
    HttpResponse applicationNotFound(const HttpRequest &request, const QString &clientId,
                                     const QString &directory) const;
    // AADSTS900561 (wrong HTTP method on a POST-only endpoint).
    HttpResponse postOnly(const HttpRequest &request) const;
    HttpResponse notFound(const HttpRequest &request) const;

    HttpResponse graph(const HttpRequest &request, int httpStatus, const QString &code,
                       const QString &message) const;

private:
    QUrl m_baseUrl;
};

} // namespace MsalQt::Emulator
