#pragma once

#include "autotestexport_p.h"
#include <MsalQt/msalqt_global.h>

#include <QObject>
#include <QUrl>
#include <QVariantMap>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace MsalQt::Internal {

// Opens a page in the person's default browser without the address on any command line: every
// local user can read the arguments of every process (/proc/<pid>/cmdline), and a sign-in URL
// there hands its state, nonce and PKCE challenge to them (login CSRF).
//
// The address goes into a small HTML page that sends the browser on (meta refresh), written to a
// file only this user can read (0600, O_EXCL, in a 0700 directory: $XDG_RUNTIME_DIR/msalqt, else
// a private temporary directory). That file is what is opened: through the desktop portal
// (org.freedesktop.portal.OpenURI.OpenFile, the file passed as a descriptor over D-Bus, the way
// sandboxed applications open files) where one answers on the session bus, else with
// "xdg-open <file>". Only the file's path is ever an argument.
//
// Not OpenURI with the address itself: xdg-desktop-portal starts a browser that is not D-Bus
// activatable (Firefox, Chromium) with the URI as its argument (open-uri.c,
// launch_application_with_uri -> g_app_info_launch_uris), which is the exposure this avoids.
//
// The page is removed by removePage(), on destruction, and, left behind by a crash, by the next
// launcher after ten minutes. Callers should put nothing secret in the address either (the agent
// sends a one-time loopback address that redirects), so that the page is worthless once used.
class MSALQT_AUTH_AUTOTEST_EXPORT BrowserLauncher : public QObject
{
    Q_OBJECT
public:
    explicit BrowserLauncher(QObject *parent = nullptr);
    ~BrowserLauncher() override;

    // Writes the page and opens it. Reports later, never from within open(): failed() when nothing
    // could open it, cancelled() when the person dismissed the portal's application chooser,
    // handedOver() when the portal or xdg-open took it, openerExited() when the xdg-open started
    // here ends (its exit status says whether it found a browser; where it runs the browser in
    // the foreground, as its generic mode does, it ends when the browser does).
    void open(const QUrl &target);
    void removePage();
    QString pagePath() const { return m_pagePath; }

    // What open() writes: a page that sends the browser to `target`.
    static QByteArray page(const QUrl &target);

Q_SIGNALS:
    void failed(const QString &reason);
    void cancelled();
    void handedOver();
    void openerExited(int exitCode, bool crashed);

private Q_SLOTS:
    void onPortalResponse(uint response, const QVariantMap &results);

private:
    bool writePage(const QUrl &target, QString *error);
    bool openWithPortal();
    void openWithXdgOpen();
    void disconnectPortal();

    // Never killed: it may be the person's browser. Left to finish on its own when the launcher goes.
    QProcess *m_process = nullptr;
    std::unique_ptr<QTemporaryDir> m_temporaryDir;
    QString m_pagePath;
    QString m_requestPath; // the portal's Request object whose Response we wait for
    bool m_finished = false;
};

} // namespace MsalQt::Internal

namespace MsalQt::Internal {
// For tests: how long SystemBrowserAgent waits for the browser to load its launch address after
// the hand-over (60 s by default).
MSALQT_AUTH_AUTOTEST_EXPORT void setBrowserLaunchTimeout(int milliseconds);
// For tests: how long the browser's redirect waits for the request's verdict before the tab
// gets the neutral page (30 s by default).
MSALQT_AUTH_AUTOTEST_EXPORT void setBrowserVerdictTimeout(int milliseconds);
} // namespace MsalQt::Internal
