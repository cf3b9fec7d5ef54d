#include "cliarguments.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

static QString tr(const char *text)
{
    return QCoreApplication::translate("CliArguments", text);
}

// An absolute http or https URL with a host; whether a token may go there (https, or http on
// loopback, under --allow) is AuthenticatedNetworkAccess's to decide.
static bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
        && !url.host().isEmpty();
}

// get: the scopes, the URL and the --allow list. The URL is not echoed in a message: a query
// may carry what should not be shown again.
static CliArguments::Outcome parseGet(const QString &url, const QStringList &allowed, CliArguments *parsed,
                                      QString *message)
{
    if (parsed->scopes.isEmpty()) {
        *message = tr("get needs --scope S: the scopes of the token the API takes.");
        return CliArguments::UsageError;
    }
    parsed->url = QUrl(url, QUrl::StrictMode);
    if (!isWebUrl(parsed->url)) {
        *message = tr("get needs an absolute http or https URL.");
        return CliArguments::UsageError;
    }
    for (const QString &text : allowed) {
        const QUrl base(text, QUrl::StrictMode);
        if (!isWebUrl(base)) {
            *message = tr("--allow needs an absolute http or https URL.");
            return CliArguments::UsageError;
        }
        parsed->allowedUrls.append(base);
    }
    return CliArguments::Run;
}

// import-refresh-token: the token is the first line of standard input, so that it never shows in
// the process list (ps) or in the shell's history as an argument would.
static CliArguments::Outcome readRefreshToken(CliArguments *parsed, QString *message)
{
    if (parsed->scopes.isEmpty()) {
        *message = tr("import-refresh-token needs --scope S: the scopes the refresh token was issued for.");
        return CliArguments::UsageError;
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        *message = tr("Cannot read the refresh token from standard input.");
        return CliArguments::UsageError;
    }
    QByteArray line = in.readLine(64 * 1024);
    parsed->refreshToken = QString::fromUtf8(line).trimmed();
    line.fill('\0');
    if (parsed->refreshToken.isEmpty()) {
        *message = tr("import-refresh-token reads the refresh token from standard input, and it was empty: "
                      "msalqt import-refresh-token … < FILE");
        return CliArguments::UsageError;
    }
    return CliArguments::Run;
}

CliArguments::Outcome CliArguments::parse(const QStringList &arguments, CliArguments *parsed, QString *message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Acquire tokens from the Microsoft identity platform or any OpenID Connect provider.\n\n"
        "  msalqt token --authority URL --client-id ID --scope S --flow device-code [--cache FILE]\n"
        "  msalqt token --authority URL --client-id ID --scope S --flow client-credentials --client-secret-env VAR\n"
        "  msalqt token --authority URL --client-id ID --scope S --flow client-credentials --certificate PEM --private-key PEM\n"
        "  msalqt token --authority URL --client-id ID --scope S --flow on-behalf-of --assertion-env VAR (--client-secret-env VAR | --certificate PEM --private-key PEM)\n"
        "  msalqt token --authority URL --client-id ID --scope S --flow silent --account USER --cache FILE [--tenant T]\n"
        "  msalqt token --authority URL --client-id ID --scope S --flow username-password --username USER --password-env VAR\n"
        "  msalqt token --authority URL --client-id ID --scope S --flow integrated [--username USER]\n"
        "  msalqt accounts --authority URL --client-id ID --cache FILE\n"
        "  msalqt sign-out --authority URL --client-id ID --account USER --cache FILE\n"
        "  msalqt get URL --authority URL --client-id ID --scope S --cache FILE [--account USER] [--allow URL]\n"
        "  msalqt import-refresh-token --authority URL --client-id ID --scope S --cache FILE [--client-secret-env VAR] < FILE\n\n"
        "Azure AD B2C: --authority https://{tenant}.b2clogin.com/tfp/{tenant}.onmicrosoft.com/{policy} (the\n"
        "policy, i.e. the user flow, is part of the URL; add --b2c for a custom domain without /tfp/).\n"
        "B2C offers no device code and no integrated sign-in; username-password needs a ROPC user flow.\n"
        "The cache file is encrypted with a key kept in the system keychain; --cache-unencrypted writes the\n"
        "plain MSAL JSON that other MSAL libraries read instead. Plain output of token is the access token\n"
        "alone on stdout; --json prints an object. Errors go to stderr.\n"
        "get calls the API at URL with the token of a cached account (--account, or the only one) and\n"
        "prints the answer's body as received; --json prints {\"status\", \"headers\", \"body\"}.\n"
        "A fault of the cache or the keychain is a warning on stderr, or \"cache_error\" in the JSON.\n"
        "Exit codes: 0 success, 1 sign-in failed, 2 usage error, 3 token printed but not saved in\n"
        "the cache, 4 the API answered with an HTTP error (get), 5 no complete answer from the API\n"
        "(get: network, timeout, a body over 64 MiB), 130 cancelled.\n"
        "import-refresh-token moves an account in from another library: it redeems the refresh token\n"
        "read from the first line of stdin (never an argument, which ps shows), stores the answer in\n"
        "the cache and prints the account."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("token, accounts, sign-out, get or import-refresh-token."));
    parser.addPositionalArgument(QStringLiteral("url"), tr("get: the URL of the API to call."), QStringLiteral("[url]"));
    const QCommandLineOption authority(QStringLiteral("authority"),
        tr("Microsoft authority: https://login.microsoftonline.com/{tenant|organizations|common|consumers}, a national cloud (login.microsoftonline.us, login.partner.microsoftonline.cn, ...), External ID (https://{tenant}.ciamlogin.com/), an AD FS farm (https://{host}/adfs) or an Azure AD B2C user flow (https://{host}/tfp/{tenant}/{policy})."),
        QStringLiteral("url"));
    const QCommandLineOption ciam(QStringLiteral("ciam"),
        tr("Take --authority as a Microsoft Entra External ID tenant, for a custom URL domain (https://login.contoso.com/{tenant id})."));
    const QCommandLineOption noInstanceDiscovery(QStringLiteral("no-instance-discovery"),
        tr("Never ask /common/discovery/instance for the authority's aliases (private clouds; the known Microsoft clouds need no request)."));
    const QCommandLineOption oidcAuthority(QStringLiteral("oidc-authority"),
        tr("Issuer URL of a generic OpenID Connect provider (instead of --authority)."), QStringLiteral("url"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), tr("The application (client) id."),
                                      QStringLiteral("id"));
    const QCommandLineOption scope(QStringLiteral("scope"), tr("A scope to request; repeat for more."),
                                   QStringLiteral("scope"));
    const QCommandLineOption flow(QStringLiteral("flow"), tr("device-code, client-credentials, on-behalf-of, username-password, integrated or silent."),
                                  QStringLiteral("flow"));
    const QCommandLineOption secretEnv(QStringLiteral("client-secret-env"),
        tr("Name of the environment variable holding the client secret (never pass secrets as arguments)."),
        QStringLiteral("var"));
    const QCommandLineOption account(QStringLiteral("account"),
        tr("The account, by username or home account id (silent flow, sign-out, get)."), QStringLiteral("user"));
    const QCommandLineOption cache(QStringLiteral("cache"),
        tr("Token cache file: every flow stores what it gets there, and --flow silent is served from it."),
        QStringLiteral("file"));
    const QCommandLineOption unencrypted(QStringLiteral("cache-unencrypted"),
        tr("Keep the cache file as plain MSAL JSON instead of encrypting it (the key in the system keychain)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result or the error as JSON."));
    const QCommandLineOption capability(QStringLiteral("client-capability"),
        tr("A client capability to declare, e.g. cp1 (claims challenges are handled); repeat for more."),
        QStringLiteral("capability"));
    parser.addOptions({authority, ciam, noInstanceDiscovery, oidcAuthority, clientId, scope, flow, secretEnv, account, cache, unencrypted, json,
                       capability});
    const QCommandLineOption username(QStringLiteral("username"),
        tr("The user (username-password; integrated, where it defaults to the Kerberos principal)."),
        QStringLiteral("user"));
    const QCommandLineOption passwordEnv(QStringLiteral("password-env"),
        tr("Name of the environment variable holding the password (username-password)."), QStringLiteral("var"));
    parser.addOptions({username, passwordEnv});
    const QCommandLineOption b2c(QStringLiteral("b2c"),
        tr("--authority is an Azure AD B2C user flow, https://{host}/{tenant}/{policy} (needed only for a custom domain without /tfp/)."));
    parser.addOption(b2c);
    const QCommandLineOption certificate(QStringLiteral("certificate"),
        tr("PEM file of the client certificate (client-credentials, on-behalf-of)."), QStringLiteral("file"));
    const QCommandLineOption privateKey(QStringLiteral("private-key"),
        tr("PEM file of the certificate's private key (with --certificate)."), QStringLiteral("file"));
    const QCommandLineOption assertionEnv(QStringLiteral("assertion-env"),
        tr("Name of the environment variable holding the user's token (on-behalf-of)."), QStringLiteral("var"));
    parser.addOptions({certificate, privateKey, assertionEnv});
    const QCommandLineOption allow(QStringLiteral("allow"),
        tr("get: a URL the token may be sent to (requests under it); repeat for more. Default: the "
           "resources the scopes name (Microsoft Graph for a scope such as User.Read)."),
        QStringLiteral("url"));
    parser.addOption(allow);
    const QCommandLineOption tenant(QStringLiteral("tenant"),
        tr("--flow silent: a tenant other than the authority's (id or domain), such as one the account is a "
           "guest in; the token comes from the home sign-in's refresh token."),
        QStringLiteral("tenant"));
    parser.addOption(tenant);

    const auto usage = [message](const QString &text) {
        *message = text;
        return UsageError;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        const QByteArray help = parser.helpText().toUtf8();
        std::fwrite(help.constData(), 1, size_t(help.size()), stdout);
        return Done;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return Done;
    }
    parsed->json = parser.isSet(json);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (positional.isEmpty())
        return usage(tr("Expected one command: token, accounts, sign-out, get or import-refresh-token. See --help."));
    if (command == QLatin1String("token"))
        parsed->command = Token;
    else if (command == QLatin1String("accounts"))
        parsed->command = Accounts;
    else if (command == QLatin1String("sign-out"))
        parsed->command = SignOut;
    else if (command == QLatin1String("get"))
        parsed->command = Get;
    else if (command == QLatin1String("import-refresh-token"))
        parsed->command = ImportRefreshToken;
    else
        return usage(tr("Unknown command \"%1\": expected token, accounts, sign-out, get or import-refresh-token.").arg(command));
    if (parsed->command == Get && positional.size() != 2)
        return usage(tr("get takes one URL: msalqt get URL --scope S …"));
    if (parsed->command != Get && positional.size() != 1)
        return usage(tr("Expected one command: token, accounts, sign-out, get or import-refresh-token. See --help."));

    if (parser.isSet(authority) == parser.isSet(oidcAuthority))
        return usage(tr("Give exactly one of --authority or --oidc-authority."));
    if (parser.isSet(b2c) && !parser.isSet(authority))
        return usage(tr("--b2c goes with --authority."));
    if (parser.isSet(ciam) && !parser.isSet(authority))
        return usage(tr("--ciam goes with --authority."));
    if (parser.isSet(ciam) && parser.isSet(b2c))
        return usage(tr("Give --b2c or --ciam, not both."));
    parsed->authority = parser.isSet(ciam) ? MsalQt::Authority::ciam(QUrl(parser.value(authority), QUrl::StrictMode))
        : parser.isSet(authority)
        ? (parser.isSet(b2c) ? MsalQt::Authority::b2c(parser.value(authority))
                             : MsalQt::Authority::fromUrl(parser.value(authority)))
        : MsalQt::Authority::openIdConnect(QUrl(parser.value(oidcAuthority), QUrl::StrictMode));
    parsed->instanceDiscovery = !parser.isSet(noInstanceDiscovery);
    if (!parsed->authority.isValid())
        return usage(parsed->authority.errorString());
    parsed->clientId = parser.value(clientId);
    if (parsed->clientId.isEmpty())
        return usage(tr("--client-id is required."));
    parsed->scopes = parser.values(scope);
    parsed->account = parser.value(account);
    parsed->tenant = parser.value(tenant);
    parsed->clientCapabilities = parser.values(capability);
    parsed->cacheFile = parser.value(cache);
    parsed->cacheUnencrypted = parser.isSet(unencrypted);
    if (parsed->cacheUnencrypted && parsed->cacheFile.isEmpty())
        return usage(tr("--cache-unencrypted needs --cache FILE."));

    const auto readCredential = [&]() {
        // A confidential client: a secret from the environment, or a certificate and its key.
        if (parser.isSet(certificate) != parser.isSet(privateKey))
            return usage(tr("--certificate and --private-key go together."));
        if (parser.isSet(secretEnv)) {
            parsed->secret = qEnvironmentVariable(parser.value(secretEnv).toLocal8Bit().constData());
            if (parsed->secret.isEmpty())
                return usage(tr("The environment variable %1 is empty or not set.").arg(parser.value(secretEnv)));
            parsed->credential = MsalQt::ClientCredential::fromSecret(parsed->secret);
        } else if (parser.isSet(certificate)) {
            QByteArray pem[2];
            const QString files[2] = {parser.value(certificate), parser.value(privateKey)};
            for (int i = 0; i < 2; ++i) {
                QFile file(files[i]);
                if (!file.open(QIODevice::ReadOnly))
                    return usage(tr("Cannot read %1: %2").arg(files[i], file.errorString()));
                pem[i] = file.readAll();
            }
            QString error;
            parsed->credential = MsalQt::ClientCredential::fromCertificate(pem[0], pem[1], &error);
            pem[1].fill('\0');
            if (parsed->credential.isNull())
                return usage(tr("The certificate cannot be used: %1.").arg(error));
        }
        return Run;
    };

    if (parsed->command == ImportRefreshToken) {
        if (parsed->cacheFile.isEmpty())
            return usage(tr("import-refresh-token needs --cache FILE: the cache the account moves into."));
        if (parser.isSet(secretEnv) && parser.isSet(certificate))
            return usage(tr("Give --client-secret-env VAR or --certificate FILE --private-key FILE, not both."));
        if (readCredential() == UsageError)
            return UsageError;
        return readRefreshToken(parsed, message);
    }
    if (parsed->command != Token) {
        if (parser.isSet(tenant))
            return usage(tr("--tenant goes with token --flow silent."));
        if (parsed->cacheFile.isEmpty())
            return usage(tr("%1 needs --cache FILE.").arg(command));
        if (parsed->command == SignOut && parsed->account.isEmpty())
            return usage(tr("sign-out needs --account USER."));
        if (parsed->command == Get)
            return parseGet(positional.at(1), parser.values(allow), parsed, message);
        return Run;
    }

    parsed->flow = parser.value(flow);
    if (parser.isSet(tenant) && parsed->flow != QLatin1String("silent"))
        return usage(tr("--tenant goes with --flow silent."));
    if (parsed->flow == QLatin1String("client-credentials") || parsed->flow == QLatin1String("on-behalf-of")) {
        if (parser.isSet(certificate) == parser.isSet(privateKey) && parser.isSet(secretEnv) == parser.isSet(certificate))
            return usage(tr("--flow %1 needs --client-secret-env VAR or --certificate FILE --private-key FILE.")
                             .arg(parsed->flow));
        if (readCredential() == UsageError)
            return UsageError;
        if (parsed->flow == QLatin1String("on-behalf-of")) {
            if (!parser.isSet(assertionEnv))
                return usage(tr("--flow on-behalf-of needs --assertion-env VAR (the user's token)."));
            parsed->userAssertion = qEnvironmentVariable(parser.value(assertionEnv).toLocal8Bit().constData());
            if (parsed->userAssertion.isEmpty())
                return usage(tr("The environment variable %1 is empty or not set.").arg(parser.value(assertionEnv)));
        }
    } else if (parsed->flow == QLatin1String("silent")) {
        if (parsed->account.isEmpty() || parsed->cacheFile.isEmpty())
            return usage(tr("--flow silent needs --account USER and --cache FILE."));
    } else if (parsed->flow == QLatin1String("username-password")) {
        if (!parser.isSet(username) || !parser.isSet(passwordEnv))
            return usage(tr("--flow username-password needs --username USER and --password-env VAR."));
        parsed->username = parser.value(username);
        parsed->password = qEnvironmentVariable(parser.value(passwordEnv).toLocal8Bit().constData());
        if (parsed->password.isEmpty())
            return usage(tr("The environment variable %1 is empty or not set.").arg(parser.value(passwordEnv)));
    } else if (parsed->flow == QLatin1String("integrated")) {
        parsed->username = parser.value(username);
    } else if (parsed->flow != QLatin1String("device-code")) {
        return usage(tr("--flow must be device-code, client-credentials, on-behalf-of, silent, username-password or integrated."));
    }
    return Run;
}
