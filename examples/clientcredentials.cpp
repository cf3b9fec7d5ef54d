// Client credentials (RFC 6749 §4.4): a daemon or service gets a token for itself, with no user,
// proving who it is with a client secret.
//
//   MSALQT_CLIENT_SECRET=... example-clientcredentials --authority URL --client-id ID [--scope SCOPE]
//
// The authority names a tenant: https://login.microsoftonline.com/<tenant id or domain> (not
// /common, /organizations or /consumers). The scope is "{resource}/.default", by default
// https://graph.microsoft.com/.default. The secret comes from the environment, never from the
// command line (other local users can read a process's arguments). Offline, use the authority,
// confidential client id and secret of msalqt-emulator. The access token goes to stdout.

#include <MsalQt/clientcredential.h>
#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/tokenrequest.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication qapp(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption authorityOption(QStringLiteral("authority"),
        QStringLiteral("The tenant's authority URL."), QStringLiteral("url"));
    const QCommandLineOption clientIdOption(QStringLiteral("client-id"),
        QStringLiteral("The application (client) id of the app registration."), QStringLiteral("id"));
    const QCommandLineOption scopeOption(QStringLiteral("scope"), QStringLiteral("The {resource}/.default scope."),
        QStringLiteral("scope"), QStringLiteral("https://graph.microsoft.com/.default"));
    parser.addOptions({authorityOption, clientIdOption, scopeOption});
    parser.process(qapp);
    const QString secret = qEnvironmentVariable("MSALQT_CLIENT_SECRET");
    if (!parser.isSet(authorityOption) || !parser.isSet(clientIdOption) || secret.isEmpty())
        parser.showHelp(2);

    auto *app = new MsalQt::ConfidentialClientApplication(parser.value(clientIdOption),
        MsalQt::ClientCredential::fromSecret(secret), MsalQt::Authority::microsoft(parser.value(authorityOption)), &qapp);
    MsalQt::TokenRequest *request = app->acquireTokenForClient({parser.value(scopeOption)});
    QObject::connect(request, &MsalQt::TokenRequest::finished, &qapp, [request] {
        if (request->isSuccess()) {
            QTextStream(stdout) << request->result().accessToken() << Qt::endl;
            QCoreApplication::exit(0);
        } else {
            // UnsupportedAuthority (/common, ...), InvalidConfiguration (invalid_client: a wrong or
            // expired secret, AADSTS7000215), ServiceError, NetworkError, ...
            QTextStream(stderr) << request->error().errorString() << Qt::endl;
            QCoreApplication::exit(1);
        }
    }); // the request deletes itself after finished()
    return qapp.exec();
}
