// Username and password (ROPC): for test automation and legacy scripts only. It cannot satisfy
// MFA or consent, and works for work and school accounts only; prefer device code sign-in.
//
//   MSALQT_PASSWORD=... example-usernamepassword --client-id ID --username USER
//       [--authority URL] [--scope SCOPE]...
//
// The authority defaults to https://login.microsoftonline.com/organizations; the app registration
// must allow public client flows. The password comes from the environment, never from the
// command line. Offline: the emulator's authority and public client id, alice@contoso.com and
// Passw0rd!. The access token goes to stdout.

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
    const QCommandLineOption usernameOption(QStringLiteral("username"), QStringLiteral("The user (UPN)."),
        QStringLiteral("user"));
    const QCommandLineOption scopeOption(QStringLiteral("scope"), QStringLiteral("A scope to ask for (User.Read)."),
        QStringLiteral("scope"));
    parser.addOptions({authorityOption, clientIdOption, usernameOption, scopeOption});
    parser.process(qapp);
    const QString password = qEnvironmentVariable("MSALQT_PASSWORD");
    if (!parser.isSet(clientIdOption) || !parser.isSet(usernameOption) || password.isEmpty())
        parser.showHelp(2);
    const QStringList scopes = parser.isSet(scopeOption) ? parser.values(scopeOption)
                                                         : QStringList{QStringLiteral("User.Read")};

    auto *app = new MsalQt::PublicClientApplication(parser.value(clientIdOption),
        MsalQt::Authority::microsoft(parser.value(authorityOption)), &qapp);
    MsalQt::TokenRequest *request = app->acquireTokenByUsernamePassword(scopes, parser.value(usernameOption), password);
    QObject::connect(request, &MsalQt::TokenRequest::finished, &qapp, [request] {
        if (request->isSuccess()) {
            QTextStream(stderr) << "Signed in as " << request->result().account().username() << Qt::endl;
            QTextStream(stdout) << request->result().accessToken() << Qt::endl;
            QCoreApplication::exit(0);
        } else {
            // ServiceError (a wrong password: invalid_grant, AADSTS50126), UiRequired (MFA or
            // consent), UnsupportedAuthority (/consumers: personal accounts), ...
            QTextStream(stderr) << request->error().errorString() << Qt::endl;
            QCoreApplication::exit(1);
        }
    }); // the request deletes itself after finished()
    return qapp.exec();
}
