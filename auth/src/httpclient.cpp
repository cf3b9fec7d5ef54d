#include "httpclient_p.h"

#include "logging_p.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSysInfo>

namespace MsalQt::Internal {

// Without a Retry-After, a 429 still means "not now": wait this long, as MSAL.NET does.
static constexpr int defaultThrottleSeconds = 60;
// Never honour an absurd Retry-After for longer than this (the platform's own cap).
static constexpr int maxThrottleSeconds = 3600;

QByteArray encodeForm(const FormFields &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QDateTime parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return {};
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? QDateTime() : now.addSecs(qMin<qint64>(seconds, maxThrottleSeconds));
    // IMF-fixdate (RFC 9110 §5.6.7) says "GMT", which Qt's RFC 2822 parser wants as an offset.
    QString text = QString::fromLatin1(trimmed);
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QLatin1String(" +0000");
    const QDateTime date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!date.isValid())
        return {};
    return qMin(date.toUTC(), now.addSecs(maxThrottleSeconds));
}

HttpCall::HttpCall(HttpClient *client, const HttpRequest &request, QObject *parent)
    : QObject(parent), m_client(client), m_request(request)
{
    m_timeoutTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &HttpCall::onTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpCall::startAttempt);
}

HttpCall::~HttpCall()
{
    abort();
}

void HttpCall::abort()
{
    m_timeoutTimer.stop();
    m_retryTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpCall::startAttempt()
{
    m_response = HttpResponse{0, {}, {}, QNetworkReply::NoError, {}, false, {}, m_response.attempts + 1};

    QNetworkRequest request(m_request.url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("client-request-id", m_request.correlationId.toLatin1());
    request.setRawHeader("return-client-request-id", "true");
    request.setRawHeader("x-client-SKU", "MSAL.Qt");
    request.setRawHeader("x-client-Ver", MSALQT_VERSION_STRING);
    request.setRawHeader("x-client-OS", QSysInfo::productType().toUtf8());
    request.setRawHeader("x-client-CPU", QSysInfo::currentCpuArchitecture().toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("MsalQt/" MSALQT_VERSION_STRING " Qt/") + qVersion());
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);

    QNetworkAccessManager *manager = m_client->networkAccessManager();
    if (m_request.form.isEmpty()) {
        m_reply = manager->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded;charset=utf-8"));
        m_reply = manager->post(request, encodeForm(m_request.form));
    }
    qCDebug(lcMsalHttp).nospace() << (m_request.form.isEmpty() ? "GET " : "POST ")
                                  << loggableUrl(m_request.url) << " attempt " << m_response.attempts
                                  << " correlation " << m_request.correlationId;
    connect(m_reply, &QNetworkReply::finished, this, &HttpCall::onReplyFinished);
    const auto timeout = m_request.timeout.count() > 0 ? m_request.timeout : m_client->timeout();
    m_timeoutTimer.start(timeout);
}

void HttpCall::onTimeout()
{
    if (!m_reply)
        return;
    qCInfo(lcMsalHttp) << "Request to" << loggableUrl(m_request.url) << "timed out";
    m_response.timedOut = true;
    m_reply->disconnect(this);
    m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
    if (m_request.retry && m_response.attempts < 2) {
        m_retryTimer.start(m_client->retryDelay());
        return;
    }
    finish();
}

void HttpCall::onReplyFinished()
{
    m_timeoutTimer.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();

    m_response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_response.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        m_response.headers.insert(name.toLower(), value);
    if (m_response.status == 0) {
        m_response.networkError = reply->error();
        m_response.networkErrorString = reply->errorString();
    }
    qCDebug(lcMsalHttp).nospace() << "HTTP " << m_response.status << " from "
                                  << loggableUrl(m_request.url);

    const bool throttled = m_response.status == 429
        || (m_response.status == 503 && m_response.headers.contains("retry-after"));
    if (throttled) {
        m_client->noteThrottle(m_request, m_response);
        m_response.throttledUntil = m_client->m_throttledUntil.value(HttpClient::throttleKey(m_request));
        finish();
        return;
    }
    if (m_response.status >= 500 && m_request.retry && m_response.attempts < 2) {
        qCInfo(lcMsalHttp) << "Server error" << m_response.status << "from"
                           << loggableUrl(m_request.url) << "- retrying once";
        m_retryTimer.start(m_client->retryDelay());
        return;
    }
    finish();
}

void HttpCall::finish()
{
    Q_EMIT finished();
}

HttpClient::HttpClient(QNetworkAccessManager *manager) : m_manager(manager) {}

QString HttpClient::throttleKey(const HttpRequest &request)
{
    // The same request to the same endpoint: URL, client and grant and scope, not the secrets.
    QStringList parts{request.url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString()};
    for (const auto &[name, value] : request.form) {
        if (name == QLatin1String("client_id") || name == QLatin1String("grant_type")
            || name == QLatin1String("scope")) {
            parts << name + QLatin1Char('=') + value;
        }
    }
    return parts.join(QLatin1Char('|'));
}

void HttpClient::noteThrottle(const HttpRequest &request, const HttpResponse &response)
{
    QDateTime until = parseRetryAfter(response.header("retry-after"), now());
    if (!until.isValid())
        until = now().addSecs(defaultThrottleSeconds);
    m_throttledUntil.insert(throttleKey(request), until);
    qCWarning(lcMsalHttp) << "Throttled by" << loggableUrl(request.url) << "until"
                          << until.toString(Qt::ISODate);
}

HttpCall *HttpClient::send(const HttpRequest &request, QObject *parent)
{
    auto *call = new HttpCall(this, request, parent);
    const QString key = throttleKey(request);
    const auto it = m_throttledUntil.constFind(key);
    if (it != m_throttledUntil.cend()) {
        if (*it > now()) {
            // Fail without touching the network; queued so the caller can connect first.
            call->m_response.throttledUntil = *it;
            call->m_response.status = 429;
            qCInfo(lcMsalHttp) << "Not sending to" << loggableUrl(request.url)
                               << "- still throttled until" << it->toString(Qt::ISODate);
            QMetaObject::invokeMethod(call, &HttpCall::finish, Qt::QueuedConnection);
            return call;
        }
        m_throttledUntil.erase(it);
    }
    QMetaObject::invokeMethod(call, &HttpCall::startAttempt, Qt::QueuedConnection);
    return call;
}

} // namespace MsalQt::Internal
