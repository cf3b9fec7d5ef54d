#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

namespace MsalQtQmlDemo {

// The command line: --authority, --client-id, --scope. No authority: the built-in emulator.
struct Options {
    Q_DECLARE_TR_FUNCTIONS(MsalQtQmlDemo::Options) // the --help texts

public:
    QString authority; // empty: the built-in emulator
    QString clientId;
    QStringList scopes; // User.Read unless given
    QUrl graph{QStringLiteral("https://graph.microsoft.com")};
    QString cacheFile; // empty: in memory (the emulator is new at every start)
};

Options parseOptions(const QStringList &arguments);

// Where the demo keeps its token cache for a real tenant (created if need be); encrypted, its
// key in the system keychain.
QString tokenCachePath();

} // namespace MsalQtQmlDemo
