#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMetaType>
#include <QString>
#include <QUrlQuery>

namespace MsalQt::Emulator {

// What the emulator saw, so that tests can assert on what the client actually sent.
struct RecordedRequest {
    QByteArray method;                    // "GET", "POST", ...
    QString path;                         // decoded path, no query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QUrlQuery form;                       // parsed application/x-www-form-urlencoded body ('+' already turned into a space)
    QDateTime receivedAt;                 // UTC
};

} // namespace MsalQt::Emulator

Q_DECLARE_METATYPE(MsalQt::Emulator::RecordedRequest)
