#include "guitestsupport.h"
#include "testsupport.h"
#include "widgettestaccounts.h"

#include <MsalQt/Widgets/devicecodedialog.h>

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace MsalQt::Widgets;

// Opens what QDesktopServices would hand to the browser.
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void openUrl(const QUrl &url) { urls.append(url); }
};

// The device-code dialog on a real device-code request against the in-process emulator,
// operated with QTest input events.
class tst_DeviceCodeDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsCodeAndCopies();
    void countdownDecreases();
    void linkOpensBrowser();
    void cancelCancelsRequest();
    void escapeCancelsRequest();
    void closesWhenSignedIn();
    void showsError();
    void keyboardOnly();

private:
    void start();
    QLabel *codeLabel() const;
    QPushButton *copyButton() const;
    QPushButton *linkButton() const;
    QPushButton *button(QDialogButtonBox::StandardButton which) const;

    MsalQt::Emulator::Server m_emulator;
    std::unique_ptr<PublicClientApplication> m_app;
    QPointer<TokenRequest> m_request;
    std::unique_ptr<DeviceCodeDialog> m_dialog;
    DeviceCode m_code;
};

void tst_DeviceCodeDialog::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_DeviceCodeDialog::init()
{
    m_emulator.setDeviceCodeTiming(1, 90);
    m_app = GuiTest::emulatorApp(m_emulator);
    start();
}

void tst_DeviceCodeDialog::cleanup()
{
    if (m_request && !m_request->isFinished())
        m_request->cancel();
    m_dialog.reset();
    m_app.reset();
}

void tst_DeviceCodeDialog::start()
{
    m_request = m_app->acquireTokenWithDeviceCode({QStringLiteral("User.Read")});
    m_dialog = std::make_unique<DeviceCodeDialog>(m_request.data());
    QSignalSpy received(m_request.data(), &TokenRequest::deviceCodeReceived);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(received.wait(10000));
    m_code = received.first().first().value<DeviceCode>();
    QVERIFY(!m_code.userCode().isEmpty());
}

QLabel *tst_DeviceCodeDialog::codeLabel() const
{
    const auto labels = m_dialog->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->text() == m_code.userCode())
            return label;
    }
    return nullptr;
}

QPushButton *tst_DeviceCodeDialog::copyButton() const
{
    return m_dialog->findChild<QPushButton *>(QStringLiteral("copyCode"));
}

QPushButton *tst_DeviceCodeDialog::linkButton() const
{
    return m_dialog->findChild<QPushButton *>(QStringLiteral("verificationUri"));
}

QPushButton *tst_DeviceCodeDialog::button(QDialogButtonBox::StandardButton which) const
{
    auto *box = m_dialog->findChild<QDialogButtonBox *>();
    return box ? box->button(which) : nullptr;
}

void tst_DeviceCodeDialog::showsCodeAndCopies()
{
    QLabel *code = codeLabel();
    QVERIFY(code);
    QVERIFY(code->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(code->font().pointSizeF() > m_dialog->font().pointSizeF() * 1.5);
    QCOMPARE(m_dialog->deviceCode().userCode(), m_code.userCode());
    GuiTest::saveScreenshot(m_dialog.get(), QStringLiteral("devicecodedialog"));

    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    QPushButton *copy = copyButton();
    QVERIFY(copy && copy->isEnabled());
    QVERIFY(!copy->accessibleName().isEmpty());
    QTest::mouseClick(copy, Qt::LeftButton);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), m_code.userCode());
}

void tst_DeviceCodeDialog::countdownDecreases()
{
    const qint64 first = m_dialog->remainingTime().count();
    QVERIFY2(first > 80 && first <= 90, QByteArray::number(first));
    QLabel *countdown = nullptr;
    for (QLabel *label : m_dialog->findChildren<QLabel *>()) {
        if (label->text().contains(QLatin1String("1:")))
            countdown = label;
    }
    QVERIFY(countdown);
    const QString before = countdown->text();
    QTRY_VERIFY_WITH_TIMEOUT(countdown->text() != before, 2500);
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->remainingTime().count() < first, 2500);
}

void tst_DeviceCodeDialog::linkOpensBrowser()
{
    UrlRecorder recorder;
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &recorder, "openUrl");
    QPushButton *link = linkButton();
    QVERIFY(link && link->isVisible());
    QCOMPARE(link->text(), m_code.verificationUri().toDisplayString());
    QTest::mouseClick(link, Qt::LeftButton);
    QTRY_COMPARE(recorder.urls.size(), 1);
    QCOMPARE(recorder.urls.first(), m_code.verificationUri());
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
}

void tst_DeviceCodeDialog::cancelCancelsRequest()
{
    QSignalSpy finished(m_request.data(), &TokenRequest::finished);
    QPointer<TokenRequest> request = m_request;
    AuthError error;
    connect(request, &TokenRequest::finished, this, [&] { error = request->error(); });
    QPushButton *cancel = button(QDialogButtonBox::Cancel);
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(finished.count() == 1);
    QCOMPARE(error.type(), AuthError::Cancelled);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
}

void tst_DeviceCodeDialog::escapeCancelsRequest()
{
    QSignalSpy finished(m_request.data(), &TokenRequest::finished);
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QTRY_VERIFY(finished.count() == 1);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->error().type(), AuthError::Cancelled);
}

void tst_DeviceCodeDialog::closesWhenSignedIn()
{
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(m_emulator.approveDeviceCode(m_code.userCode(), TestSupport::alice()));
    QVERIFY(accepted.wait(15000));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->authenticationResult().account().username(), TestSupport::alice());
}

void tst_DeviceCodeDialog::showsError()
{
    QVERIFY(m_emulator.declineDeviceCode(m_code.userCode()));
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->error().isError(), 15000);
    QVERIFY(m_dialog->isVisible()); // stays, so the person can read why
    bool shown = false;
    for (QLabel *label : m_dialog->findChildren<QLabel *>())
        shown = shown || (label->isVisible() && label->text() == m_dialog->error().errorString());
    QVERIFY(shown);
    QPushButton *close = button(QDialogButtonBox::Close);
    QVERIFY(close);
    GuiTest::saveScreenshot(m_dialog.get(), QStringLiteral("devicecodedialog-declined"));
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!m_dialog->isVisible());
}

namespace {

// What a stop looks like: the widget's own pixels.
QImage look(QWidget *widget)
{
    return widget->grab().toImage();
}

} // namespace

// Keyboard only: Tab walks code, Copy, the sign-in address, Cancel, and back; every stop shows
// that it has the focus; Enter and Space act on the stop that has it (copy, open the address);
// Enter never cancels unless Cancel has the focus; Escape cancels.
void tst_DeviceCodeDialog::keyboardOnly()
{
    UrlRecorder recorder;
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &recorder, "openUrl");
    const auto unsetHandler = qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("http")); });
    QSignalSpy finished(m_request.data(), &TokenRequest::finished);
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    QLabel *code = codeLabel();
    QPushButton *copy = copyButton();
    QPushButton *link = linkButton();
    QPushButton *cancel = button(QDialogButtonBox::Cancel);
    QVERIFY(code && copy && link && cancel);
    QTRY_COMPARE(QApplication::focusWidget(), code); // where the dialog starts once the code is in

    // The order, forwards and backwards.
    const QList<QWidget *> stops{code, copy, link, cancel};
    for (int i = 1; i <= stops.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), stops.at(i % stops.size()));
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QTRY_COMPARE(QApplication::focusWidget(), cancel);
    for (int i = stops.size() - 2; i >= 0; --i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QTRY_COMPARE(QApplication::focusWidget(), stops.at(i));
    }

    // Each stop looks different with the focus (reached by keyboard) than without it.
    for (QWidget *stop : stops) {
        QWidget *other = stop == code ? static_cast<QWidget *>(copy) : code;
        other->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), other);
        const QImage without = look(stop);
        stop->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), stop);
        QTRY_VERIFY2(look(stop) != without, qPrintable(stop->objectName() + QLatin1String(" shows no focus")));
        GuiTest::saveScreenshot(m_dialog.get(), QStringLiteral("devicecodedialog-focus-%1").arg(stops.indexOf(stop)));
    }

    // Enter on the code: Copy is the default button, Cancel is not.
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    code->setFocus(Qt::TabFocusReason);
    QTest::keyClick(code, Qt::Key_Return);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), m_code.userCode());
    QVERIFY(m_dialog->isVisible());

    // Enter and Space on Copy copy.
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    QTest::keyClick(code, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), copy);
    QTest::keyClick(copy, Qt::Key_Enter);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), m_code.userCode());
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    QTest::keyClick(copy, Qt::Key_Space);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), m_code.userCode());

    // Enter and Space on the address open it, in the application's URL handler.
    QTest::keyClick(copy, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), link);
    QTest::keyClick(link, Qt::Key_Return);
    QTRY_COMPARE(recorder.urls.size(), 1);
    QCOMPARE(recorder.urls.first(), m_code.verificationUri());
    QTest::keyClick(link, Qt::Key_Space);
    QTRY_COMPARE(recorder.urls.size(), 2);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(finished.count(), 0); // nothing of this cancelled the sign-in
    QVERIFY(!m_request->isFinished());

    // Escape, wherever the focus is, cancels.
    QTest::keyClick(link, Qt::Key_Escape);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->error().type(), AuthError::Cancelled);
}

QTEST_MAIN(tst_DeviceCodeDialog)
#include "tst_devicecodedialog.moc"
