// On-behalf-of (RFC 7523 with requested_token_use=on_behalf_of): a middle-tier API received a
// user's access token for itself and exchanges it for a token to a downstream API, as that user.
//
//   MSALQT_CLIENT_SECRET=... MSALQT_USER_TOKEN=... example-onbehalfof --client-id ID
//       [--authority URL] [--scope SCOPE]...
//
// --client-id is the middle tier's own app registration (it exposes a scope such as
// api://{client id}/access_as_user, and the user's token was issued for it). The authority
// defaults to https://login.microsoftonline.com/organizations; the downstream scope to User.Read
// (Microsoft Graph). The secret and the user's token come from the environment, never from the
// command line. Offline: the emulator's confidential client id and secret, and a user token
// for api://{that id}/access_as_user (example-usernamepassword --scope ... prints one).

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
    const QCommandLineOption authorityOption(QStringLiteral("authority"), QStringLiteral("The authority URL."),
        QStringLiteral("url"), QStringLiteral("https://login.microsoftonline.com/organizations"));
    const QCommandLineOption clientIdOption(QStringLiteral("client-id"),
        QStringLiteral("The middle tier's application (client) id."), QStringLiteral("id"));
    const QCommandLineOption scopeOption(QStringLiteral("scope"),
        QStringLiteral("A downstream scope to ask for (User.Read)."), QStringLiteral("scope"));
    parser.addOptions({authorityOption, clientIdOption, scopeOption});
    parser.process(qapp);
    const QString secret = qEnvironmentVariable("MSALQT_CLIENT_SECRET");
    const QString userToken = qEnvironmentVariable("MSALQT_USER_TOKEN");
    if (!parser.isSet(clientIdOption) || secret.isEmpty() || userToken.isEmpty())
        parser.showHelp(2);
    const QStringList scopes = parser.isSet(scopeOption) ? parser.values(scopeOption)
                                                         : QStringList{QStringLiteral("User.Read")};

    auto *app = new MsalQt::ConfidentialClientApplication(parser.value(clientIdOption),
        MsalQt::ClientCredential::fromSecret(secret), MsalQt::Authority::microsoft(parser.value(authorityOption)), &qapp);
    MsalQt::TokenRequest *request = app->acquireTokenOnBehalfOf(userToken, scopes);
    QObject::connect(request, &MsalQt::TokenRequest::finished, &qapp, [request] {
        if (request->isSuccess()) {
            QTextStream(stderr) << "On behalf of " << request->result().account().username() << Qt::endl;
            QTextStream(stdout) << request->result().accessToken() << Qt::endl;
            QCoreApplication::exit(0);
        } else {
            // ServiceError (an expired or foreign user token: invalid_grant), UiRequired (the
            // user must consent or pass MFA: send error().claims() back to the client), ...
            QTextStream(stderr) << request->error().errorString() << Qt::endl;
            QCoreApplication::exit(1);
        }
    }); // the request deletes itself after finished()
    return qapp.exec();
}
