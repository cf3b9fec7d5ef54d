#pragma once

#include <MsalQt/authorizationagent.h>

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
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
// The view is the agent's alone: outside a sign-in it loads nothing but about:blank, and its
// profile's requests are blocked.
//
// `view` is a QObject: QQuickWebEngineView is private API, so the agent reaches it through its
// meta-object (signals by signature, the `url` and `profile` properties, stop()); the profile is
// the public QQuickWebEngineProfile.
class SignInViewAgent : public MsalQt::AuthorizationAgent, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(SignInAgent)
    Q_PROPERTY(QObject *view READ view WRITE setView NOTIFY viewChanged)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(QUrl redirectUri READ redirectUri WRITE setRedirectUri NOTIFY redirectUriChanged)
public:
    explicit SignInViewAgent(QObject *parent = nullptr);
    ~SignInViewAgent() override;

    // The WebEngineView that shows the sign-in page.
    QObject *view() const { return m_view; }
    void setView(QObject *view);
    // True from authorize() until the redirect, the failure, cancel() or close(): show the view.
    bool isActive() const { return m_active; }
    // A custom-scheme redirect URI (msal{client_id}://auth, its scheme registered with
    // QWebEngineUrlScheme) the view must catch. Set it with the view, before the view shows a
    // page: Qt WebEngine Quick routes a custom scheme only to a handler installed by then.
    // Without it, prepare() refuses custom-scheme redirect URIs. http(s) ones need nothing.
    QUrl redirectUri() const { return m_redirectUri; }
    void setRedirectUri(const QUrl &redirectUri);

    void classBegin() override {}
    // Past this, a scheme handler comes too late for the view (see redirectUri).
    void componentComplete() override;

    QUrl prepare(const QUrl &redirectUri) override;
    void authorize(const QUrl &authorizationUrl, const QUrl &redirectUri) override;
    void close() override;

    // The person closed the page: the sign-in fails with AuthError::Cancelled.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void viewChanged();
    void activeChanged();
    void redirectUriChanged();

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
    // The scheme whose handler was installed in time: while the QML component was being made
    // (or, for an agent made in C++, before the first sign-in).
    QByteArray m_earlyScheme;
    QUrl m_redirectUri;
    bool m_tooLateForSchemes = false;
    bool m_active = false;
};

} // namespace MsalQt::Quick
