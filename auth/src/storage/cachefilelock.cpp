#include "cachefilelock_p.h"

#include "cachefile_p.h"
#include "cachelogging_p.h"

#include <QCoreApplication>

namespace MsalQt::Internal {

CacheFileLock::CacheFileLock(const QString &lockPath, QObject *parent)
    : QObject(parent)
    , m_path(lockPath)
    , m_lock(lockPath)
{
    m_lock.setStaleLockTime(StaleLockTime);
    m_retry.setInterval(RetryInterval);
    connect(&m_retry, &QTimer::timeout, this, &CacheFileLock::attempt);
}

CacheFileLock::~CacheFileLock()
{
    release();
}

void CacheFileLock::acquire(std::chrono::milliseconds timeout, const std::function<void(const AuthError &)> &done)
{
    Q_ASSERT(!m_done && !m_lock.isLocked());
    m_done = done;
    m_deadline.setRemainingTime(qMax(qint64(0), qint64(timeout.count())));
    attempt();
}

void CacheFileLock::release()
{
    m_retry.stop();
    if (m_lock.isLocked())
        m_lock.unlock();
}

void CacheFileLock::attempt()
{
    // QLockFile creates its file with O_EXCL, but reads a file already there (through a link) to
    // judge whether it is stale: a link where the lock belongs is refused like one at the cache.
    const AuthError refused = CacheFile::refuseSymbolicLink(m_path);
    if (refused.isError()) {
        finish(refused);
        return;
    }
    if (m_lock.tryLock(0)) {
        finish({});
        return;
    }
    switch (m_lock.error()) {
    case QLockFile::LockFailedError:
        break; // held by someone else: wait
    case QLockFile::PermissionError:
        finish(AuthError(AuthError::StorageError,
                         tr("Could not create the lock file %1: permission denied.").arg(m_path)));
        return;
    default:
        finish(AuthError(AuthError::StorageError, tr("Could not create the lock file %1.").arg(m_path)));
        return;
    }
    if (!m_deadline.hasExpired()) {
        if (!m_retry.isActive())
            m_retry.start();
        return;
    }

    qint64 pid = 0;
    QString host;
    QString application;
    QString message;
    if (m_lock.getLockInfo(&pid, &host, &application)) {
        message = tr("The token cache is locked by process %1 (%2 on %3); it did not release %4 in time.")
                      .arg(QString::number(pid), application.isEmpty() ? tr("unknown program") : application,
                           host.isEmpty() ? tr("this machine") : host, m_path);
    } else {
        message = tr("The token cache is locked by another process; it did not release %1 in time.")
                      .arg(m_path);
    }
    qCWarning(lcMsalCache).noquote() << message;
    finish(AuthError(AuthError::StorageError, message));
}

void CacheFileLock::finish(const AuthError &error)
{
    m_retry.stop();
    // Move the callback out first: it may delete this object.
    const auto done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(error);
}

} // namespace MsalQt::Internal
