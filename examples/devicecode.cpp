// Device code sign-in (RFC 8628): a terminal, an SSH session or a device without a browser shows
// a code; the person enters it on another device's browser, and the program gets the token.
//
//   example-devicecode --client-id ID [--authority URL] [--scope SCOPE]...
//
// The authority defaults to https://login.microsoftonline.com/organizations (work and school
// accounts); the app registration must allow public client flows. Offline, use the authority and
// public client id that msalqt-emulator prints. The access token goes to stdout, the rest to stderr.

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
    MsalQt::TokenRequest *request = app->acquireTokenWithDeviceCode(scopes);
    QObject::connect(request, &MsalQt::TokenRequest::deviceCodeReceived, &qapp, [](const MsalQt::DeviceCode &code) {
        // "To sign in, use a web browser to open the page ... and enter the code ...": polling has started.
        QTextStream(stderr) << code.message() << Qt::endl;
    });
    QObject::connect(request, &MsalQt::TokenRequest::finished, &qapp, [request] {
        if (request->isSuccess()) {
            QTextStream(stderr) << "Signed in as " << request->result().account().username() << Qt::endl;
            QTextStream(stdout) << request->result().accessToken() << Qt::endl;
            QCoreApplication::exit(0);
        } else {
            // Declined, Timeout (the code expired), Cancelled, NetworkError, ServiceError, ...
            QTextStream(stderr) << request->error().errorString() << Qt::endl;
            QCoreApplication::exit(1);
        }
    }); // the request deletes itself after finished()
    return qapp.exec();
}
