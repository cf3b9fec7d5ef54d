// A program outside the MsalQt tree, built only from the installed headers and package files.
#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/publicclientapplication.h>

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    MsalQt::PublicClientApplication pca(QStringLiteral("00000000-0000-0000-0000-000000000001"),
                                        MsalQt::Authority::microsoftTenant(QStringLiteral("organizations")));
    MsalQt::ConfidentialClientApplication cca(QStringLiteral("00000000-0000-0000-0000-000000000002"),
                                              MsalQt::ClientCredential::fromSecret(QStringLiteral("s")),
                                              MsalQt::Authority::microsoftTenant(QStringLiteral("contoso.com")));
    QTextStream out(stdout);
    if (!pca.authority().isValid() || cca.credential().isNull())
        return 1;
    out << "consumer: ok " << pca.authority().url().toString() << Qt::endl;
    return 0;
}
