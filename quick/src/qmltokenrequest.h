#pragma once

#include <MsalQt/authenticationresult.h>
#include <MsalQt/autherror.h>
#include <MsalQt/devicecode.h>
#include <MsalQt/tokenrequest.h>

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace MsalQt::Quick {

// One token request as QML sees it (`var request = app.acquireTokenWithDeviceCode([...])`):
// what MsalQt::TokenRequest reports, kept after that job is gone. The application object holds
// it while it runs (so that the garbage collector cannot take it from a handler still waiting
// for finished()); once finished, it belongs to whichever QML variable still refers to it.
class QmlTokenRequest : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(TokenRequest)
    QML_UNCREATABLE("A TokenRequest comes from a PublicClientApplication method.")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY stateChanged)
    Q_PROPERTY(bool succeeded READ isSucceeded NOTIFY stateChanged)
    Q_PROPERTY(MsalQt::AuthenticationResult result READ result NOTIFY stateChanged)
    Q_PROPERTY(MsalQt::AuthError error READ error NOTIFY stateChanged)
    Q_PROPERTY(MsalQt::DeviceCode deviceCode READ deviceCode NOTIFY deviceCodeReceived)
    Q_PROPERTY(QString correlationId READ correlationId CONSTANT)
public:
    // MsalQt::TokenRequest::State, for QML.
    enum State {
        NotStarted = MsalQt::TokenRequest::NotStarted,
        LoadingCache = MsalQt::TokenRequest::LoadingCache,
        ResolvingAuthority = MsalQt::TokenRequest::ResolvingAuthority,
        WaitingForUser = MsalQt::TokenRequest::WaitingForUser,
        RequestingToken = MsalQt::TokenRequest::RequestingToken,
        Finished = MsalQt::TokenRequest::Finished,
    };
    Q_ENUM(State)

    // Takes over `request` (it stays auto-deleting); `request` may be null only with an error
    // that is reported on the next event-loop turn (a request refused before it started).
    QmlTokenRequest(MsalQt::TokenRequest *request, QObject *holder);
    // A request refused before anything started (a bad argument from QML).
    QmlTokenRequest(const MsalQt::AuthError &error, QObject *holder);
    ~QmlTokenRequest() override;

    State state() const { return m_state; }
    bool isRunning() const { return m_state != Finished; }
    bool isSucceeded() const { return m_state == Finished && !m_error.isError(); }
    MsalQt::AuthenticationResult result() const { return m_result; }
    MsalQt::AuthError error() const { return m_error; }
    MsalQt::DeviceCode deviceCode() const { return m_deviceCode; }
    QString correlationId() const { return m_correlationId; }

    // Stops the request; it finishes with AuthError.Cancelled. Nothing when it has finished.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void stateChanged();
    void deviceCodeReceived(const MsalQt::DeviceCode &deviceCode);
    void finished();

private:
    void finish(const MsalQt::AuthenticationResult &result, const MsalQt::AuthError &error);
    void release();

    QPointer<MsalQt::TokenRequest> m_request;
    State m_state = NotStarted;
    MsalQt::AuthenticationResult m_result;
    MsalQt::AuthError m_error;
    MsalQt::DeviceCode m_deviceCode;
    QString m_correlationId;
};

} // namespace MsalQt::Quick
