#pragma once

#include <MsalQt/msalqt_global.h>

#include <QDateTime>
#include <QHash>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <utility>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace MsalQt::Internal {

using FormFields = QList<std::pair<QString, QString>>;

// application/x-www-form-urlencoded (HTML 5 §4.10.21.8): every reserved character escaped,
// which QUrlQuery does not do for '+' and '&' inside values.
MSALQT_AUTH_EXPORT QByteArray encodeForm(const FormFields &fields);

struct HttpRequest
{
    QUrl url;
    FormFields form;          // non-empty: POST application/x-www-form-urlencoded; empty: GET
    QString correlationId;    // sent as client-request-id
    QList<std::pair<QByteArray, QByteArray>> headers;
    std::chrono::milliseconds timeout{0}; // 0: the client's default
    bool retry = true;        // one retry on 5xx or timeout
};

struct HttpResponse
{
    int status = 0;           // 0: no HTTP answer came
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorString;
    bool timedOut = false;
    QDateTime throttledUntil; // set when the server (now or earlier) asked us to wait
    int attempts = 0;

    bool isHttpSuccess() const { return status >= 200 && status < 300; }
    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

class HttpClient;

// One HTTP exchange, retries included. Emits finished() once; abort() ends it silently.
class MSALQT_AUTH_EXPORT HttpCall : public QObject
{
    Q_OBJECT
public:
    ~HttpCall() override;
    const HttpResponse &response() const { return m_response; }
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class HttpClient;
    HttpCall(HttpClient *client, const HttpRequest &request, QObject *parent);
    void startAttempt();
    void onReplyFinished();
    void onTimeout();
    void finish();

    HttpClient *m_client;
    HttpRequest m_request;
    HttpResponse m_response;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer;
    QTimer m_retryTimer;
};

// The one HTTP pipeline of an application: library headers and correlation id on every request,
// timeouts, one retry on 5xx or timeout, and throttling: after a 429 (or a 503 with Retry-After)
// the same request fails fast until the server's Retry-After has passed, instead of hammering it.
class MSALQT_AUTH_EXPORT HttpClient
{
public:
    explicit HttpClient(QNetworkAccessManager *manager);

    QNetworkAccessManager *networkAccessManager() const { return m_manager; }
    void setNetworkAccessManager(QNetworkAccessManager *manager) { m_manager = manager; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds retryDelay() const { return m_retryDelay; }
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }
    void setClock(const std::function<QDateTime()> &clock) { m_clock = clock; }

    // The caller owns the call through `parent`; deleting the parent aborts it.
    HttpCall *send(const HttpRequest &request, QObject *parent);

private:
    friend class HttpCall;
    static QString throttleKey(const HttpRequest &request);
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }
    void noteThrottle(const HttpRequest &request, const HttpResponse &response);

    QNetworkAccessManager *m_manager;
    std::chrono::milliseconds m_timeout{30000};
    std::chrono::milliseconds m_retryDelay{1000};
    std::function<QDateTime()> m_clock;
    QHash<QString, QDateTime> m_throttledUntil;
};

// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Invalid: null QDateTime.
MSALQT_AUTH_EXPORT QDateTime parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace MsalQt::Internal
