#include "authenticatedreply_p.h"

#include "logging_p.h"

#include <MsalQt/authenticatednetworkaccess.h>
#include <MsalQt/authenticationchallenge.h>
#include <MsalQt/authorizationagent.h>
#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokenrequest.h>

#include <QCoreApplication>
#include <QIODevice>
#include <QNetworkAccessManager>

#include <algorithm>

namespace MsalQt {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::AuthenticatedReply)
};

QNetworkAccessManager::Operation operationOf(const QByteArray &verb)
{
    if (verb == "GET")
        return QNetworkAccessManager::GetOperation;
    if (verb == "POST")
        return QNetworkAccessManager::PostOperation;
    if (verb == "PUT")
        return QNetworkAccessManager::PutOperation;
    if (verb == "DELETE")
        return QNetworkAccessManager::DeleteOperation;
    if (verb == "HEAD")
        return QNetworkAccessManager::HeadOperation;
    return QNetworkAccessManager::CustomOperation;
}

QNetworkReply::NetworkError networkErrorOf(AuthError::Type type)
{
    switch (type) {
    case AuthError::Cancelled:
        return QNetworkReply::OperationCanceledError;
    case AuthError::InvalidConfiguration:
        return QNetworkReply::ProtocolInvalidOperationError;
    default:
        return QNetworkReply::AuthenticationRequiredError;
    }
}
} // namespace

void AuthenticatedReplyPrivate::start()
{
    if (ended)
        return;
    if (call.refusal.isError()) {
        fail(call.refusal);
        return;
    }
    acquireToken({});
}

void AuthenticatedReplyPrivate::acquireToken(const QString &claims)
{
    ClientApplication *application = call.application;
    if (!application) {
        fail(AuthError(AuthError::Cancelled, Tr::tr("The application was deleted before the request was sent.")));
        return;
    }
    auto *publicClient = qobject_cast<PublicClientApplication *>(application);
    auto *confidentialClient = qobject_cast<ConfidentialClientApplication *>(application);
    TokenRequest *request = nullptr;
    if (call.account.isNull() && confidentialClient) {
        request = confidentialClient->acquireTokenForClient(call.scopes);
    } else if (publicClient && call.agent) {
        InteractiveParameters parameters(call.scopes);
        if (!call.account.isNull())
            parameters.setAccount(call.account);
        parameters.setClaims(claims);
        parameters.setAgent(call.agent);
        request = publicClient->acquireToken(parameters); // silent first, the person only when needed
    } else if (call.account.isNull()) {
        fail(AuthError(AuthError::InvalidConfiguration,
                       Tr::tr("No account is signed in to call %1 for: sign in first.").arg(call.request.url().host())));
        return;
    } else {
        request = application->acquireTokenSilent(call.scopes, call.account, ClientApplication::NoSilentOptions, claims);
    }
    tokenRequest = request;
    QObject::connect(request, &TokenRequest::finished, q, [this, request, claims] { onToken(request, claims); });
    if (call.access)
        Q_EMIT call.access->tokenRequestStarted(request);
}

void AuthenticatedReplyPrivate::onToken(TokenRequest *request, const QString &claims)
{
    tokenRequest = nullptr;
    if (ended)
        return;
    if (!request->isSuccess()) {
        AuthError error = request->error();
        if (!claims.isEmpty() && error.claims().isEmpty())
            error.setClaims(claims); // what an interactive sign-in must ask for
        fail(error);
        return;
    }
    const AuthenticationResult token = request->result();
    if (!call.account.isNull() && !token.account().isNull()
        && token.account().homeAccountId() != call.account.homeAccountId()) {
        fail(AuthError(AuthError::IdentityMismatch,
                       Tr::tr("The sign-in was for %1, not for %2 whose request this is, so the request was not sent.")
                           .arg(token.account().username(), call.account.username())));
        return;
    }
    result = token;
    if (call.access)
        Q_EMIT call.access->tokenAcquired(result);
    send();
}

void AuthenticatedReplyPrivate::send()
{
    QNetworkAccessManager *network = call.network;
    if (!network) {
        fail(AuthError(AuthError::Cancelled, Tr::tr("The network access manager was deleted before the request was sent.")));
        return;
    }
    if (call.bodyIsDevice && (!call.device || !call.device->isReadable() || !call.device->seek(call.deviceStart))) {
        fail(AuthError(AuthError::InvalidConfiguration,
                       Tr::tr("The body of the request to %1 can no longer be read.").arg(call.request.url().host())));
        return;
    }
    QNetworkRequest request = call.request;
    request.setRawHeader("Authorization", result.authorizationHeader());
    // A redirect would carry the token on to wherever it points: the caller gets the 3xx.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nullptr;
    if (call.bodyIsDevice)
        reply = network->sendCustomRequest(request, call.verb, call.device.data());
    else if (call.hasBody)
        reply = network->sendCustomRequest(request, call.verb, call.body);
    else
        reply = network->sendCustomRequest(request, call.verb);
    reply->setParent(q); // goes with the reply, however it ends
    http = reply;
    QObject::connect(reply, &QNetworkReply::metaDataChanged, q, [this] { onMetaData(); });
    QObject::connect(reply, &QNetworkReply::readyRead, q, [this] {
        if (!answeringChallenge)
            Q_EMIT q->readyRead();
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, q, [this](qint64 received, qint64 total) {
        if (!answeringChallenge)
            Q_EMIT q->downloadProgress(received, total);
    });
    QObject::connect(reply, &QNetworkReply::uploadProgress, q, &QNetworkReply::uploadProgress);
    QObject::connect(reply, &QNetworkReply::finished, q, [this] { onFinished(); });
    deadline.start(call.timeout);
}

void AuthenticatedReplyPrivate::onMetaData()
{
    const int status = http->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // One claims challenge is answered, for a user's token (a client's own token has no claims
    // request); a second one is the caller's to see.
    if (status == 401 && !challengeAnswered && !call.account.isNull()) {
        challengeClaims = AuthenticationChallenge::claimsFromHeader(http->rawHeader("WWW-Authenticate"));
        if (!challengeClaims.isEmpty()) {
            answeringChallenge = true;
            return;
        }
    }
    copyMetaData();
    Q_EMIT q->metaDataChanged();
}

void AuthenticatedReplyPrivate::copyMetaData()
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const auto &[name, value] : http->rawHeaderPairs()) {
        const auto same = std::find_if(headers.begin(), headers.end(), [&name = name](const auto &header) {
            return header.first.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (same == headers.end())
            headers.append({name, value});
        else
            same->second += ", " + value; // RFC 9110 §5.3: fields of one name combine with commas
    }
    for (const auto &[name, value] : std::as_const(headers))
        q->setRawHeader(name, value);
    for (const auto attribute : {QNetworkRequest::HttpStatusCodeAttribute, QNetworkRequest::HttpReasonPhraseAttribute,
                                 QNetworkRequest::RedirectionTargetAttribute, QNetworkRequest::ConnectionEncryptedAttribute,
                                 QNetworkRequest::Http2WasUsedAttribute, QNetworkRequest::OriginalContentLengthAttribute}) {
        const QVariant value = http->attribute(attribute);
        if (value.isValid())
            q->setAttribute(attribute, value);
    }
    q->setUrl(http->url());
    metaDataCopied = true;
}

void AuthenticatedReplyPrivate::onFinished()
{
    deadline.stop();
    if (answeringChallenge) {
        answeringChallenge = false;
        challengeAnswered = true;
        qCDebug(lcMsalHttp) << "claims challenge from" << call.request.url().host() << "- getting a token with its claims";
        http->deleteLater();
        http = nullptr;
        acquireToken(challengeClaims);
        return;
    }
    if (!metaDataCopied)
        copyMetaData(); // an answer that ended before its headers (a network error)
    if (http->error() != QNetworkReply::NoError)
        q->setError(http->error(), http->errorString());
    finish();
}

void AuthenticatedReplyPrivate::onDeadline()
{
    if (!http || ended)
        return;
    QObject::disconnect(http, nullptr, q, nullptr);
    http->abort();
    const auto seconds = std::chrono::duration_cast<std::chrono::duration<double>>(call.timeout).count();
    q->setError(QNetworkReply::TimeoutError, Tr::tr("%1 did not answer within %2 s; the request was stopped.")
                                                 .arg(call.request.url().host())
                                                 .arg(seconds, 0, 'g', 3));
    finish();
}

void AuthenticatedReplyPrivate::fail(const AuthError &error)
{
    authError = error;
    q->setError(networkErrorOf(error.type()), error.errorString());
    finish();
}

void AuthenticatedReplyPrivate::finish()
{
    if (ended)
        return;
    ended = true;
    deadline.stop();
    q->setFinished(true);
    if (q->error() != QNetworkReply::NoError)
        Q_EMIT q->errorOccurred(q->error());
    Q_EMIT q->finished();
}

void AuthenticatedReplyPrivate::stop()
{
    deadline.stop();
    if (TokenRequest *request = tokenRequest) {
        tokenRequest = nullptr;
        QObject::disconnect(request, nullptr, q, nullptr);
        request->cancel();
    }
    if (http && !http->isFinished()) {
        QObject::disconnect(http, nullptr, q, nullptr);
        http->abort();
    }
}

AuthenticatedReply::AuthenticatedReply(std::unique_ptr<AuthenticatedReplyPrivate> dd, QObject *parent)
    : QNetworkReply(parent), d(std::move(dd))
{
    d->q = this;
    setRequest(d->call.request);
    setUrl(d->call.request.url());
    setOperation(operationOf(d->call.verb));
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    d->deadline.setSingleShot(true);
    connect(&d->deadline, &QTimer::timeout, this, [this] { d->onDeadline(); });
    // Like QNetworkAccessManager's replies: nothing is emitted before the caller could connect.
    QMetaObject::invokeMethod(this, [this] { d->start(); }, Qt::QueuedConnection);
}

AuthenticatedReply::~AuthenticatedReply()
{
    d->ended = true;
    d->stop();
}

AuthError AuthenticatedReply::authError() const { return d->authError; }

AuthenticationResult AuthenticatedReply::authenticationResult() const { return d->result; }

bool AuthenticatedReply::isChallengeAnswered() const { return d->challengeAnswered; }

void AuthenticatedReply::abort()
{
    if (d->ended)
        return;
    d->stop();
    setError(OperationCanceledError, Tr::tr("The request was cancelled."));
    d->finish();
}

qint64 AuthenticatedReply::bytesAvailable() const
{
    const qint64 own = QNetworkReply::bytesAvailable();
    return d->http && !d->answeringChallenge ? own + d->http->bytesAvailable() : own;
}

qint64 AuthenticatedReply::readData(char *data, qint64 maxSize)
{
    if (d->http && !d->answeringChallenge) {
        const qint64 read = d->http->read(data, maxSize);
        if (read > 0)
            return read;
    }
    return d->ended ? -1 : 0;
}

} // namespace MsalQt
