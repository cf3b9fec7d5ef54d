#include "httpclient_p.h"

#include "logging_p.h"

#include <MsalQt/authority.h>

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSysInfo>

#include <algorithm>

namespace MsalQt::Internal {

// Without a Retry-After, a 429 still means "not now": wait this long, as MSAL.NET does.
static constexpr int defaultThrottleSeconds = 60;
// Never honour an absurd Retry-After for longer than this (the platform's own cap).
static constexpr int maxThrottleSeconds = 3600;
// How far Qt's HTTP thread reads ahead of us; with the cap, the most an answer ever occupies.
static constexpr qint64 readBufferSize = 64 * 1024;
// https redirects a request without credentials follows (Qt's own default is 50).
static constexpr int maxRedirects = 5;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::HttpClient)
};
} // namespace

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
    // delay-seconds = 1*DIGIT: no sign, no blanks inside. Past the cap, the digits need not be
    // read further (nor fit any integer).
    if (std::all_of(trimmed.cbegin(), trimmed.cend(), [](char c) { return c >= '0' && c <= '9'; })) {
        QByteArray digits = trimmed;
        while (digits.size() > 1 && digits.startsWith('0'))
            digits.remove(0, 1);
        const qint64 seconds = digits.size() > 9 ? qint64(maxThrottleSeconds) : digits.toLongLong();
        return now.addSecs(qMin<qint64>(seconds, maxThrottleSeconds));
    }
    // IMF-fixdate (RFC 9110 §5.6.7) says "GMT", which Qt's RFC 2822 parser wants as an offset.
    QString text = QString::fromLatin1(trimmed);
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QLatin1String(" +0000");
    const QDateTime date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!date.isValid())
        return {};
    return qMin(date.toUTC(), now.addSecs(maxThrottleSeconds));
}

bool HttpRequest::carriesCredential() const
{
    if (isPost())
        return true;
    for (const auto &[name, value] : headers) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isSecureEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    return url.scheme() == QLatin1String("https")
        || (url.scheme() == QLatin1String("http") && Authority::isLoopbackHost(url.host()));
}

std::optional<AuthError> pipelineError(const HttpResponse &response)
{
    AuthError error;
    switch (response.refusal) {
    case HttpRefusal::TooLarge:
        error = AuthError(AuthError::ResponseTooLarge,
                          Tr::tr("The server's answer is larger than %1 bytes; it was not read further.")
                              .arg(response.sizeLimit));
        break;
    case HttpRefusal::Redirect:
        error = AuthError(AuthError::InvalidResponse,
                          Tr::tr("The server redirected the request to %1; it was not followed (a request that carries credentials follows no redirect, and none follows one to plain http).")
                              .arg(loggableUrl(response.redirectTarget)));
        break;
    case HttpRefusal::None:
        if (!response.timedOut || response.throttledUntil.isValid())
            return std::nullopt;
        error = AuthError(AuthError::Timeout, response.stalled
                              ? Tr::tr("The server stopped sending its answer.")
                              : Tr::tr("The server did not answer in time."));
        break;
    }
    error.setHttpStatus(response.status);
    return error;
}

HttpCall::HttpCall(HttpClient *client, const HttpRequest &request, QObject *parent)
    : QObject(parent), m_client(client), m_request(request)
{
    m_timeoutTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early: not before Retry-After
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] { onTimeout(false); });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { onTimeout(true); });
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpCall::startAttempt);
    if (m_request.maxResponseSize > 0)
        m_limit = m_request.maxResponseSize;
}

HttpCall::~HttpCall()
{
    abort();
}

void HttpCall::abort()
{
    m_retryTimer.stop();
    dropReply();
}

void HttpCall::dropReply()
{
    m_timeoutTimer.stop();
    m_idleTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

void HttpCall::startAttempt()
{
    const int attempts = m_response.attempts + 1;
    m_response = HttpResponse{};
    m_response.attempts = attempts;
    m_body.clear();

    QNetworkRequest request(m_request.url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("client-request-id", m_request.correlationId.toLatin1());
    request.setRawHeader("return-client-request-id", "true");
    request.setRawHeader("x-client-SKU", "MSAL.Qt");
    request.setRawHeader("x-client-Ver", MSALQT_VERSION_STR);
    request.setRawHeader("x-client-OS", QSysInfo::productType().toUtf8());
    request.setRawHeader("x-client-CPU", QSysInfo::currentCpuArchitecture().toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("MsalQt/" MSALQT_VERSION_STR " Qt/") + qVersion());
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);
    if (m_request.carriesCredential()) {
        // Qt follows redirects by default, and a 307/308 repeats the body: never with a secret.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    } else {
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
        request.setMaximumRedirectsAllowed(maxRedirects);
    }

    QNetworkAccessManager *manager = m_client->networkAccessManager();
    if (!m_request.form.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded;charset=utf-8"));
        m_reply = manager->post(request, encodeForm(m_request.form));
    } else if (!m_request.body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
        m_reply = manager->post(request, m_request.body);
        if (!m_request.retry)
            m_request.body.clear(); // no second attempt: QNAM holds the only copy it still needs
    } else {
        m_reply = manager->get(request);
    }
    qCDebug(lcMsalHttp).nospace() << (m_request.isPost() ? "POST " : "GET ") << loggableUrl(m_request.url)
                                  << " attempt " << m_response.attempts << " correlation " << m_request.correlationId;
    // Qt's HTTP thread reads ahead of us only this far, so the cap below bounds what is held.
    // Without it the thread reads as fast as the server sends, and QNetworkReply compresses its
    // readyRead()s until the thread pauses: hundreds of MiB before we see the first byte. The
    // reply hands the size to its thread only once the request has started, which a GET does
    // at once and a POST on the next event-loop turn: so set it now and again then.
    m_reply->setReadBufferSize(readBufferSize);
    QMetaObject::invokeMethod(
        this, [reply = m_reply] { if (reply) reply->setReadBufferSize(readBufferSize); }, Qt::QueuedConnection);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpCall::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpCall::onReadyRead);
    connect(m_reply, &QNetworkReply::redirected, this, &HttpCall::onRedirected);
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this] { m_idleTimer.start(); });
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this] { m_idleTimer.start(); });
    connect(m_reply, &QNetworkReply::finished, this, &HttpCall::onReplyFinished);
    // A manager deletes its replies with it, without finished(): end the call now rather than at
    // its deadline.
    connect(m_reply, &QObject::destroyed, this, &HttpCall::onReplyDestroyed);
    const auto timeout = m_client->attemptTimeout(m_request);
    m_timeoutTimer.start(timeout);
    m_idleTimer.start(std::max(timeout / 2, std::chrono::milliseconds(1)));
}

void HttpCall::onMetaDataChanged()
{
    m_idleTimer.start();
    // A body announced larger than the cap is refused before a byte of it is read.
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_limit)
        refuse(HttpRefusal::TooLarge);
}

void HttpCall::onReadyRead()
{
    m_idleTimer.start();
    if (!readBody(m_reply))
        refuse(HttpRefusal::TooLarge);
}

bool HttpCall::readBody(QNetworkReply *reply)
{
    // One byte past the cap is enough to know; the rest stays in Qt's bounded read buffer.
    const qint64 room = m_limit + 1 - m_body.size();
    if (room > 0)
        m_body += reply->read(room);
    return m_body.size() <= m_limit;
}

void HttpCall::onRedirected(const QUrl &target)
{
    m_idleTimer.start();
    // Only requests without credentials get here (UserVerifiedRedirectPolicy); they follow
    // https only, so a redirect cannot downgrade the transport.
    if (target.scheme() == QLatin1String("https")) {
        Q_EMIT m_reply->redirectAllowed();
        return;
    }
    m_response.redirectTarget = target;
    refuse(HttpRefusal::Redirect);
}

void HttpCall::takeMetaData(QNetworkReply *reply)
{
    m_response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_response.headers.clear();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        m_response.headers.insert(name.toLower(), value);
}

void HttpCall::refuse(HttpRefusal why)
{
    m_response.refusal = why;
    m_response.sizeLimit = m_limit;
    if (m_reply)
        takeMetaData(m_reply);
    qCWarning(lcMsalHttp).nospace() << "Refused the answer from " << loggableUrl(m_request.url) << ": "
                                    << (why == HttpRefusal::TooLarge ? "larger than the limit of "
                                                                     : "a redirect to ")
                                    << (why == HttpRefusal::TooLarge ? QString::number(m_limit)
                                                                     : loggableUrl(m_response.redirectTarget));
    dropReply();
    m_body = QByteArray();
    finish();
}

void HttpCall::onTimeout(bool stalled)
{
    if (!m_reply)
        return;
    qCInfo(lcMsalHttp) << "Request to" << loggableUrl(m_request.url)
                       << (stalled ? "stalled" : "timed out");
    m_response.timedOut = true;
    m_response.stalled = stalled;
    dropReply();
    m_body = QByteArray();
    if (m_request.retry && m_response.attempts < 2) {
        m_retryTimer.start(m_client->retryDelay());
        return;
    }
    finish();
}

void HttpCall::onReplyFinished()
{
    m_timeoutTimer.stop();
    m_idleTimer.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    takeMetaData(reply);
    if (!readBody(reply)) {
        refuse(HttpRefusal::TooLarge);
        return;
    }
    m_response.body = std::exchange(m_body, QByteArray());
    if (m_response.status == 0) {
        m_response.networkError = reply->error();
        m_response.networkErrorString = reply->errorString();
    }
    qCDebug(lcMsalHttp).nospace() << "HTTP " << m_response.status << " from "
                                  << loggableUrl(m_request.url);

    const QVariant target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute);
    if (m_response.status >= 300 && m_response.status < 400 && target.isValid()) {
        // ManualRedirectPolicy hands the redirect to us: a request with credentials stops here.
        m_response.refusal = HttpRefusal::Redirect;
        m_response.redirectTarget = m_request.url.resolved(target.toUrl());
        m_response.body.clear();
        qCWarning(lcMsalHttp) << "Not following the redirect from" << loggableUrl(m_request.url) << "to"
                              << loggableUrl(m_response.redirectTarget) << "with credentials";
        finish();
        return;
    }

    const QDateTime now = m_client->now();
    m_response.retryAfter = parseRetryAfter(m_response.header("retry-after"), now);
    if (m_response.status == 429) {
        m_response.throttledUntil = m_client->noteThrottle(m_request, m_response.retryAfter);
        finish();
        return;
    }
    if (m_response.status >= 500) {
        const bool mayRetry = m_request.retry && m_response.attempts < 2;
        // A wait of nothing ("0", a date gone by) is as none: the default delay.
        if (m_response.retryAfter.isValid() && m_response.retryAfter > now) {
            // Range-checked before any timer: parseRetryAfter() caps it at an hour; never
            // sooner than the default delay.
            const std::chrono::milliseconds wait(qMax<qint64>(now.msecsTo(m_response.retryAfter),
                                                              m_client->retryDelay().count()));
            if (mayRetry && wait <= m_client->attemptTimeout(m_request)) {
                qCInfo(lcMsalHttp) << "Server error" << m_response.status << "from" << loggableUrl(m_request.url)
                                   << "- retrying once, after" << wait.count() << "ms as asked";
                m_retryTimer.start(wait);
                return;
            }
            // Longer than this request may wait, or no retry left: not before then, as a 429.
            m_response.throttledUntil = m_client->noteThrottle(m_request, m_response.retryAfter);
            finish();
            return;
        }
        if (mayRetry) {
            qCInfo(lcMsalHttp) << "Server error" << m_response.status << "from"
                               << loggableUrl(m_request.url) << "- retrying once";
            m_retryTimer.start(m_client->retryDelay());
            return;
        }
    }
    finish();
}

void HttpCall::onReplyDestroyed()
{
    if (!m_timeoutTimer.isActive())
        return; // not ours any more (dropped or finished)
    m_timeoutTimer.stop();
    m_idleTimer.stop();
    m_reply = nullptr;
    qCWarning(lcMsalHttp) << "The network access manager was destroyed during the request to"
                          << loggableUrl(m_request.url);
    m_response.status = 0;
    m_response.networkError = QNetworkReply::OperationCanceledError;
    m_response.networkErrorString = QCoreApplication::translate(
        "MsalQt::HttpClient", "The network access manager was destroyed while the request was under way.");
    m_body = QByteArray();
    finish();
}

void HttpCall::finish()
{
    Q_EMIT finished();
}

HttpClient::HttpClient(QNetworkAccessManager *fallback) : m_fallback(fallback) {}

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

QDateTime HttpClient::noteThrottle(const HttpRequest &request, const QDateTime &asked)
{
    const QDateTime until = asked.isValid() ? asked : now().addSecs(defaultThrottleSeconds);
    m_throttledUntil.insert(throttleKey(request), until);
    qCWarning(lcMsalHttp) << "Throttled by" << loggableUrl(request.url) << "until"
                          << until.toString(Qt::ISODate);
    return until;
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
