#include "guitestsupport.h"
#include "testsupport.h"
#include "widgettestaccounts.h"

#include <MsalQt/Widgets/accountpicker.h>
#include <MsalQt/Widgets/translations.h>
#include <MsalQt/autherror.h>

#include <QAbstractItemModel>
#include <QApplication>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace MsalQt;
using namespace MsalQt::Widgets;

// The account picker over a cache holding two real accounts (device-code sign-ins on the
// emulator), operated with the keyboard and the mouse.
class tst_AccountPicker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listsAccounts();
    void enterPicks();
    void doubleClickPicks();
    void addAccount();
    void deleteRemovesAfterConfirmation();
    void deleteKeepsOnNo();
    void translated_data();
    void translated();

private:
    QMessageBox *confirmation() const;

    MsalQt::Emulator::Server m_emulator;
    std::unique_ptr<PublicClientApplication> m_app;
    std::unique_ptr<AccountPicker> m_picker;
};

void tst_AccountPicker::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_AccountPicker::init()
{
    m_app = GuiTest::emulatorApp(m_emulator);
    QVERIFY(GuiTest::signInWithDeviceCode(m_app.get(), m_emulator, TestSupport::alice()));
    QVERIFY(GuiTest::signInWithDeviceCode(m_app.get(), m_emulator, TestSupport::carol()));
    QCOMPARE(m_app->accounts().size(), 2);
    m_picker = std::make_unique<AccountPicker>(m_app.get());
    m_picker->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_picker.get()));
    m_picker->activateWindow();
    m_picker->listView()->setFocus();
}

void tst_AccountPicker::cleanup()
{
    m_picker.reset();
    m_app.reset();
}

QMessageBox *tst_AccountPicker::confirmation() const
{
    return m_picker->findChild<QMessageBox *>(QStringLiteral("msalqt-confirm-removal"));
}

void tst_AccountPicker::listsAccounts()
{
    QAbstractItemModel *model = m_picker->model();
    QCOMPARE(model->rowCount(), 2);
    QStringList shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown << model->index(row, 0).data().toString();
    const QString all = shown.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(TestSupport::alice()) && all.contains(TestSupport::carol()), qPrintable(all));
    QVERIFY(all.contains(QLatin1String("Alice Example")));
    QVERIFY(all.contains(m_app->accounts().first().tenantId()));
    QVERIFY(!m_picker->listView()->accessibleName().isEmpty());
    GuiTest::saveScreenshot(m_picker.get(), QStringLiteral("accountpicker"));
}

void tst_AccountPicker::enterPicks()
{
    QSignalSpy selected(m_picker.get(), &AccountPicker::accountSelected);
    QListView *list = m_picker->listView();
    QTest::keyClick(list, Qt::Key_Home);
    QTest::keyClick(list, Qt::Key_Down);
    const Account second = m_picker->currentAccount();
    QCOMPARE(second, m_app->accounts().at(1));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().value<Account>(), second);
    QCOMPARE(m_picker->selectedAccount(), second);
    QVERIFY(!m_picker->isVisible());
    QCOMPARE(m_picker->result(), int(QDialog::Accepted));
}

void tst_AccountPicker::doubleClickPicks()
{
    QSignalSpy selected(m_picker.get(), &AccountPicker::accountSelected);
    QListView *list = m_picker->listView();
    const QRect first = list->visualRect(m_picker->model()->index(0, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, first.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, first.center());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().value<Account>(), m_app->accounts().at(0));
}

void tst_AccountPicker::addAccount()
{
    QSignalSpy add(m_picker.get(), &AccountPicker::addAccountRequested);
    QPushButton *button = nullptr;
    for (QPushButton *candidate : m_picker->findChildren<QPushButton *>()) {
        if (candidate->text().contains(QLatin1String("Add")))
            button = candidate;
    }
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(add.count(), 1);
}

void tst_AccountPicker::deleteRemovesAfterConfirmation()
{
    QSignalSpy removed(m_picker.get(), &AccountPicker::accountRemoved);
    QListView *list = m_picker->listView();
    QTest::keyClick(list, Qt::Key_Home);
    const Account first = m_picker->currentAccount();
    QTest::keyClick(list, Qt::Key_Delete);
    QTRY_VERIFY(confirmation() && confirmation()->isVisible());
    GuiTest::saveScreenshot(confirmation(), QStringLiteral("accountpicker-confirm-removal"));
    QCOMPARE(removed.count(), 0); // not before the person says so
    QTest::mouseClick(confirmation()->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().value<Account>(), first);
    QCOMPARE(m_app->accounts().size(), 1);
    QVERIFY(!m_app->accounts().contains(first));
    QCOMPARE(m_picker->model()->rowCount(), 1);
}

void tst_AccountPicker::deleteKeepsOnNo()
{
    QSignalSpy removed(m_picker.get(), &AccountPicker::accountRemoved);
    QTest::keyClick(m_picker->listView(), Qt::Key_Delete);
    QTRY_VERIFY(confirmation() && confirmation()->isVisible());
    // The safe answer is the default: Enter keeps the account.
    QTest::keyClick(confirmation(), Qt::Key_Return);
    QTRY_VERIFY(!confirmation());
    QCOMPARE(removed.count(), 0);
    QCOMPARE(m_app->accounts().size(), 2);
}

void tst_AccountPicker::translated_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("cancelled");
    QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany) << QStringLiteral("Konto auswählen")
                        << QStringLiteral("Die Anmeldung wurde abgebrochen.");
    QTest::newRow("fr") << QLocale(QLocale::French, QLocale::France) << QStringLiteral("Choisir un compte")
                        << QStringLiteral("La connexion a été annulée.");
}

// The compiled translations are inside the library; installTranslations() loads them, and the
// auth library's, whose messages the widgets show.
void tst_AccountPicker::translated()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, title);
    QFETCH(QString, cancelled);
    QVERIFY(MsalQt::Widgets::installTranslations(locale));
    AccountPicker picker(m_app.get());
    QCOMPARE(picker.windowTitle(), title);
    QCOMPARE(MsalQt::AuthError(MsalQt::AuthError::Cancelled).errorString(), cancelled);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    GuiTest::saveScreenshot(&picker, QStringLiteral("accountpicker-") + locale.name());
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QTEST_MAIN(tst_AccountPicker)
#include "tst_accountpicker.moc"
