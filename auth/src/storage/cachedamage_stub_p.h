#pragma once

// TEMPORARY (branch h/storage only): the declaration of CacheJson::damageOf(), which another
// branch adds to cache/cachejson_p.h with the real implementation. Delete this file and
// cachedamage_stub.cpp when merging that branch (the declaration there is the same).

#include "autotestexport_p.h"
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QString>

namespace MsalQt::Internal::CacheJson {

// Why a cache that is a JSON object is damaged (a translated description), or empty when it is
// healthy.
MSALQT_AUTH_AUTOTEST_EXPORT QString damageOf(const QByteArray &bytes);

} // namespace MsalQt::Internal::CacheJson
