// TEMPORARY (branch h/storage only): a stand-in for CacheJson::damageOf(), which another branch
// implements in cache/cachejson.cpp. It knows one kind of damage only: a known section that is
// not an object. Delete this file and cachedamage_stub_p.h when merging that branch.

#include "cachedamage_stub_p.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace MsalQt::Internal::CacheJson {

QString damageOf(const QByteArray &bytes)
{
    const QJsonObject cache = QJsonDocument::fromJson(bytes).object();
    for (const char *section : {"AccessToken", "RefreshToken", "IdToken", "Account", "AppMetadata"}) {
        const QJsonValue value = cache.value(QLatin1String(section));
        if (!value.isUndefined() && !value.isObject()) {
            return QCoreApplication::translate("MsalQt::CacheJson", "its %1 section is not an object")
                .arg(QLatin1String(section));
        }
    }
    return {};
}

} // namespace MsalQt::Internal::CacheJson
