#include <MsalQt/systembrowseragent.h>

#include "authorizationagent_p.h"
#include "authorizationrequest_p.h"
#include "browserlauncher_p.h"
#include "logging_p.h"
#include "loopbackrequest_p.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace MsalQt {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::SystemBrowserAgent)
};
} // namespace

namespace Internal {
// How long the browser has, once the portal or xdg-open took the page, to fetch the launch
// address. The portal answers only after its application chooser closed, so the time the person
// takes to choose is not counted; what is left is a browser's cold start on a slow machine.
static int launchTimeoutMs = 60000;
void setBrowserLaunchTimeout(int milliseconds)
{
    launchTimeoutMs = milliseconds;
}
// How long the browser's redirect waits for the request's verdict (the code's redemption).
static int verdictTimeoutMs = 30000;
void setBrowserVerdictTimeout(int milliseconds)
{
    verdictTimeoutMs = milliseconds;
}
} // namespace Internal

// An xdg-open that ends this long after its browser fetched the launch address ran the browser in
// the foreground (xdg-open's generic mode, $BROWSER), and the browser has now exited. One that
// hands the page to a browser already running (gio, kde-open, a browser's remote call) ends about
// when the page is fetched, and says nothing about the browser afterwards.
static constexpr qint64 BrowserClosedAfterMs = 5000;

class SystemBrowserAgentPrivate : public AuthorizationAgentPrivate
{
    Q_DECLARE_PUBLIC(SystemBrowserAgent)
public:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &status, const QByteArray &body,
                 const QByteArray &location = {});
    bool isOurAnswer(const QUrl &target) const;
    void openBrowser(const QUrl &authorizationUrl);
    void stopListening();
    void endLaunch();
    void fail(const AuthError &error);
    void onOpenerExited(int exitCode, bool crashed);
    void requestEnded(const AuthError &error) override;
    void answerBrowser(const QByteArray &page);
    // A browser still waiting for a verdict hears that the application no longer waits.
    void answerStopped();
    static QByteArray htmlPage(const QString &title, const QString &text);

    QTcpServer server;
    QUrl redirectUri;
    bool done = false;
    std::function<bool(const QUrl &)> opener;
    QByteArray successPage;
    // The state of the request in flight: a redirect without it is not the answer to it.
    QString expectedState;
    // The default way to the browser: a page that sends it to launchPath on this listener, once,
    // which redirects to the authorization URL. Nothing secret ever leaves the process but
    // through that redirect.
    std::unique_ptr<Internal::BrowserLauncher> launcher;
    QString launchPath;
    QUrl pendingAuthorizationUrl;
    // The browser has to fetch the launch address within launchTimeoutMs of the hand-over.
    QTimer launchTimer;
    QElapsedTimer launchFetched; // valid once the browser fetched the launch address
    // The browser's redirect, answered once the request has a verdict (requestEnded()).
    QPointer<QTcpSocket> answerSocket;
    QTimer verdictTimer;
};

SystemBrowserAgent::SystemBrowserAgent(QObject *parent)
    : AuthorizationAgent(*new SystemBrowserAgentPrivate, parent)
{
    Q_D(SystemBrowserAgent);
    connect(&d->server, &QTcpServer::newConnection, this, [d] { d->onConnection(); });
    d->launchTimer.setSingleShot(true);
    connect(&d->launchTimer, &QTimer::timeout, this, [d] {
        d->fail(AuthError(AuthError::InvalidConfiguration,
                          Tr::tr("No browser could be opened: no browser loaded the sign-in page within %n seconds. "
                                 "Install one, or sign in with the device code flow.", nullptr, Internal::launchTimeoutMs / 1000)));
    });
    d->verdictTimer.setSingleShot(true);
    connect(&d->verdictTimer, &QTimer::timeout, this, [d] {
        d->answerBrowser(SystemBrowserAgentPrivate::htmlPage(
            Tr::tr("Return to the application"),
            Tr::tr("The sign-in goes on in the application. You can close this browser tab.")));
    });
}

SystemBrowserAgent::~SystemBrowserAgent()
{
    Q_D(SystemBrowserAgent);
    d->answerStopped();
}

void SystemBrowserAgent::setUrlOpener(const std::function<bool(const QUrl &)> &opener)
{
    Q_D(SystemBrowserAgent);
    d->opener = opener;
}

void SystemBrowserAgent::setSuccessPage(const QByteArray &html)
{
    Q_D(SystemBrowserAgent);
    d->successPage = html;
}

quint16 SystemBrowserAgent::port() const
{
    Q_D(const SystemBrowserAgent);
    return d->server.isListening() ? d->server.serverPort() : 0;
}

QUrl SystemBrowserAgent::prepare(const QUrl &redirectUri)
{
    Q_D(SystemBrowserAgent);
    // RFC 8252 §7.3 and §8.3: loopback redirects over plain http, on a port chosen at run time.
    if (redirectUri.scheme() != QLatin1String("http") || !Authority::isLoopbackHost(redirectUri.host()))
        return {};
    d->endLaunch();
    d->stopListening();
    // A previous sign-in's browser still waiting for its verdict hears that it is over.
    d->answerStopped();
    d->done = false;
    d->expectedState.clear();
    const quint16 wanted = redirectUri.port() > 0 ? quint16(redirectUri.port()) : 0;
    const QHostAddress address = redirectUri.host() == QLatin1String("::1") ? QHostAddress(QHostAddress::LocalHostIPv6)
                                                                            : QHostAddress(QHostAddress::LocalHost);
    if (!d->server.listen(address, wanted)) {
        qCWarning(lcMsalAuth) << "System browser agent: cannot listen on loopback:" << d->server.errorString();
        return {};
    }
    QUrl actual = redirectUri.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    actual.setPort(d->server.serverPort());
    if (actual.path().isEmpty())
        actual.setPath(QStringLiteral("/"));
    d->redirectUri = actual;
    return actual;
}

void SystemBrowserAgent::authorize(const QUrl &authorizationUrl, const QUrl &redirectUri)
{
    Q_D(SystemBrowserAgent);
    if (!d->server.isListening() || redirectUri.port() != d->server.serverPort()) {
        QMetaObject::invokeMethod(this, [this] {
            Q_EMIT failed(AuthError(AuthError::InvalidConfiguration,
                                    Tr::tr("The system browser can only return to a loopback redirect URI such as http://localhost.")));
        }, Qt::QueuedConnection);
        return;
    }
    d->expectedState = QUrlQuery(authorizationUrl).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    qCInfo(lcMsalAuth) << "Opening the system browser for" << Internal::loggableUrl(authorizationUrl);
    if (!d->opener) {
        d->openBrowser(authorizationUrl);
        return;
    }
    if (!d->opener(authorizationUrl)) {
        d->stopListening();
        QMetaObject::invokeMethod(this, [this] {
            Q_EMIT failed(AuthError(AuthError::InvalidConfiguration,
                                    Tr::tr("No browser could be opened. Install one, or sign in with the device code flow.")));
        }, Qt::QueuedConnection);
    }
}

void SystemBrowserAgentPrivate::openBrowser(const QUrl &authorizationUrl)
{
    Q_Q(SystemBrowserAgent);
    endLaunch();
    // A path no one can guess (256 random bits), served once: what the browser is sent to first.
    launchPath = QLatin1String("/msalqt-signin/") + Internal::randomUrlSafe(32);
    pendingAuthorizationUrl = authorizationUrl;
    QUrl launch;
    launch.setScheme(QStringLiteral("http"));
    launch.setHost(server.serverAddress().toString());
    launch.setPort(server.serverPort());
    launch.setPath(launchPath);
    launchFetched.invalidate();
    launcher = std::make_unique<Internal::BrowserLauncher>();
    QObject::connect(launcher.get(), &Internal::BrowserLauncher::failed, q, [this](const QString &reason) {
        fail(AuthError(AuthError::InvalidConfiguration,
                       Tr::tr("No browser could be opened: %1 Install one, or sign in with the device code flow.")
                           .arg(reason)));
    });
    QObject::connect(launcher.get(), &Internal::BrowserLauncher::cancelled, q, [this] {
        fail(AuthError(AuthError::Cancelled, Tr::tr("No application was chosen to open the sign-in page.")));
    });
    QObject::connect(launcher.get(), &Internal::BrowserLauncher::handedOver, q, [this] {
        if (!launchFetched.isValid())
            launchTimer.start(Internal::launchTimeoutMs);
    });
    QObject::connect(launcher.get(), &Internal::BrowserLauncher::openerExited, q,
                     [this](int exitCode, bool crashed) { onOpenerExited(exitCode, crashed); });
    launcher->open(launch);
}

void SystemBrowserAgentPrivate::onOpenerExited(int exitCode, bool crashed)
{
    if (done)
        return;
    if (!launchFetched.isValid()) {
        if (exitCode == 0 && !crashed)
            return; // handed to a browser, which has launchTimeoutMs to fetch the page
        qCInfo(lcMsalAuth) << "xdg-open ended with status" << exitCode << "before a browser loaded the sign-in page";
        fail(AuthError(AuthError::InvalidConfiguration,
                       Tr::tr("No browser could be opened: xdg-open found none for the sign-in page. "
                              "Install one, or sign in with the device code flow.")));
        return;
    }
    if (launchFetched.elapsed() >= BrowserClosedAfterMs)
        fail(AuthError(AuthError::Cancelled, Tr::tr("The browser was closed before the sign-in finished.")));
}

void SystemBrowserAgentPrivate::fail(const AuthError &error)
{
    Q_Q(SystemBrowserAgent);
    if (done)
        return;
    done = true;
    endLaunch();
    stopListening();
    Q_EMIT q->failed(error);
}

void SystemBrowserAgentPrivate::endLaunch()
{
    launchTimer.stop();
    if (launcher) {
        launcher->removePage();
        // Possibly from within one of its signals: not deleted under its own feet.
        launcher.release()->deleteLater();
    }
    launchPath.clear();
    pendingAuthorizationUrl.clear();
}

QByteArray SystemBrowserAgentPrivate::htmlPage(const QString &title, const QString &text)
{
    const QByteArray escapedTitle = title.toHtmlEscaped().toUtf8();
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escapedTitle
           + "</title></head><body style=\"font-family:sans-serif\"><h1>" + escapedTitle + "</h1><p>"
           + text.toHtmlEscaped().toUtf8() + "</p></body></html>";
}

void SystemBrowserAgentPrivate::answerStopped()
{
    answerBrowser(htmlPage(Tr::tr("Return to the application"),
                           Tr::tr("The application stopped waiting for this sign-in. You can close this browser tab.")));
}

void SystemBrowserAgentPrivate::answerBrowser(const QByteArray &page)
{
    verdictTimer.stop();
    if (QTcpSocket *socket = answerSocket.data()) {
        answerSocket = nullptr;
        respond(socket, "200 OK", page);
        socket->flush();
    }
}

// The verdict for the browser tab: what happened, in words, never a token or a code. The
// reason of a failure is the error's own text (the server's description's first line at most).
void SystemBrowserAgentPrivate::requestEnded(const AuthError &error)
{
    if (!answerSocket)
        return;
    if (!error.isError()) {
        answerBrowser(successPage.isEmpty()
                          ? htmlPage(Tr::tr("Sign-in complete"),
                                     Tr::tr("You can close this browser tab and return to the application."))
                          : successPage);
    } else if (error.type() == AuthError::Declined || error.hasErrorCode(65004)) {
        answerBrowser(htmlPage(Tr::tr("Sign-in declined"),
                               Tr::tr("The sign-in was declined, so the application was not signed in. "
                                      "You can close this browser tab.")));
    } else if (error.type() == AuthError::Cancelled) {
        answerBrowser(htmlPage(Tr::tr("Sign-in cancelled"),
                               Tr::tr("The sign-in was cancelled in the application. You can close this browser tab.")));
    } else {
        QString reason = error.errorString();
        if (reason.size() > 400)
            reason = reason.left(400) + QChar(0x2026);
        answerBrowser(htmlPage(Tr::tr("Sign-in failed"),
                               Tr::tr("The application was not signed in: %1 Return to the application to try again.")
                                   .arg(reason)));
    }
}

void SystemBrowserAgent::close()
{
    Q_D(SystemBrowserAgent);
    d->done = true;
    d->endLaunch();
    d->stopListening();
}

void SystemBrowserAgentPrivate::stopListening()
{
    server.close();
}

void SystemBrowserAgentPrivate::onConnection()
{
    Q_Q(SystemBrowserAgent);
    while (QTcpSocket *socket = server.nextPendingConnection()) {
        socket->setParent(q);
        QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { onReadyRead(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A connection that never sends a request line is dropped.
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        QObject::connect(idle, &QTimer::timeout, socket, &QTcpSocket::abort);
        idle->start(10000);
    }
}

void SystemBrowserAgentPrivate::respond(QTcpSocket *socket, const QByteArray &status, const QByteArray &body,
                                        const QByteArray &location)
{
    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                  + QByteArray::number(body.size())
                  + (location.isEmpty() ? QByteArray() : "\r\nLocation: " + location)
                  + "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

static bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

// Whether a request to the redirect path is the authorization server's answer to the request in
// flight: a code or an error (RFC 6749 §4.1.2 and §4.1.2.1), with the state we sent, exactly
// once. Anything else on the loopback port may come from any local process, and is not allowed
// to end the sign-in.
bool SystemBrowserAgentPrivate::isOurAnswer(const QUrl &target) const
{
    const QUrlQuery query(target);
    if (!query.hasQueryItem(QStringLiteral("code")) && !query.hasQueryItem(QStringLiteral("error")))
        return false;
    if (expectedState.isEmpty())
        return true; // an application's own request without state: the flow judges it
    const QStringList states = query.allQueryItemValues(QStringLiteral("state"), QUrl::FullyDecoded);
    return states.size() == 1 && equalInConstantTime(states.first().toUtf8(), expectedState.toUtf8());
}

void SystemBrowserAgentPrivate::onReadyRead(QTcpSocket *socket)
{
    Q_Q(SystemBrowserAgent);
    const QByteArray buffered = socket->peek(Internal::maxLoopbackRequestSize + 1);
    const Internal::LoopbackRequest request = Internal::parseLoopbackRequest(buffered);
    if (request.status == Internal::LoopbackRequest::Status::Incomplete)
        return;
    if (request.status == Internal::LoopbackRequest::Status::TooLarge) {
        socket->abort();
        return;
    }
    socket->read(buffered.size());
    if (request.status == Internal::LoopbackRequest::Status::NotGet) {
        respond(socket, "405 Method Not Allowed", {});
        return;
    }
    const QUrl &target = request.target;
    if (!done && !launchPath.isEmpty() && target.path() == launchPath) {
        // The browser opened our page: send it on, once, and remove the page. The launcher stays,
        // to see xdg-open end.
        const QByteArray location = pendingAuthorizationUrl.toString(QUrl::FullyEncoded).toUtf8();
        respond(socket, "302 Found", {}, location);
        launchTimer.stop();
        launchFetched.start();
        if (launcher)
            launcher->removePage();
        launchPath.clear();
        pendingAuthorizationUrl.clear();
        return;
    }
    const std::optional<QUrl> received = done ? std::nullopt : Internal::loopbackRedirect(redirectUri, target);
    if (!received) {
        respond(socket, "404 Not Found", {}); // favicon and the like; the listener stays open
        return;
    }
    if (!isOurAnswer(target)) {
        // A forged or stale redirect (another local process can reach this port as well):
        // answered, and the sign-in keeps waiting for the real one.
        qCInfo(lcMsalAuth) << "System browser agent: ignored a request to the redirect path that does not"
                              " answer the sign-in in progress";
        respond(socket, "400 Bad Request",
                htmlPage(Tr::tr("Request ignored"),
                         Tr::tr("This request does not belong to the sign-in in progress, so it was ignored. "
                                "If you are signing in, finish in the browser tab where you started.")));
        return;
    }
    // Exactly one redirect is accepted; the listener closes at once. The browser is answered
    // once the request has judged the answer and redeemed the code (requestEnded()), so that the
    // tab says what happened; an agent used without a flow answers neutrally after a while.
    done = true;
    qDeleteAll(socket->findChildren<QTimer *>(Qt::FindDirectChildrenOnly));
    answerSocket = socket;
    verdictTimer.start(Internal::verdictTimeoutMs);
    endLaunch();
    stopListening();
    QPointer<SystemBrowserAgent> guard(q);
    Q_EMIT q->redirected(*received);
}

} // namespace MsalQt
