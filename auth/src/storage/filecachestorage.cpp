#include <MsalQt/filecachestorage.h>

#include "cachefileoperation_p.h"
#include "filecachestorage_p.h"

namespace MsalQt {

using namespace Internal;

FileCacheStoragePrivate::FileCacheStoragePrivate(const QString &filePath) : file(filePath) {}

FileCacheStoragePrivate::~FileCacheStoragePrivate() = default;

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

int FileCacheStorage::lockTimeout() const
{
    Q_D(const FileCacheStorage);
    return d->lockTimeout;
}

void FileCacheStorage::setLockTimeout(int msecs)
{
    Q_D(FileCacheStorage);
    d->lockTimeout = qMax(0, msecs);
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

} // namespace MsalQt
