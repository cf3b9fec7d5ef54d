#include <MsalQt/filecachestorage.h>

#include "cachefilelock_p.h"
#include "cachefileoperation_p.h"
#include "cachelogging_p.h"
#include "filecachestorage_p.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMetaMethod>
#include <QTimer>

namespace MsalQt {

using namespace Internal;

// A waiter must take a hung holder's lock over before it gives up (see CacheFileLock).
static_assert(CacheFileLock::StaleLockTime < FileCacheStoragePrivate::DefaultLockTimeout.count(),
              "the stale lock time must be below the default lock timeout");

FileCacheStoragePrivate::FileCacheStoragePrivate(const QString &filePath) : file(filePath) {}

FileCacheStoragePrivate::~FileCacheStoragePrivate() = default;

void FileCacheStoragePrivate::recordStamp(const CacheFile::Stamp &seen)
{
    stamp = seen;
}

bool FileCacheStoragePrivate::isStale() const
{
    return stamp && file.stamp() != *stamp;
}

void FileCacheStoragePrivate::startWatching()
{
    Q_Q(FileCacheStorage);
    if (watcher)
        return;
    watcher = std::make_unique<QFileSystemWatcher>(q);
    settle = std::make_unique<QTimer>(q);
    settle->setSingleShot(true);
    settle->setInterval(SettleMsecs);
    QObject::connect(watcher.get(), &QFileSystemWatcher::directoryChanged, q, [this] { directoryChanged(); });
    QObject::connect(settle.get(), &QTimer::timeout, q, [this] { settled(); });
    watchDirectory();
}

void FileCacheStoragePrivate::stopWatching()
{
    watcher.reset();
    settle.reset();
}

void FileCacheStoragePrivate::watchDirectory()
{
    QString directory = QFileInfo(file.path()).absolutePath();
    while (!QFileInfo(directory).isDir()) {
        const QString parent = QFileInfo(directory).absolutePath();
        if (parent == directory)
            break;
        directory = parent;
    }
    const QStringList watched = watcher->directories();
    if (watched.size() == 1 && watched.first() == directory)
        return;
    if (!watched.isEmpty())
        watcher->removePaths(watched);
    if (!watcher->addPath(directory))
        qCWarning(lcMsalCache).noquote() << "Cannot watch" << directory << "for changes of the token cache";
}

void FileCacheStoragePrivate::directoryChanged()
{
    // Every entry of the directory counts (lock files, temporary files, other programs' files):
    // wait until it settles, then look at our file only.
    settle->start();
}

void FileCacheStoragePrivate::settled()
{
    Q_Q(FileCacheStorage);
    if (watcher)
        watchDirectory(); // the directory may have been created, or removed and created again
    if (!stamp)
        return; // nothing read yet: the first load reads whatever is there
    const CacheFile::Stamp now = file.stamp();
    if (now == *stamp || (announced && now == *announced))
        return;
    announced = now;
    qCDebug(lcMsalCache).noquote() << "The token cache" << file.path() << "was changed by another process";
    Q_EMIT q->changedExternally();
}

CacheStorageJob *FileCacheStoragePrivate::startJob(CacheStorageJob::Operation operation,
                                                   const CacheStorage::Merge &merge)
{
    CacheStorageJob *job = createJob(operation, [](CacheStorageJob *job) {
        if (auto *op = job->findChild<CacheFileOperation *>(QString(), Qt::FindDirectChildrenOnly))
            op->start();
    });
    createOperation(job, merge);
    return job;
}

CacheFileOperation *FileCacheStoragePrivate::createOperation(CacheStorageJob *job,
                                                             const CacheStorage::Merge &merge)
{
    return new CacheFileOperation(this, job, file, lockTimeout, merge);
}

FileCacheStorage::FileCacheStorage(const QString &filePath, QObject *parent)
    : CacheStorage(*new FileCacheStoragePrivate(filePath), parent)
{
}

FileCacheStorage::FileCacheStorage(FileCacheStoragePrivate &dd, QObject *parent)
    : CacheStorage(dd, parent)
{
}

FileCacheStorage::~FileCacheStorage() = default;

QString FileCacheStorage::filePath() const
{
    Q_D(const FileCacheStorage);
    return d->file.path();
}

std::chrono::milliseconds FileCacheStorage::lockTimeout() const
{
    Q_D(const FileCacheStorage);
    return d->lockTimeout;
}

void FileCacheStorage::setLockTimeout(std::chrono::milliseconds timeout)
{
    Q_D(FileCacheStorage);
    d->lockTimeout = qMax(timeout, std::chrono::milliseconds::zero());
}

CacheStorageJob *FileCacheStorage::load()
{
    Q_D(FileCacheStorage);
    return d->startJob(CacheStorageJob::Load);
}

CacheStorageJob *FileCacheStorage::save(const Merge &merge)
{
    Q_D(FileCacheStorage);
    return d->startJob(CacheStorageJob::Save, merge);
}

CacheStorageJob *FileCacheStorage::clear()
{
    Q_D(FileCacheStorage);
    return d->startJob(CacheStorageJob::Clear);
}

bool FileCacheStorage::isStale() const
{
    Q_D(const FileCacheStorage);
    return d->isStale();
}

void FileCacheStorage::connectNotify(const QMetaMethod &signal)
{
    Q_D(FileCacheStorage);
    if (signal == QMetaMethod::fromSignal(&CacheStorage::changedExternally))
        d->startWatching();
}

void FileCacheStorage::disconnectNotify(const QMetaMethod &signal)
{
    // Any signal: an invalid one means "all of them" (disconnect() with wildcards). Qt calls this
    // with the object's connection lock held, and from the thread of a receiver being destroyed:
    // look at what is still connected later, in this object's own thread.
    Q_UNUSED(signal)
    QMetaObject::invokeMethod(
        this,
        [this] {
            Q_D(FileCacheStorage);
            if (!isSignalConnected(QMetaMethod::fromSignal(&CacheStorage::changedExternally)))
                d->stopWatching();
        },
        Qt::QueuedConnection);
}

} // namespace MsalQt
