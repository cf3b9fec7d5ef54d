#pragma once

#include <MsalQt/authenticationresult.h>
#include <MsalQt/autherror.h>
#include <MsalQt/devicecode.h>
#include <MsalQt/msalqt_global.h>

#include <QObject>
#include <QScopedPointer>

namespace MsalQt {

class TokenRequestPrivate;

// One token acquisition in flight, in the manner of QNetworkReply and KJob: the work starts on the
// next event-loop turn (so connect first), finished() is emitted exactly once, then result() or
// error() tells the outcome. Unless setAutoDelete(false), the request deletes itself after
// finished() has been delivered. Nothing in it blocks the event loop. It lives in its
// application's thread, and its signals are emitted there (see ClientApplication on threads).
class MSALQT_AUTH_EXPORT TokenRequest : public QObject
{
    Q_OBJECT
public:
    ~TokenRequest() override;

    bool isFinished() const;
    bool isSuccess() const; // finished without error
    AuthenticationResult result() const;
    AuthError error() const;
    QString correlationId() const; // sent as client-request-id with every HTTP request of this job

    bool autoDelete() const;
    void setAutoDelete(bool autoDelete);

public Q_SLOTS:
    // Ends the request with AuthError::Cancelled: aborts network traffic, stops polling.
    // No effect once finished.
    void cancel();

Q_SIGNALS:
    void finished(QPrivateSignal);
    // Device code flow: show this to the person; polling has started.
    void deviceCodeReceived(const MsalQt::DeviceCode &deviceCode, QPrivateSignal);

protected:
    explicit TokenRequest(TokenRequestPrivate &dd, QObject *parent);
    const QScopedPointer<TokenRequestPrivate> d_ptr;

private:
    Q_DECLARE_PRIVATE(TokenRequest)
    Q_DISABLE_COPY(TokenRequest)
    friend class TokenRequestPrivate;
};

} // namespace MsalQt
