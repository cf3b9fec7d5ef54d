// An application's own test of its sign-in code, built against the installed package: the
// emulator started in-process (MsalQt::Emulator), no network, no tenant.
#include <MsalQt/Emulator/emulator.h>
#include <MsalQt/confidentialclientapplication.h>

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QTextStream out(stdout);
    int status = 1;

    MsalQt::Emulator::Server emulator;
    if (!emulator.listen())
        return 2;
    auto *app = new MsalQt::ConfidentialClientApplication(
        emulator.confidentialClientId(),
        MsalQt::ClientCredential::fromSecret(emulator.confidentialClientSecret()),
        MsalQt::Authority::microsoft(emulator.authorityUrl()), &application);
    MsalQt::TokenRequest *request = app->acquireTokenForClient({QStringLiteral("https://graph.microsoft.com/.default")});
    QObject::connect(request, &MsalQt::TokenRequest::finished, &application, [&](MsalQt::TokenRequest *request) {
        if (request->isSuccess() && !request->result().accessToken().isEmpty())
            status = 0;
        else
            out << "failed: " << request->error().errorString() << Qt::endl;
        application.quit();
    });
    application.exec();
    if (status == 0 && emulator.requestCount(QStringLiteral("/oauth2/v2.0/token")) == 1)
        out << "signin test: ok" << Qt::endl;
    return status;
}
