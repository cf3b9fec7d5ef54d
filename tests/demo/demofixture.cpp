#include "demofixture.h"

#include "logpane.h"
#include "translations.h"

#include <MsalQt/Widgets/translations.h>

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

bool DemoFixture::startFixture(const QString &applicationName)
{
    QCoreApplication::setOrganizationName(QStringLiteral("MsalQt-test"));
    QCoreApplication::setApplicationName(applicationName);
    MsalQtDemo::LogPane::installMessageHandler();
    if (!m_emulator.listen())
        return false;
    m_emulator.setAutoSignIn(QStringLiteral("alice@contoso.com"));
    return true;
}

void DemoFixture::resetFixture()
{
    m_emulator.setGraphAuthenticationContext({});
    m_emulator.clearRequests();
    m_app = std::make_unique<MsalQt::PublicClientApplication>(
        m_emulator.publicClientId(), MsalQt::Authority::microsoft(m_emulator.authorityUrl(QStringLiteral("organizations"))));
}

std::unique_ptr<MsalQtDemo::MainWindow> DemoFixture::newWindow()
{
    auto window = std::make_unique<MsalQtDemo::MainWindow>(m_app.get(), QStringList{QStringLiteral("User.Read")},
                                                           m_emulator.baseUrl());
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return {};
    return window;
}

bool DemoFixture::installLanguage(const QString &language, QObject *owner)
{
    const QLocale locale(language);
    MsalQtDemo::installTranslations(locale, owner); // Qt's own; the demo's resource is not here
    auto *demo = new QTranslator(owner);
    return demo->load(QStringLiteral("msalqt_demo_") + language, QStringLiteral(MSALQT_DEMO_QM_DIR))
           && QCoreApplication::installTranslator(demo) && MsalQt::Widgets::installTranslations(locale);
}

void DemoFixture::removeApplicationTranslators()
{
    qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly));
}
