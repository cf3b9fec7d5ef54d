#pragma once

#include "cliarguments.h"

#include <MsalQt/autherror.h>
#include <MsalQt/authenticationresult.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

namespace MsalQt {
class AuthenticatedNetworkAccess;
class AuthenticatedReply;
class CacheStorage;
class ClientApplication;
class TokenRequest;
}

// Runs one parsed command line on the event loop: prints the result on stdout (plain: the access
// token, or for get the API's answer as received; --json: an object) and errors on stderr, then
// emits done() with the exit code.
// Storage faults (the cache could not be read or written, the keychain did not answer) are
// collected as they come, deduplicated, and reported with the outcome: a line each on stderr
// (plain) or "cache_error" / "cache_errors" in the JSON (--json).
class CliCommand : public QObject
{
    Q_OBJECT
public:
    // NotSaved: the token was printed, but it could not be written to the --cache storage (the
    // next run will not find it there); see "cache_error". HttpError: get's API answered with a
    // status other than 2xx (its body is printed all the same). RequestFailed: get's API gave no
    // complete answer (network, timeout, a body over maxBodySize).
    enum ExitCode {
        Success = 0,
        AuthFailed = 1,
        UsageError = 2,
        NotSaved = 3,
        HttpError = 4,
        RequestFailed = 5,
        Cancelled = 130
    };
    // get reads no more of an answer than this.
    static constexpr qint64 maxBodySize = 64 * 1024 * 1024;

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
    void runGet();
    bool readBody();
    void checkBodySize();
    void bodyTooLarge();
    void onReplyFinished();
    void printAnswer(int status);
    MsalQt::Account findAccount() const;
    void watch(MsalQt::TokenRequest *request);
    void onFinished();
    void printResult(const MsalQt::AuthenticationResult &result);
    void fail(const MsalQt::AuthError &error);
    void failRequest(MsalQt::AuthError::Type type, const QString &description);
    void noteCacheError(const MsalQt::AuthError &error);
    void addCacheErrors(QJsonObject *object) const;
    bool tokenNotSaved(const MsalQt::AuthenticationResult &result) const;

    CliArguments m_args;
    std::unique_ptr<MsalQt::ClientApplication> m_app;
    std::unique_ptr<MsalQt::CacheStorage> m_storage;
    QPointer<MsalQt::TokenRequest> m_request;
    // get: the access that sends the request, its reply, and the body read so far.
    std::unique_ptr<MsalQt::AuthenticatedNetworkAccess> m_access;
    QPointer<MsalQt::AuthenticatedReply> m_reply;
    QByteArray m_body;
    bool m_cancelled = false;
    // Every distinct storage fault met, in order; and whether a save succeeded (cacheSaved()).
    QList<MsalQt::AuthError> m_cacheErrors;
    bool m_cacheSaved = false;
    QMetaObject::Connection m_loadConnections[2]; // withCache(): cacheLoaded(), cacheError()
    bool m_loadDecided = false;
};
