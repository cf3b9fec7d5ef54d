#pragma once

#include "cachefile_p.h"
#include "cachestorage_p.h"

#include <MsalQt/filecachestorage.h>

namespace MsalQt {

namespace Internal {
class CacheFileOperation;
}

class FileCacheStoragePrivate : public CacheStoragePrivate
{
    Q_DECLARE_PUBLIC(FileCacheStorage)
public:
    static constexpr int DefaultLockTimeout = 10000;

    explicit FileCacheStoragePrivate(const QString &filePath);
    ~FileCacheStoragePrivate() override;

    CacheStorageJob *startJob(CacheStorageJob::Operation operation, const CacheStorage::Merge &merge = {});

    // The pipeline of one job; KeychainCacheStorage returns its own, which encrypts. Settings
    // are copied into it, so that changing them later does not affect jobs already started.
    virtual Internal::CacheFileOperation *createOperation(CacheStorageJob *job,
                                                         const CacheStorage::Merge &merge);

    Internal::CacheFile file;
    int lockTimeout = DefaultLockTimeout;
};

} // namespace MsalQt
