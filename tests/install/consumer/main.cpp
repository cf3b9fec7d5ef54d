// A program outside the MsalQt tree, built only from the installed headers and package files.
#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/publicclientapplication.h>

#include <QCoreApplication>
#include <QTextStream>

// The installed headers say which version they are, as Qt's do.
static_assert(MSALQT_VERSION == MSALQT_VERSION_CHECK(MSALQT_VERSION_MAJOR, MSALQT_VERSION_MINOR, MSALQT_VERSION_PATCH));
static_assert(MSALQT_VERSION >= MSALQT_VERSION_CHECK(0, 1, 0));
static_assert(MSALQT_VERSION_CHECK(0, 1, 9) < MSALQT_VERSION_CHECK(0, 2, 0));

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
    const QString version = QStringLiteral("%1.%2.%3").arg(MSALQT_VERSION_MAJOR).arg(MSALQT_VERSION_MINOR).arg(MSALQT_VERSION_PATCH);
    if (version != QLatin1String(MSALQT_VERSION_STR))
        return 2;
    out << "consumer: ok " << pca.authority().url().toString() << " MsalQt " << MSALQT_VERSION_STR << Qt::endl;
    return 0;
}
