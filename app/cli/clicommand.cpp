#include "clicommand.h"
#include "terminaltext.h"

#include <MsalQt/authenticatednetworkaccess.h>
#include <MsalQt/authenticatedreply.h>
#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/filecachestorage.h>
#include <MsalQt/keychaincachestorage.h>
#include <MsalQt/publicclientapplication.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>

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
    QJsonObject object{{QStringLiteral("home_account_id"), account.homeAccountId()},
                       {QStringLiteral("environment"), account.environment()},
                       {QStringLiteral("tenant_id"), account.tenantId()},
                       {QStringLiteral("username"), account.username()},
                       {QStringLiteral("name"), account.name()}};
    // The tenants the account signed in to (a guest's too), the home tenant first.
    const QList<TenantProfile> profiles = account.tenantProfiles();
    if (!profiles.isEmpty()) {
        QJsonArray array;
        for (const TenantProfile &profile : profiles) {
            array.append(QJsonObject{{QStringLiteral("tenant_id"), profile.tenantId()},
                                     {QStringLiteral("local_account_id"), profile.localAccountId()},
                                     {QStringLiteral("name"), profile.name()},
                                     {QStringLiteral("is_home_tenant"), profile.isHomeTenant()}});
        }
        object.insert(QStringLiteral("tenant_profiles"), array);
    }
    return object;
}

CliCommand::CliCommand(const CliArguments &arguments, QObject *parent) : QObject(parent), m_args(arguments) {}

CliCommand::~CliCommand()
{
    // A deleted application ends its unfinished requests, which emit finished(): not to this
    // half-destroyed command. The application goes before the storage it uses (either order is
    // allowed; this one saves nothing twice).
    if (m_request)
        disconnect(m_request, nullptr, this, nullptr);
    if (m_reply)
        disconnect(m_reply, nullptr, this, nullptr);
    m_access.reset(); // and its reply, which would otherwise be cancelled by the application's end
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
    const bool mayBeConfidential = m_args.command == CliArguments::Token || m_args.command == CliArguments::ImportRefreshToken;
    if (mayBeConfidential && !m_args.credential.isNull()) {
        m_app = std::make_unique<ConfidentialClientApplication>(m_args.clientId, m_args.credential, m_args.authority);
    } else {
        m_app = std::make_unique<PublicClientApplication>(m_args.clientId, m_args.authority);
    }
    m_app->setClientCapabilities(m_args.clientCapabilities);
    m_app->setInstanceDiscoveryEnabled(m_args.instanceDiscovery);
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
    case CliArguments::Get:
        withCache([this] { runGet(); });
        break;
    case CliArguments::ImportRefreshToken:
        // The request loads the cache first and saves the account into it.
        watch(m_app->acquireTokenByRefreshToken(m_args.refreshToken, m_args.scopes));
        m_args.refreshToken.fill(QChar(0)); // the request holds its own copy until it is sent
        m_args.refreshToken.clear();
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
            watch(m_app->acquireTokenSilentForTenant(m_args.scopes, account, m_args.tenant));
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

// get: the token of the account --account names, or of the only one in the cache, for --scope,
// sent to the URL if --allow (or, without it, the scopes) allow it there.
void CliCommand::runGet()
{
    if (m_cancelled)
        return; // Ctrl+C while the cache loaded: cancel() has ended the command
    Account account;
    if (!m_args.account.isEmpty()) {
        account = findAccount();
        if (account.isNull()) {
            fail(AuthError(AuthError::UiRequired,
                           tr("No account \"%1\" in the cache: sign in first (msalqt token … --cache FILE).")
                               .arg(m_args.account)));
            return;
        }
    } else {
        const QList<Account> accounts = m_app->accounts();
        if (accounts.isEmpty()) {
            fail(AuthError(AuthError::UiRequired,
                           tr("No account in the cache: sign in first (msalqt token … --cache FILE).")));
            return;
        }
        if (accounts.size() > 1) {
            QStringList usernames;
            for (const Account &cached : accounts)
                usernames << cached.username();
            printUsageError(tr("%1 accounts in the cache (%2): choose one with --account USER.")
                                .arg(accounts.size())
                                .arg(usernames.join(QLatin1String(", "))),
                            m_args.json);
            Q_EMIT done(UsageError);
            return;
        }
        account = accounts.first();
    }
    m_access = std::make_unique<AuthenticatedNetworkAccess>(m_app.get());
    m_access->setAccount(account);
    m_access->setScopes(m_args.scopes);
    m_access->setAllowedUrls(m_args.allowedUrls); // none: where the scopes point
    m_reply = m_access->get(QNetworkRequest(m_args.url));
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &CliCommand::checkBodySize);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { readBody(); });
    connect(m_reply, &QNetworkReply::finished, this, &CliCommand::onReplyFinished);
}

// A Content-Length over the limit ends the request before anything is read.
void CliCommand::checkBodySize()
{
    bool ok = false;
    const qint64 length = m_reply->rawHeader("Content-Length").trimmed().toLongLong(&ok);
    if (ok && length > maxBodySize)
        bodyTooLarge();
}

// Reads what has come, in small pieces so that the limit holds before anything is allocated.
// False when the body passed the limit (the command has failed then).
bool CliCommand::readBody()
{
    char chunk[16 * 1024];
    qint64 got = 0;
    while ((got = m_reply->read(chunk, qint64(sizeof chunk))) > 0) {
        if (m_body.size() + got > maxBodySize) {
            bodyTooLarge();
            return false;
        }
        m_body.append(chunk, qsizetype(got));
    }
    return true;
}

void CliCommand::bodyTooLarge()
{
    disconnect(m_reply, nullptr, this, nullptr);
    m_reply->abort();
    m_body.clear();
    failRequest(AuthError::ResponseTooLarge, tr("The answer of %1 is larger than %2 MiB; it was not read further.")
                                                 .arg(m_args.url.host())
                                                 .arg(maxBodySize / (1024 * 1024)));
}

// QNetworkReply's errors of the transport: no complete answer came (1-99 the connection's,
// 101-104 and 199 the proxy's, 301 and 399 the protocol's). The others are what an HTTP status
// maps to, and the status says that better.
static bool isTransportError(QNetworkReply::NetworkError error)
{
    return (error > QNetworkReply::NoError && error <= QNetworkReply::UnknownNetworkError)
        || (error >= QNetworkReply::ProxyConnectionRefusedError && error <= QNetworkReply::ProxyTimeoutError)
        || error == QNetworkReply::UnknownProxyError || error == QNetworkReply::ProtocolUnknownError
        || error == QNetworkReply::ProtocolFailure;
}

void CliCommand::onReplyFinished()
{
    if (!readBody())
        return;
    AuthError authError = m_reply->authError();
    if (authError.isError()) {
        // No token, so nothing sent (or, after a claims challenge, nothing sent again). A URL the
        // token may not go to is refused in the library's words, which name its API.
        const bool mayBeAllowed = m_args.url.scheme() == QLatin1String("https") || Authority::isLoopbackHost(m_args.url.host());
        if (authError.type() == AuthError::InvalidConfiguration && mayBeAllowed)
            authError.setMessage(authError.message() + QLatin1Char(' ') + tr("With msalqt, name it with --allow URL."));
        fail(authError);
        return;
    }
    if (m_reply->error() == QNetworkReply::OperationCanceledError) {
        fail(AuthError(AuthError::Cancelled));
        return;
    }
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() || isTransportError(m_reply->error())) {
        const auto type = m_reply->error() == QNetworkReply::TimeoutError ? AuthError::Timeout : AuthError::NetworkError;
        failRequest(type, tr("No complete answer from %1: %2").arg(m_args.url.host(), m_reply->errorString()));
        return;
    }
    printAnswer(status.toInt());
}

// get's API gave no complete answer. Reported as fail() reports an AuthError (the type named
// alike), but not through one: its summaries speak of the sign-in service.
void CliCommand::failRequest(AuthError::Type type, const QString &description)
{
    const QString name = AuthError::typeName(type);
    if (!m_args.json) {
        writeLine(stderr, QStringLiteral("msalqt: %1: %2").arg(name, plainText(description)));
    } else {
        QJsonObject object{{QStringLiteral("error"), name},
                           {QStringLiteral("error_type"), name},
                           {QStringLiteral("error_description"), description}};
        addCacheErrors(&object);
        writeLine(stderr, compact(object));
    }
    Q_EMIT done(RequestFailed);
}

// The body, parsed when it is a JSON document, else as text.
static QJsonValue bodyJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && document.isObject())
        return document.object();
    if (error.error == QJsonParseError::NoError && document.isArray())
        return document.array();
    return QString::fromUtf8(body);
}

// The answer on stdout whatever its status (the body of an error says what went wrong); a
// status other than 2xx is also a line on stderr and exit code 4.
void CliCommand::printAnswer(int status)
{
    if (m_args.json) {
        QJsonObject headers;
        for (const auto &[name, value] : m_reply->rawHeaderPairs())
            headers.insert(QString::fromLatin1(name).toLower(), QString::fromUtf8(value));
        QJsonObject object{{QStringLiteral("status"), status},
                           {QStringLiteral("headers"), headers},
                           {QStringLiteral("body"), bodyJson(m_body)}};
        addCacheErrors(&object);
        writeLine(stdout, indented(QJsonDocument(object)));
    } else {
        // The bytes as they came: this is what a script pipes on (jq, a file).
        std::fwrite(m_body.constData(), 1, size_t(m_body.size()), stdout);
        std::fflush(stdout);
    }
    if (status >= 200 && status < 300) {
        Q_EMIT done(Success);
        return;
    }
    const QString reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    QString line = reason.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : QStringLiteral("HTTP %1 %2").arg(status).arg(reason);
    if (status >= 300 && status < 400)
        line += tr(" (redirects are not followed: the token goes nowhere else)");
    if (m_args.json) {
        writeLine(stderr, compact({{QStringLiteral("error"), QStringLiteral("http_error")},
                                   {QStringLiteral("error_type"), QStringLiteral("HttpError")},
                                   {QStringLiteral("error_description"), line},
                                   {QStringLiteral("http_status"), status}}));
    } else {
        writeLine(stderr, QStringLiteral("msalqt: ") + plainText(line));
    }
    Q_EMIT done(HttpError);
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
    else if (m_reply && !m_reply->isFinished())
        m_reply->abort(); // finished(): onReplyFinished() reports it
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
    if (m_args.command == CliArguments::ImportRefreshToken) {
        // What moved in is the account; its tokens stay in the cache (msalqt token --flow silent).
        const Account account = result.account();
        if (m_args.json) {
            QJsonObject object{{QStringLiteral("imported"), accountJson(account)}};
            addCacheErrors(&object);
            writeLine(stdout, compact(object));
        } else {
            writeLine(stdout, QStringLiteral("%1\t%2\t%3\t%4")
                                  .arg(plainText(account.username()), plainText(account.name()),
                                       plainText(account.homeAccountId()), plainText(account.tenantId())));
        }
        return;
    }
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
        QString line = QStringLiteral("msalqt: %1: %2").arg(AuthError::typeName(error.type()), plainText(error.errorString()));
        // A claims challenge (UiRequired after Continuous Access Evaluation, an authentication
        // context): what the next sign-in must ask for. No command here takes it yet.
        if (!error.claims().isEmpty())
            line += tr(" Sign in again with these claims: %1").arg(plainText(error.claims()));
        writeLine(stderr, line);
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
