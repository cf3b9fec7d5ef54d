#include "graphpanel.h"

#include "jsontree.h"

#include <MsalQt/authenticatednetworkaccess.h>
#include <MsalQt/authenticatedreply.h>

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace MsalQtDemo {

GraphPanel::GraphPanel(const QUrl &graphBase, QWidget *parent) : QWidget(parent), m_base(graphBase)
{
    m_method = new QComboBox(this);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PATCH"), QStringLiteral("DELETE")});
    m_method->setAccessibleName(tr("HTTP method"));
    auto *baseLabel = new QLabel(m_base.toString(), this);
    baseLabel->setToolTip(tr("Graph endpoint"));
    m_path = new QLineEdit(QStringLiteral("/v1.0/me"), this);
    m_path->setObjectName(QStringLiteral("graphPath"));
    m_path->setAccessibleName(tr("Request path under the Graph endpoint"));
    m_send = new QPushButton(tr("Sen&d"), this);
    m_send->setObjectName(QStringLiteral("graphSend"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_method);
    bar->addWidget(baseLabel);
    bar->addWidget(m_path, 1);
    bar->addWidget(m_send);
    m_body = new QLineEdit(this);
    m_body->setObjectName(QStringLiteral("graphBody"));
    m_body->setPlaceholderText(tr("Request body (JSON) for POST and PATCH"));
    m_body->setToolTip(tr("For example {\"displayName\": \"Groceries\"} to POST to /v1.0/me/todo/lists"));
    m_body->setAccessibleName(tr("Request body"));
    m_body->setClearButtonEnabled(true);

    m_status = new QLabel(tr("No request sent yet."), this);
    m_status->setObjectName(QStringLiteral("graphStatus"));
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Name"), tr("Value")});
    m_tree->setAccessibleName(tr("Response as a tree"));
    m_raw = new QPlainTextEdit(this);
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setAccessibleName(tr("Response as text"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_tree, tr("&JSON"));
    tabs->addTab(m_raw, tr("Ra&w"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_body);
    layout->addWidget(m_status);
    layout->addWidget(tabs, 1);

    connect(m_send, &QPushButton::clicked, this, &GraphPanel::send);
    connect(m_path, &QLineEdit::returnPressed, this, &GraphPanel::send);
    connect(m_body, &QLineEdit::returnPressed, this, &GraphPanel::send);
    connect(m_method, &QComboBox::currentTextChanged, this, &GraphPanel::updateBody);
    updateBody();
}

void GraphPanel::updateBody()
{
    const QString method = m_method->currentText();
    m_body->setEnabled(method == QLatin1String("POST") || method == QLatin1String("PATCH"));
}

QUrl GraphPanel::requestUrl() const
{
    QString path = m_path->text().trimmed();
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    QString base = m_base.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + path);
}

void GraphPanel::send()
{
    if (!m_provider || m_sending || m_signInBusy)
        return;
    MsalQt::AuthenticatedNetworkAccess *access = m_provider();
    if (!access)
        return;
    setSending(true);
    m_status->setText(tr("Getting a token…"));
    m_elapsed.invalidate();
    QNetworkRequest request(requestUrl());
    request.setRawHeader("Accept", "application/json");
    const QByteArray method = m_method->currentText().toLatin1();
    QByteArray body;
    if (m_body->isEnabled()) {
        body = m_body->text().toUtf8();
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    MsalQt::AuthenticatedReply *reply = access->sendCustomRequest(request, method, body);
    m_reply = reply;
    // What the reply is doing, for the status line: a second token request answers a challenge.
    auto tokenRequests = std::make_shared<int>(0);
    connect(access, &MsalQt::AuthenticatedNetworkAccess::tokenRequestStarted, reply, [this, tokenRequests] {
        if (++*tokenRequests > 1)
            m_status->setText(tr("HTTP 401 with a claims challenge: getting a new token…"));
    });
    connect(access, &MsalQt::AuthenticatedNetworkAccess::tokenAcquired, reply, [this] {
        m_status->setText(tr("Sending…"));
        m_elapsed.start();
    });
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation == m_generation) // else cleared meanwhile
            onReply(reply);
    });
}

void GraphPanel::clear()
{
    ++m_generation;
    if (m_reply)
        m_reply->abort();
    setSending(false);
    m_status->setText(tr("No request sent yet."));
    m_raw->clear();
    m_tree->clear();
}

void GraphPanel::setSignInBusy(bool busy)
{
    m_signInBusy = busy;
    updateSend();
}

void GraphPanel::setSending(bool sending)
{
    m_sending = sending;
    updateSend();
}

void GraphPanel::updateSend()
{
    m_send->setEnabled(!m_sending && !m_signInBusy);
}

void GraphPanel::onReply(MsalQt::AuthenticatedReply *reply)
{
    if (reply->authError().isError()) {
        fail(tr("No token: %1").arg(reply->authError().errorString()));
        Q_EMIT tokenFailed(reply->authError());
        return;
    }
    setSending(false);
    const qint64 ms = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        fail(tr("Network error: %1").arg(reply->errorString()));
        return;
    }
    const QByteArray body = reply->readAll();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    QString summary = tr("HTTP %1 %2 · %3 ms").arg(status).arg(reason).arg(ms);
    if (reply->isChallengeAnswered())
        summary += tr(" · retried with a new token after a claims challenge");
    m_status->setText(summary);
    const QJsonDocument document = QJsonDocument::fromJson(body);
    m_raw->setPlainText(document.isNull() ? QString::fromUtf8(body)
                                          : QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
    if (document.isObject())
        fillJsonTree(m_tree, document.object());
    else if (document.isArray())
        fillJsonTree(m_tree, QJsonValue(document.array()));
    else
        m_tree->clear();
    Q_EMIT finished(status);
}

void GraphPanel::fail(const QString &message)
{
    setSending(false);
    m_status->setText(message);
    Q_EMIT finished(0);
}

} // namespace MsalQtDemo
