#pragma once

#include <MsalQt/authorizationagent.h>

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

QT_BEGIN_NAMESPACE
class QQuickWebEngineProfile;
QT_END_NAMESPACE

namespace MsalQt::WebEngine {
class SignInGuard;
}

namespace MsalQt::Quick {

class ViewRelay;

// The authorization agent of a QML WebEngineView (SignInView.qml holds one):
//
//     WebEngineView { id: web; profile: WebEngineProfile { offTheRecord: true } }
//     SignInAgent { id: agent; view: web }
//     app.acquireTokenInteractive(["User.Read"], agent)
//
// It forwards every event of the view (navigations, certificate errors, loads, a crashed render
// process) and every request of its profile to WebEngine::SignInGuard, which decides, as it does
// for Widgets::SignInDialog. Pop-up windows are never opened (newWindowRequested is not answered).
//
// `view` is a QObject: QQuickWebEngineView is private API, so the agent reaches it through its
// meta-object (signals by signature, the `url` and `profile` properties, stop()); the profile is
// the public QQuickWebEngineProfile.
class SignInViewAgent : public MsalQt::AuthorizationAgent
{
    Q_OBJECT
    QML_NAMED_ELEMENT(SignInAgent)
    Q_PROPERTY(QObject *view READ view WRITE setView NOTIFY viewChanged)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
public:
    explicit SignInViewAgent(QObject *parent = nullptr);
    ~SignInViewAgent() override;

    // The WebEngineView that shows the sign-in page.
    QObject *view() const { return m_view; }
    void setView(QObject *view);
    // True from authorize() until the redirect, the failure, cancel() or close(): show the view.
    bool isActive() const { return m_active; }

    QUrl prepare(const QUrl &redirectUri) override;
    void authorize(const QUrl &authorizationUrl, const QUrl &redirectUri) override;
    void close() override;

    // The person closed the page: the sign-in fails with AuthError::Cancelled.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void viewChanged();
    void activeChanged();

private:
    friend class ViewRelay;
    void viewDestroyed();
    // Installs the guard's interceptor (and the redirect scheme's handler) on the view's profile.
    bool guardProfile(const QUrl &redirectUri);
    void setActive(bool active);
    // Stops the page and shows about:blank, so that the next sign-in does not show this one.
    void park();

    WebEngine::SignInGuard *m_guard;
    QPointer<QObject> m_view;
    // Receives the view's signals (slots the QML type does not show); replaced with the view.
    QObject *m_relay = nullptr;
    QPointer<QQuickWebEngineProfile> m_profile; // the profile that has our interceptor
    QByteArray m_handledScheme;
    bool m_active = false;
};

} // namespace MsalQt::Quick
