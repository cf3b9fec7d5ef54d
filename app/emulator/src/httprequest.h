#pragma once

#include "recordedrequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
QT_END_NAMESPACE

namespace MsalQt::Emulator {

// Our own copy of an incoming request. QHttpServerRequest only lives while the server's
// handleRequest() runs; delayed answers need the request afterwards, so everything the
// handlers use is copied here once.
class HttpRequest
{
public:
    HttpRequest() = default;
    static HttpRequest fromQt(const QHttpServerRequest &request);

    QByteArray method() const { return m_method; }
    QString path() const { return m_path; }
    // Path split on '/', empty segments dropped: "/common/oauth2/v2.0/token" -> 4 segments.
    QStringList segments() const { return m_segments; }
    QByteArray header(const QByteArray &lowerCaseName) const { return m_headers.value(lowerCaseName); }
    QString queryValue(const QString &key) const;
    bool hasQueryValue(const QString &key) const { return m_query.hasQueryItem(key); }
    QString formValue(const QString &key) const;
    // The raw body of SOAP (the federation server) and JSON (Graph) requests.
    QByteArray body() const { return m_body; }
    bool hasFormValue(const QString &key) const { return m_form.hasQueryItem(key); }

    // client_id/client_secret from "Authorization: Basic" (RFC 6749 §2.3.1); empty when absent.
    QString basicUser() const { return m_basicUser; }
    QString basicPassword() const { return m_basicPassword; }
    bool hasBasicAuth() const { return m_hasBasic; }

    // Correlation id: the client's client-request-id header, or a fresh GUID.
    QString correlationId() const { return m_correlationId; }
    // Trace id: a fresh GUID for every request; also sent back as x-ms-request-id.
    QString traceId() const { return m_traceId; }
    bool wantsCorrelationEcho() const;

    QDateTime receivedAt() const { return m_receivedAt; }
    RecordedRequest toRecorded() const;

    // Turns a form body into a QUrlQuery; '+' means a space in form encoding.
    static QUrlQuery parseForm(const QByteArray &body);

private:
    QByteArray m_method;
    QString m_path;
    QStringList m_segments;
    QUrlQuery m_query;
    QHash<QByteArray, QByteArray> m_headers;
    QUrlQuery m_form;
    QByteArray m_body;
    QString m_basicUser;
    QString m_basicPassword;
    bool m_hasBasic = false;
    QString m_correlationId;
    QString m_traceId;
    QDateTime m_receivedAt;
};

} // namespace MsalQt::Emulator
