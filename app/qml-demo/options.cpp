#include "options.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

namespace MsalQtQmlDemo {

Options parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Options::tr("Signs in with the MsalQt QML module and calls Microsoft Graph (offline on the built-in emulator by default)."));
    parser.addHelpOption();
    const QCommandLineOption authority(QStringLiteral("authority"), Options::tr("Authority URL, e.g. https://login.microsoftonline.com/organizations (default: the built-in emulator)."), QStringLiteral("url"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), Options::tr("Application (client) id."), QStringLiteral("id"));
    const QCommandLineOption scope(QStringLiteral("scope"), Options::tr("Scope to ask for (repeatable; default User.Read)."), QStringLiteral("scope"));
    parser.addOptions({authority, clientId, scope});
    parser.process(arguments);

    Options options;
    options.authority = parser.value(authority);
    options.clientId = parser.value(clientId);
    options.scopes = parser.values(scope);
    if (options.scopes.isEmpty())
        options.scopes = {QStringLiteral("User.Read")};
    return options;
}

QString tokenCachePath()
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(directory);
    return QDir(directory).filePath(QStringLiteral("token-cache.bin"));
}

} // namespace MsalQtQmlDemo
