#include "clicommand.h"
#include "terminaltext.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/filecachestorage.h>
#include <MsalQt/keychaincachestorage.h>
#include <MsalQt/publicclientapplication.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <utility>

using namespace MsalQt;

static void writeLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

static QString compact(const QJsonObject &object)
{
    return jsonText(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

static QString indented(const QJsonDocument &document)
{
    return jsonText(QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed());
}

static QJsonObject accountJson(const Account &account)
{
    return {{QStringLiteral("home_account_id"), account.homeAccountId()},
            {QStringLiteral("environment"), account.environment()},
            {QStringLiteral("tenant_id"), account.tenantId()},
            {QStringLiteral("username"), account.username()},
            {QStringLiteral("name"), account.name()}};
}

CliCommand::CliCommand(const CliArguments &arguments, QObject *parent) : QObject(parent), m_args(arguments) {}

CliCommand::~CliCommand()
{
    // A deleted application ends its unfinished requests, which emit finished(): not to this
    // half-destroyed command. The application goes before the storage it uses (either order is
    // allowed; this one saves nothing twice).
    if (m_request)
        disconnect(m_request, nullptr, this, nullptr);
    m_app.reset();
}

void CliCommand::printUsageError(const QString &message, bool json)
{
    if (json) {
        writeLine(stderr, compact({{QStringLiteral("error"), QStringLiteral("usage_error")},
                                   {QStringLiteral("error_description"), message}}));
    } else {
        writeLine(stderr, QStringLiteral("msalqt: ") + plainText(message));
    }
}

void CliCommand::createApplication()
{
    if (m_args.command == CliArguments::Token && !m_args.credential.isNull()) {
        m_app = std::make_unique<ConfidentialClientApplication>(m_args.clientId, m_args.credential, m_args.authority);
    } else {
        m_app = std::make_unique<PublicClientApplication>(m_args.clientId, m_args.authority);
    }
    if (!m_args.cacheFile.isEmpty()) {
        if (m_args.cacheUnencrypted)
            m_storage = std::make_unique<FileCacheStorage>(m_args.cacheFile);
        else
            m_storage = std::make_unique<KeychainCacheStorage>(m_args.cacheFile);
        m_app->setCacheStorage(m_storage.get());
    }
    connect(m_app.get(), &ClientApplication::cacheError, this, &CliCommand::noteCacheError);
    connect(m_app.get(), &ClientApplication::cacheSaved, this, [this] { m_cacheSaved = true; });
}

static bool sameFault(const AuthError &a, const AuthError &b)
{
    return a.type() == b.type() && a.errorString() == b.errorString();
}

// A storage fault: from ClientApplication::cacheError() as it happens, or from
// TokenRequest::cacheError() once the request is over (mostly one of those again).
void CliCommand::noteCacheError(const AuthError &error)
{
    if (!error.isError()
        || std::any_of(m_cacheErrors.cbegin(), m_cacheErrors.cend(),
                       [&error](const AuthError &seen) { return sameFault(seen, error); })) {
        return;
    }
    m_cacheErrors.append(error);
    // --json: in the output's "cache_error" instead, so that stderr stays one JSON object.
    if (!m_args.json) {
        writeLine(stderr, QStringLiteral("msalqt: warning: %1: %2")
                              .arg(AuthError::typeName(error.type()), plainText(error.errorString())));
    }
}

static QJsonObject cacheErrorJson(const AuthError &error)
{
    return {{QStringLiteral("type"), AuthError::typeName(error.type())},
            {QStringLiteral("message"), error.errorString()}};
}

// "cache_error": the last storage fault, the one that decided; "cache_errors": every distinct
// one, in order. Both only when there was a fault.
void CliCommand::addCacheErrors(QJsonObject *object) const
{
    if (m_cacheErrors.isEmpty())
        return;
    QJsonArray all;
    for (const AuthError &error : m_cacheErrors)
        all.append(cacheErrorJson(error));
    object->insert(QStringLiteral("cache_error"), cacheErrorJson(m_cacheErrors.last()));
    object->insert(QStringLiteral("cache_errors"), all);
}

// A token from the server that the --cache storage did not take: a fault came, and the one save
// of the command (the request finishes once it is over) did not succeed. A fault with a save
// that succeeded is a warning: a broken file moved aside, the cache started anew. A token served
// from the cache needs no save.
bool CliCommand::tokenNotSaved(const AuthenticationResult &result) const
{
    return m_storage && !m_cacheErrors.isEmpty() && !m_cacheSaved && !result.isFromCache();
}

void CliCommand::start()
{
    createApplication();
    switch (m_args.command) {
    case CliArguments::Token:
        runToken();
        break;
    case CliArguments::Accounts:
        withCache([this] { listAccounts(); });
        break;
    case CliArguments::SignOut:
        withCache([this] { signOut(); });
        break;
    }
}

// Loads the persisted cache, then goes on; a cache that cannot be read ends the command. A load
// that succeeds may warn first (cacheError(): a broken file was moved aside), and cacheLoaded()
// follows in the same turn of the event loop: so a fault ends the command only if no
// cacheLoaded() came by the next turn.
void CliCommand::withCache(const std::function<void()> &next)
{
    m_loadConnections[0] = connect(m_app.get(), &ClientApplication::cacheLoaded, this, [this, next] {
        if (std::exchange(m_loadDecided, true))
            return;
        disconnect(m_loadConnections[0]);
        disconnect(m_loadConnections[1]);
        next();
    });
    m_loadConnections[1] = connect(m_app.get(), &ClientApplication::cacheError, this, [this](const AuthError &error) {
        QMetaObject::invokeMethod(this, [this, error] {
            if (std::exchange(m_loadDecided, true))
                return;
            disconnect(m_loadConnections[0]);
            disconnect(m_loadConnections[1]);
            fail(error);
        }, Qt::QueuedConnection);
    });
    m_app->loadCache();
}

Account CliCommand::findAccount() const
{
    for (const Account &account : m_app->accounts()) {
        if (account.homeAccountId().compare(m_args.account, Qt::CaseInsensitive) == 0
            || account.username().compare(m_args.account, Qt::CaseInsensitive) == 0) {
            return account;
        }
    }
    return {};
}

void CliCommand::runToken()
{
    if (m_args.flow == QLatin1String("device-code")) {
        auto *app = static_cast<PublicClientApplication *>(m_app.get());
        TokenRequest *request = app->acquireTokenWithDeviceCode(m_args.scopes);
        connect(request, &TokenRequest::deviceCodeReceived, this, [](const DeviceCode &code) {
            // The instructions go to stderr, so that stdout stays the token alone.
            writeLine(stderr, plainText(code.message()));
        });
        watch(request);
    } else if (m_args.flow == QLatin1String("client-credentials")) {
        watch(static_cast<ConfidentialClientApplication *>(m_app.get())->acquireTokenForClient(m_args.scopes));
    } else if (m_args.flow == QLatin1String("on-behalf-of")) {
        auto *app = static_cast<ConfidentialClientApplication *>(m_app.get());
        watch(app->acquireTokenOnBehalfOf(m_args.userAssertion, m_args.scopes));
    } else if (m_args.flow == QLatin1String("username-password")) {
        auto *app = static_cast<PublicClientApplication *>(m_app.get());
        watch(app->acquireTokenByUsernamePassword(m_args.scopes, m_args.username, m_args.password));
        m_args.password.fill(QChar(0)); // the request holds its own copy until it is sent
        m_args.password.clear();
    } else if (m_args.flow == QLatin1String("integrated")) {
        auto *app = static_cast<PublicClientApplication *>(m_app.get());
        watch(app->acquireTokenByIntegratedWindowsAuth(m_args.scopes, m_args.username));
    } else {
        withCache([this] {
            const Account account = findAccount();
            if (account.isNull()) {
                AuthError error(AuthError::UiRequired,
                                tr("No account \"%1\" in the cache: sign in with another flow first.").arg(m_args.account));
                fail(error);
                return;
            }
            watch(m_app->acquireTokenSilent(m_args.scopes, account));
        });
    }
}

void CliCommand::listAccounts()
{
    const QList<Account> accounts = m_app->accounts();
    if (m_args.json) {
        QJsonArray array;
        for (const Account &account : accounts)
            array.append(accountJson(account));
        writeLine(stdout, indented(QJsonDocument(array)));
        // The list stays an array; what the storage reported goes to stderr as an object.
        QJsonObject warnings;
        addCacheErrors(&warnings);
        if (!warnings.isEmpty())
            writeLine(stderr, compact(warnings));
    } else {
        for (const Account &account : accounts) {
            writeLine(stdout, QStringLiteral("%1\t%2\t%3\t%4")
                                  .arg(plainText(account.username()), plainText(account.name()),
                                       plainText(account.homeAccountId()), plainText(account.tenantId())));
        }
    }
    Q_EMIT done(Success);
}

void CliCommand::signOut()
{
    const Account account = findAccount();
    if (account.isNull()) {
        fail(AuthError(AuthError::InvalidConfiguration, tr("No account \"%1\" in the cache.").arg(m_args.account)));
        return;
    }
    // The save's outcome: cacheSaved(), or cacheError() alone. A save that succeeds may warn
    // first (cacheError(), then cacheSaved() in the same turn): a fault fails the command only
    // if no cacheSaved() came by the next turn of the event loop.
    auto decided = std::make_shared<bool>(false);
    connect(m_app.get(), &ClientApplication::cacheSaved, this, [this, account, decided] {
        if (std::exchange(*decided, true))
            return;
        if (m_args.json) {
            QJsonObject object{{QStringLiteral("signed_out"), accountJson(account)}};
            addCacheErrors(&object);
            writeLine(stdout, compact(object));
        } else {
            writeLine(stdout, tr("Signed out %1.").arg(plainText(account.username())));
        }
        Q_EMIT done(Success);
    });
    connect(m_app.get(), &ClientApplication::cacheError, this, [this, decided](const AuthError &error) {
        QMetaObject::invokeMethod(this, [this, decided, error] {
            if (!std::exchange(*decided, true))
                fail(error);
        }, Qt::QueuedConnection);
    });
    m_app->removeAccount(account);
}

void CliCommand::watch(TokenRequest *request)
{
    m_request = request;
    connect(request, &TokenRequest::finished, this, &CliCommand::onFinished);
    if (m_cancelled)
        request->cancel();
}

void CliCommand::cancel()
{
    m_cancelled = true;
    if (m_request)
        m_request->cancel();
    else
        fail(AuthError(AuthError::Cancelled));
}

void CliCommand::onFinished()
{
    noteCacheError(m_request->cacheError());
    if (m_request->isSuccess()) {
        const AuthenticationResult result = m_request->result();
        printResult(result);
        if (tokenNotSaved(result)) {
            if (!m_args.json)
                writeLine(stderr, tr("msalqt: warning: the token was not saved in %1.").arg(plainText(m_args.cacheFile)));
            Q_EMIT done(NotSaved);
        } else {
            Q_EMIT done(Success);
        }
    } else {
        fail(m_request->error());
    }
}

void CliCommand::printResult(const AuthenticationResult &result)
{
    if (!m_args.json) {
        writeLine(stdout, plainText(result.accessToken()));
        return;
    }
    QJsonObject object{
        {QStringLiteral("access_token"), result.accessToken()},
        {QStringLiteral("token_type"), result.tokenType()},
        {QStringLiteral("expires_on"), result.expiresOn().toSecsSinceEpoch()},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(result.scopes())},
        {QStringLiteral("account"), result.account().isNull() ? QJsonValue() : QJsonValue(accountJson(result.account()))},
        {QStringLiteral("id_token_claims"),
         result.idTokenClaims().isEmpty() ? QJsonValue() : QJsonValue(result.idTokenClaims())},
        {QStringLiteral("tenant_id"), result.tenantId()},
        {QStringLiteral("correlation_id"), result.correlationId()},
        {QStringLiteral("from_cache"), result.isFromCache()},
    };
    addCacheErrors(&object);
    writeLine(stdout, indented(QJsonDocument(object)));
}

void CliCommand::fail(const AuthError &error)
{
    if (!m_args.json) {
        writeLine(stderr, QStringLiteral("msalqt: %1: %2").arg(AuthError::typeName(error.type()),
                                                               plainText(error.errorString())));
    } else {
        QJsonArray codes;
        for (int code : error.errorCodes())
            codes.append(code);
        QJsonObject object{
            {QStringLiteral("error"),
             error.protocolError().isEmpty() ? AuthError::typeName(error.type()) : error.protocolError()},
            {QStringLiteral("error_type"), AuthError::typeName(error.type())},
            {QStringLiteral("error_description"), error.errorString()},
            {QStringLiteral("error_codes"), codes},
            {QStringLiteral("suberror"), error.subError()},
            {QStringLiteral("claims"), error.claims()},
            {QStringLiteral("correlation_id"), error.correlationId()},
        };
        // Not before then may the request be sent again (set whenever the type is Throttled);
        // ISO 8601 in UTC, e.g. "2026-12-02T15:04:05Z".
        if (error.retryAfter().isValid())
            object.insert(QStringLiteral("retry_after"), error.retryAfter().toUTC().toString(Qt::ISODate));
        if (error.httpStatus() != 0)
            object.insert(QStringLiteral("http_status"), error.httpStatus());
        addCacheErrors(&object);
        writeLine(stderr, compact(object));
    }
    Q_EMIT done(error.type() == AuthError::Cancelled ? Cancelled : AuthFailed);
}
