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

namespace MsalQt::Internal {

// The cross-process lock of a cache file, taken without blocking the event loop: QLockFile's
// tryLock(0), retried by a timer until a deadline. Released on release() or destruction.
class MSALQT_AUTH_AUTOTEST_EXPORT CacheFileLock : public QObject
{
    Q_OBJECT
public:
    // A holder must finish its read-merge-write well within this, or another process may take
    // the lock over (QLockFile also checks that the holder's process still runs).
    static constexpr int StaleLockTime = 30000;
    static constexpr int RetryInterval = 25;

    explicit CacheFileLock(const QString &lockPath, QObject *parent = nullptr);
    ~CacheFileLock() override;

    // Calls done exactly once: with no error once the lock is held, or with StorageError when
    // the lock could not be taken within timeout (or not at all: permissions).
    void acquire(std::chrono::milliseconds timeout, const std::function<void(const AuthError &)> &done);
    void release();
    bool isLocked() const { return m_lock.isLocked(); }

private:
    void attempt();
    void finish(const AuthError &error);

    QString m_path;
    QLockFile m_lock;
    QTimer m_retry;
    QDeadlineTimer m_deadline;
    std::function<void(const AuthError &)> m_done;
};

} // namespace MsalQt::Internal
