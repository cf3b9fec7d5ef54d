#pragma once

#include <MsalQt/cachestorage.h>

#include <QString>

#include <chrono>

namespace MsalQt {

class FileCacheStoragePrivate;

/// The cache as a plain JSON file, the format other MSAL libraries read. Tokens are readable by
/// anything running as this user: prefer KeychainCacheStorage where a keychain exists.
///
/// Writes are atomic (a temporary file in the same directory, fsync, rename) and the file is
/// created with mode 0600 (its directory, if created, 0700). Processes sharing the file take turns
/// through a lock file beside it, "<file>.lock" (QLockFile); save() merges under that lock. A file
/// that is not a JSON object is moved aside to "<file>.corrupt-<UTC time>" and reported
/// (CacheStorageJob::warningError() is AuthError::CacheReset); an empty file is an empty cache; a
/// file KeychainCacheStorage encrypted is left alone (StorageError). A JSON object with a damaged
/// part (a section that is not an object, say) is read for what it holds; the save that replaces
/// it first keeps a copy of it, under the same name as a file moved aside, and reports it
/// (warning(), corruptDataMovedAside()).
///
/// The lock: a holder finishes its read-merge-write in milliseconds, so a lock held for 8 seconds
/// belongs to a process that hangs, and a waiting job takes it over (before its lockTimeout(),
/// 10 seconds by default, runs out: a hung process does not stop everyone else). The lock of a
/// process that died is taken over at once, and so is an empty lock file a second old (a process
/// killed between creating and writing it). A load whose lock file cannot be created at all (a
/// read-only file system, a full disk, a directory it may not write) reads the file without the
/// lock, which the atomic writes make safe, and changes nothing: a damaged file is then reported,
/// not moved aside. save() and clear() need the lock, and fail with a StorageError that says why
/// (e.g.\ "the file system is read-only", "the disk is full"), leaving the file as it was.
/// The file and its lock file are never used through a symbolic link: a link at either path is
/// refused (StorageError) and left as it is, nothing written. Links among the directories above
/// the file are followed: where the cache directory lives is the user's choice.
///
/// Other processes: after each read and each write of its own, the storage notes the file's
/// device, inode, size and modification time (nanoseconds); isStale() compares them with the file
/// at the path now (one lstat(2)), as msal-extensions does. While changedExternally() is
/// connected, a QFileSystemWatcher on the file's DIRECTORY (writers replace the file by rename(2),
/// which a watch on the file itself would lose) notices changes with no access at all: the
/// signal comes after the directory has been quiet for a moment (so that a writer that writes the
/// file in place is seen once it is done) and only when the stamp differs from what this storage
/// last read, wrote or already announced. A directory that does not exist yet is watched through
/// the nearest one above it that does.
class MSALQT_AUTH_EXPORT FileCacheStorage : public CacheStorage
{
    Q_OBJECT
public:
    /// A storage in the file at `filePath`; the file is read or written by the jobs only.
    explicit FileCacheStorage(const QString &filePath, QObject *parent = nullptr);
    /// Destroys the storage (see CacheStorage::~CacheStorage()).
    ~FileCacheStorage() override;

    QString filePath() const; ///< absolute

    /// How long a job waits for another process to release the lock before it fails with
    /// StorageError. Default: 10 seconds. A lock held for 8 seconds is taken over (see the class
    /// description), so a timeout below that gives up on a hung holder instead.
    std::chrono::milliseconds lockTimeout() const;
    /// Sets how long a job waits for the lock.
    void setLockTimeout(std::chrono::milliseconds timeout);

    CacheStorageJob *load() override;
    CacheStorageJob *save(const Merge &merge) override;
    CacheStorageJob *clear() override;

    bool isStale() const override;

protected:
    /// For KeychainCacheStorage, whose private part extends FileCacheStoragePrivate.
    FileCacheStorage(FileCacheStoragePrivate &dd, QObject *parent);

    /// Watching starts with the first connection to changedExternally() and ends (on the next
    /// event-loop turn) after the last one is gone.
    void connectNotify(const QMetaMethod &signal) override;
    /// See connectNotify().
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    Q_DECLARE_PRIVATE(FileCacheStorage)
    Q_DISABLE_COPY(FileCacheStorage)
};

} // namespace MsalQt
