#include "cachefilelock_p.h"

#include "cachefile_p.h"
#include "cachelogging_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace MsalQt::Internal {

namespace {

// What removeAbandoned() looks at: who the lock file is, how big, and when it was written.
struct LockFileState
{
    bool regular = false;
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = 0;
    qint64 modifiedMs = 0; // since the epoch, UTC
};

LockFileState stateOf(const QString &path)
{
    LockFileState state;
#ifdef Q_OS_UNIX
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return state;
    state.regular = true;
    state.device = quint64(st.st_dev);
    state.inode = quint64(st.st_ino);
    state.size = qint64(st.st_size);
#if defined(Q_OS_DARWIN)
    state.modifiedMs = qint64(st.st_mtimespec.tv_sec) * 1000 + st.st_mtimespec.tv_nsec / 1000000;
#else
    state.modifiedMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
#endif
#else
    const QFileInfo info(path);
    if (!info.isFile() || info.isSymLink())
        return state;
    state.regular = true;
    state.size = info.size();
    state.modifiedMs = info.lastModified().toMSecsSinceEpoch();
#endif
    return state;
}

bool sameFile(const LockFileState &a, const LockFileState &b)
{
    return a.regular && b.regular && a.device == b.device && a.inode == b.inode && a.size == b.size
        && a.modifiedMs == b.modifiedMs;
}

} // namespace

CacheFileLock::CacheFileLock(const QString &lockPath, QObject *parent)
    : QObject(parent)
    , m_path(lockPath)
    , m_lock(std::make_unique<QLockFile>(lockPath))
{
    // For QLockFile's own judgement, which applies where the holder's flock(2) is gone (it
    // died): the same time as ours.
    m_lock->setStaleLockTime(StaleLockTime);
    m_retry.setInterval(RetryInterval);
    connect(&m_retry, &QTimer::timeout, this, &CacheFileLock::attempt);
}

CacheFileLock::~CacheFileLock()
{
    release();
}

void CacheFileLock::acquire(std::chrono::milliseconds timeout, const std::function<void(const AuthError &)> &done)
{
    Q_ASSERT(!m_done && !isLocked());
    m_done = done;
    m_failure = Failure::None;
    m_deadline.setRemainingTime(qMax(qint64(0), qint64(timeout.count())));
    attempt();
}

void CacheFileLock::release()
{
    m_retry.stop();
    if (!isLocked())
        return;
    if (!isStillHeld()) {
        // Another process took the lock over while this one hung. QLockFile::unlock() would
        // remove the lock file now at the path, which is that process's: leave it, and let this
        // QLockFile go without unlocking (its descriptor is of a file no longer in the directory).
        qCWarning(lcMsalCache).noquote() << "The lock" << m_path
                                         << "was taken over by another process while this one held it";
        QLockFile *abandoned = m_lock.release();
        Q_UNUSED(abandoned)
        return;
    }
    m_lock->unlock();
}

bool CacheFileLock::isStillHeld() const
{
    if (!isLocked())
        return false;
#ifdef Q_OS_UNIX
    const LockFileState now = stateOf(m_path);
    return now.regular && now.device == m_device && now.inode == m_inode;
#else
    return true; // Windows: an open lock file cannot be removed
#endif
}

// Removes a lock file that nobody can be shown to hold (see the class comment); true if it did.
bool CacheFileLock::removeAbandoned()
{
    const LockFileState seen = stateOf(m_path);
    if (!seen.regular)
        return false;
    const qint64 age = qAbs(QDateTime::currentMSecsSinceEpoch() - seen.modifiedMs); // a clock may be off
    const bool empty = seen.size == 0 && age >= EmptyLockGrace;
    const bool stale = age >= StaleLockTime;
    if (!empty && !stale)
        return false;
    qint64 pid = 0;
    QString host;
    QString application;
    const bool known = !empty && m_lock->getLockInfo(&pid, &host, &application);
    // As QLockFile removes a stale lock: only while holding "<lock>.rmlock", and only the very
    // file judged, so that two waiters never both remove, one of them the lock the other has
    // just created.
    QLockFile removal(m_path + QLatin1String(".rmlock"));
    removal.setStaleLockTime(StaleLockTime);
    if (!removal.tryLock(0))
        return false;
    if (!sameFile(seen, stateOf(m_path)) || !QFile::remove(m_path))
        return false;
    if (empty) {
        qCDebug(lcMsalCache).noquote() << "Removed the empty lock file" << m_path << "(" << age
                                       << "ms old), which a process left behind when it was killed";
    } else {
        qCWarning(lcMsalCache).noquote()
            << tr("Took over the token cache lock %1, held for %2 s by %3, which does not release it.")
                   .arg(m_path, QString::number(age / 1000),
                        known ? tr("process %1 (%2)").arg(QString::number(pid), application)
                              : tr("an unknown process"));
    }
    return true;
}

void CacheFileLock::attempt()
{
    // QLockFile creates its file with O_EXCL, but reads a file already there (through a link) to
    // judge whether it is stale: a link where the lock belongs is refused like one at the cache.
    const AuthError refused = CacheFile::refuseSymbolicLink(m_path);
    if (refused.isError()) {
        finish(refused, Failure::Refused);
        return;
    }
    // An abandoned lock file is removed and the lock tried again at once; a few rounds at most
    // (someone else may win each time, then we wait like everyone else).
    for (int round = 0; round < 3; ++round) {
        if (m_lock->tryLock(0)) {
            const LockFileState mine = stateOf(m_path);
            m_device = mine.device;
            m_inode = mine.inode;
            finish({});
            return;
        }
        if (m_lock->error() != QLockFile::LockFailedError) {
            // Not held by anyone: the lock file cannot be made here. QLockFile keeps errno to
            // itself; the file system tells what is wrong.
            const QString directory = QFileInfo(m_path).absolutePath();
            QString why = CacheFile::whyNotWritable(directory);
            if (why.isEmpty() && m_lock->error() == QLockFile::PermissionError)
                why = tr("permission denied");
            const QString message = why.isEmpty()
                ? tr("Could not create the lock file %1.").arg(m_path)
                : tr("Could not create the lock file %1: %2.").arg(m_path, why);
            finish(AuthError(AuthError::StorageError, message), Failure::CannotCreate);
            return;
        }
        if (!removeAbandoned())
            break;
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
    if (m_lock->getLockInfo(&pid, &host, &application)) {
        message = tr("The token cache is locked by process %1 (%2 on %3); it did not release %4 in time.")
                      .arg(QString::number(pid), application.isEmpty() ? tr("unknown program") : application,
                           host.isEmpty() ? tr("this machine") : host, m_path);
    } else {
        message = tr("The token cache is locked by another process; it did not release %1 in time.")
                      .arg(m_path);
    }
    qCWarning(lcMsalCache).noquote() << message;
    finish(AuthError(AuthError::StorageError, message), Failure::Held);
}

void CacheFileLock::finish(const AuthError &error, Failure failure)
{
    m_retry.stop();
    m_failure = failure;
    // Move the callback out first: it may delete this object.
    const auto done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(error);
}

} // namespace MsalQt::Internal
