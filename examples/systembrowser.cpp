// Interactive sign-in in the system browser (authorization code with PKCE, RFC 8252): the
// default browser shows the sign-in page and comes back to a one-time loopback address that this
// program listens on. Single sign-on with the browser's session; no WebEngine needed.
//
//   example-systembrowser --client-id ID [--authority URL] [--scope SCOPE]...
//
// The app registration needs the redirect URI http://localhost (platform "Mobile and desktop
// applications"; any port is accepted). The authority defaults to
// https://login.microsoftonline.com/organizations. Offline, use the emulator's authority and
// public client id, and sign in as alice@contoso.com with Passw0rd!.

#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/systembrowseragent.h>
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
    const QCommandLineOption scopeOption(QStringLiteral("scope"), QStringLiteral("A scope to ask for (User.Read)."),
        QStringLiteral("scope"));
    parser.addOptions({authorityOption, clientIdOption, scopeOption});
    parser.process(qapp);
    if (!parser.isSet(clientIdOption))
        parser.showHelp(2);
    const QStringList scopes = parser.isSet(scopeOption) ? parser.values(scopeOption)
                                                         : QStringList{QStringLiteral("User.Read")};

    auto *app = new MsalQt::PublicClientApplication(parser.value(clientIdOption),
        MsalQt::Authority::microsoft(parser.value(authorityOption)), &qapp);
    auto *agent = new MsalQt::SystemBrowserAgent(&qapp); // the default agent, made explicit here
    MsalQt::InteractiveParameters parameters(scopes);
    parameters.setAgent(agent);
    MsalQt::TokenRequest *request = app->acquireTokenInteractive(parameters);
    QTextStream(stderr) << "Sign in in your browser." << Qt::endl;
    QObject::connect(request, &MsalQt::TokenRequest::finished, &qapp, [request] {
        if (request->isSuccess()) {
            QTextStream(stderr) << "Signed in as " << request->result().account().username() << Qt::endl;
            QTextStream(stdout) << request->result().accessToken() << Qt::endl;
            QCoreApplication::exit(0);
        } else {
            // Timeout (nobody finished within 5 minutes), Declined, ServiceError (the error the
            // server redirected with), InvalidConfiguration (no browser could be opened), ...
            QTextStream(stderr) << request->error().errorString() << Qt::endl;
            QCoreApplication::exit(1);
        }
    }); // the request deletes itself after finished()
    return qapp.exec();
}
