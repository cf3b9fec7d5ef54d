#pragma once

#include <MsalQt/cachestorage.h>

namespace MsalQt {

class CacheStoragePrivate
{
    Q_DECLARE_PUBLIC(CacheStorage)
public:
    virtual ~CacheStoragePrivate();

    CacheStorageJob *createJob(CacheStorageJob::Operation operation,
                               const std::function<void(CacheStorageJob *)> &work);
    // Emits CacheStorage::corruptDataMovedAside() (the signal is the storage's to emit).
    void emitCorruptDataMovedAside(const QString &movedTo);

    CacheStorage *q_ptr = nullptr;
};

} // namespace MsalQt
