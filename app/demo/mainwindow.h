#pragma once

#include <MsalQt/authenticationresult.h>
#include <MsalQt/autherror.h>

#include <QMainWindow>
#include <QStringList>
#include <QUrl>

namespace MsalQt {
class AuthenticatedNetworkAccess;
class PublicClientApplication;
namespace Emulator {
class Server;
}
} // namespace MsalQt

namespace MsalQtDemo {

class AccountsPanel;
class ErrorPanel;
class GraphPanel;
class LogPane;
class TokenView;

// The demo's window: accounts on the left, the decoded token and the Graph explorer on the
// right, the library's log below; the status bar names the authority and the Graph endpoint,
// a failure shows whole above the panels (ErrorPanel).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(MsalQt::PublicClientApplication *application, const QStringList &scopes,
               const QUrl &graphBase, QWidget *parent = nullptr);
    ~MainWindow() override;

    AccountsPanel *accountsPanel() const { return m_accounts; }
    TokenView *tokenView() const { return m_token; }
    GraphPanel *graphPanel() const { return m_graph; }
    LogPane *logPane() const { return m_log; }
    ErrorPanel *errorPanel() const { return m_errors; }

    // Offline mode: an Emulator menu to make the built-in platform misbehave on purpose (a Graph
    // claims challenge, revoked refresh tokens, forgotten browser sessions).
    void setEmulator(MsalQt::Emulator::Server *server);

    // Unattended run (screenshots): sign in with the current mode, call Graph, then emit
    // scriptFinished().
    void runScript();

Q_SIGNALS:
    void scriptFinished(bool ok);

private:
    void showError(const MsalQt::AuthError &error);

    MsalQt::PublicClientApplication *m_app;
    QStringList m_scopes;
    AccountsPanel *m_accounts = nullptr;
    TokenView *m_token = nullptr;
    GraphPanel *m_graph = nullptr;
    MsalQt::AuthenticatedNetworkAccess *m_api = nullptr;
    LogPane *m_log = nullptr;
    ErrorPanel *m_errors = nullptr;
};

} // namespace MsalQtDemo
