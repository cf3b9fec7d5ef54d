#pragma once

#include "fault.h"
#include "recordedrequest.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <map>
#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
QT_END_NAMESPACE

namespace MsalQt::Emulator {

class Exchange;
class FaultInjector;
class HttpRequest;
class HttpResponse;
class Listener;
class Router;
struct Services;

// A local emulator of the Microsoft identity platform (and a sliver of Graph), listening on
// loopback. Tests and the demo start one in-process, point the client at authorityUrl(),
// and can inject faults and observe every request.
class Server : public QObject
{
    Q_OBJECT
public:
    // A configured user, for printing a banner or picking test accounts.
    struct TestUser {
        QString username;
        QString password;
        QString displayName;
        QString tenantId;
        bool mfaRequired = false;
        bool msa = false;
    };

    explicit Server(QObject *parent = nullptr); // built-in default config loaded
    ~Server() override;

    // Replaces the directory (tenants, users, apps, resources). Device codes and refresh
    // tokens issued so far are dropped. On error, the config in use is unchanged and *error
    // says what is wrong.
    bool loadConfig(const QJsonObject &config, QString *error = nullptr);
    bool loadConfigFile(const QString &path, QString *error = nullptr);

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    bool isListening() const;
    quint16 port() const;
    QUrl baseUrl() const;                                 // http://127.0.0.1:PORT (no trailing slash)
    QUrl authorityUrl(const QString &tenant = {}) const;  // baseUrl + "/" + tenant (default: default tenant GUID)

    QString defaultTenantId() const;
    QString publicClientId() const;
    QString confidentialClientId() const;
    QString confidentialClientSecret() const;
    QList<TestUser> testUsers() const;

    // Fault injection and observation.
    void addFault(const Fault &fault);
    void clearFaults();
    QList<RecordedRequest> requests() const;
    int requestCount(const QString &pathSuffix) const;
    void clearRequests();

    // Device code timing for codes issued from now on (defaults: interval 5 s, expires_in 900 s).
    void setDeviceCodeTiming(int intervalSeconds, int expiresInSeconds);
    // As if the person entered the code and signed in (no password needed; tenant rules apply).
    bool approveDeviceCode(const QString &userCode, const QString &username);
    bool declineDeviceCode(const QString &userCode);

    void setAccessTokenLifetime(int seconds); // default 3599
    // New RSA key and kid. publish=false: tokens are signed with a key that is NOT in the JWKS.
    // The old key leaves the JWKS either way (Graph keeps accepting it).
    void rotateSigningKey(bool publish = true);
    QString signingKeyId() const;
    void revokeRefreshTokens(const QString &username);
    // Continuous Access Evaluation: the user's session ends now (a password reset, an admin's
    // revocation). Their refresh tokens are revoked and their browser sessions forgotten, and
    // Graph answers the access tokens issued until now to clients that declared the "cp1"
    // capability (xms_cc) with 401, error="insufficient_claims" and claims="<base64 of
    // {"access_token":{"nbf":{"essential":true,"value":"<now + 1>"}}}>": only a new sign-in helps.
    // Tokens of clients without cp1 are accepted until they expire, as CAE resources do.
    void revokeSession(const QString &username);
    // Conditional Access authentication context: while set, Graph answers 401 with a claims
    // challenge (error="insufficient_claims", claims="<base64 of
    // {"access_token":{"acrs":{"essential":true,"value":"<id>"}}}>") to access tokens whose "acrs"
    // claim does not list `authContextId`. Token requests whose "claims" parameter asks for
    // access_token.acrs get tokens carrying it. Empty turns it off (the default).
    void setGraphAuthenticationContext(const QString &authContextId);

    // Interactive sign-in (/oauth2/v2.0/authorize).
    // Auto sign-in: /authorize shows no page and redirects at once with a code (or tokens) for
    // this user, consenting on their behalf; for tests that play the system browser with an
    // HTTP client, and for the demo. Empty turns it off (the default).
    void setAutoSignIn(const QString &username);
    // RFC 9207: add "iss" to authorize responses. Off by default, as on the platform.
    void setAuthorizationResponseIssuer(bool enabled);
    // Lifetime of authorization codes issued from now on (default 600 s, the platform's).
    void setAuthorizationCodeLifetime(int seconds);
    // Forgets every browser session, as if all cookies were deleted; consents stay.
    void clearSessions();

    // The environment instance discovery names as preferred_cache, the one clients file tokens
    // under; it joins the aliases too. Empty (the default) is this server's host:port. The real
    // cloud answers login.windows.net for login.microsoftonline.com: a name other than the host.
    void setPreferredCacheEnvironment(const QString &environment);

Q_SIGNALS:
    void requestReceived(const MsalQt::Emulator::RecordedRequest &request);

private:
    void onRequest(const QHttpServerRequest &request, Exchange &exchange);
    void answer(Exchange &exchange, const HttpRequest &request, const QByteArray &fault);
    void send(Exchange &exchange, const HttpRequest &request, HttpResponse response, const QByteArray &fault);

    std::unique_ptr<Services> m_services;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<FaultInjector> m_faults;
    Listener *m_listener = nullptr;
    // Exchanges whose answer waits for a Delay fault, by a running number.
    std::map<quint64, std::unique_ptr<Exchange>> m_delayed;
    quint64 m_nextDelayed = 0;
    QHostAddress m_address;
    quint16 m_port = 0;
    QList<RecordedRequest> m_requests;
};

} // namespace MsalQt::Emulator
