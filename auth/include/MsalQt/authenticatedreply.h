#pragma once

#include <MsalQt/autherror.h>
#include <MsalQt/authenticationresult.h>
#include <MsalQt/msalqt_global.h>

#include <QNetworkReply>

#include <memory>

namespace MsalQt {

class AuthenticatedReplyPrivate;

/// The answer to a request of AuthenticatedNetworkAccess: a QNetworkReply like any other
/// (finished(), readyRead(), readAll(), attributes and headers of the API's answer), which
/// first gets the token and, after a claims challenge, sends the request a second time. Only
/// the last answer is seen: the challenged 401 is not.
///
/// When no token could be had, the reply fails without an HTTP answer: authError() says why
/// (UiRequired with AuthError::claims() when the person must sign in, InvalidConfiguration for
/// a URL the token may not go to, Cancelled, …) and error() is
/// QNetworkReply::AuthenticationRequiredError (OperationCanceledError for Cancelled,
/// ProtocolInvalidOperationError for InvalidConfiguration), with authError()'s errorString().
///
/// Deleting or aborting the reply cancels the token request and the HTTP request it runs.
class MSALQT_AUTH_EXPORT AuthenticatedReply : public QNetworkReply
{
    Q_OBJECT
public:
    ~AuthenticatedReply() override;

    /// Why no token could be had for the request; no error when the request was sent with one.
    AuthError authError() const;
    /// The token the request was last sent with; null before that.
    AuthenticationResult authenticationResult() const;
    /// Whether the request was sent a second time, with a token that meets the API's claims
    /// challenge.
    bool isChallengeAnswered() const;

    /// Stops the reply: cancels its token request and aborts its HTTP request.
    void abort() override;
    /// The bytes of the answer that can be read now.
    qint64 bytesAvailable() const override;

protected:
    /// Reads the answer of the API.
    qint64 readData(char *data, qint64 maxSize) override;

private:
    friend class AuthenticatedNetworkAccess;
    friend class AuthenticatedReplyPrivate;
    explicit AuthenticatedReply(std::unique_ptr<AuthenticatedReplyPrivate> d, QObject *parent);
    Q_DISABLE_COPY(AuthenticatedReply)
    std::unique_ptr<AuthenticatedReplyPrivate> d;
};

} // namespace MsalQt
