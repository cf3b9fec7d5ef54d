#pragma once

#include <MsalQt/account.h>
#include <MsalQt/authenticationresult.h>
#include <MsalQt/msalqt_global.h>
#include <MsalQt/tokenrequest.h> // complete, for the signal tokenRequestStarted()

#include <QList>
#include <QObject>
#include <QScopedPointer>
#include <QStringList>
#include <QUrl>

#include <chrono>

QT_BEGIN_NAMESPACE
class QIODevice;
class QNetworkAccessManager;
class QNetworkRequest;
QT_END_NAMESPACE

namespace MsalQt {

class AuthenticatedNetworkAccessPrivate;
class AuthenticatedReply;
class AuthorizationAgent;
class ClientApplication;

/// Calls a protected API with the tokens of a ClientApplication, in the manner of
/// QNetworkAccessManager: get(), post(), put(), patch(), deleteResource() and
/// sendCustomRequest() return an AuthenticatedReply, a QNetworkReply.
///
/// For each request it gets a token for scopes() and account() silently (from the cache, or by
/// redeeming the refresh token), sets `Authorization: Bearer …` and sends the request. When the
/// API answers 401 with a claims challenge in `WWW-Authenticate` (Continuous Access Evaluation,
/// an authentication context; see AuthenticationChallenge), it gets a token with those claims
/// and sends the request again, once. That token comes silently when the refresh token can give
/// it; otherwise the reply fails with AuthenticatedReply::authError() UiRequired carrying the
/// claims, or, when an interactive agent is set (public clients), the person signs in through it
/// and the request is sent with the new token.
///
/// A token is only sent to the URLs named by allowedUrls(): by default the resources the scopes
/// name (`https://contoso.example/api/.default` names https://contoso.example; a scope without a
/// resource, such as `User.Read`, names Microsoft Graph, https://graph.microsoft.com). A request
/// to any other URL, or over plain http to a host that is not loopback, fails before a token is
/// fetched, with AuthError::InvalidConfiguration. Redirects are never followed (the reply is
/// the 3xx answer), so a token does not travel on to where a redirect points.
///
/// With no account, a ConfidentialClientApplication uses its own token
/// (ConfidentialClientApplication::acquireTokenForClient()); a claims challenge is then handed to
/// the caller as the 401 it is.
///
/// Settings are read when a request is made: changing them does not change replies in flight.
class MSALQT_AUTH_EXPORT AuthenticatedNetworkAccess : public QObject
{
    Q_OBJECT
public:
    /// Calls APIs with the tokens of `application`, which must outlive the replies (deleting it
    /// fails the unfinished ones with AuthError::Cancelled).
    explicit AuthenticatedNetworkAccess(ClientApplication *application, QObject *parent = nullptr);
    ~AuthenticatedNetworkAccess() override;

    /// The application whose tokens are used.
    ClientApplication *application() const;

    /// The signed-in account whose tokens are used; null for a confidential client's own token.
    Account account() const;
    /// Sets the account whose tokens are used.
    void setAccount(const Account &account);

    /// The scopes each request's token is asked for.
    QStringList scopes() const;
    /// Sets the scopes each request's token is asked for.
    void setScopes(const QStringList &scopes);

    /// The URLs a token may be sent to: a request's URL must have the scheme, host and port of
    /// one of them, and a path under its path. Unless set, the resources the scopes name.
    QList<QUrl> allowedUrls() const;
    /// Sets the URLs a token may be sent to; an empty list goes back to those the scopes name.
    void setAllowedUrls(const QList<QUrl> &urls);

    /// The agent a public client's interactive sign-in runs through when a token needs the
    /// person (a claims challenge the refresh token cannot meet, an expired session); null (the
    /// default): such a reply fails with AuthError::UiRequired and the claims instead.
    AuthorizationAgent *interactiveAgent() const;
    /// Sets the agent interactive sign-ins run through (for PublicClientApplication only).
    void setInteractiveAgent(AuthorizationAgent *agent);

    /// How long one HTTP exchange with the API may take, from sending the request to the last
    /// byte of the answer; after it the reply fails with QNetworkReply::TimeoutError. By
    /// default the application's ClientApplication::httpTimeout(). Getting the token is not
    /// counted (a silent request has its own deadlines, the person takes their time).
    std::chrono::milliseconds transferTimeout() const;
    /// Sets the deadline of one HTTP exchange (1 ms to 24 h; 0 goes back to the default).
    void setTransferTimeout(std::chrono::milliseconds timeout);

    /// The network access manager requests go through: by default the application's
    /// (ClientApplication::networkAccessManager()).
    QNetworkAccessManager *networkAccessManager() const;
    /// Sets the network access manager requests go through (not owned; nullptr: the default).
    void setNetworkAccessManager(QNetworkAccessManager *manager);

    /// Sends a GET request.
    AuthenticatedReply *get(const QNetworkRequest &request);
    /// Sends a POST request with `data` as its body.
    AuthenticatedReply *post(const QNetworkRequest &request, const QByteArray &data);
    /// Sends a POST request with the body read from `data`, which must stay open until the
    /// reply has finished. A random-access device is read again from where it stood for a
    /// request sent again; a sequential one is read to its end at once and kept.
    AuthenticatedReply *post(const QNetworkRequest &request, QIODevice *data);
    /// Sends a PUT request with `data` as its body.
    AuthenticatedReply *put(const QNetworkRequest &request, const QByteArray &data);
    /// Sends a PUT request with the body read from `data` (see post()).
    AuthenticatedReply *put(const QNetworkRequest &request, QIODevice *data);
    /// Sends a PATCH request with `data` as its body.
    AuthenticatedReply *patch(const QNetworkRequest &request, const QByteArray &data);
    /// Sends a PATCH request with the body read from `data` (see post()).
    AuthenticatedReply *patch(const QNetworkRequest &request, QIODevice *data);
    /// Sends a DELETE request.
    AuthenticatedReply *deleteResource(const QNetworkRequest &request);
    /// Sends a request with the HTTP method `verb` and `data` as its body (none if empty).
    AuthenticatedReply *sendCustomRequest(const QNetworkRequest &request, const QByteArray &verb,
                                          const QByteArray &data = {});
    /// Sends a request with the HTTP method `verb` and the body read from `data` (see post()).
    AuthenticatedReply *sendCustomRequest(const QNetworkRequest &request, const QByteArray &verb, QIODevice *data);

Q_SIGNALS:
    /// A reply has started getting a token (silently, or interactively through
    /// interactiveAgent()): to show progress, or to offer a Cancel (TokenRequest::cancel()
    /// fails the reply with AuthError::Cancelled).
    void tokenRequestStarted(MsalQt::TokenRequest *request);
    /// A reply got a token and is about to send its request with it.
    void tokenAcquired(const MsalQt::AuthenticationResult &result);

private:
    Q_DECLARE_PRIVATE(AuthenticatedNetworkAccess)
    Q_DISABLE_COPY(AuthenticatedNetworkAccess)
    const QScopedPointer<AuthenticatedNetworkAccessPrivate> d_ptr;
};

} // namespace MsalQt
