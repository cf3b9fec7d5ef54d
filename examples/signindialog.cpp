// Interactive sign-in in an embedded browser (authorization code with PKCE): MsalQt::Widgets'
// SignInDialog shows the sign-in page in a Qt WebEngine view inside the application and catches
// the redirect itself. Suits first-party applications and kiosks; RFC 8252 §8.12 prefers the
// system browser (systembrowser.cpp) for signing in to third parties.
//
//   example-signindialog --client-id ID [--authority URL] [--scope SCOPE]...
//
// The app registration needs the redirect URI http://localhost (platform "Mobile and desktop
// applications"). The authority defaults to https://login.microsoftonline.com/organizations.
// Offline, use the emulator's authority and public client id, and sign in as
// alice@contoso.com with Passw0rd!.

#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/Widgets/translations.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokenrequest.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication qapp(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false); // the dialog closes before the token arrives
    MsalQt::Widgets::installTranslations();         // the dialog's own texts, in the system's language
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
    auto *dialog = new MsalQt::Widgets::SignInDialog; // a top-level window here; usually a child of yours
    MsalQt::InteractiveParameters parameters(scopes);
    parameters.setAgent(dialog->agent()); // the flow opens and closes the dialog
    MsalQt::TokenRequest *request = app->acquireTokenInteractive(parameters);
    QObject::connect(request, &MsalQt::TokenRequest::finished, &qapp, [request, dialog] {
        if (request->isSuccess()) {
            QTextStream(stderr) << "Signed in as " << request->result().account().username() << Qt::endl;
            QTextStream(stdout) << request->result().accessToken() << Qt::endl;
            QCoreApplication::exit(0);
        } else {
            // Cancelled (Esc or the close button), Timeout, Declined, NetworkError (a page that
            // failed to load), InvalidResponse (a certificate error), ServiceError, ...
            QTextStream(stderr) << request->error().errorString() << Qt::endl;
            QCoreApplication::exit(1);
        }
        dialog->deleteLater();
    }); // the request deletes itself after finished()
    return qapp.exec();
}
