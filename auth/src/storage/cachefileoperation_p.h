#pragma once

#include "autotestexport_p.h"
#include "cachefile_p.h"

#include <MsalQt/cachestorage.h>

#include <QObject>

#include <chrono>
#include <optional>

namespace MsalQt {
class FileCacheStoragePrivate;
class CacheStorageJobPrivate;
}

namespace MsalQt::Internal {

class CacheFileLock;

// One load, save or clear of a cache file, as a chain of steps that never blocks:
//
//   prepare()  ->  lock()  ->  prepareLocked()  ->  readStored()  ->  decode()  ->  accept()
//   -> (save) merge, encode(), write  ->  finish()      (clear: remove, afterClear(), finish())
//
// A load whose lock file cannot be created (a read-only file system, a full disk, no write
// permission: nobody holds the lock, nobody can) goes on without it: writes are atomic, so the
// read sees one whole file. Such a load changes nothing on disk; a damaged file is reported, not
// moved aside. Saves and clears always need the lock. Loads still take the lock where they can:
// a load that finds a damaged file moves it aside under the lock, and the encrypted storage
// confirms the keychain's answer under it (see KeychainCacheOperation).
//
// The plain file storage uses it as it is; the encrypted one overrides the virtual steps to fetch
// or create its key and to open and seal the file. Every path ends in finish() or fail(), which
// release the lock and finish the job; nothing is changed on disk on a failure path.
// The operation is a child of its job, which is a child of its storage. A job that succeeds
// tells its storage the stamp of what it read, wrote or removed (FileCacheStorage::isStale()).
class MSALQT_AUTH_AUTOTEST_EXPORT CacheFileOperation : public QObject
{
    Q_OBJECT
public:
    CacheFileOperation(FileCacheStoragePrivate *storage, CacheStorageJob *job, const CacheFile &file,
                       std::chrono::milliseconds lockTimeout, const CacheStorage::Merge &merge);
    ~CacheFileOperation() override;

    void start();

    // Why bytes are not a plain MSAL cache (a JSON object), or empty when they are one. An empty
    // (or blank) file counts as an empty cache: it is what an interrupted first write outside
    // our atomic path, or a `touch`, leaves behind, and holds nothing to keep.
    static QString plainCacheProblem(const QByteArray &bytes);
    static bool isBlank(const QByteArray &bytes);

protected:
    CacheStorageJob::Operation operation() const;
    const CacheFile &file() const { return m_file; }

    // Steps to override. Each must end, now or later, by calling the next step or fail().
    virtual void prepare() { lock(); }
    virtual void prepareLocked() { readStored(); }
    virtual void decode(const QByteArray &stored);
    // Synchronous: the lock is held and the merge has run.
    virtual QByteArray encode(const QByteArray &plain, AuthError *error);
    virtual void afterClear() { finish({}); }

    // Steps to continue with.
    void lock();
    void readStored();
    void accept(const QByteArray &plain);   // what is stored now, decoded
    void moveAside(const QString &reason);  // then continues as if nothing were stored
    // For stored data that must not be used: moves it aside (reported as moveAside() does) and
    // fails the job with StorageError; nothing is read from it and nothing is written.
    void refuse(const QString &reason);
    // To the job's warning() and warningError() (log it too).
    void addWarning(const QString &warning, AuthError::Type type = AuthError::StorageError);
    // For decoded bytes that are a JSON object: when a part of them is damaged (CacheJson::
    // damageOf()), a save keeps a copy of `stored` (the file's bytes, as they are on disk) aside
    // before its merge drops that part, and says so in the job's warning; a load only warns.
    // False when the job has failed (no copy could be kept): stop then.
    bool keepDamagedCopy(const QByteArray &plain, const QByteArray &stored);
    void fail(const AuthError &error);
    void finish(const QByteArray &data);

private:
    FileCacheStoragePrivate *m_storage;
    CacheStorageJobPrivate *m_jobPrivate;
    CacheFile m_file;
    std::chrono::milliseconds m_lockTimeout;
    CacheStorage::Merge m_merge;
    CacheFileLock *m_lock = nullptr;
    bool m_unlocked = false; // a load that reads without the lock: it cannot be created here
    std::optional<CacheFile::Stamp> m_seen; // what this job read, wrote or removed
};

} // namespace MsalQt::Internal
