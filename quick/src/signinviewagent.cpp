#include "signinviewagent.h"

#include "signinguard_p.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QQuickWebEngineProfile>
#include <QWebEngineCertificateError>
#include <QWebEngineLoadingInfo>
#include <QWebEngineNavigationRequest>
#include <QWebEngineUrlSchemeHandler>

namespace MsalQt::Quick {

namespace {

Q_LOGGING_CATEGORY(lcQuickSignIn, "msalqt.quick", QtInfoMsg)

QMetaMethod signalBySignature(const QObject *object, const char *signature)
{
    const QMetaObject *meta = object->metaObject();
    const int index = meta->indexOfSignal(QMetaObject::normalizedSignature(signature).constData());
    return index < 0 ? QMetaMethod() : meta->method(index);
}

QMetaMethod signalByName(const QObject *object, const char *name, int parameterCount)
{
    const QMetaObject *meta = object->metaObject();
    for (int i = meta->methodCount() - 1; i >= 0; --i) {
        const QMetaMethod method = meta->method(i);
        if (method.methodType() == QMetaMethod::Signal && method.name() == name
            && method.parameterCount() == parameterCount)
            return method;
    }
    return {};
}

} // namespace

// The view's signals, connected by their signatures, forwarded to the agent's guard.
class ViewRelay : public QObject
{
    Q_OBJECT
public:
    ViewRelay(SignInViewAgent *agent, WebEngine::SignInGuard *guard) : QObject(agent), m_agent(agent), m_guard(guard) {}

    // False when `view` is not a WebEngineView (a signal is missing).
    bool connectTo(QObject *view);

public Q_SLOTS:
    void onNavigationRequested(QWebEngineNavigationRequest *request)
    {
        if (m_guard->acceptNavigation(request->url(), request->isMainFrame()))
            request->accept();
        else
            request->reject();
    }
    void onCertificateError(const QWebEngineCertificateError &error) { m_guard->certificateError(error); }
    void onLoadingChanged(const QWebEngineLoadingInfo &info) { m_guard->loadingChanged(info); }
    // The view's enum (QQuickWebEngineView::RenderProcessTerminationStatus) has the values of
    // QWebEnginePage's; it arrives as its int (see connectTo()).
    void onRenderProcessTerminated(int status, int)
    {
        m_guard->renderProcessTerminated(static_cast<QWebEnginePage::RenderProcessTerminationStatus>(status));
    }
    // Not answered, the request fails: the sign-in shows one page.
    void onNewWindowRequested() { qCInfo(lcQuickSignIn) << "Refused a new window of the sign-in page"; }
    void onViewDestroyed() { m_agent->viewDestroyed(); }

private:
    SignInViewAgent *m_agent;
    WebEngine::SignInGuard *m_guard;
};

static QMetaMethod relaySlot(const char *signature)
{
    const QMetaObject &meta = ViewRelay::staticMetaObject;
    return meta.method(meta.indexOfSlot(QMetaObject::normalizedSignature(signature).constData()));
}

bool ViewRelay::connectTo(QObject *view)
{
    // The signatures of QQuickWebEngineView's signals, the same in Qt 6.4 and 6.8.
    const QMetaMethod navigation = signalBySignature(view, "navigationRequested(QWebEngineNavigationRequest*)");
    const QMetaMethod certificate = signalBySignature(view, "certificateError(QWebEngineCertificateError)");
    const QMetaMethod loading = signalBySignature(view, "loadingChanged(QWebEngineLoadingInfo)");
    const QMetaMethod terminated = signalByName(view, "renderProcessTerminated", 2);
    const QMetaMethod newWindow = signalByName(view, "newWindowRequested", 1);
    // An enum the size of an int, then the exit code: read as (int, int).
    const bool terminationReadable = terminated.isValid()
        && (terminated.parameterMetaType(0).flags() & QMetaType::IsEnumeration)
        && terminated.parameterMetaType(0).sizeOf() == qsizetype(sizeof(int))
        && terminated.parameterType(1) == QMetaType::Int;
    if (!navigation.isValid() || !certificate.isValid() || !loading.isValid() || !terminationReadable
        || !newWindow.isValid()) {
        qCWarning(lcQuickSignIn) << "SignInAgent.view must be a WebEngineView, not" << view->metaObject()->className();
        return false;
    }
    const bool connected =
        connect(view, navigation, this, relaySlot("onNavigationRequested(QWebEngineNavigationRequest*)"))
        && connect(view, certificate, this, relaySlot("onCertificateError(QWebEngineCertificateError)"))
        && connect(view, loading, this, relaySlot("onLoadingChanged(QWebEngineLoadingInfo)"))
        && connect(view, newWindow, this, relaySlot("onNewWindowRequested()"))
        // QObject::connect() compares the parameters' types, and the view's enum is private
        // API: the index-based connection (as QSignalSpy makes) hands the arguments over as they are.
        && QMetaObject::connect(view, terminated.methodIndex(), this,
                                relaySlot("onRenderProcessTerminated(int,int)").methodIndex(), Qt::DirectConnection);
    connect(view, &QObject::destroyed, this, &ViewRelay::onViewDestroyed);
    if (!connected)
        qCWarning(lcQuickSignIn) << "SignInAgent could not follow the signals of" << view->metaObject()->className();
    return connected;
}

SignInViewAgent::SignInViewAgent(QObject *parent)
    : AuthorizationAgent(parent), m_guard(new WebEngine::SignInGuard(this))
{
    connect(m_guard, &WebEngine::SignInGuard::redirected, this, [this](const QUrl &reported) {
        park();
        setActive(false);
        Q_EMIT redirected(reported);
    });
    connect(m_guard, &WebEngine::SignInGuard::failed, this, [this](const AuthError &error) {
        park();
        setActive(false);
        Q_EMIT failed(error);
    });
}

SignInViewAgent::~SignInViewAgent()
{
    m_guard->end();
    park();
}

void SignInViewAgent::setView(QObject *view)
{
    if (view == m_view)
        return;
    if (m_guard->isAuthorizing())
        m_guard->fail(AuthError(AuthError::Cancelled, tr("The sign-in page was closed.")));
    delete m_relay; // and its connections to the old view
    m_relay = nullptr;
    m_view = view;
    m_profile.clear();
    m_handledScheme.clear();
    m_earlyScheme.clear();
    if (view) {
        auto *relay = new ViewRelay(this, m_guard);
        m_relay = relay;
        if (!relay->connectTo(view)) {
            delete m_relay;
            m_relay = nullptr;
            m_view.clear();
        } else {
            guardProfile(m_redirectUri); // before the view shows a page (see redirectUri)
        }
    }
    Q_EMIT viewChanged();
}

void SignInViewAgent::setRedirectUri(const QUrl &redirectUri)
{
    if (redirectUri == m_redirectUri)
        return;
    m_redirectUri = redirectUri;
    if (m_view)
        guardProfile(redirectUri);
    Q_EMIT redirectUriChanged();
}

QUrl SignInViewAgent::prepare(const QUrl &redirectUri)
{
    // Qt WebEngine Quick (6.4) aborts a redirect to a custom scheme (msal{client_id}://auth)
    // unseen, without navigationRequested, unless the scheme's handler was installed on the
    // profile before the view started (tst_signinview): the sign-in would hang on the last page.
    // Such a redirect URI is served only when it was set as `redirectUri` in time.
    const QUrl prepared = WebEngine::SignInGuard::prepareRedirectUri(redirectUri);
    const QByteArray scheme = WebEngine::SignInGuard::redirectSchemeToHandle(prepared);
    if (!scheme.isEmpty() && (scheme != m_earlyScheme || scheme != m_handledScheme || !m_profile)) {
        qCWarning(lcQuickSignIn) << "SignInView cannot catch a redirect to a" << scheme
                                 << "URI unless its redirectUri names it before the page is shown";
        return {};
    }
    return prepared;
}

bool SignInViewAgent::guardProfile(const QUrl &redirectUri)
{
    auto *profile = qobject_cast<QQuickWebEngineProfile *>(m_view->property("profile").value<QObject *>());
    if (!profile)
        return false;
    if (profile != m_profile) {
        // Owned by the profile, so that no request of it goes unchecked while it lives; it
        // blocks everything once this agent (and its guard) is gone.
        profile->setUrlRequestInterceptor(m_guard->createInterceptor(profile));
        m_profile = profile;
        m_handledScheme.clear();
        m_earlyScheme.clear();
    }
    const QByteArray scheme = WebEngine::SignInGuard::redirectSchemeToHandle(redirectUri);
    if (!scheme.isEmpty() && scheme != m_handledScheme) {
        profile->removeUrlScheme(scheme);
        profile->installUrlSchemeHandler(scheme, m_guard->createSchemeHandler(profile));
        m_handledScheme = scheme;
        m_earlyScheme = m_tooLateForSchemes ? QByteArray() : scheme;
    }
    return true;
}

void SignInViewAgent::componentComplete()
{
    if (m_view)
        guardProfile(m_redirectUri); // the view's final profile
    m_tooLateForSchemes = true;
}

void SignInViewAgent::authorize(const QUrl &authorizationUrl, const QUrl &redirectUri)
{
    m_tooLateForSchemes = true;
    if (!m_view || !guardProfile(redirectUri)) {
        // begin() then fail(): the one failed() of this sign-in.
        if (m_guard->begin(authorizationUrl, redirectUri))
            m_guard->fail(AuthError(AuthError::InvalidConfiguration,
                                    tr("The sign-in page has no web view to show it in.")));
        return;
    }
    if (!m_guard->begin(authorizationUrl, redirectUri))
        return; // refused: reported by the guard
    setActive(true);
    m_view->setProperty("url", authorizationUrl);
}

void SignInViewAgent::close()
{
    const bool wasAuthorizing = m_guard->end();
    if (wasAuthorizing || m_active)
        park();
    setActive(false);
}

void SignInViewAgent::cancel()
{
    m_guard->fail(AuthError(AuthError::Cancelled, tr("The sign-in page was closed.")));
}

void SignInViewAgent::viewDestroyed()
{
    m_profile.clear();
    m_guard->fail(AuthError(AuthError::Cancelled, tr("The sign-in page was closed.")));
}

void SignInViewAgent::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
}

void SignInViewAgent::park()
{
    if (!m_view)
        return;
    QMetaObject::invokeMethod(m_view.data(), "stop");
    m_view->setProperty("url", QUrl(QStringLiteral("about:blank")));
}

} // namespace MsalQt::Quick

#include "signinviewagent.moc"
