#pragma once

#include <MsalQt/cachestorage.h>

namespace MsalQt {

class MemoryCacheStoragePrivate;

/// Keeps the serialized cache in this object only: for tests and for applications that must not
/// leave tokens behind. Nothing is shared with other processes, or with other instances.
class MSALQT_AUTH_EXPORT MemoryCacheStorage : public CacheStorage
{
    Q_OBJECT
public:
    /// An empty storage.
    explicit MemoryCacheStorage(QObject *parent = nullptr);
    /// Destroys the storage and what it holds.
    ~MemoryCacheStorage() override;

    CacheStorageJob *load() override;
    CacheStorageJob *save(const Merge &merge) override;
    CacheStorageJob *clear() override;

private:
    Q_DECLARE_PRIVATE(MemoryCacheStorage)
    Q_DISABLE_COPY(MemoryCacheStorage)
};

} // namespace MsalQt
