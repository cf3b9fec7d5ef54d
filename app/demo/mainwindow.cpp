#include "mainwindow.h"

#include "accountspanel.h"
#include "errorpanel.h"
#include "graphpanel.h"
#include "logpane.h"
#include "tokenview.h"

#include <emulator.h>
#include <MsalQt/authenticatednetworkaccess.h>
#include <MsalQt/Widgets/signinbutton.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokenrequest.h>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace MsalQtDemo {

namespace {

QWidget *framed(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

} // namespace

MainWindow::MainWindow(MsalQt::PublicClientApplication *application, const QStringList &scopes,
                       const QUrl &graphBase, QWidget *parent)
    : QMainWindow(parent), m_app(application), m_scopes(scopes)
{
    setWindowTitle(tr("MsalQt Demo"));
    setWindowIcon(QIcon(QStringLiteral(":/msalqt/demo/msalqt-demo.svg")));
    // The Graph panel answers claims challenges: resources may send them (Continuous Access
    // Evaluation) instead of accepting a revoked session's token until it expires.
    m_app->setClientCapabilities({QStringLiteral("cp1")});

    m_accounts = new AccountsPanel(m_app, m_scopes, this);
    m_token = new TokenView(this);
    m_graph = new GraphPanel(graphBase, this);
    // Graph's requests carry the current account's tokens; a token request that needs the person
    // is the panel's one sign-in, with its Cancel.
    m_api = new MsalQt::AuthenticatedNetworkAccess(m_app, this);
    m_api->setScopes(m_scopes);
    m_api->setAllowedUrls({graphBase});
    connect(m_api, &MsalQt::AuthenticatedNetworkAccess::tokenRequestStarted, m_accounts, &AccountsPanel::track);
    connect(m_api, &MsalQt::AuthenticatedNetworkAccess::tokenAcquired, m_accounts, &AccountsPanel::accept);
    connect(m_graph, &GraphPanel::tokenFailed, this, &MainWindow::showError);
    m_graph->setAccessProvider([this] {
        m_api->setAccount(m_accounts->currentAccount()); // silent first with it
        m_api->setInteractiveAgent(m_accounts->interactiveAgent());
        return m_api;
    });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(framed(tr("Accounts"), m_accounts, splitter));
    splitter->addWidget(framed(tr("Token"), m_token, splitter));
    splitter->addWidget(framed(tr("Microsoft Graph"), m_graph, splitter));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({300, 480, 500});
    m_errors = new ErrorPanel(this);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_errors);
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_log = new LogPane(this);
    auto *dock = new QDockWidget(tr("Log"), this);
    dock->setObjectName(QStringLiteral("logDock"));
    dock->setWidget(m_log);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {150}, Qt::Vertical);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *account = menuBar()->addMenu(tr("&Account"));
    QAction *signIn = account->addAction(tr("Sign &in"), m_accounts, &AccountsPanel::signIn);
    signIn->setObjectName(QStringLiteral("signInAction"));
    // The AccountPicker: the cached accounts, one to use (silently), add another, remove one.
    QAction *pick = account->addAction(QIcon(QStringLiteral(":/msalqt/widgets/icons/switch-account.svg")),
                                       tr("S&witch account…"), m_accounts->signInButton(),
                                       &MsalQt::Widgets::SignInButton::switchAccount);
    pick->setObjectName(QStringLiteral("switchAccount"));
    pick->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_A);
    QAction *signOut = account->addAction(tr("Sign &out"), m_accounts, &AccountsPanel::signOut);
    QAction *remove = account->addAction(tr("&Remove account"), m_accounts, &AccountsPanel::removeCurrentAccount);
    // One sign-in at a time: while one runs, the panel's button is its Cancel and these wait.
    connect(m_accounts, &AccountsPanel::busyChanged, this, [signIn, pick, signOut, remove](bool busy) {
        for (QAction *action : {signIn, pick, signOut, remove})
            action->setEnabled(!busy);
    });
    QMenu *graph = menuBar()->addMenu(tr("&Graph"));
    QAction *send = graph->addAction(tr("&Send request"), m_graph, &GraphPanel::send);
    send->setShortcut(Qt::CTRL | Qt::Key_Return);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(dock->toggleViewAction());

    statusBar()->addWidget(new QLabel(tr("Authority: %1").arg(m_app->authority().url().toString()), this));
    statusBar()->addPermanentWidget(new QLabel(tr("Graph: %1").arg(graphBase.toString()), this));

    QSettings settings;
    m_accounts->setMode(AccountsPanel::Mode(settings.value(QStringLiteral("redirectMode"), 0).toInt()));
    connect(m_accounts, &AccountsPanel::modeChanged, this, [](int mode) {
        QSettings().setValue(QStringLiteral("redirectMode"), mode);
    });
    connect(m_accounts, &AccountsPanel::signedIn, m_token, &TokenView::setResult);
    connect(m_accounts, &AccountsPanel::signedOut, m_token, &TokenView::clear);
    connect(m_accounts, &AccountsPanel::signedOut, m_graph, &GraphPanel::clear);
    connect(m_accounts, &AccountsPanel::busyChanged, m_graph, &GraphPanel::setSignInBusy);
    connect(m_accounts, &AccountsPanel::failed, this, &MainWindow::showError);
    connect(m_app, &MsalQt::ClientApplication::cacheError, this, [this](const MsalQt::AuthError &error) {
        m_errors->showError(tr("The token cache could not be read or saved"), error);
    });
    resize(1280, 760);
}

MainWindow::~MainWindow() = default;

void MainWindow::setEmulator(MsalQt::Emulator::Server *server)
{
    QMenu *menu = menuBar()->addMenu(tr("&Emulator"));
    QAction *context = menu->addAction(tr("Graph requires an authentication &context"));
    context->setObjectName(QStringLiteral("requireAuthContext"));
    context->setCheckable(true);
    context->setToolTip(tr("Graph answers 401 with a claims challenge until the token carries the context"));
    connect(context, &QAction::toggled, server, [this, server](bool on) {
        server->setGraphAuthenticationContext(on ? QStringLiteral("c1") : QString());
        statusBar()->showMessage(on ? tr("Graph now asks for authentication context c1 (a claims challenge).")
                                    : tr("Graph accepts any token of the emulator again."), 8000);
    });
    menu->addAction(tr("&Revoke the current account's refresh tokens"), server, [this, server] {
        const MsalQt::Account account = m_accounts->currentAccount();
        if (account.isNull())
            return;
        server->revokeRefreshTokens(account.username());
        statusBar()->showMessage(tr("Refresh tokens of %1 revoked on the server.").arg(account.username()), 8000);
    });
    QAction *endSession = menu->addAction(tr("End the current account's &session (Continuous Access Evaluation)"), server,
                                          [this, server] {
        const MsalQt::Account account = m_accounts->currentAccount();
        if (account.isNull())
            return;
        server->revokeSession(account.username());
        statusBar()->showMessage(tr("The session of %1 ended on the server: Graph answers its earlier tokens with a "
                                    "claims challenge.").arg(account.username()), 8000);
    });
    endSession->setObjectName(QStringLiteral("endSession"));
    menu->addAction(tr("&Forget browser sessions"), server, [this, server] {
        server->clearSessions();
        statusBar()->showMessage(tr("The emulator forgot every browser session."), 8000);
    });
}

void MainWindow::showError(const MsalQt::AuthError &error)
{
    m_errors->showError(tr("Failed"), error);
}

void MainWindow::runScript()
{
    auto *signedIn = new QMetaObject::Connection;
    *signedIn = connect(m_accounts, &AccountsPanel::signedIn, this, [this, signedIn] {
        disconnect(*signedIn);
        delete signedIn;
        auto *graphDone = new QMetaObject::Connection;
        *graphDone = connect(m_graph, &GraphPanel::finished, this, [this, graphDone](int status) {
            disconnect(*graphDone);
            delete graphDone;
            Q_EMIT scriptFinished(status == 200);
        });
        m_graph->send();
    });
    auto *failed = new QMetaObject::Connection;
    *failed = connect(m_accounts, &AccountsPanel::failed, this, [this, failed] {
        disconnect(*failed);
        delete failed;
        Q_EMIT scriptFinished(false);
    });
    m_accounts->signIn();
}

} // namespace MsalQtDemo
