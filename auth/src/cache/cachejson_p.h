#pragma once

#include "autotestexport_p.h"
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringView>

// The cache file's JSON writer. QJsonDocument::toJson() turns a lone UTF-16 surrogate (a "\ud800"
// escape in a file another program wrote) into '?', so a key written back would no longer sort
// or compare as read; this writer escapes it instead, and a file read and written again is the
// same bytes. It also writes section by section, where one QJsonObject of 40,000 members would
// insert each into a sorted array.
namespace MsalQt::Internal::CacheJson {

// A JSON string literal: the escapes JSON requires, a lone surrogate as \uXXXX, the rest UTF-8.
MSALQT_AUTH_AUTOTEST_EXPORT void appendString(QByteArray *out, QStringView text);
// Any JSON value; an integral number as an integer, others in their shortest exact form.
MSALQT_AUTH_AUTOTEST_EXPORT void appendValue(QByteArray *out, const QJsonValue &value);

// What a stored cache's bytes are, read as the cache reads them (simdjson, lone surrogate escapes
// allowed), without building a tree: a tenth of QJsonDocument's time on a 20 MB file.
enum class Shape { Object, OtherJson, NotJson };
// `why`: simdjson's reason when NotJson.
MSALQT_AUTH_AUTOTEST_EXPORT Shape shapeOf(const QByteArray &bytes, QString *why = nullptr);

// What, in a stored cache's bytes, a save would not write back: empty for a unified-schema
// object whose known sections (AccessToken, RefreshToken, IdToken, Account, AppMetadata) are
// objects of objects; else a short translated description, sentences joined by "; " ("the
// AccessToken section is not an object; 3 entries of RefreshToken are not objects", "the cache is
// not JSON: …"). A merge keeps entries that are not objects, but a section that is not an object
// is lost: a storage keeps a copy of such bytes aside before it writes over them. Entries without
// the fields this library needs are not damage: they are kept and written back as read. Read as
// shapeOf() reads, without a tree.
MSALQT_AUTH_AUTOTEST_EXPORT QString damageOf(const QByteArray &bytes);

} // namespace MsalQt::Internal::CacheJson
