#include "qmltokenrequest.h"

#include <QQmlEngine>
#include <QTimer>

namespace MsalQt::Quick {

QmlTokenRequest::QmlTokenRequest(MsalQt::TokenRequest *request, QObject *holder)
    : QObject(holder), m_request(request), m_correlationId(request->correlationId())
{
    QQmlEngine::setObjectOwnership(this, QQmlEngine::CppOwnership);
    m_state = static_cast<State>(request->state());
    connect(request, &MsalQt::TokenRequest::stateChanged, this, [this](MsalQt::TokenRequest::State state) {
        if (state == MsalQt::TokenRequest::Finished || m_state == Finished)
            return; // finished() reports it, with the result
        m_state = static_cast<State>(state);
        Q_EMIT stateChanged();
    });
    connect(request, &MsalQt::TokenRequest::deviceCodeReceived, this, [this](const MsalQt::DeviceCode &code) {
        m_deviceCode = code;
        Q_EMIT deviceCodeReceived(code);
    });
    connect(request, &MsalQt::TokenRequest::finished, this,
            [this](MsalQt::TokenRequest *done) { finish(done->result(), done->error()); });
    // The job went away without finishing (its application was deleted first).
    connect(request, &QObject::destroyed, this, [this] {
        finish({}, MsalQt::AuthError(MsalQt::AuthError::Cancelled, tr("The request was stopped before it finished.")));
    });
}

QmlTokenRequest::QmlTokenRequest(const MsalQt::AuthError &error, QObject *holder) : QObject(holder)
{
    QQmlEngine::setObjectOwnership(this, QQmlEngine::CppOwnership);
    // Finished on the next turn, as a real request would: the caller connects to finished first.
    QTimer::singleShot(0, this, [this, error] { finish({}, error); });
}

QmlTokenRequest::~QmlTokenRequest()
{
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
}

void QmlTokenRequest::cancel()
{
    if (m_state == Finished)
        return;
    if (m_request)
        m_request->cancel();
    else
        finish({}, MsalQt::AuthError(MsalQt::AuthError::Cancelled));
}

void QmlTokenRequest::finish(const MsalQt::AuthenticationResult &result, const MsalQt::AuthError &error)
{
    if (m_state == Finished)
        return;
    if (m_request)
        m_request->disconnect(this);
    m_request = nullptr;
    m_result = result;
    m_error = error;
    m_state = Finished;
    Q_EMIT stateChanged();
    Q_EMIT finished();
    release();
}

void QmlTokenRequest::release()
{
    // From now on the QML variables that refer to it decide how long it lives.
    if (parent() && qmlEngine(parent())) {
        setParent(nullptr);
        QQmlEngine::setObjectOwnership(this, QQmlEngine::JavaScriptOwnership);
    }
}

} // namespace MsalQt::Quick
