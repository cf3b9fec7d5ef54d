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
#include <QWebEngineUrlScheme>
#include <QWebEngineView>

namespace MsalQt::Widgets {

Q_LOGGING_CATEGORY(lcWidgets, "msalqt.widgets", QtInfoMsg)

using WebEngine::SignInGuard;

namespace {

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

SignInPage::SignInPage(QWebEngineProfile *profile, SignInGuard *guard, QObject *parent)
    : QWebEnginePage(profile, parent), m_guard(guard)
{
}

bool SignInPage::acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame)
{
    return m_guard && m_guard->acceptNavigation(url, isMainFrame);
}

QWebEnginePage *SignInPage::createWindow(WebWindowType)
{
    return nullptr;
}

SignInDialogAgent::SignInDialogAgent(SignInDialog *dialog, SignInDialogPrivate *d)
    : AuthorizationAgent(dialog), m_dialog(dialog), m_d(d)
{
}

QUrl SignInDialogAgent::prepare(const QUrl &redirectUri)
{
    return SignInGuard::prepareRedirectUri(redirectUri);
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
    m_guard = new SignInGuard(q);
    QObject::connect(m_guard, &SignInGuard::redirected, q, [this](const QUrl &reported) { onRedirected(reported); });
    QObject::connect(m_guard, &SignInGuard::failed, q, [this](const AuthError &error) { onFailed(error); });
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
    profile->setUrlRequestInterceptor(m_guard->createInterceptor(profile));
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

    m_page = new SignInPage(profile, m_guard, m_view);
    QObject::connect(m_page, &QWebEnginePage::certificateError, m_guard, &SignInGuard::certificateError);
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
    QObject::connect(m_page, &QWebEnginePage::renderProcessTerminated, m_guard,
                     [this](QWebEnginePage::RenderProcessTerminationStatus status, int) {
                         m_guard->renderProcessTerminated(status);
                     });
    m_view->setPage(m_page);

    // A page must go before its profile (WebEngine warns and leaks otherwise).
    delete oldPage;
    delete old;
}

void SignInDialogPrivate::handleRedirectScheme(const QUrl &redirectUri)
{
    const QByteArray scheme = SignInGuard::redirectSchemeToHandle(redirectUri);
    if (scheme.isEmpty() || m_handledScheme == scheme)
        return;
    m_handledScheme = scheme;
    m_profile->installUrlSchemeHandler(scheme, m_guard->createSchemeHandler(m_profile));
}

void SignInDialogPrivate::tearDownPage()
{
    delete m_view; // and the page it parents
    m_view = nullptr;
    m_page = nullptr;
    delete m_profile;
    m_profile = nullptr;
}

void SignInDialogPrivate::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    if (info.status() != QWebEngineLoadingInfo::LoadStartedStatus)
        m_progress->hide(); // stopped, failed or done: the bar has nothing more to show
    m_guard->loadingChanged(info);
}

void SignInDialogPrivate::onUrlChanged(const QUrl &url)
{
    const QString host = url.host();
    if (!host.isEmpty())
        setTitleHost(host);
}

void SignInDialogPrivate::onRedirected(const QUrl &reported)
{
    Q_Q(SignInDialog);
    stopBrowsing();
    q->QDialog::done(QDialog::Accepted);
    Q_EMIT m_agent->redirected(reported);
    Q_EMIT q->redirected(reported);
}

void SignInDialogPrivate::onFailed(const AuthError &error)
{
    Q_Q(SignInDialog);
    stopBrowsing();
    q->QDialog::done(QDialog::Rejected);
    Q_EMIT m_agent->failed(error);
    Q_EMIT q->failed(error);
}

void SignInDialogPrivate::closeQuietly()
{
    Q_Q(SignInDialog);
    const bool wasAuthorizing = m_guard->end();
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
    if (d->m_guard->isAuthorizing())
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
    d->handleRedirectScheme(redirectUri);
    d->setTitleHost(authorizationUrl.host());
    if (!d->m_guard->begin(authorizationUrl, redirectUri))
        return; // refused: the guard has reported it (failed()), and the dialog stays closed
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
    return d->m_guard->isAuthorizing();
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
    if (d->m_guard->isAuthorizing()) {
        d->m_guard->fail(AuthError(AuthError::Cancelled, tr("The sign-in window was closed.")));
        return;
    }
    QDialog::reject();
}

} // namespace MsalQt::Widgets
