#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace MsalQtDemo {

// The command line (--authority, --client-id, --scope, --saved), with QSettings: an authority
// given is saved with its client id and scopes; --saved uses them again. No authority: offline.
struct Options {
    Q_DECLARE_TR_FUNCTIONS(MsalQtDemo::Options) // the --help texts

public:
    QString authority; // empty: the built-in emulator
    QString clientId;
    QStringList scopes; // User.Read unless given
};

Options parseOptions(const QStringList &arguments);

// Where the demo keeps its token cache when it signs in to a real tenant (the application data
// directory, created if need be). On the built-in emulator, which is new at every start, the cache
// stays in memory.
QString tokenCachePath();

} // namespace MsalQtDemo
