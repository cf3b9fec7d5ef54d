#include "tokenview.h"

#include "jsontree.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace MsalQtDemo {

namespace {

QDateTime fromEpoch(const QJsonValue &value)
{
    if (!value.isDouble())
        return {};
    return QDateTime::fromSecsSinceEpoch(qint64(value.toDouble()));
}

QString audienceText(const QJsonValue &aud)
{
    if (aud.isArray()) {
        QStringList list;
        for (const QJsonValue &v : aud.toArray())
            list << v.toString();
        return list.join(QStringLiteral(", "));
    }
    return aud.toString();
}

} // namespace

TokenView::TokenView(QWidget *parent) : QWidget(parent)
{
    m_which = new QComboBox(this);
    m_which->addItem(tr("Access token"));
    m_which->addItem(tr("ID token"));
    m_which->setObjectName(QStringLiteral("tokenKind"));
    m_which->setAccessibleName(tr("Token to show"));
    auto *whichLabel = new QLabel(tr("&Token:"), this);
    whichLabel->setBuddy(m_which);

    m_showRaw = new QPushButton(tr("Show &raw token"), this);
    m_showRaw->setCheckable(true);
    m_showRaw->setObjectName(QStringLiteral("showRawToken"));
    m_copy = new QPushButton(tr("&Copy token"), this);
    m_copy->setToolTip(tr("Copies the raw token to the clipboard"));
    m_copy->setObjectName(QStringLiteral("copyToken"));

    auto *top = new QHBoxLayout;
    top->addWidget(whichLabel);
    top->addWidget(m_which, 1);
    top->addWidget(m_showRaw);
    top->addWidget(m_copy);

    m_issued = new QLabel(this);
    m_expires = new QLabel(this);
    m_expires->setObjectName(QStringLiteral("expiresLabel"));
    m_scopes = new QLabel(this);
    m_scopes->setWordWrap(true);
    m_audience = new QLabel(this);
    m_tenant = new QLabel(this);
    for (QLabel *label : {m_issued, m_expires, m_scopes, m_audience, m_tenant})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *form = new QFormLayout;
    form->addRow(tr("Issued:"), m_issued);
    form->addRow(tr("Expires:"), m_expires);
    form->addRow(tr("Scopes:"), m_scopes);
    form->addRow(tr("Audience:"), m_audience);
    form->addRow(tr("Tenant:"), m_tenant);

    m_claims = new QTreeWidget(this);
    m_claims->setObjectName(QStringLiteral("claimsTree"));
    m_claims->setColumnCount(2);
    m_claims->setHeaderLabels({tr("Claim"), tr("Value")});
    m_claims->setAccessibleName(tr("Token claims"));
    m_claims->setAlternatingRowColors(true);

    m_raw = new QPlainTextEdit(this);
    m_raw->setReadOnly(true);
    m_raw->setObjectName(QStringLiteral("rawToken"));
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setAccessibleName(tr("Raw token"));
    m_raw->setMaximumHeight(90);
    m_raw->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addWidget(m_claims, 1);
    layout->addWidget(m_raw);

    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &TokenView::updateCountdown);
    connect(m_which, &QComboBox::currentIndexChanged, this, &TokenView::showCurrent);
    connect(m_showRaw, &QPushButton::toggled, this, [this](bool on) {
        m_showRaw->setText(on ? tr("Hide &raw token") : tr("Show &raw token"));
        m_raw->setPlainText(on ? currentToken() : QString());
        m_raw->setVisible(on);
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        const QString token = currentToken();
        if (!token.isEmpty())
            QApplication::clipboard()->setText(token);
    });
    clear();
}

void TokenView::setResult(const MsalQt::AuthenticationResult &result)
{
    m_result = result;
    showCurrent();
}

void TokenView::clear()
{
    m_result = MsalQt::AuthenticationResult();
    showCurrent();
}

QString TokenView::currentToken() const
{
    return m_which->currentIndex() == 0 ? m_result.accessToken() : m_result.idToken();
}

void TokenView::showCurrent()
{
    const QString token = currentToken();
    const QJsonObject claims = decodeJwtPayload(token);
    fillJsonTree(m_claims, claims);
    if (!claims.isEmpty() && m_claims->topLevelItemCount() > 0) {
        // Times as readable dates next to the numbers.
        for (int i = 0; i < m_claims->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_claims->topLevelItem(i);
            const QString name = item->text(0);
            if (name == QLatin1String("iat") || name == QLatin1String("exp") || name == QLatin1String("nbf")) {
                const QDateTime when = fromEpoch(claims.value(name));
                item->setText(1, QStringLiteral("%1 (%2)").arg(item->text(1), QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)));
            }
        }
    }
    const bool has = !token.isEmpty();
    m_copy->setEnabled(has);
    m_showRaw->setEnabled(has);
    if (m_showRaw->isChecked())
        m_raw->setPlainText(token);

    const QString none = tr("—");
    const QDateTime issued = fromEpoch(claims.value(QLatin1String("iat")));
    m_issued->setText(issued.isValid() ? QLocale().toString(issued.toLocalTime(), QLocale::LongFormat) : none);
    m_expiresAt = fromEpoch(claims.value(QLatin1String("exp")));
    if (!m_expiresAt.isValid() && m_which->currentIndex() == 0)
        m_expiresAt = m_result.expiresOn();
    QString scopes = claims.value(QLatin1String("scp")).toString();
    if (scopes.isEmpty() && m_which->currentIndex() == 0)
        scopes = m_result.scopes().join(QLatin1Char(' '));
    m_scopes->setText(scopes.isEmpty() ? none : scopes);
    const QString audience = audienceText(claims.value(QLatin1String("aud")));
    m_audience->setText(audience.isEmpty() ? none : audience);
    QString tenant = claims.value(QLatin1String("tid")).toString();
    if (tenant.isEmpty())
        tenant = m_result.tenantId();
    m_tenant->setText(tenant.isEmpty() ? none : tenant);
    updateCountdown();
    if (m_expiresAt.isValid())
        m_timer->start();
    else
        m_timer->stop();
}

void TokenView::updateCountdown()
{
    if (!m_expiresAt.isValid()) {
        m_expires->setText(tr("—"));
        return;
    }
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_expiresAt);
    const QString when = QLocale().toString(m_expiresAt.toLocalTime(), QLocale::LongFormat);
    if (left <= 0) {
        m_expires->setText(tr("%1 (expired)").arg(when));
        m_timer->stop();
        return;
    }
    const QString countdown = QStringLiteral("%1:%2:%3")
                                  .arg(left / 3600)
                                  .arg((left / 60) % 60, 2, 10, QLatin1Char('0'))
                                  .arg(left % 60, 2, 10, QLatin1Char('0'));
    m_expires->setText(tr("%1 (in %2)").arg(when, countdown));
}

} // namespace MsalQtDemo
