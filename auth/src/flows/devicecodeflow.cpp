#include "devicecodeflow_p.h"

#include "boundednumber_p.h"
#include "devicecoderesponse_p.h"
#include "logging_p.h"

#include <QCoreApplication>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::DeviceCodeFlow)
};
} // namespace

// RFC 8628 §3.5: on slow_down "the interval MUST be increased by 5 seconds for this and all
// subsequent requests".
static constexpr qint64 slowDownSeconds = 5;

DeviceCodeFlow::DeviceCodeFlow(ClientApplicationPrivate *application, const QStringList &scopes)
    : TokenRequestPrivate(application, scopes)
{
    m_pollTimer.setSingleShot(true);
    m_expiryTimer.setSingleShot(true);
    QObject::connect(&m_pollTimer, &QTimer::timeout, [this] {
        if (!m_pollDeadline.hasExpired()) {
            arm(m_pollTimer, m_pollDeadline);
            return;
        }
        poll();
    });
    QObject::connect(&m_expiryTimer, &QTimer::timeout, [this] {
        if (!m_expiryDeadline.hasExpired()) {
            arm(m_expiryTimer, m_expiryDeadline);
            return;
        }
        finishWithError(AuthError(AuthError::Timeout,
                                  Tr::tr("The device code expired before anyone signed in with it.")));
    });
}

// A QTimer holds at most about 24.8 days (boundednumber_p.h); a longer wait is armed again each
// time the timer fires before its deadline.
void DeviceCodeFlow::arm(QTimer &timer, const QDeadlineTimer &deadline)
{
    timer.start(timerInterval(std::chrono::ceil<std::chrono::milliseconds>(deadline.remainingTimeAsDuration())));
}

void DeviceCodeFlow::schedulePoll()
{
    m_pollDeadline = QDeadlineTimer(std::chrono::seconds(m_intervalSeconds));
    arm(m_pollTimer, m_pollDeadline);
}

AuthError DeviceCodeFlow::checkRequest() const
{
    if (app->isConfidential()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Device code sign-in is for public clients; a confidential client signs in as itself."));
    }
    if (app->authority.type() == Authority::B2C) {
        // B2C has no device authorization endpoint (its user flows need a browser); the request
        // would only fail there.
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Azure AD B2C does not offer device code sign-in: sign in interactively (in a browser) instead."));
    }
    return {};
}

QUrl DeviceCodeFlow::deviceAuthorizationEndpoint() const
{
    if (!metadata.deviceAuthorizationEndpoint.isEmpty())
        return metadata.deviceAuthorizationEndpoint;
    if (app->authority.isMicrosoft()) {
        // Older platform metadata omits it; the endpoint sits beside the token endpoint.
        QUrl url = metadata.tokenEndpoint;
        url.setPath(url.path().replace(QLatin1String("/token"), QLatin1String("/devicecode")));
        return url;
    }
    return {};
}

void DeviceCodeFlow::run()
{
    const QUrl endpoint = deviceAuthorizationEndpoint();
    if (endpoint.isEmpty()) {
        finishWithError(AuthError(AuthError::UnsupportedAuthority,
                                  Tr::tr("This identity provider does not offer device code sign-in (its metadata has no device_authorization_endpoint).")));
        return;
    }
    HttpRequest request;
    request.url = endpoint;
    request.form = {{QStringLiteral("client_id"), app->clientId},
                    {QStringLiteral("scope"), requestScopeString()}};
    HttpCall *call = send(request);
    QObject::connect(call, &HttpCall::finished, q_ptr, [this, call] {
        call->deleteLater();
        if (!call->response().isHttpSuccess()) {
            finishWithError(errorFromHttpResponse(call->response(), correlationId));
            return;
        }
        onDeviceCode(call->response().body);
    });
}

void DeviceCodeFlow::onDeviceCode(const QByteArray &body)
{
    AuthError error;
    const auto response = parseDeviceCodeResponse(body, &error);
    if (!response) {
        finishWithError(error);
        return;
    }
    m_deviceCode = response->deviceCode;
    m_intervalSeconds = response->intervalSeconds;

    DeviceCode code;
    code.setUserCode(response->userCode);
    code.setVerificationUri(response->verificationUri);
    code.setVerificationUriComplete(response->verificationUriComplete);
    code.setExpiresOn(now().addSecs(response->expiresInSeconds));
    code.setInterval(std::chrono::seconds(m_intervalSeconds));
    code.setScopes(requestScopes());
    QString message = response->message;
    if (message.isEmpty()) {
        message = Tr::tr("To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.")
                      .arg(response->verificationUri.toString(), response->userCode);
    }
    code.setMessage(message);

    m_expiryDeadline = QDeadlineTimer(std::chrono::seconds(response->expiresInSeconds));
    arm(m_expiryTimer, m_expiryDeadline);
    schedulePoll();
    qCInfo(lcMsalAuth) << "Device code issued; polling every" << m_intervalSeconds << "s";
    emitDeviceCode(code);
}

void DeviceCodeFlow::poll()
{
    if (isFinished())
        return;
    redeem({{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
            {QStringLiteral("device_code"), m_deviceCode}},
           [this](const AuthError &error) { return onPollError(error); });
}

bool DeviceCodeFlow::onPollError(const AuthError &error)
{
    const QString code = error.protocolError();
    if (code == QLatin1String("authorization_pending")) {
        schedulePoll();
        return true;
    }
    if (code == QLatin1String("slow_down")) {
        m_intervalSeconds = qMin(m_intervalSeconds + slowDownSeconds, maxLifetimeSeconds);
        qCInfo(lcMsalAuth) << "Server asked to slow down; polling every" << m_intervalSeconds << "s";
        schedulePoll();
        return true;
    }
    if (code == QLatin1String("expired_token")) {
        AuthError expired = error;
        expired.setMessage(Tr::tr("The device code expired before anyone signed in with it."));
        finishWithError(expired);
        return true;
    }
    return false;
}

void DeviceCodeFlow::stop()
{
    m_pollTimer.stop();
    m_expiryTimer.stop();
}

} // namespace MsalQt
