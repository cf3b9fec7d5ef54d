#include "graphpanel.h"

#include "jsontree.h"

#include <MsalQt/authenticationchallenge.h>

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace MsalQtDemo {

GraphPanel::GraphPanel(const QUrl &graphBase, QWidget *parent) : QWidget(parent), m_base(graphBase)
{
    m_network = new QNetworkAccessManager(this);
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
    layout->addWidget(m_status);
    layout->addWidget(tabs, 1);

    connect(m_send, &QPushButton::clicked, this, &GraphPanel::send);
    connect(m_path, &QLineEdit::returnPressed, this, &GraphPanel::send);
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
    setSending(true);
    m_status->setText(tr("Getting a token…"));
    const quint64 generation = m_generation;
    m_provider(QString(), [this, generation](const MsalQt::AuthenticationResult &result, const MsalQt::AuthError &error) {
        if (generation != m_generation)
            return; // cleared meanwhile
        if (result.isNull())
            fail(tr("No token: %1").arg(error.errorString()));
        else
            sendWithToken(result, false);
    });
}

void GraphPanel::sendWithToken(const MsalQt::AuthenticationResult &result, bool retried)
{
    QNetworkRequest request(requestUrl());
    request.setRawHeader("Authorization", result.authorizationHeader());
    request.setRawHeader("Accept", "application/json");
    m_status->setText(tr("Sending…"));
    m_elapsed.start();
    QNetworkReply *reply = m_network->sendCustomRequest(request, m_method->currentText().toLatin1());
    m_reply = reply;
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, retried, generation] {
        if (generation != m_generation) {
            reply->deleteLater(); // cleared meanwhile
            return;
        }
        onReply(reply, retried);
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

void GraphPanel::onReply(QNetworkReply *reply, bool retried)
{
    reply->deleteLater();
    const qint64 ms = m_elapsed.elapsed();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 401 && !retried) {
        const QString claims = MsalQt::AuthenticationChallenge::claimsFromHeader(reply->rawHeader("WWW-Authenticate"));
        if (!claims.isEmpty()) {
            m_status->setText(tr("HTTP 401 with a claims challenge: getting a new token…"));
            const quint64 generation = m_generation;
            m_provider(claims, [this, generation](const MsalQt::AuthenticationResult &result, const MsalQt::AuthError &error) {
                if (generation != m_generation)
                    return;
                if (result.isNull())
                    fail(tr("No token for the claims challenge: %1").arg(error.errorString()));
                else
                    sendWithToken(result, true);
            });
            return;
        }
    }
    setSending(false);
    if (status == 0) {
        fail(tr("Network error: %1").arg(reply->errorString()));
        return;
    }
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    QString summary = tr("HTTP %1 %2 · %3 ms").arg(status).arg(reason).arg(ms);
    if (retried)
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
