#include "errorpanel.h"

#include <MsalQt/autherror.h>

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace MsalQtDemo {

ErrorPanel::ErrorPanel(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("errorPanel"));
    setFrameShape(QFrame::StyledPanel);
    // A light red that reads in light and dark palettes alike; the text keeps the palette's colour.
    setAutoFillBackground(true);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, QColor(0xfd, 0xe7, 0xe9));
    tinted.setColor(QPalette::WindowText, QColor(0x41, 0x0e, 0x0b));
    setPalette(tinted);

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(24, 24));
    icon->setAlignment(Qt::AlignTop);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("errorText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setAccessibleName(tr("Error details"));
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_copy = new QPushButton(tr("Cop&y details"), this);
    m_copy->setObjectName(QStringLiteral("copyError"));
    m_copy->setToolTip(tr("Copies the whole error, with its correlation id, to the clipboard"));
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(text()); });

    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("dismissError"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss the error"));
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void ErrorPanel::showError(const QString &what, const MsalQt::AuthError &error)
{
    QStringList lines{tr("%1: %2").arg(what, error.errorString())};
    // The server's own words, for a support request: errorString() keeps the first line only.
    QStringList details;
    if (!error.protocolError().isEmpty())
        details << tr("Error: %1").arg(error.protocolError());
    if (!error.subError().isEmpty())
        details << tr("Sub-error: %1").arg(error.subError());
    QStringList codes;
    for (int code : error.errorCodes())
        codes << QStringLiteral("AADSTS%1").arg(code);
    if (!codes.isEmpty())
        details << tr("Codes: %1").arg(codes.join(QStringLiteral(", ")));
    if (error.httpStatus() > 0)
        details << tr("HTTP status: %1").arg(error.httpStatus());
    if (!error.traceId().isEmpty())
        details << tr("Trace ID: %1").arg(error.traceId());
    // The correlation id ends errorString() already.
    details << tr("Time: %1").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    lines << details.join(QStringLiteral(" · "));
    showText(lines.join(QLatin1Char('\n')));
}

void ErrorPanel::showText(const QString &text)
{
    m_text->setText(text);
    show();
}

QString ErrorPanel::text() const
{
    return m_text->text();
}

} // namespace MsalQtDemo
