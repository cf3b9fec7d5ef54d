#include "accountspanel.h"
#include "demofixture.h"
#include "errorpanel.h"
#include "mnemonics.h"
#include "translations.h"

#include <MsalQt/systembrowseragent.h>

#include <QAbstractButton>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <memory>

// The demo in the person's language and readable: the system locale's catalogue and Qt's own,
// an error shown whole in English and German, and no Alt+letter shared by two controls in any
// shipped language. Same emulator and window as tst_demo.
class tst_DemoLanguage : public QObject, protected DemoFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(startFixture(QStringLiteral("tst_demo_language"))); }
    void init() { resetFixture(); }
    void followsTheSystemLocale_data();
    void followsTheSystemLocale();
    void qtTextsTranslated();
    void errorShownWholeAndCopyable_data();
    void errorShownWholeAndCopyable();
    void noDuplicateMnemonics_data();
    void noDuplicateMnemonics();
};

void tst_DemoLanguage::followsTheSystemLocale_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("qtUsage"); // QCommandLineParser's, from Qt's own catalogue
    QTest::newRow("German") << "de_DE.UTF-8" << "Meldet sich mit MsalQt an" << "Aufruf:";
    QTest::newRow("French") << "fr_FR.UTF-8" << "Se connecte avec MsalQt" << "Utilisation";
    QTest::newRow("English (no translation)") << "en_US.UTF-8" << "Signs in with MsalQt" << "Usage:";
}

// msalqt-demo loads the translation of the system locale from its resources, and Qt's own from
// Qt's translations directory: its --help text.
void tst_DemoLanguage::followsTheSystemLocale()
{
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    QFETCH(QString, qtUsage);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LANG"), lang);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess demo;
    demo.setProcessEnvironment(environment);
    demo.start(QStringLiteral(MSALQT_DEMO_EXECUTABLE), {QStringLiteral("--help")});
    QVERIFY(demo.waitForFinished(30000));
    QCOMPARE(demo.exitCode(), 0);
    const QString help = QString::fromUtf8(demo.readAllStandardOutput());
    QVERIFY2(help.contains(expected), qPrintable(help));
    QVERIFY2(help.startsWith(qtUsage), qPrintable(help));
}

// The demo's loader puts Qt's own texts in the language too: the standard buttons of its dialogs
// (the device code dialog's and the account picker's Cancel) were English in a German demo.
void tst_DemoLanguage::qtTextsTranslated()
{
    {
        QObject owner; // uninstalls the translators when it goes, for the tests after this one
        QVERIFY(MsalQtDemo::installTranslations(QLocale(QLocale::German), &owner) >= 1);
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), QString("Abbrechen"));
    }
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), QString("Cancel"));
    QObject owner;
    QCOMPARE(MsalQtDemo::installTranslations(QLocale(QLocale::Icelandic), &owner), 0); // neither Qt nor the demo has it
}

// A sign-in refused with a long AADSTS error: the whole errorString(), the correlation id with it,
// is on screen (wrapped, not cut off under the status bar's permanent labels), selectable, and
// Copy puts all of it on the clipboard.
void tst_DemoLanguage::errorShownWholeAndCopyable_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("summary");     // AuthError::ServiceError's, in the language
    QTest::addColumn<QString>("correlation"); // the label of the correlation id
    QTest::newRow("English") << "en" << "The sign-in service refused the request." << "Correlation ID: ";
    QTest::newRow("German") << "de" << "Der Anmeldedienst hat die Anfrage abgelehnt." << "Korrelations-ID: ";
}

void tst_DemoLanguage::errorShownWholeAndCopyable()
{
    QFETCH(QString, language);
    QFETCH(QString, summary);
    QFETCH(QString, correlation);
    // The demo's, the widgets' and the library's catalogues, as main() installs them.
    QObject translators;
    const auto uninstall = qScopeGuard([] { removeApplicationTranslators(); });
    if (language != QLatin1String("en"))
        QVERIFY(installLanguage(language, &translators));
    const QString description = QStringLiteral(
        "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have "
        "changed or reset their password. The grant was issued on '2026-11-02T10:00:00Z' and the TokensValidFrom "
        "date (before which tokens are not valid) for this user is '2026-12-01T09:30:00Z'. End of the long message.");
    MsalQt::Emulator::Fault fault;
    fault.kind = MsalQt::Emulator::Fault::ServiceError;
    fault.path = QStringLiteral("/oauth2/v2.0/token");
    fault.grantType = QStringLiteral("authorization_code");
    fault.status = 400;
    fault.error = QStringLiteral("invalid_grant");
    fault.aadstsCode = 50173;
    fault.description = description;
    m_emulator.addFault(fault);

    const std::unique_ptr<MsalQtDemo::MainWindow> shown = newWindow();
    QVERIFY(shown);
    MsalQtDemo::MainWindow &window = *shown;
    window.resize(1000, 700); // narrower than the error's one line
    window.accountsPanel()->setMode(MsalQtDemo::AccountsPanel::SystemBrowser);
    window.accountsPanel()->systemBrowserAgent()->setUrlOpener([this](const QUrl &url) {
        auto *browser = new QNetworkAccessManager(m_app.get());
        connect(browser->get(QNetworkRequest(url)), &QNetworkReply::finished, browser, &QObject::deleteLater);
        return true;
    });
    MsalQtDemo::ErrorPanel *panel = window.errorPanel();
    QVERIFY(!panel->isVisible()); // nothing to show yet
    MsalQt::AuthError error;
    connect(window.accountsPanel(), &MsalQtDemo::AccountsPanel::failed, this,
            [&error](const MsalQt::AuthError &failure) { error = failure; });
    window.accountsPanel()->signIn();
    QTRY_VERIFY_WITH_TIMEOUT(error.isError(), 30000);
    m_emulator.clearFaults();
    QVERIFY(!error.correlationId().isEmpty());

    // All of it, in a label that is as tall as its wrapped text, inside the window.
    QTRY_VERIFY(panel->isVisible());
    QLabel *text = panel->textLabel();
    QVERIFY2(text->text().contains(error.errorString()), qPrintable(text->text()));
    QVERIFY2(text->text().contains(summary), qPrintable(text->text()));
    QVERIFY(text->text().contains(correlation + error.correlationId()));
    QCOMPARE(text->text().count(error.correlationId()), 1); // once, not in two lines
    QVERIFY(text->text().contains(QLatin1String("AADSTS50173")));
    QVERIFY(text->text().contains(QLatin1String("End of the long message.")));
    QVERIFY(text->wordWrap());
    QVERIFY2(text->height() >= text->heightForWidth(text->width()),
             qPrintable(QStringLiteral("%1 px for %2").arg(text->height()).arg(text->heightForWidth(text->width()))));
    const QRect onWindow(text->mapTo(&window, QPoint(0, 0)), text->size());
    QVERIFY(window.rect().contains(onWindow));
    QVERIFY(!window.statusBar()->currentMessage().contains(description.left(40)));
    QVERIFY(text->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(text->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QVERIFY(QDir().mkpath(QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR)));
    QVERIFY(window.grab().save(QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR "/demo-error-") + language + QStringLiteral(".png")));

    // Copy: the whole text, with the correlation id.
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(panel->copyButton(), Qt::LeftButton);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), text->text());
    QGuiApplication::clipboard()->clear();
    // Dismissed, it leaves the room to the panels.
    auto *dismiss = panel->findChild<QAbstractButton *>(QStringLiteral("dismissError"));
    QVERIFY(dismiss);
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QVERIFY(!panel->isVisible());
}

void tst_DemoLanguage::noDuplicateMnemonics_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("French") << QStringLiteral("fr");
}

// No Alt+letter names two controls of the window (its panels and menu-bar titles together) or
// of one of its menus, in English and in each shipped translation, with every optional part
// shown: the Emulator menu and the error panel.
void tst_DemoLanguage::noDuplicateMnemonics()
{
    QFETCH(QString, language);
    QObject translators;
    const auto uninstall = qScopeGuard([] { removeApplicationTranslators(); });
    if (language != QLatin1String("en"))
        QVERIFY(installLanguage(language, &translators));
    const std::unique_ptr<MsalQtDemo::MainWindow> shown = newWindow();
    QVERIFY(shown);
    shown->setEmulator(&m_emulator);
    MsalQt::AuthError error(MsalQt::AuthError::ServiceError, QStringLiteral("An example."));
    error.setCorrelationId(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    shown->errorPanel()->showError(QStringLiteral("Example"), error);
    const QString report = GuiTest::mnemonicReport(shown.get());
    QVERIFY2(report.count(QLatin1String("Alt+")) >= 20, qPrintable(report));
    const QStringList clashes = GuiTest::duplicateMnemonics(shown.get());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n')) + QLatin1String("\n") + report));
    QVERIFY(shown->grab().save(QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR "/demo-mnemonics-%1.png").arg(language)));
}

QTEST_MAIN(tst_DemoLanguage)
#include "tst_demo_language.moc"
