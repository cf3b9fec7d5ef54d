#include "clicommand.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/publicclientapplication.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace MsalQt;

static void writeOut(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

CliCommand::CliCommand(QObject *parent) : QObject(parent) {}

CliCommand::~CliCommand() = default;

bool CliCommand::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Acquire tokens from the Microsoft identity platform or any OpenID Connect provider.\n\n"
        "  msalqt token --authority URL --client-id ID --scope S --flow device-code\n"
        "  msalqt token --authority URL --client-id ID --scope S --flow client-credentials --client-secret-env VAR\n\n"
        "Plain output is the access token alone on stdout; --json prints an object. Errors go to stderr.\n"
        "Exit codes: 0 success, 1 sign-in failed, 2 usage error, 130 cancelled."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("The command to run: token."));
    const QCommandLineOption authority(QStringLiteral("authority"),
        tr("Microsoft authority: https://login.microsoftonline.com/{tenant|organizations|common|consumers}."),
        QStringLiteral("url"));
    const QCommandLineOption oidcAuthority(QStringLiteral("oidc-authority"),
        tr("Issuer URL of a generic OpenID Connect provider (instead of --authority)."), QStringLiteral("url"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), tr("The application (client) id."),
                                      QStringLiteral("id"));
    const QCommandLineOption scope(QStringLiteral("scope"), tr("A scope to request; repeat for more."),
                                   QStringLiteral("scope"));
    const QCommandLineOption flow(QStringLiteral("flow"), tr("device-code or client-credentials."),
                                  QStringLiteral("flow"));
    const QCommandLineOption secretEnv(QStringLiteral("client-secret-env"),
        tr("Name of the environment variable holding the client secret (never pass secrets as arguments)."),
        QStringLiteral("var"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result or the error as JSON."));
    parser.addOptions({authority, oidcAuthority, clientId, scope, flow, secretEnv, json});

    if (!parser.parse(arguments)) {
        fail(UsageError, parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(stdout, parser.helpText());
        m_exitCode = Success;
        return false;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        writeOut(stdout, QCoreApplication::applicationName() + QLatin1Char(' ')
                             + QCoreApplication::applicationVersion());
        m_exitCode = Success;
        return false;
    }
    m_json = parser.isSet(json);
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList{QStringLiteral("token")}) {
        fail(UsageError, tr("Expected the command \"token\". See --help."));
        return false;
    }
    if (parser.isSet(authority) == parser.isSet(oidcAuthority)) {
        fail(UsageError, tr("Give exactly one of --authority or --oidc-authority."));
        return false;
    }
    m_authority = parser.isSet(authority)
        ? Authority::microsoft(parser.value(authority))
        : Authority::openIdConnect(QUrl(parser.value(oidcAuthority), QUrl::StrictMode));
    if (!m_authority.isValid()) {
        fail(UsageError, m_authority.errorString());
        return false;
    }
    m_clientId = parser.value(clientId);
    if (m_clientId.isEmpty()) {
        fail(UsageError, tr("--client-id is required."));
        return false;
    }
    m_scopes = parser.values(scope);
    m_flow = parser.value(flow);
    if (m_flow == QLatin1String("client-credentials")) {
        if (!parser.isSet(secretEnv)) {
            fail(UsageError, tr("--flow client-credentials needs --client-secret-env VAR."));
            return false;
        }
        m_secret = qEnvironmentVariable(parser.value(secretEnv).toLocal8Bit().constData());
        if (m_secret.isEmpty()) {
            fail(UsageError, tr("The environment variable %1 is empty or not set.").arg(parser.value(secretEnv)));
            return false;
        }
    } else if (m_flow != QLatin1String("device-code")) {
        fail(UsageError, tr("--flow must be device-code or client-credentials."));
        return false;
    }
    return true;
}

void CliCommand::start()
{
    if (m_flow == QLatin1String("device-code")) {
        auto app = std::make_unique<PublicClientApplication>(m_clientId, m_authority);
        m_request = app->acquireTokenWithDeviceCode(m_scopes);
        connect(m_request, &TokenRequest::deviceCodeReceived, this, [](const DeviceCode &code) {
            // The instructions go to stderr, so stdout stays the token alone.
            writeOut(stderr, code.message());
        });
        m_app = std::move(app);
    } else {
        auto app = std::make_unique<ConfidentialClientApplication>(
            m_clientId, ClientCredential::fromSecret(m_secret), m_authority);
        m_request = app->acquireTokenForClient(m_scopes);
        m_app = std::move(app);
    }
    connect(m_request, &TokenRequest::finished, this, &CliCommand::onFinished);
}

void CliCommand::cancel()
{
    if (m_request)
        m_request->cancel();
}

void CliCommand::onFinished()
{
    if (m_request->isSuccess()) {
        printResult(m_request->result());
        m_exitCode = Success;
    } else {
        printError(m_request->error());
        m_exitCode = m_request->error().type() == AuthError::Cancelled ? Cancelled : AuthFailed;
    }
    Q_EMIT done(m_exitCode);
}

void CliCommand::fail(ExitCode code, const QString &message)
{
    m_exitCode = code;
    if (m_json) {
        const QJsonObject object{{QStringLiteral("error"), QStringLiteral("usage_error")},
                                 {QStringLiteral("error_description"), message}};
        writeOut(stderr, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    } else {
        writeOut(stderr, QStringLiteral("msalqt: ") + message);
    }
}

void CliCommand::printResult(const AuthenticationResult &result)
{
    if (!m_json) {
        writeOut(stdout, result.accessToken());
        return;
    }
    QJsonObject account;
    if (!result.account().isNull()) {
        const Account a = result.account();
        account = {{QStringLiteral("home_account_id"), a.homeAccountId()},
                   {QStringLiteral("environment"), a.environment()},
                   {QStringLiteral("tenant_id"), a.tenantId()},
                   {QStringLiteral("username"), a.username()},
                   {QStringLiteral("name"), a.name()}};
    }
    const QJsonObject object{
        {QStringLiteral("access_token"), result.accessToken()},
        {QStringLiteral("token_type"), result.tokenType()},
        {QStringLiteral("expires_on"), result.expiresOn().toSecsSinceEpoch()},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(result.scopes())},
        {QStringLiteral("account"), account.isEmpty() ? QJsonValue() : QJsonValue(account)},
        {QStringLiteral("id_token_claims"),
         result.idTokenClaims().isEmpty() ? QJsonValue() : QJsonValue(result.idTokenClaims())},
        {QStringLiteral("tenant_id"), result.tenantId()},
        {QStringLiteral("correlation_id"), result.correlationId()},
        {QStringLiteral("from_cache"), result.isFromCache()},
    };
    writeOut(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed());
}

void CliCommand::printError(const AuthError &error)
{
    if (!m_json) {
        writeOut(stderr, QStringLiteral("msalqt: %1: %2").arg(AuthError::typeName(error.type()), error.errorString()));
        return;
    }
    QJsonArray codes;
    for (int code : error.errorCodes())
        codes.append(code);
    const QJsonObject object{
        {QStringLiteral("error"),
         error.protocolError().isEmpty() ? AuthError::typeName(error.type()) : error.protocolError()},
        {QStringLiteral("error_type"), AuthError::typeName(error.type())},
        {QStringLiteral("error_description"), error.errorString()},
        {QStringLiteral("error_codes"), codes},
        {QStringLiteral("suberror"), error.subError()},
        {QStringLiteral("correlation_id"), error.correlationId()},
    };
    writeOut(stderr, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}
