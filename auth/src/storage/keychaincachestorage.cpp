#include <MsalQt/keychaincachestorage.h>

#include "filecachestorage_p.h"
#include "keychaincacheoperation_p.h"

namespace MsalQt {

using namespace Internal;

class KeychainCacheStoragePrivate : public FileCacheStoragePrivate
{
public:
    using FileCacheStoragePrivate::FileCacheStoragePrivate;

    CacheFileOperation *createOperation(CacheStorageJob *job, const CacheStorage::Merge &merge) override
    {
        KeychainCacheOperation::Settings settings;
        settings.service = service.isEmpty() ? QStringLiteral("MsalQt token cache") : service;
        // The absolute path tells apart the caches of several applications or accounts of one
        // person, without any configuration.
        settings.keyName = keyName.isEmpty() ? file.path() : keyName;
        settings.allowUnencryptedFallback = allowUnencryptedFallback;
        return new KeychainCacheOperation(this, job, file, lockTimeout, merge, settings);
    }

    QString service;
    QString keyName;
    bool allowUnencryptedFallback = false;
};

KeychainCacheStorage::KeychainCacheStorage(const QString &filePath, QObject *parent)
    : FileCacheStorage(*new KeychainCacheStoragePrivate(filePath), parent)
{
}

KeychainCacheStorage::~KeychainCacheStorage() = default;

QString KeychainCacheStorage::keychainService() const
{
    Q_D(const KeychainCacheStorage);
    return d->service.isEmpty() ? QStringLiteral("MsalQt token cache") : d->service;
}

void KeychainCacheStorage::setKeychainService(const QString &service)
{
    Q_D(KeychainCacheStorage);
    d->service = service;
}

QString KeychainCacheStorage::keychainKey() const
{
    Q_D(const KeychainCacheStorage);
    return d->keyName.isEmpty() ? d->file.path() : d->keyName;
}

void KeychainCacheStorage::setKeychainKey(const QString &key)
{
    Q_D(KeychainCacheStorage);
    d->keyName = key;
}

bool KeychainCacheStorage::allowUnencryptedFallback() const
{
    Q_D(const KeychainCacheStorage);
    return d->allowUnencryptedFallback;
}

void KeychainCacheStorage::setAllowUnencryptedFallback(bool allow)
{
    Q_D(KeychainCacheStorage);
    d->allowUnencryptedFallback = allow;
}

} // namespace MsalQt
