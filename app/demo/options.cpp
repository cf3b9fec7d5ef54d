#include "options.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace MsalQtDemo {

Options parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Options::tr("Signs in with MsalQt and calls Microsoft Graph (offline on the built-in emulator by default)."));
    parser.addHelpOption();
    const QCommandLineOption authority(QStringLiteral("authority"), Options::tr("Authority URL: a Microsoft tenant or audience (also of a national cloud), External ID, an AD FS farm (https://host/adfs) or an Azure AD B2C user flow (default: the built-in emulator)."), QStringLiteral("url"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), Options::tr("Application (client) id."), QStringLiteral("id"));
    const QCommandLineOption scope(QStringLiteral("scope"), Options::tr("Scope to ask for (repeatable; default User.Read)."), QStringLiteral("scope"));
    const QCommandLineOption saved(QStringLiteral("saved"), Options::tr("Use the authority, client id and scopes saved by an earlier run."));
    parser.addOptions({authority, clientId, scope, saved});
    parser.process(arguments);

    QSettings settings;
    Options options;
    if (parser.isSet(saved)) {
        options.authority = settings.value(QStringLiteral("authority")).toString();
        options.clientId = settings.value(QStringLiteral("clientId")).toString();
        options.scopes = settings.value(QStringLiteral("scopes")).toStringList();
    } else {
        options.authority = parser.value(authority);
        options.clientId = parser.value(clientId);
        options.scopes = parser.values(scope);
    }
    if (options.scopes.isEmpty())
        options.scopes = {QStringLiteral("User.Read")};
    if (!options.authority.isEmpty()) {
        settings.setValue(QStringLiteral("authority"), options.authority);
        settings.setValue(QStringLiteral("clientId"), options.clientId);
        settings.setValue(QStringLiteral("scopes"), options.scopes);
    }
    return options;
}

QString tokenCachePath()
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(directory);
    return QDir(directory).filePath(QStringLiteral("token-cache.bin"));
}

} // namespace MsalQtDemo
