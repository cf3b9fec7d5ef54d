#include "browserlauncher_p.h"

#include "logging_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>

#ifdef MSALQT_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusUnixFileDescriptor>
#endif

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <QTemporaryFile>
#endif

namespace MsalQt::Internal {

namespace {
// Strings are the agent's (translation context "MsalQt::SystemBrowserAgent"): the person sees
// them as its messages. A struct rather than a context variable, so that lupdate finds them.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::SystemBrowserAgent)
};
} // namespace

// A page left behind by a crash holds only a one-time loopback address that died with its process.
static constexpr qint64 StalePageSeconds = 10 * 60;

#ifdef MSALQT_HAVE_DBUS
// The desktop portal (flatpak.github.io/xdg-desktop-portal, org.freedesktop.portal.OpenURI).
static const QString PortalService = QStringLiteral("org.freedesktop.portal.Desktop");
static const QString PortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
static const QString OpenUriInterface = QStringLiteral("org.freedesktop.portal.OpenURI");
static const QString RequestInterface = QStringLiteral("org.freedesktop.portal.Request");
// The portal may be started on demand (D-Bus activation) before it answers.
static constexpr int PortalCallTimeout = 25000;
#endif

// The xdg-open processes still running when their launcher went. They are not killed (one may
// be running the person's browser in the foreground) and live on until they end; this registry,
// never freed, keeps them reachable meanwhile, also for LeakSanitizer at exit. GUI thread only.
static QSet<QProcess *> &runningOpeners()
{
    static auto *running = new QSet<QProcess *>;
    return *running;
}

BrowserLauncher::BrowserLauncher(QObject *parent) : QObject(parent) {}

BrowserLauncher::~BrowserLauncher()
{
    disconnectPortal();
    removePage();
    if (m_process) {
        disconnect(m_process, nullptr, this, nullptr);
        if (m_process->state() == QProcess::NotRunning) {
            delete m_process;
        } else {
            // ~QProcess would kill it, and with it a browser xdg-open runs in the foreground.
            QProcess *process = m_process;
            runningOpeners().insert(process);
            connect(process, &QProcess::finished, process, [process] {
                runningOpeners().remove(process);
                process->deleteLater();
            });
        }
    }
}

QByteArray BrowserLauncher::page(const QUrl &target)
{
    const QByteArray address = target.toString(QUrl::FullyEncoded).toHtmlEscaped().toUtf8();
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
           "<meta name=\"referrer\" content=\"no-referrer\">"
           "<meta http-equiv=\"refresh\" content=\"0;url=" + address + "\">"
           "<title>" + Tr::tr("Sign-in").toHtmlEscaped().toUtf8() + "</title></head>"
           "<body style=\"font-family:sans-serif\"><p><a href=\"" + address + "\">"
           + Tr::tr("Continue to the sign-in page").toHtmlEscaped().toUtf8() + "</a></p></body></html>\n";
}

#ifdef Q_OS_UNIX
// $XDG_RUNTIME_DIR/msalqt, if it is a directory of this user's that nobody else can enter.
// The base directory specification makes $XDG_RUNTIME_DIR itself 0700 and the user's; the checks
// here also hold where it points somewhere shared by mistake.
static QString runtimePageDirectory()
{
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    if (runtime.isEmpty())
        return {};
    const QByteArray dir = runtime + "/msalqt";
    if (::mkdir(dir.constData(), S_IRWXU) != 0 && errno != EEXIST)
        return {};
    struct stat st;
    if (::lstat(dir.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid()
        || (st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return {};
    return QFile::decodeName(dir);
}
#endif

static void removeStalePages(const QString &dir)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QFileInfoList pages = QDir(dir).entryInfoList({QStringLiteral("signin-*.html")}, QDir::Files | QDir::System);
    for (const QFileInfo &page : pages) {
        if (page.lastModified().toUTC().secsTo(now) > StalePageSeconds)
            QFile::remove(page.absoluteFilePath());
    }
}

bool BrowserLauncher::writePage(const QUrl &target, QString *error)
{
    QString dir;
#ifdef Q_OS_UNIX
    dir = runtimePageDirectory();
#endif
    if (!dir.isEmpty()) {
        removeStalePages(dir);
    } else {
        m_temporaryDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QLatin1String("/msalqt-XXXXXX"));
        if (!m_temporaryDir->isValid()) {
            *error = Tr::tr("No private directory for the sign-in page: %1.").arg(m_temporaryDir->errorString());
            return false;
        }
        dir = m_temporaryDir->path(); // QTemporaryDir creates it 0700
    }
    const QByteArray html = page(target);
#ifdef Q_OS_UNIX
    // mkstemps: O_EXCL and mode 0600 from the start, so the file is ours and nobody else's.
    QByteArray path = QFile::encodeName(dir) + "/signin-XXXXXX.html";
    const int fd = ::mkstemps(path.data(), 5);
    if (fd < 0) {
        *error = Tr::tr("The sign-in page could not be written: %1.").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_pagePath = QFile::decodeName(path);
    QFile file;
    const bool written = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0
                         && file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)
                         && file.write(html) == html.size() && file.flush();
    if (file.isOpen())
        file.close();
    else
        ::close(fd);
#else
    QTemporaryFile file(dir + QLatin1String("/signin-XXXXXX.html"));
    file.setAutoRemove(false);
    const bool written = file.open() && file.write(html) == html.size() && file.flush();
    m_pagePath = file.fileName();
#endif
    if (!written) {
        *error = Tr::tr("The sign-in page could not be written.");
        removePage();
        return false;
    }
    return true;
}

void BrowserLauncher::removePage()
{
    m_finished = true; // a late answer from the portal opens nothing any more
    if (!m_pagePath.isEmpty()) {
        QFile::remove(m_pagePath);
        m_pagePath.clear();
    }
    m_temporaryDir.reset();
}

void BrowserLauncher::open(const QUrl &target)
{
    m_finished = false;
    QString error;
    if (!writePage(target, &error)) {
        m_finished = true;
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        return;
    }
    if (!openWithPortal())
        openWithXdgOpen();
}

void BrowserLauncher::openWithXdgOpen()
{
    m_finished = true;
    // xdg-utils picks the person's browser for text/html; the page's path is the only argument.
    // A child, not detached: its exit status tells whether it found a browser (xdg-open exits
    // with 3 when no tool is found, 4 when the action failed).
    m_process = new QProcess;
    m_process->setProcessChannelMode(QProcess::ForwardedChannels); // a browser's output never fills a pipe
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        Q_EMIT openerExited(exitCode, status == QProcess::CrashExit);
    });
    // Queued: QProcess may report either from within start(), and open() never reports.
    connect(m_process, &QProcess::started, this, &BrowserLauncher::handedOver, Qt::QueuedConnection);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        Q_EMIT failed(Tr::tr("neither the desktop portal nor xdg-open could open the sign-in page."));
    }, Qt::QueuedConnection);
    m_process->start(QStringLiteral("xdg-open"), {m_pagePath});
}

bool BrowserLauncher::openWithPortal()
{
#ifdef MSALQT_HAVE_DBUS
    // With no bus address, asking for the session bus lets libdbus autolaunch a bus daemon
    // (dbus-launch), which would outlive this process. $XDG_RUNTIME_DIR/bus is systemd's.
    const QString runtimeBus = qEnvironmentVariable("XDG_RUNTIME_DIR") + QLatin1String("/bus");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        && (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR") || !QFileInfo::exists(runtimeBus)))
        return false;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !(bus.connectionCapabilities() & QDBusConnection::UnixFileDescriptorPassing))
        return false;
    const int fd = ::open(QFile::encodeName(m_pagePath).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    const QDBusUnixFileDescriptor descriptor(fd); // a duplicate travels; ours is closed now
    ::close(fd);

    // Subscribe to the Request's Response before calling, at the path the portal will use for
    // our handle_token (portal API: org.freedesktop.portal.Request), so that none is missed.
    const QString token = QLatin1String("msalqt") + QString::number(QRandomGenerator::system()->generate64(), 16);
    QString sender = bus.baseService().mid(1);
    sender.replace(QLatin1Char('.'), QLatin1Char('_'));
    m_requestPath = QLatin1String("/org/freedesktop/portal/desktop/request/") + sender + QLatin1Char('/') + token;
    bus.connect(PortalService, m_requestPath, RequestInterface, QStringLiteral("Response"), this,
                SLOT(onPortalResponse(uint,QVariantMap)));

    QDBusMessage call = QDBusMessage::createMethodCall(PortalService, PortalPath, OpenUriInterface,
                                                       QStringLiteral("OpenFile"));
    call << QString() << QVariant::fromValue(descriptor) << QVariantMap{{QStringLiteral("handle_token"), token}};
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, PortalCallTimeout), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, bus](QDBusPendingCallWatcher *watcher) mutable {
        watcher->deleteLater();
        const QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        if (m_finished || m_requestPath.isEmpty())
            return;
        if (reply.isError()) {
            // No portal on this bus (ServiceUnknown), one without OpenFile, or one that refused.
            qCInfo(lcMsalAuth).noquote() << "The desktop portal did not take the sign-in page ("
                                         << reply.error().name() << "); opening it with xdg-open";
            disconnectPortal();
            openWithXdgOpen();
            return;
        }
        const QString handle = reply.value().path();
        if (handle != m_requestPath) {
            // Portals before version 0.9 ignore handle_token.
            disconnectPortal();
            m_requestPath = handle;
            bus.connect(PortalService, m_requestPath, RequestInterface, QStringLiteral("Response"), this,
                        SLOT(onPortalResponse(uint,QVariantMap)));
        }
    });
    return true;
#else
    return false;
#endif
}

void BrowserLauncher::onPortalResponse(uint response, const QVariantMap &)
{
    if (m_finished)
        return;
    disconnectPortal();
    switch (response) {
    case 0: // opened
        m_finished = true;
        Q_EMIT handedOver();
        return;
    case 1: // the person dismissed the application chooser
        m_finished = true;
        Q_EMIT cancelled();
        return;
    default: // it could not open the file: no handler, or the handler failed to start
        qCInfo(lcMsalAuth) << "The desktop portal could not open the sign-in page; opening it with xdg-open";
        openWithXdgOpen();
        return;
    }
}

void BrowserLauncher::disconnectPortal()
{
#ifdef MSALQT_HAVE_DBUS
    if (m_requestPath.isEmpty())
        return;
    QDBusConnection::sessionBus().disconnect(PortalService, m_requestPath, RequestInterface,
                                             QStringLiteral("Response"), this,
                                             SLOT(onPortalResponse(uint,QVariantMap)));
    m_requestPath.clear();
#endif
}

} // namespace MsalQt::Internal
