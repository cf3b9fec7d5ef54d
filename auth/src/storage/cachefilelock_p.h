#pragma once

#include "autotestexport_p.h"
#include <MsalQt/autherror.h>
#include <MsalQt/msalqt_global.h>

#include <QDeadlineTimer>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace MsalQt::Internal {

// The cross-process lock of a cache file, taken without blocking the event loop: QLockFile's
// tryLock(0), retried by a timer until a deadline. Released on release() or destruction.
//
// A lock nobody can be shown to hold must not stop everyone for long:
// - a lock file whose holder died is taken over at once (QLockFile checks the process);
// - an EMPTY lock file, which a process killed between creating the file and writing its name
//   into it leaves behind (QLockFile cannot read a holder from it, so it would wait for the
//   stale time), is removed once it is EmptyLockGrace old: far longer than that window lasts
//   for a live process;
// - a lock file older than StaleLockTime belongs to a holder that hangs (stopped, or stuck
//   somewhere): a holder of ours finishes its read-merge-write in milliseconds. It is taken
//   over, even though its process still runs and holds its flock(2) on the file, which is why
//   QLockFile never removes it itself. StaleLockTime is below the default lock timeout
//   (FileCacheStoragePrivate::DefaultLockTimeout, 10 s), so that a waiter takes a hung holder's
//   lock over before it gives up, instead of every job failing for as long as the holder hangs.
//   A holder of ours that wakes up afterwards notices (isStillHeld()) and writes nothing.
class MSALQT_AUTH_AUTOTEST_EXPORT CacheFileLock : public QObject
{
    Q_OBJECT
public:
    static constexpr int StaleLockTime = 8000;
    static constexpr int EmptyLockGrace = 1000;
    static constexpr int RetryInterval = 25;

    // Why acquire() failed.
    enum class Failure {
        None,
        Held,          // another process held it until the timeout
        CannotCreate,  // the lock file cannot be created or written here: read-only file system,
                       // no permission, a full disk; nobody holds it, and nobody can
        Refused,       // a symbolic link where the lock file belongs
    };

    explicit CacheFileLock(const QString &lockPath, QObject *parent = nullptr);
    ~CacheFileLock() override;

    // Calls done exactly once: with no error once the lock is held, or with StorageError when
    // the lock could not be taken within timeout (or not at all: see failure()).
    void acquire(std::chrono::milliseconds timeout, const std::function<void(const AuthError &)> &done);
    void release();
    bool isLocked() const { return m_lock && m_lock->isLocked(); }
    Failure failure() const { return m_failure; }

    // Whether the lock file at the path is still the one this lock created: false when another
    // process has taken it over meanwhile (this one hung for StaleLockTime).
    bool isStillHeld() const;

private:
    void attempt();
    bool removeAbandoned();
    void finish(const AuthError &error, Failure failure = Failure::None);

    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_retry;
    QDeadlineTimer m_deadline;
    std::function<void(const AuthError &)> m_done;
    Failure m_failure = Failure::None;
    quint64 m_device = 0; // of the lock file this lock created
    quint64 m_inode = 0;
};

} // namespace MsalQt::Internal
