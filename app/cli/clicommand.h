#pragma once

#include <MsalQt/autherror.h>
#include <MsalQt/authenticationresult.h>
#include <MsalQt/authority.h>

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

namespace MsalQt {
class ClientApplication;
class TokenRequest;
}

// `msalqt token …`: one flow from the command line. Parses the arguments, runs the flow on the
// event loop, prints the result on stdout (plain: the access token; --json: an object) and
// errors on stderr, and quits the application with the exit code.
class CliCommand : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Success = 0, AuthFailed = 1, UsageError = 2, Cancelled = 130 };

    explicit CliCommand(QObject *parent = nullptr);
    ~CliCommand() override;

    // Returns false (and sets the exit code) when there is nothing to run: --help, bad usage.
    bool parse(const QStringList &arguments);
    void start();
    void cancel();
    int exitCode() const { return m_exitCode; }

Q_SIGNALS:
    void done(int exitCode);

private:
    void fail(ExitCode code, const QString &message);
    void onFinished();
    void printResult(const MsalQt::AuthenticationResult &result);
    void printError(const MsalQt::AuthError &error);

    QString m_flow;
    MsalQt::Authority m_authority;
    QString m_clientId;
    QStringList m_scopes;
    QString m_secret;
    bool m_json = false;
    int m_exitCode = Success;
    std::unique_ptr<MsalQt::ClientApplication> m_app;
    QPointer<MsalQt::TokenRequest> m_request;
};
