#pragma once

// The inside of AuthenticatedReply: the token, the HTTP exchange and, after a claims challenge,
// the second of each. Made by AuthenticatedNetworkAccess with a copy of its settings.

#include <MsalQt/account.h>
#include <MsalQt/autherror.h>
#include <MsalQt/authenticatedreply.h>
#include <MsalQt/authenticationresult.h>

#include <QByteArray>
#include <QNetworkRequest>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <chrono>

QT_BEGIN_NAMESPACE
class QIODevice;
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace MsalQt {

class AuthenticatedNetworkAccess;
class AuthorizationAgent;
class ClientApplication;
class TokenRequest;

// What a reply sends and with which settings, fixed when the request is made.
struct AuthenticatedCall
{
    QNetworkRequest request;
    QByteArray verb;
    QByteArray body;             // the body, when it is bytes (or a sequential device's whole content)
    QPointer<QIODevice> device;  // the body, when it is a random-access device
    qint64 deviceStart = 0;      // where the device stood: a second send starts there again
    bool hasBody = false;
    bool bodyIsDevice = false;
    QPointer<AuthenticatedNetworkAccess> access; // told of token requests
    QPointer<ClientApplication> application;
    QPointer<QNetworkAccessManager> network;
    QPointer<AuthorizationAgent> agent;
    Account account;
    QStringList scopes;
    std::chrono::milliseconds timeout{};
    AuthError refusal;           // set: the request may not carry a token there; nothing is sent
};

class AuthenticatedReplyPrivate
{
public:
    AuthenticatedReplyPrivate(AuthenticatedCall call) : call(std::move(call)) {}

    void start();
    void acquireToken(const QString &claims);
    void onToken(TokenRequest *request, const QString &claims);
    void send();
    void onMetaData();
    void onFinished();
    void onDeadline();
    void copyMetaData();
    void fail(const AuthError &error);
    void finish();
    void stop(); // cancels the token request and drops the HTTP request, without signals

    AuthenticatedReply *q = nullptr;
    AuthenticatedCall call;
    QPointer<TokenRequest> tokenRequest;
    QPointer<QNetworkReply> http;
    QTimer deadline;
    AuthenticationResult result;
    AuthError authError;
    QString challengeClaims;         // the claims of the challenge being answered
    bool answeringChallenge = false; // the answer is a claims challenge being answered: not shown
    bool challengeAnswered = false;
    bool metaDataCopied = false;     // the answer's headers are the reply's
    bool ended = false;
};

} // namespace MsalQt
