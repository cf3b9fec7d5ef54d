#include "signindialog_p.h"

#include "logging_p.h"

#include <QEvent>
#include <QGuiApplication>
#include <QKeySequence>
#include <QProgressBar>
#include <QScreen>
#include <QShortcut>
#include <QVBoxLayout>
#include <QWebEngineCertificateError>
#include <QWebEngineCookieStore>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>
#include <QWebEngineView>

namespace MsalQt::Widgets {

Q_LOGGING_CATEGORY(lcWidgets, "msalqt.widgets", QtInfoMsg)

namespace {

// Chromium's net::ERR_ABORTED and net::ERR_BLOCKED_BY_CLIENT: what a load we stopped ourselves
// reports. They are not failures of the sign-in.
constexpr int ErrAborted = -3;
constexpr int ErrBlockedByClient = -20;

bool sameCookie(const QNetworkCookie &a, const QNetworkCookie &b)
{
    return a.hasSameIdentifier(b);
}

// Cookie domains may start with a dot ("set for subdomains too").
bool cookieBelongsTo(const QNetworkCookie &cookie, const QString &host)
{
    QString domain = cookie.domain();
    if (domain.startsWith(QLatin1Char('.')))
        domain.remove(0, 1);
    return domain.compare(host, Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1Char('.') + domain, Qt::CaseInsensitive)
        || domain.endsWith(QLatin1Char('.') + host, Qt::CaseInsensitive);
}

} // namespace

SignInPage::SignInPage(QWebEngineProfile *profile, Policy policy, QObject *parent)
    : QWebEnginePage(profile, parent), m_policy(std::move(policy))
{
}

bool SignInPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    return m_policy(url, type, isMainFrame);
}

QWebEnginePage *SignInPage::createWindow(WebWindowType)
{
    return nullptr;
}

SignInInterceptor::SignInInterceptor(Policy policy, QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent), m_policy(std::move(policy))
{
}

void SignInInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    m_policy(info);
}

RedirectSchemeHandler::RedirectSchemeHandler(Policy policy, QObject *parent)
    : QWebEngineUrlSchemeHandler(parent), m_policy(std::move(policy))
{
}

void RedirectSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    job->fail(QWebEngineUrlRequestJob::RequestAborted);
    m_policy(url);
}

SignInDialogAgent::SignInDialogAgent(SignInDialog *dialog, SignInDialogPrivate *d)
    : AuthorizationAgent(dialog), m_dialog(dialog), m_d(d)
{
}

QUrl SignInDialogAgent::prepare(const QUrl &redirectUri)
{
    // The embedded browser catches any http(s) redirect URI before it is loaded, so it serves
    // the one the application registered, as it is. Chromium drops navigations to a custom
    // scheme it does not know without asking us: those need registerRedirectScheme().
    if (!redirectUri.isValid() || redirectUri.scheme().isEmpty())
        return {};
    const QString scheme = redirectUri.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")
        && QWebEngineUrlScheme::schemeByName(scheme.toLatin1()).name().isEmpty()) {
        qCWarning(lcWidgets) << "Redirect scheme" << scheme
                             << "is not registered: call SignInDialog::registerRedirectScheme() before QApplication";
        return {};
    }
    return redirectUri;
}

void SignInDialogAgent::authorize(const QUrl &authorizationUrl, const QUrl &redirectUri)
{
    m_dialog->authorize(authorizationUrl, redirectUri);
}

void SignInDialogAgent::close()
{
    m_d->closeQuietly();
}

SignInDialogPrivate::SignInDialogPrivate(SignInDialog *q) : q_ptr(q) {}

void SignInDialogPrivate::setupUi()
{
    Q_Q(SignInDialog);
    q->setSizeGripEnabled(true);

    m_progress = new QProgressBar(q);
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(4);
    m_progress->hide();

    m_layout = new QVBoxLayout(q);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    m_layout->addWidget(m_progress);

    // QDialog cancels on Esc only when a widget of its own has the focus; the web view's
    // render widget swallows keys, so Esc is a window shortcut as well.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), q);
    escape->setContext(Qt::WindowShortcut);
    QObject::connect(escape, &QShortcut::activated, q, &SignInDialog::reject);

    m_agent = new SignInDialogAgent(q, this);
    retranslateUi();
}

void SignInDialogPrivate::retranslateUi()
{
    setTitleHost(m_titleHost);
    m_progress->setAccessibleName(SignInDialog::tr("Page loading progress"));
    if (m_view)
        m_view->setAccessibleName(SignInDialog::tr("Sign-in page"));
}

void SignInDialogPrivate::setTitleHost(const QString &host)
{
    Q_Q(SignInDialog);
    m_titleHost = host;
    q->setWindowTitle(host.isEmpty() ? SignInDialog::tr("Sign in") : SignInDialog::tr("Sign in to %1").arg(host));
}

void SignInDialogPrivate::ensureBrowser()
{
    Q_Q(SignInDialog);
    if (m_view)
        return;
    // The first QWebEngineProfile starts Chromium (hundreds of milliseconds and a few processes):
    // a dialog made at window construction costs nothing until a sign-in needs a page.
    m_view = new QWebEngineView(q);
    m_view->setAccessibleName(SignInDialog::tr("Sign-in page"));
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_layout->addWidget(m_view, 1);
    installProfile(m_storageName.isEmpty() ? new QWebEngineProfile(q) // off the record
                                           : new QWebEngineProfile(m_storageName, q));
}

void SignInDialogPrivate::installProfile(QWebEngineProfile *profile)
{
    Q_Q(SignInDialog);
    QWebEngineProfile *old = m_profile;
    SignInPage *oldPage = m_page;

    m_profile = profile;
    m_handledScheme.clear();
    m_interceptor = new SignInInterceptor([this](QWebEngineUrlRequestInfo &info) { interceptRequest(info); },
                                          profile);
    profile->setUrlRequestInterceptor(m_interceptor);
    QWebEngineCookieStore *cookies = profile->cookieStore();
    m_cookies.clear();
    QObject::connect(cookies, &QWebEngineCookieStore::cookieAdded, q, [this](const QNetworkCookie &cookie) {
        m_cookies.removeIf([&](const QNetworkCookie &known) { return sameCookie(known, cookie); });
        m_cookies.append(cookie);
    });
    QObject::connect(cookies, &QWebEngineCookieStore::cookieRemoved, q, [this](const QNetworkCookie &cookie) {
        m_cookies.removeIf([&](const QNetworkCookie &known) { return sameCookie(known, cookie); });
    });
    if (!profile->isOffTheRecord())
        cookies->loadAllCookies(); // what earlier runs left, so that forgetAccount() finds it

    m_page = new SignInPage(profile,
                            [this](const QUrl &url, QWebEnginePage::NavigationType type, bool isMainFrame) {
                                return acceptNavigation(url, type, isMainFrame);
                            },
                            m_view);
    QObject::connect(m_page, &QWebEnginePage::certificateError, q,
                     [this](const QWebEngineCertificateError &error) { onCertificateError(error); });
    QObject::connect(m_page, &QWebEnginePage::loadingChanged, q,
                     [this](const QWebEngineLoadingInfo &info) { onLoadingChanged(info); });
    QObject::connect(m_page, &QWebEnginePage::urlChanged, q, [this](const QUrl &url) { onUrlChanged(url); });
    QObject::connect(m_page, &QWebEnginePage::loadStarted, q, [this] {
        m_progress->setValue(0);
        m_progress->show();
    });
    QObject::connect(m_page, &QWebEnginePage::loadProgress, q, [this](int progress) {
        m_progress->setValue(progress);
        if (progress >= 100)
            m_progress->hide(); // a load that reports no loadFinished (a same-page one) leaves no bar
    });
    QObject::connect(m_page, &QWebEnginePage::loadFinished, m_progress, &QProgressBar::hide);
    QObject::connect(m_page, &QWebEnginePage::renderProcessTerminated, q,
                     [this](QWebEnginePage::RenderProcessTerminationStatus status, int) {
                         if (status != QWebEnginePage::NormalTerminationStatus)
                             fail(AuthError(AuthError::NetworkError,
                                            SignInDialog::tr("The sign-in page stopped unexpectedly.")));
                     });
    m_view->setPage(m_page);

    // A page must go before its profile (WebEngine warns and leaks otherwise).
    delete oldPage;
    delete old;
}

void SignInDialogPrivate::handleRedirectScheme(const QUrl &redirectUri)
{
    const QByteArray scheme = redirectUri.scheme().toLower().toLatin1();
    if (scheme.isEmpty() || scheme == "http" || scheme == "https" || m_handledScheme == scheme)
        return;
    if (QWebEngineUrlScheme::schemeByName(scheme).name().isEmpty())
        return; // not registered: only the page's own navigations to it are caught
    m_handledScheme = scheme;
    m_profile->installUrlSchemeHandler(scheme, new RedirectSchemeHandler([this](const QUrl &url) {
        QMetaObject::invokeMethod(q_ptr, [this, url] {
            if (m_policy.classify(url) == RedirectPolicy::Verdict::Redirect)
                finishWithRedirect(url);
        }, Qt::QueuedConnection);
    }, m_profile));
}

void SignInDialogPrivate::tearDownPage()
{
    delete m_view; // and the page it parents
    m_view = nullptr;
    m_page = nullptr;
    delete m_profile;
    m_profile = nullptr;
}

bool SignInDialogPrivate::acceptNavigation(const QUrl &url, QWebEnginePage::NavigationType, bool isMainFrame)
{
    if (!m_authorizing)
        return url.scheme() == QLatin1String("about");
    switch (m_policy.classify(url)) {
    case RedirectPolicy::Verdict::Allow:
        return true;
    case RedirectPolicy::Verdict::Redirect:
        finishWithRedirect(url);
        return false;
    case RedirectPolicy::Verdict::Refuse:
        if (isMainFrame)
            refuse(url);
        else
            qCWarning(lcWidgets) << "Refused a frame of the sign-in page:" << RedirectPolicy::redactedForLog(url);
        return false;
    }
    return false;
}

void SignInDialogPrivate::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    if (!m_authorizing) {
        info.block(true);
        return;
    }
    switch (m_policy.classify(url)) {
    case RedirectPolicy::Verdict::Allow:
        return;
    case RedirectPolicy::Verdict::Redirect:
        info.block(true);
        // Leave WebEngine's callback before the flow reacts (it may close the dialog).
        QMetaObject::invokeMethod(q_ptr, [this, url] { finishWithRedirect(url); }, Qt::QueuedConnection);
        return;
    case RedirectPolicy::Verdict::Refuse:
        info.block(true);
        if (info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeMainFrame)
            QMetaObject::invokeMethod(q_ptr, [this, url] { refuse(url); }, Qt::QueuedConnection);
        else
            qCWarning(lcWidgets) << "Blocked an insecure request of the sign-in page:"
                                 << RedirectPolicy::redactedForLog(url);
        return;
    }
}

void SignInDialogPrivate::onCertificateError(const QWebEngineCertificateError &error)
{
    QWebEngineCertificateError rejected = error;
    rejected.rejectCertificate();
    if (!m_authorizing)
        return;
    // Not "could not be reached": it was reached, and refused.
    fail(AuthError(AuthError::InvalidResponse,
                   SignInDialog::tr("The certificate of %1 is not trusted (%2), so the sign-in was stopped. "
                                    "If this network intercepts secure connections (a company proxy, a hotel "
                                    "or public Wi-Fi), sign in on another network or ask its administrator.")
                       .arg(error.url().host(), error.description())));
}

void SignInDialogPrivate::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    if (info.status() != QWebEngineLoadingInfo::LoadStartedStatus)
        m_progress->hide(); // stopped, failed or done: the bar has nothing more to show
    if (!m_authorizing || info.status() != QWebEngineLoadingInfo::LoadFailedStatus)
        return;
    // An HTTP error status still shows the server's page (a wrong password, say): the person
    // reads it. Only pages that never arrived end the sign-in.
    if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain)
        return;
    if (info.errorCode() == ErrAborted || info.errorCode() == ErrBlockedByClient)
        return;
    qCInfo(lcWidgets) << "Sign-in page failed to load:" << RedirectPolicy::redactedForLog(info.url())
                      << info.errorString();
    fail(AuthError(AuthError::NetworkError, SignInDialog::tr("The page of %1 could not be loaded: %2")
                                                .arg(info.url().host(), info.errorString())));
}

void SignInDialogPrivate::onUrlChanged(const QUrl &url)
{
    const QString host = url.host();
    if (!host.isEmpty())
        setTitleHost(host);
}

void SignInDialogPrivate::finishWithRedirect(const QUrl &url)
{
    Q_Q(SignInDialog);
    if (!m_authorizing)
        return;
    m_authorizing = false;
    qCDebug(lcWidgets) << "Redirected to" << RedirectPolicy::redactedForLog(url);
    // Reported as the redirect URI the flow gave us plus the response: Chromium rewrites
    // "http://localhost?code=…" to "http://localhost:PORT/?code=…" and similar, and the flow
    // compares the endpoint part with what it sent. The policy has already matched them.
    QUrl reported = m_policy.redirectUri();
    reported.setQuery(url.query(QUrl::FullyEncoded), QUrl::StrictMode);
    reported.setFragment(url.fragment(QUrl::FullyEncoded), QUrl::StrictMode);
    stopBrowsing();
    q->QDialog::done(QDialog::Accepted);
    Q_EMIT m_agent->redirected(reported);
    Q_EMIT q->redirected(reported);
}

void SignInDialogPrivate::fail(const AuthError &error)
{
    Q_Q(SignInDialog);
    if (!m_authorizing)
        return;
    m_authorizing = false;
    qCInfo(lcWidgets) << "Sign-in ended:" << AuthError::typeName(error.type());
    stopBrowsing();
    q->QDialog::done(QDialog::Rejected);
    Q_EMIT m_agent->failed(error);
    Q_EMIT q->failed(error);
}

void SignInDialogPrivate::refuse(const QUrl &url)
{
    qCWarning(lcWidgets) << "Refused to open" << RedirectPolicy::redactedForLog(url);
    const QString scheme = url.scheme().toLower();
    // http and ws off loopback (https, wss, data:, blob:, about: and loopback pass the policy).
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws")) {
        fail(AuthError(AuthError::InvalidResponse,
                       SignInDialog::tr("The sign-in page tried to open %1 without encryption, so the sign-in was "
                                        "stopped to protect your password. Try again; if this keeps happening, tell "
                                        "the administrator of the sign-in service.")
                           .arg(url.host())));
        return;
    }
    // Any other scheme ("myapp://auth", "msauth:", "mailto:", "file:"): a link for another
    // application, not an insecure page (whatever its "host" part says).
    fail(AuthError(AuthError::InvalidResponse,
                   SignInDialog::tr("The sign-in page tried to open another application (a \"%1:\" link), which a "
                                    "sign-in in this window cannot do, so the sign-in was stopped. Try again, or "
                                    "sign in with the system browser.")
                       .arg(scheme.left(32))));
}

void SignInDialogPrivate::closeQuietly()
{
    Q_Q(SignInDialog);
    const bool wasAuthorizing = m_authorizing;
    m_authorizing = false;
    if (!wasAuthorizing && !q->isVisible())
        return; // already ended (redirect or failure): keep its result
    stopBrowsing();
    q->QDialog::done(QDialog::Rejected);
}

void SignInDialogPrivate::fitToScreen()
{
    Q_Q(SignInDialog);
    // QWidget gives a new window at most 2/3 of the screen's available size
    // (QWidgetPrivate::adjustedSize): 533 px on an 800-px screen, where a consent page then
    // scrolls and its buttons sit at the bottom edge. An explicit size is not capped, and
    // sizeHint() stays within the screen. A size the application set (WA_Resized) is kept, and
    // so is this one on the next sign-in.
    if (q->testAttribute(Qt::WA_Resized))
        return;
    q->resize(q->sizeHint());
}

void SignInDialogPrivate::stopBrowsing()
{
    if (!m_page)
        return;
    m_page->triggerAction(QWebEnginePage::Stop);
    // Parks the page, so that the next sign-in does not show the last one for a moment.
    m_page->setUrl(QUrl(QStringLiteral("about:blank")));
}

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent), d_ptr(new SignInDialogPrivate(this))
{
    Q_D(SignInDialog);
    d->setupUi();
}

SignInDialog::~SignInDialog()
{
    Q_D(SignInDialog);
    d->tearDownPage();
}

AuthorizationAgent *SignInDialog::agent() const
{
    Q_D(const SignInDialog);
    return d->m_agent;
}

void SignInDialog::setPersistentProfile(const QString &storageName)
{
    Q_D(SignInDialog);
    if (storageName == d->m_storageName)
        return;
    if (d->m_authorizing)
        qCWarning(lcWidgets) << "setPersistentProfile() during a sign-in: the page is reloaded empty";
    d->m_storageName = storageName;
    if (!d->m_view) {
        // A stored profile is opened at once: forgetAccount() must know the cookies it holds.
        if (!storageName.isEmpty())
            d->ensureBrowser();
        return;
    }
    d->installProfile(storageName.isEmpty() ? new QWebEngineProfile(this) : new QWebEngineProfile(storageName, this));
}

bool SignInDialog::isPersistentProfile() const
{
    Q_D(const SignInDialog);
    return !d->m_storageName.isEmpty();
}

void SignInDialog::registerRedirectScheme(const QString &clientId)
{
    QWebEngineUrlScheme scheme(QStringLiteral("msal%1").arg(clientId).toLower().toLatin1());
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    QWebEngineUrlScheme::registerScheme(scheme);
}

QWebEngineProfile *SignInDialog::profile() const
{
    Q_D(const SignInDialog);
    const_cast<SignInDialogPrivate *>(d)->ensureBrowser();
    return d->m_profile;
}

bool SignInDialog::isBrowserCreated() const
{
    Q_D(const SignInDialog);
    return d->m_view != nullptr;
}

void SignInDialog::forgetAccount(const Account &account)
{
    Q_D(SignInDialog);
    // The environment is the authority's host, with a port for local authorities.
    QUrl authority;
    authority.setAuthority(account.environment());
    const QString host = authority.host();
    if (!d->m_profile)
        return; // an off-the-record profile that was never made holds no cookie
    if (host.isEmpty()) {
        clearCookies();
        return;
    }
    QWebEngineCookieStore *store = d->m_profile->cookieStore();
    const QList<QNetworkCookie> cookies = d->m_cookies;
    for (const QNetworkCookie &cookie : cookies) {
        if (cookieBelongsTo(cookie, host))
            store->deleteCookie(cookie);
    }
}

void SignInDialog::clearCookies()
{
    Q_D(SignInDialog);
    if (!d->m_profile)
        return;
    d->m_profile->cookieStore()->deleteAllCookies();
    d->m_profile->clearHttpCache();
}

void SignInDialog::authorize(const QUrl &authorizationUrl, const QUrl &redirectUri)
{
    Q_D(SignInDialog);
    d->ensureBrowser();
    d->m_policy.setRedirectUri(redirectUri);
    d->handleRedirectScheme(redirectUri);
    d->m_authorizing = true;
    d->setTitleHost(authorizationUrl.host());
    if (d->m_policy.classify(authorizationUrl) != RedirectPolicy::Verdict::Allow) {
        d->refuse(authorizationUrl);
        return;
    }
    if (!isVisible()) {
        if (parentWidget())
            setWindowModality(Qt::WindowModal);
        d->fitToScreen();
        show();
    }
    raise();
    activateWindow();
    d->m_view->setFocus();
    d->m_page->load(authorizationUrl);
}

bool SignInDialog::isAuthorizing() const
{
    Q_D(const SignInDialog);
    return d->m_authorizing;
}

QWebEnginePage *SignInDialog::page() const
{
    Q_D(const SignInDialog);
    const_cast<SignInDialogPrivate *>(d)->ensureBrowser();
    return d->m_page;
}

QWebEngineView *SignInDialog::view() const
{
    Q_D(const SignInDialog);
    const_cast<SignInDialogPrivate *>(d)->ensureBrowser();
    return d->m_view;
}

void SignInDialog::changeEvent(QEvent *event)
{
    Q_D(SignInDialog);
    if (event->type() == QEvent::LanguageChange)
        d->retranslateUi();
    QDialog::changeEvent(event);
}

QSize SignInDialog::sizeHint() const
{
    // Identity providers design their pages for about 440 px wide; leave room around them,
    // in device-independent pixels (Qt 6 scales for high DPI).
    QSize size(520, 680);
    // 90% of the work area leaves room for the window frame and its title bar.
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() * 9 / 10);
    return size;
}

void SignInDialog::reject()
{
    Q_D(SignInDialog);
    if (d->m_authorizing) {
        d->fail(AuthError(AuthError::Cancelled, tr("The sign-in window was closed.")));
        return;
    }
    QDialog::reject();
}

} // namespace MsalQt::Widgets
