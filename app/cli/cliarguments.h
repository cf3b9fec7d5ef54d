#pragma once

#include <MsalQt/authority.h>
#include <MsalQt/clientcredential.h>

#include <QList>
#include <QStringList>
#include <QUrl>

// What the command line asked for, checked: one command, the application's identity, the flow
// and its inputs (or, for get, the API to call), and where the token cache lives.
struct CliArguments
{
    enum Command { Token, Accounts, SignOut, Get, ImportRefreshToken };
    enum Outcome { Run, Done, UsageError }; // Done: --help or --version was printed

    static Outcome parse(const QStringList &arguments, CliArguments *parsed, QString *message);

    Command command = Token;
    QString flow;                 // token: device-code, client-credentials, silent, username-password, integrated
    MsalQt::Authority authority;
    bool instanceDiscovery = true; // off: --no-instance-discovery
    QString clientId;
    QStringList scopes;
    QString secret;               // from --client-secret-env, never from the command line itself
    MsalQt::ClientCredential credential; // confidential flows: the secret, or --certificate + --private-key
    QString userAssertion;        // on-behalf-of: from --assertion-env, never from the command line itself
    QString username;             // username-password, integrated (default: the Kerberos principal)
    QString password;             // from --password-env, never from the command line itself
    QString account;              // home account id or username
    QString refreshToken;         // import-refresh-token: one line from stdin, never from the command line
    QString tenant;               // silent: a tenant other than the authority's (a guest's)
    QStringList clientCapabilities; // --client-capability, e.g. cp1 (claims challenges handled)
    QUrl url;                     // get: the API to call
    QList<QUrl> allowedUrls;      // get: where the token may go (empty: where the scopes point)
    QString cacheFile;
    bool cacheUnencrypted = false;
    bool json = false;
};
