#pragma once

#include "autotestexport_p.h"
#include <MsalQt/autherror.h>
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
#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace MsalQt::Internal {

using FormFields = QList<std::pair<QString, QString>>;

// application/x-www-form-urlencoded (HTML 5 §4.10.21.8): every reserved character escaped,
// which QUrlQuery does not do for '+' and '&' inside values.
MSALQT_AUTH_AUTOTEST_EXPORT QByteArray encodeForm(const FormFields &fields);

// What one answer may weigh unless a request says otherwise: the platform's JSON answers
// (discovery, tokens, keys) are a few KiB; this leaves room for big ID tokens and key sets.
constexpr qint64 defaultMaxResponseSize = 1024 * 1024;

struct HttpRequest
{
    QUrl url;
    FormFields form;          // non-empty: POST application/x-www-form-urlencoded
    QByteArray body;          // else, non-empty: POST of this body as `contentType`; both empty: GET
    QByteArray contentType;
    QString correlationId;    // sent as client-request-id
    QList<std::pair<QByteArray, QByteArray>> headers;
    std::chrono::milliseconds timeout{0}; // the whole attempt; 0: the client's default
    qint64 maxResponseSize = 0; // the answer's body is refused past this; 0: defaultMaxResponseSize
    bool retry = true;        // one retry on 5xx or timeout (after the server's Retry-After, see HttpClient)

    bool isPost() const { return !form.isEmpty() || !body.isEmpty(); }
    // A POST (every one we send carries a grant, a secret, a password or a ticket) or an
    // Authorization header: such a request never follows a redirect.
    bool carriesCredential() const;
};

// Why the pipeline stopped reading an answer of its own accord.
enum class HttpRefusal {
    None,
    TooLarge, // the body (or its announced Content-Length) passed the request's limit
    Redirect, // a redirect the policy does not follow (credentials, or to plain http)
};

struct HttpResponse
{
    int status = 0;           // 0: no HTTP answer came
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorString;
    bool timedOut = false;
    bool stalled = false;     // timedOut because nothing moved for the idle timeout
    HttpRefusal refusal = HttpRefusal::None;
    QUrl redirectTarget;      // Redirect: where the server wanted us to go
    qint64 sizeLimit = 0;     // TooLarge: the limit that was passed
    QDateTime throttledUntil; // set when the server (now or earlier) asked us to wait, and we do not send before then
    QDateTime retryAfter;     // the answer's Retry-After, parsed (capped); null when absent or invalid
    int attempts = 0;

    bool isHttpSuccess() const { return refusal == HttpRefusal::None && status >= 200 && status < 300; }
    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

class HttpClient;

// One HTTP exchange, retries included. Emits finished() once; abort() ends it silently.
class MSALQT_AUTH_AUTOTEST_EXPORT HttpCall : public QObject
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
    void onMetaDataChanged();
    void onReadyRead();
    void onRedirected(const QUrl &target);
    void onReplyFinished();
    void onReplyDestroyed();
    void onTimeout(bool stalled);
    void takeMetaData(QNetworkReply *reply);
    void refuse(HttpRefusal why);
    void dropReply();
    bool readBody(QNetworkReply *reply);
    void finish();

    HttpClient *m_client;
    HttpRequest m_request;
    HttpResponse m_response;
    QByteArray m_body;
    qint64 m_limit = defaultMaxResponseSize;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer; // the whole attempt
    QTimer m_idleTimer;    // no byte in either direction
    QTimer m_retryTimer;
};

// The one HTTP pipeline of an application: library headers and correlation id on every request,
// timeouts, one retry on 5xx or timeout, and throttling: after a 429 the same request fails fast
// until the server's Retry-After (default 60 s) has passed, instead of hammering it.
// A 5xx is retried once: after the server's Retry-After when it sent one (delay-seconds or an
// HTTP-date) no longer than the attempt's deadline (timeout()), else after retryDelay(). A 5xx
// whose Retry-After is longer than that, or that asks for a wait when no retry is left, is not
// sent again before then either: the same throttling as a 429 (AuthError::Throttled with the
// answer's httpStatus and retryAfter()). A 5xx without Retry-After (a 503 too) is a transient
// server failure: retried once after retryDelay(), then AuthError::ServiceError.
// It also holds the policy against hostile servers, in one place for every request:
// - each attempt has a total deadline (timeout()) and an idle one (half of it: no byte moved);
// - each answer is capped while it streams (Content-Length first, then the bytes as they
//   arrive), so a server cannot make us hold more than the cap plus one read buffer;
// - a request that carries a credential never follows a redirect (RFC 9110 §15.4.8 lets a 307
//   repeat the POST, secrets included, to any host); other requests follow https ones only.
class MSALQT_AUTH_AUTOTEST_EXPORT HttpClient
{
public:
    // `fallback` serves every request while no manager of the caller's is set, or once the one
    // set has been destroyed; it must outlive this client.
    explicit HttpClient(QNetworkAccessManager *fallback);

    QNetworkAccessManager *networkAccessManager() const { return m_manager ? m_manager.get() : m_fallback; }
    // Held as a QPointer (as QtNetworkAuth does): the caller may delete its manager at any time.
    void setNetworkAccessManager(QNetworkAccessManager *manager) { m_manager = manager; }
    // The total deadline of one attempt; the idle timeout is half of it.
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
    std::chrono::milliseconds attemptTimeout(const HttpRequest &request) const
    {
        return request.timeout.count() > 0 ? request.timeout : m_timeout;
    }
    // Remembers that `request` may not be sent before `until` (null: the default wait).
    QDateTime noteThrottle(const HttpRequest &request, const QDateTime &until);

    QPointer<QNetworkAccessManager> m_manager;
    QNetworkAccessManager *m_fallback;
    std::chrono::milliseconds m_timeout{30000};
    std::chrono::milliseconds m_retryDelay{1000};
    std::function<QDateTime()> m_clock;
    QHash<QString, QDateTime> m_throttledUntil;
};

// The error for an answer the pipeline refused or gave up on (too large, a redirect it does not
// follow, a timeout); nullopt for anything else, which the caller interprets.
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<AuthError> pipelineError(const HttpResponse &response);

// Where a request may go at all: https, or plain http to a loopback host (RFC 8252 §8.3; the
// same rule as for authorities).
MSALQT_AUTH_AUTOTEST_EXPORT bool isSecureEndpoint(const QUrl &url);

// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, never later than an hour from
// `now` (a number too large for any integer type included). Invalid (negative, garbage): null.
MSALQT_AUTH_AUTOTEST_EXPORT QDateTime parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace MsalQt::Internal
