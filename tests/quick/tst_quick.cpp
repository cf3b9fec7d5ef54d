// The MsalQt QML module through Qt Quick Test: every tests/quick/qml/tst_*.qml, under Xvfb, with
// the real WebEngine and the in-process emulator (TestEmulator, see quicktestsetup.h).
#include "quicktestsetup.h"

#include <QQmlEngine>
#include <QtQuickTest>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

QuickTestSetup::QuickTestSetup()
{
    // Before the QGuiApplication, which Qt Quick Test creates after this constructor.
    QtWebEngineQuick::initialize();
}

void QuickTestSetup::applicationAvailable()
{
    m_server = std::make_unique<MsalQt::Emulator::Server>();
    if (!m_server->listen())
        qFatal("The emulator could not listen on a loopback port.");
    m_emulator.setServer(m_server.get());
}

void QuickTestSetup::qmlEngineAvailable(QQmlEngine *engine)
{
    engine->addImportPath(QStringLiteral(MSALQT_QML_IMPORT_DIR));
    qmlRegisterSingletonInstance("MsalQtTest", 1, 0, "TestEmulator", &m_emulator);
}

QString TestEmulator::clientId() const
{
    return m_server->publicClientId();
}

QString TestEmulator::organizations() const
{
    return m_server->authorityUrl(QStringLiteral("organizations")).toString();
}

QUrl TestEmulator::baseUrl() const
{
    return m_server->baseUrl();
}

QString TestEmulator::alice() const
{
    return QStringLiteral("alice@contoso.com");
}

QString TestEmulator::password() const
{
    return QStringLiteral("Passw0rd!");
}

bool TestEmulator::approveDeviceCode(const QString &userCode, const QString &username)
{
    return m_server->approveDeviceCode(userCode, username);
}

bool TestEmulator::declineDeviceCode(const QString &userCode)
{
    return m_server->declineDeviceCode(userCode);
}

int TestEmulator::tokenRequests() const
{
    return m_server->requestCount(QStringLiteral("/oauth2/v2.0/token"));
}

void TestEmulator::setAutoSignIn(const QString &username)
{
    m_server->setAutoSignIn(username);
}

QUICK_TEST_MAIN_WITH_SETUP(tst_quick, QuickTestSetup)
