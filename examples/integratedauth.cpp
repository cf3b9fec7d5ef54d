// Integrated Windows authentication: a federated user's Kerberos ticket (from the domain
// log-on, or kinit with MIT Kerberos on Linux) signs them in with no prompt, through their
// federation server's WS-Trust windowstransport endpoint (HTTP Negotiate).
//
//   example-integratedauth --client-id ID [--username USER] [--authority URL] [--scope SCOPE]...
//
// Federated users only, on a tenant or the /organizations authority (the default,
// https://login.microsoftonline.com/organizations); not /common or /consumers. The username
// defaults to the ticket's principal. The app registration must allow public client flows.

#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokenrequest.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication qapp(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption authorityOption(QStringLiteral("authority"), QStringLiteral("The authority URL."),
        QStringLiteral("url"), QStringLiteral("https://login.microsoftonline.com/organizations"));
    const QCommandLineOption clientIdOption(QStringLiteral("client-id"),
        QStringLiteral("The application (client) id of the app registration."), QStringLiteral("id"));
    const QCommandLineOption usernameOption(QStringLiteral("username"),
        QStringLiteral("The user (default: the Kerberos ticket's principal)."), QStringLiteral("user"));
    const QCommandLineOption scopeOption(QStringLiteral("scope"), QStringLiteral("A scope to ask for (User.Read)."),
        QStringLiteral("scope"));
    parser.addOptions({authorityOption, clientIdOption, usernameOption, scopeOption});
    parser.process(qapp);
    if (!parser.isSet(clientIdOption))
        parser.showHelp(2);
    const QStringList scopes = parser.isSet(scopeOption) ? parser.values(scopeOption)
                                                         : QStringList{QStringLiteral("User.Read")};

    auto *app = new MsalQt::PublicClientApplication(parser.value(clientIdOption),
        MsalQt::Authority::microsoft(parser.value(authorityOption)), &qapp);
    MsalQt::TokenRequest *request = app->acquireTokenByIntegratedWindowsAuth(scopes, parser.value(usernameOption));
    QObject::connect(request, &MsalQt::TokenRequest::finished, &qapp, [request] {
        if (request->isSuccess()) {
            QTextStream(stderr) << "Signed in as " << request->result().account().username() << Qt::endl;
            QTextStream(stdout) << request->result().accessToken() << Qt::endl;
            QCoreApplication::exit(0);
        } else {
            // UiRequired (no ticket or an expired one: run kinit), InvalidConfiguration (a
            // managed or personal account, a service principal the realm does not know),
            // UnsupportedAuthority (/common, /consumers), ServiceError, ...
            QTextStream(stderr) << request->error().errorString() << Qt::endl;
            QCoreApplication::exit(1);
        }
    }); // the request deletes itself after finished()
    return qapp.exec();
}
