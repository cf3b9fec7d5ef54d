#pragma once

#include <MsalQt/cachestoragejob.h>
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QObject>
#include <QScopedPointer>

#include <functional>

namespace MsalQt {

class CacheStoragePrivate;

/// Where a serialized token cache lives between runs. The cache (TokenCache) serializes itself to,
/// and merges itself from, MSAL JSON bytes; a storage keeps those bytes, guards them against other
/// processes using the same storage, and reports what it did through CacheStorageJob objects.
/// A storage and its jobs live in one thread; nothing in them blocks the event loop.
class MSALQT_AUTH_EXPORT CacheStorage : public QObject
{
    Q_OBJECT
public:
    /// Given what is stored now (empty when nothing is), returns what to store. Another process may
    /// have written since this one loaded, so a merge function folds the in-memory cache into
    /// storedNow rather than overwriting it.
    using Merge = std::function<QByteArray(const QByteArray &storedNow)>;

    /// Constructs a storage; a back end implements load(), save() and clear().
    explicit CacheStorage(QObject *parent = nullptr);
    /// Destroys the storage and, without finished(), the jobs still running.
    ~CacheStorage() override;

    /// Reads the stored cache; the job's data() holds it.
    virtual CacheStorageJob *load() = 0;

    /// Read-modify-write under the storage's cross-process lock: reads what is stored now, calls
    /// merge(storedNow) synchronously on this thread while holding the lock, stores the result
    /// atomically and releases the lock. Keep merge short: other processes wait for it.
    virtual CacheStorageJob *save(const Merge &merge) = 0;

    /// Removes the stored cache (and whatever secret protects it).
    virtual CacheStorageJob *clear() = 0;

    /// Whether what is stored changed since this storage last read or wrote it: another process
    /// (or another storage object on the same file) wrote or removed it. Cheap enough to ask
    /// before every use of the cache (FileCacheStorage: one stat(2), no read, no lock), which is
    /// what ClientApplication does before each request. False until this storage has read or
    /// written once, and always false for a storage nothing else can change (the default, and
    /// MemoryCacheStorage).
    virtual bool isStale() const;

Q_SIGNALS:
    /// What was stored could not be read (corrupt, truncated, foreign, or encrypted with a key that
    /// is gone) and was moved to movedTo, never deleted; the storage went on as if empty. The job
    /// that found it also carries this in warning().
    void corruptDataMovedAside(const QString &movedTo);

    /// Someone else changed what is stored (isStale() has become true), noticed without any
    /// access from this side: FileCacheStorage watches the file's directory while this signal is
    /// connected. Emitted once per change seen, and never for this storage's own writes; what is
    /// stored is not read, load() does that. Back ends written outside MsalQt that can notice
    /// changes emit it themselves.
    void changedExternally();

protected:
    /// For the storages of this library, whose private parts extend CacheStoragePrivate.
    explicit CacheStorage(CacheStoragePrivate &dd, QObject *parent);

    /// For back ends written outside MsalQt: a job whose work runs on the next event-loop turn and
    /// must end, then or later, with finishJob() exactly once.
    CacheStorageJob *createJob(CacheStorageJob::Operation operation,
                               const std::function<void(CacheStorageJob *job)> &work);
    /// Ends `job` made by createJob(): sets its data(), error() and warning() and emits its
    /// finished(). Call it exactly once per job.
    static void finishJob(CacheStorageJob *job, const QByteArray &data, const AuthError &error = {},
                          const QString &warning = {});

    const QScopedPointer<CacheStoragePrivate> d_ptr;

private:
    Q_DECLARE_PRIVATE(CacheStorage)
    Q_DISABLE_COPY(CacheStorage)
};

} // namespace MsalQt
