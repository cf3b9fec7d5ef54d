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
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

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

private:
    void start();
    QLabel *codeLabel() const;
    QToolButton *copyButton() const;
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

QToolButton *tst_DeviceCodeDialog::copyButton() const
{
    return m_dialog->findChild<QToolButton *>();
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
    QToolButton *copy = copyButton();
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
    QLabel *link = nullptr;
    for (QLabel *label : m_dialog->findChildren<QLabel *>()) {
        if (label->text().contains(QLatin1String("<a href")))
            link = label;
    }
    QVERIFY(link);
    QTest::mouseClick(link, Qt::LeftButton, {}, link->rect().center());
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

QTEST_MAIN(tst_DeviceCodeDialog)
#include "tst_devicecodedialog.moc"
