#pragma once

#include "cliarguments.h"

#include <MsalQt/autherror.h>
#include <MsalQt/authenticationresult.h>

#include <QObject>
#include <QPointer>

#include <memory>

namespace MsalQt {
class CacheStorage;
class ClientApplication;
class TokenRequest;
}

// Runs one parsed command line on the event loop: prints the result on stdout (plain: the access
// token; --json: an object) and errors on stderr, then emits done() with the exit code.
class CliCommand : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Success = 0, AuthFailed = 1, UsageError = 2, Cancelled = 130 };

    explicit CliCommand(const CliArguments &arguments, QObject *parent = nullptr);
    ~CliCommand() override;

    void start();
    void cancel();

    static void printUsageError(const QString &message, bool json);

Q_SIGNALS:
    void done(int exitCode);

private:
    void createApplication();
    void withCache(const std::function<void()> &next);
    void runToken();
    void listAccounts();
    void signOut();
    MsalQt::Account findAccount() const;
    void watch(MsalQt::TokenRequest *request);
    void onFinished();
    void printResult(const MsalQt::AuthenticationResult &result);
    void fail(const MsalQt::AuthError &error);

    CliArguments m_args;
    std::unique_ptr<MsalQt::ClientApplication> m_app;
    std::unique_ptr<MsalQt::CacheStorage> m_storage;
    QPointer<MsalQt::TokenRequest> m_request;
    bool m_cancelled = false;
};
