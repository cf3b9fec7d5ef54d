#pragma once

#include "autotestexport_p.h"
#include "cachefile_p.h"
#include "cachestorage_p.h"

#include <MsalQt/filecachestorage.h>

#include <chrono>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QFileSystemWatcher;
class QTimer;
QT_END_NAMESPACE

namespace MsalQt {

namespace Internal {
class CacheFileOperation;
}

class MSALQT_AUTH_AUTOTEST_EXPORT FileCacheStoragePrivate : public CacheStoragePrivate
{
    Q_DECLARE_PUBLIC(FileCacheStorage)
public:
    static FileCacheStoragePrivate *get(FileCacheStorage *storage) { return storage->d_func(); }

    // Above CacheFileLock::StaleLockTime (8 s): a job that waits this long takes a hung holder's
    // lock over before it gives up.
    static constexpr std::chrono::milliseconds DefaultLockTimeout{10000};
    // How long the directory must stay quiet before a change is looked at: a writer that writes
    // the file in place (truncate, then write) is then seen once it is done, not halfway.
    static constexpr int SettleMsecs = 50;

    explicit FileCacheStoragePrivate(const QString &filePath);
    ~FileCacheStoragePrivate() override;

    CacheStorageJob *startJob(CacheStorageJob::Operation operation, const CacheStorage::Merge &merge = {});

    // The pipeline of one job; KeychainCacheStorage returns its own, which encrypts. Settings
    // are copied into it, so that changing them later does not affect jobs already started.
    virtual Internal::CacheFileOperation *createOperation(CacheStorageJob *job,
                                                         const CacheStorage::Merge &merge);

    // What a job of ours read, wrote or removed: the baseline of isStale().
    void recordStamp(const Internal::CacheFile::Stamp &stamp);
    bool isStale() const;

    void startWatching();
    void stopWatching();
    // Watches the file's directory, or the nearest existing one above it until that exists.
    void watchDirectory();
    void directoryChanged();
    void settled();

    Internal::CacheFile file;
    std::chrono::milliseconds lockTimeout = DefaultLockTimeout;
    std::optional<Internal::CacheFile::Stamp> stamp;     // none before the first read or write
    std::optional<Internal::CacheFile::Stamp> announced; // the last change changedExternally() told
    std::unique_ptr<QFileSystemWatcher> watcher;
    std::unique_ptr<QTimer> settle;
};

} // namespace MsalQt
