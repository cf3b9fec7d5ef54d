#include <MsalQt/Widgets/devicecodedialog.h>

#include <MsalQt/tokenrequest.h>

#include <functional>

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace MsalQt::Widgets {

namespace {

// Enter and Return, wherever they start, act on the stop that has the focus: a button is
// pressed, the code is copied. They never reach QDialog's default button: no button here is
// one, because a default button looks focused (the Fusion style draws both alike), and the
// first one would otherwise be Cancel.
class EnterKeyFilter : public QObject
{
public:
    EnterKeyFilter(std::function<bool(QWidget *)> action, QObject *parent)
        : QObject(parent), m_action(std::move(action))
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Enter || key == Qt::Key_Return)
                return m_action(QApplication::focusWidget());
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool(QWidget *)> m_action;
};

} // namespace

class DeviceCodeDialogPrivate
{
public:
    explicit DeviceCodeDialogPrivate(DeviceCodeDialog *q) : q_ptr(q) {}

    void setupUi();
    void retranslateUi();
    void reset();
    void showMessage();
    void showCode(const DeviceCode &code);
    void updateCountdown();
    void onFinished();
    void setButtons(QDialogButtonBox::StandardButtons buttons);
    bool pressEnter(QWidget *focus);

    DeviceCodeDialog *q_ptr;
    QPointer<TokenRequest> m_request;
    DeviceCode m_code;
    AuthenticationResult m_result;
    AuthError m_error;
    bool m_cancelling = false;
    bool m_finished = false;
    bool m_copied = false;

    QLabel *m_message = nullptr;
    QLabel *m_codeLabel = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_link = nullptr;
    QLabel *m_countdown = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer m_timer;
};

void DeviceCodeDialogPrivate::setupUi()
{
    DeviceCodeDialog *q = q_ptr;
    m_message = new QLabel(q);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_codeLabel = new QLabel(q);
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 2.4);
    codeFont.setBold(true);
    codeFont.setLetterSpacing(QFont::PercentageSpacing, 110);
    m_codeLabel->setFont(codeFont);
    m_codeLabel->setAlignment(Qt::AlignCenter);
    // Selectable with mouse and keyboard (Tab reaches it), so it can be copied by hand too.
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_codeLabel->setFocusPolicy(Qt::StrongFocus);
    m_codeLabel->setObjectName(QStringLiteral("userCode"));
    // A label draws no focus of its own: a frame in the highlight colour when it has it (and a
    // transparent one otherwise, so that nothing moves).
    m_codeLabel->setStyleSheet(QStringLiteral("QLabel { border: 2px solid transparent; border-radius: 4px; padding: 2px 8px; }"
                                              "QLabel:focus { border-color: palette(highlight); }"));

    // Push buttons, not a tool button and a rich-text label: both take the focus with Tab, draw
    // the style's focus frame, and press on Space (and on Enter: EnterKeyFilter).
    m_copy = new QPushButton(q);
    m_copy->setObjectName(QStringLiteral("copyCode"));
    m_copy->setIcon(QIcon(QStringLiteral(":/msalqt/widgets/icons/copy.svg")));
    m_copy->setEnabled(false);
    m_copy->setAutoDefault(false);
    QObject::connect(m_copy, &QPushButton::clicked, q, [this] {
        QGuiApplication::clipboard()->setText(m_code.userCode());
        m_copied = true;
        retranslateUi();
    });

    // The verification address as a link-looking button: underlined link colour, no bevel, and
    // the same focus frame as the code (a flat button draws no focus in the Fusion style).
    m_link = new QPushButton(q);
    m_link->setObjectName(QStringLiteral("verificationUri"));
    m_link->setAutoDefault(false);
    m_link->setCursor(Qt::PointingHandCursor);
    QFont linkFont = m_link->font();
    linkFont.setUnderline(true);
    m_link->setFont(linkFont);
    m_link->setStyleSheet(QStringLiteral("QPushButton { color: palette(link); background: transparent;"
                                         " border: 2px solid transparent; border-radius: 4px; padding: 2px 6px; }"
                                         "QPushButton:focus { border-color: palette(highlight); }"));
    // Not a QLabel with openExternalLinks: going through QDesktopServices lets applications (and
    // tests) install their own URL handler.
    QObject::connect(m_link, &QPushButton::clicked, q, [this] {
        if (m_code.verificationUri().isValid())
            QDesktopServices::openUrl(m_code.verificationUri());
    });

    m_countdown = new QLabel(q);

    m_errorLabel = new QLabel(q);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral("color: white; background-color: #b3261e; border-radius: 4px; padding: 6px;"));

    m_buttons = new QDialogButtonBox(q);
    QObject::connect(m_buttons, &QDialogButtonBox::rejected, q, &DeviceCodeDialog::reject);

    auto *codeRow = new QHBoxLayout;
    codeRow->addStretch(1);
    codeRow->addWidget(m_codeLabel);
    codeRow->addWidget(m_copy);
    codeRow->addStretch(1);

    auto *layout = new QVBoxLayout(q);
    layout->addWidget(m_message);
    layout->addSpacing(8);
    layout->addLayout(codeRow);
    layout->addWidget(m_link, 0, Qt::AlignHCenter);
    layout->addWidget(m_countdown, 0, Qt::AlignHCenter);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    QWidget::setTabOrder(m_codeLabel, m_copy);
    QWidget::setTabOrder(m_copy, m_link);
    QWidget::setTabOrder(m_link, m_buttons);

    q->installEventFilter(new EnterKeyFilter([this](QWidget *focus) { return pressEnter(focus); }, q));

    m_timer.setInterval(1000);
    QObject::connect(&m_timer, &QTimer::timeout, q, [this] { updateCountdown(); });
    q->setMinimumWidth(460);
    reset();
}

// At construction and on QEvent::LanguageChange (a translator installed or removed). The
// server's message and the code are the server's; the countdown says the rest again.
void DeviceCodeDialogPrivate::retranslateUi()
{
    q_ptr->setWindowTitle(DeviceCodeDialog::tr("Sign in on another device"));
    showMessage();
    m_codeLabel->setAccessibleName(DeviceCodeDialog::tr("Code to enter"));
    m_copy->setText(m_copied ? DeviceCodeDialog::tr("Copied") : DeviceCodeDialog::tr("&Copy"));
    m_copy->setToolTip(DeviceCodeDialog::tr("Copy the code to the clipboard"));
    m_copy->setAccessibleName(DeviceCodeDialog::tr("Copy code"));
    m_link->setAccessibleName(DeviceCodeDialog::tr("Sign-in page address"));
    m_link->setToolTip(m_code.isNull() ? QString() : DeviceCodeDialog::tr("Open the sign-in page in your browser"));
    m_countdown->setAccessibleName(DeviceCodeDialog::tr("Time left"));
    m_errorLabel->setAccessibleName(DeviceCodeDialog::tr("Error"));
    if (m_error.isError())
        m_errorLabel->setText(m_error.errorString());
    if (!m_finished)
        updateCountdown();
}

// No request yet, a new one, or one deleted before it finished: nothing to show.
void DeviceCodeDialogPrivate::reset()
{
    m_timer.stop();
    m_code = {};
    m_result = {};
    m_error = {};
    m_cancelling = false;
    m_finished = false;
    m_copied = false;
    m_codeLabel->clear();
    m_codeLabel->setEnabled(true);
    m_copy->setEnabled(false);
    m_link->setText(QString());
    m_link->hide(); // no address, no tab stop
    m_countdown->clear();
    m_errorLabel->clear();
    m_errorLabel->hide();
    setButtons(QDialogButtonBox::Cancel);
    retranslateUi();
}

void DeviceCodeDialogPrivate::showMessage()
{
    if (m_code.isNull())
        m_message->setText(DeviceCodeDialog::tr("Waiting for a code from the server…"));
    else if (!m_code.message().isEmpty())
        m_message->setText(m_code.message());
    else
        m_message->setText(DeviceCodeDialog::tr("To sign in, open the page below on any device and enter the code."));
}

void DeviceCodeDialogPrivate::showCode(const DeviceCode &code)
{
    m_code = code;
    m_copied = false;
    m_codeLabel->setText(code.userCode());
    m_copy->setEnabled(!code.userCode().isEmpty());
    const QUrl uri = code.verificationUri();
    // A literal '&' in the address is not a mnemonic.
    m_link->setText(uri.toDisplayString().replace(QLatin1Char('&'), QLatin1String("&&")));
    m_link->setVisible(uri.isValid() && !uri.isEmpty());
    retranslateUi();
    m_timer.start();
    updateCountdown();
    m_codeLabel->setFocus();
    // The server's message is usually longer than the placeholder: grow to show all of it.
    q_ptr->adjustSize();
}

void DeviceCodeDialogPrivate::updateCountdown()
{
    const qint64 left = q_ptr->remainingTime().count();
    if (left < 0) {
        m_countdown->clear();
        return;
    }
    if (left == 0) {
        m_timer.stop();
        m_countdown->setText(DeviceCodeDialog::tr("The code has expired."));
        return;
    }
    const QString time = QStringLiteral("%1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0'));
    m_countdown->setText(DeviceCodeDialog::tr("The code expires in %1.").arg(time));
}

void DeviceCodeDialogPrivate::onFinished()
{
    DeviceCodeDialog *q = q_ptr;
    TokenRequest *request = m_request.data();
    if (!request)
        return;
    m_finished = true;
    m_result = request->result();
    m_error = request->error();
    m_timer.stop();
    if (request->isSuccess()) {
        q->QDialog::accept();
        return;
    }
    if (m_cancelling)
        return; // reject() closed the dialog already
    if (m_error.type() == AuthError::Cancelled) {
        q->QDialog::reject();
        return;
    }
    // Stay open: the person reads why, then closes.
    m_errorLabel->setText(m_error.errorString());
    m_errorLabel->show();
    m_countdown->clear();
    m_copy->setEnabled(false);
    m_codeLabel->setEnabled(false); // no longer usable
    setButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
    q->adjustSize();
}

void DeviceCodeDialogPrivate::setButtons(QDialogButtonBox::StandardButtons buttons)
{
    m_buttons->setStandardButtons(buttons);
    const auto all = m_buttons->buttons();
    for (QAbstractButton *button : all) {
        if (auto *push = qobject_cast<QPushButton *>(button))
            push->setAutoDefault(false); // see EnterKeyFilter
    }
}

bool DeviceCodeDialogPrivate::pressEnter(QWidget *focus)
{
    if (focus && focus->window() != q_ptr)
        return false;
    if (auto *button = qobject_cast<QPushButton *>(focus)) {
        if (button->isEnabled())
            button->click();
    } else if (focus == m_codeLabel && m_copy->isEnabled()) {
        m_copy->click();
    }
    return true;
}

DeviceCodeDialog::DeviceCodeDialog(QWidget *parent) : QDialog(parent), d_ptr(new DeviceCodeDialogPrivate(this))
{
    Q_D(DeviceCodeDialog);
    d->setupUi();
}

DeviceCodeDialog::DeviceCodeDialog(TokenRequest *request, QWidget *parent) : DeviceCodeDialog(parent)
{
    setRequest(request);
}

DeviceCodeDialog::~DeviceCodeDialog() = default;

void DeviceCodeDialog::setRequest(TokenRequest *request)
{
    Q_D(DeviceCodeDialog);
    if (d->m_request == request)
        return;
    if (d->m_request)
        disconnect(d->m_request, nullptr, this, nullptr);
    d->m_request = request;
    d->reset();
    if (!request)
        return;
    connect(request, &TokenRequest::deviceCodeReceived, this, [d](const DeviceCode &code) { d->showCode(code); });
    connect(request, &TokenRequest::finished, this, [d] { d->onFinished(); });
    // Requests delete themselves once finished (the dialog has kept the outcome by then); one
    // deleted while it runs emits finished() (Cancelled) first, so this only resets a dialog
    // whose request never reported.
    connect(request, &QObject::destroyed, this, [d] {
        if (!d->m_finished)
            d->reset();
    });
}

TokenRequest *DeviceCodeDialog::request() const
{
    Q_D(const DeviceCodeDialog);
    return d->m_request.data();
}

DeviceCode DeviceCodeDialog::deviceCode() const
{
    Q_D(const DeviceCodeDialog);
    return d->m_code;
}

void DeviceCodeDialog::setDeviceCode(const DeviceCode &deviceCode)
{
    Q_D(DeviceCodeDialog);
    d->showCode(deviceCode);
}

AuthenticationResult DeviceCodeDialog::authenticationResult() const
{
    Q_D(const DeviceCodeDialog);
    return d->m_result;
}

AuthError DeviceCodeDialog::error() const
{
    Q_D(const DeviceCodeDialog);
    return d->m_error;
}

std::chrono::seconds DeviceCodeDialog::remainingTime() const
{
    Q_D(const DeviceCodeDialog);
    if (d->m_code.isNull() || !d->m_code.expiresOn().isValid())
        return std::chrono::seconds(-1);
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(d->m_code.expiresOn());
    return std::chrono::seconds(qMax<qint64>(0, left));
}

void DeviceCodeDialog::reject()
{
    Q_D(DeviceCodeDialog);
    if (d->m_request && !d->m_request->isFinished()) {
        d->m_cancelling = true;
        d->m_request->cancel();
    }
    QDialog::reject();
}

void DeviceCodeDialog::changeEvent(QEvent *event)
{
    Q_D(DeviceCodeDialog);
    if (event->type() == QEvent::LanguageChange)
        d->retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace MsalQt::Widgets
