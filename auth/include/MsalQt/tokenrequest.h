#pragma once

#include <MsalQt/authenticationresult.h>
#include <MsalQt/autherror.h>
#include <MsalQt/devicecode.h>
#include <MsalQt/msalqt_global.h>

#include <QObject>
#include <QScopedPointer>

namespace MsalQt {

class TokenRequestPrivate;

/// One token acquisition in flight, in the manner of QNetworkReply and KJob: the work starts on the
/// next event-loop turn (so connect first), finished() is emitted exactly once, then result() or
/// error() tells the outcome. Unless setAutoDelete(false), the request deletes itself after
/// finished() has been delivered. Nothing in it blocks the event loop. It lives in its
/// application's thread, and its signals are emitted there (see ClientApplication on threads).
///
/// Lifetime: a request is a child of its application. Deleting a request that has not finished
/// ends it as AuthError::Cancelled: its timers stop, its sign-in agent closes (a SignInDialog
/// goes away, the system browser's loopback listener stops), its HTTP requests are aborted, and
/// finished() is emitted from the destructor, as KJob does (so a list of running requests kept by
/// finished() stays right; do not `delete` the request in a slot connected to finished() then —
/// it is being deleted already). Deleting the application first finishes each of its unfinished
/// requests with AuthError::Cancelled (finished() emitted while the application still exists),
/// then deletes the ones it is the parent of. Deleting the agent of an interactive request (a
/// SignInDialog closed by deletion) fails that request with AuthError::Cancelled at once.
class MSALQT_AUTH_EXPORT TokenRequest : public QObject
{
    Q_OBJECT
    /// Where the request is; see State.
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    /// Whether the request deletes itself once finished() has been delivered (default true).
    Q_PROPERTY(bool autoDelete READ autoDelete WRITE setAutoDelete)
    /// The id sent as client-request-id with every HTTP request of this request.
    Q_PROPERTY(QString correlationId READ correlationId CONSTANT)
public:
    /// Ends the request first if it has not finished: as AuthError::Cancelled, with finished()
    /// emitted from here (see the class description).
    ~TokenRequest() override;

    /// Where the request is, for progress shown to the person (stateChanged()). States only move
    /// forward, except in a silent-first request (PublicClientApplication::acquireToken()), whose
    /// states are its silent attempt's and then, when the person is needed, its interactive
    /// sign-in's. Every request ends in Finished, and finished() follows.
    enum State {
        NotStarted,         ///< created; starts on the next event-loop turn
        LoadingCache,       ///< waiting for the persisted cache (storage or keychain)
        ResolvingAuthority, ///< fetching the authority's metadata (discovery, instance discovery)
        WaitingForUser,     ///< the sign-in page is shown, or the device code waits to be typed
        RequestingToken,    ///< a grant is being redeemed at the token endpoint (or WS-Trust)
        Finished,           ///< result() or error() holds the outcome
    };
    Q_ENUM(State)
    /// Where the request is now.
    State state() const;

    /// Whether the request has finished (state() is Finished).
    bool isFinished() const;
    bool isSuccess() const; ///< finished without error
    /// The tokens, once the request has finished successfully; null otherwise.
    AuthenticationResult result() const;
    /// What went wrong, once the request has finished with an error; no error otherwise.
    AuthError error() const;
    /// Why the persisted cache could not be used for this request: it could not be loaded
    /// (the request then went on with what was in memory) or the request's tokens could not be
    /// saved (they are kept in memory, and the next save writes them). StorageError or
    /// KeychainUnavailable; no error when the storage did its part. A storage fault never fails a
    /// request the server answered: result() holds the token whatever this says, and
    /// ClientApplication::cacheError() reports the same fault.
    AuthError cacheError() const;
    QString correlationId() const; ///< sent as client-request-id with every HTTP request of this job

    /// Whether the request deletes itself after finished() has been delivered (default true).
    bool autoDelete() const;
    /// Keeps the request after finished() when false; then the application deletes it.
    void setAutoDelete(bool autoDelete);

public Q_SLOTS:
    /// Ends the request with AuthError::Cancelled: aborts network traffic, stops polling.
    /// No effect once finished.
    void cancel();

Q_SIGNALS:
    /// The request has ended: result() or error() tells how. Exactly once, also when an
    /// unfinished request is deleted (see above). A slot without arguments connects too.
    void finished(MsalQt::TokenRequest *request, QPrivateSignal);
    /// The request has moved to `state`.
    void stateChanged(MsalQt::TokenRequest::State state, QPrivateSignal);
    /// Device code flow: show this to the person; polling has started.
    void deviceCodeReceived(const MsalQt::DeviceCode &deviceCode, QPrivateSignal);

protected:
    /// For the flows of this library, whose private parts extend TokenRequestPrivate.
    explicit TokenRequest(TokenRequestPrivate &dd, QObject *parent);
    const QScopedPointer<TokenRequestPrivate> d_ptr;

private:
    Q_DECLARE_PRIVATE(TokenRequest)
    Q_DISABLE_COPY(TokenRequest)
    friend class TokenRequestPrivate;
};

} // namespace MsalQt
