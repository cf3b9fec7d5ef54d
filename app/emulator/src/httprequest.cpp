#include "httprequest.h"

#include "listener.h"

#include <QHttpServerRequest>
#include <QMetaEnum>
#include <QUuid>

namespace MsalQt::Emulator {

namespace {

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString formDecode(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}

} // namespace

QUrlQuery HttpRequest::parseForm(const QByteArray &body)
{
    QByteArray b = body;
    b.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(b));
}

HttpRequest HttpRequest::fromQt(const QHttpServerRequest &request)
{
    HttpRequest r;
    r.m_receivedAt = QDateTime::currentDateTimeUtc();
    const QMetaEnum methods = QMetaEnum::fromType<QHttpServerRequest::Method>();
    r.m_method = QByteArray(methods.valueToKey(int(request.method()))).toUpper();
    r.m_path = request.url().path(QUrl::FullyDecoded);
    if (r.m_path.isEmpty())
        r.m_path = QStringLiteral("/");
    r.m_segments = r.m_path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.m_query = request.query();
    for (const auto &h : Listener::headers(request))
        r.m_headers.insert(h.first, h.second);

    const QByteArray contentType = r.m_headers.value("content-type").toLower();
    if (contentType.startsWith("application/soap+xml") || contentType.startsWith("text/xml")
        || contentType.startsWith("application/json"))
        r.m_body = request.body();
    if (contentType.startsWith("application/x-www-form-urlencoded"))
        r.m_form = parseForm(request.body());

    const QByteArray auth = r.m_headers.value("authorization");
    if (auth.left(6).toLower() == "basic ") {
        const QByteArray decoded = QByteArray::fromBase64(auth.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon >= 0) {
            r.m_hasBasic = true;
            r.m_basicUser = formDecode(decoded.left(colon));
            r.m_basicPassword = formDecode(decoded.mid(colon + 1));
        }
    }

    const QByteArray clientRequestId = r.m_headers.value("client-request-id").trimmed();
    r.m_correlationId = clientRequestId.isEmpty() ? newGuid() : QString::fromLatin1(clientRequestId);
    r.m_traceId = newGuid();
    return r;
}

QString HttpRequest::queryValue(const QString &key) const
{
    return m_query.queryItemValue(key, QUrl::FullyDecoded);
}

QString HttpRequest::formValue(const QString &key) const
{
    return m_form.queryItemValue(key, QUrl::FullyDecoded);
}

bool HttpRequest::wantsCorrelationEcho() const
{
    return m_headers.value("return-client-request-id").trimmed().toLower() == "true";
}

RecordedRequest HttpRequest::toRecorded() const
{
    return RecordedRequest{m_method, m_path, m_query, m_headers, m_form, m_receivedAt};
}

} // namespace MsalQt::Emulator
