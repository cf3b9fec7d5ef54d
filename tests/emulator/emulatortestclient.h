#pragma once

// A tiny synchronous-looking HTTP client for the emulator tests: a real QNetworkAccessManager,
// waiting on the reply's finished() signal (never on fixed sleeps).

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

struct HttpResult {
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool finished = false;
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

class EmulatorTestClient
{
public:
    EmulatorTestClient() { m_nam.setProxy(QNetworkProxy::NoProxy); }

    QNetworkAccessManager &nam() { return m_nam; }

    // application/x-www-form-urlencoded exactly as RFC 6749 wants it: every reserved
    // character (including '+') percent-encoded.
    static QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
    {
        QByteArray out;
        for (const auto &f : fields) {
            if (!out.isEmpty())
                out += '&';
            out += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
        }
        return out;
    }

    QNetworkReply *startGet(const QUrl &url, const QHash<QByteArray, QByteArray> &headers = {})
    {
        QNetworkRequest request(url);
        for (auto it = headers.cbegin(); it != headers.cend(); ++it)
            request.setRawHeader(it.key(), it.value());
        return m_nam.get(request);
    }

    QNetworkReply *startPost(const QUrl &url, const QList<QPair<QString, QString>> &fields,
                             const QHash<QByteArray, QByteArray> &headers = {})
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        for (auto it = headers.cbegin(); it != headers.cend(); ++it)
            request.setRawHeader(it.key(), it.value());
        return m_nam.post(request, formEncode(fields));
    }

    HttpResult get(const QUrl &url, const QHash<QByteArray, QByteArray> &headers = {})
    {
        return wait(startGet(url, headers));
    }

    HttpResult post(const QUrl &url, const QList<QPair<QString, QString>> &fields,
                    const QHash<QByteArray, QByteArray> &headers = {})
    {
        return wait(startPost(url, fields, headers));
    }

    static HttpResult wait(QNetworkReply *reply, int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        HttpResult result;
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            spy.wait(timeoutMs);
        }
        result.finished = reply->isFinished();
        result.elapsedMs = timer.elapsed();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        for (const auto &h : reply->rawHeaderPairs())
            result.headers.insert(h.first.toLower(), h.second);
        reply->deleteLater();
        return result;
    }

private:
    QNetworkAccessManager m_nam;
};
