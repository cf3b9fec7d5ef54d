#include "cachestorage_p.h"

#include "cachestoragejob_p.h"

namespace MsalQt {

CacheStoragePrivate::~CacheStoragePrivate() = default;

CacheStorageJob *CacheStoragePrivate::createJob(CacheStorageJob::Operation operation,
                                                const std::function<void(CacheStorageJob *)> &work)
{
    return CacheStorageJobPrivate::create(operation, q_ptr, work);
}

void CacheStoragePrivate::emitCorruptDataMovedAside(const QString &movedTo)
{
    Q_Q(CacheStorage);
    Q_EMIT q->corruptDataMovedAside(movedTo);
}

CacheStorage::CacheStorage(QObject *parent) : CacheStorage(*new CacheStoragePrivate, parent) {}

CacheStorage::CacheStorage(CacheStoragePrivate &dd, QObject *parent)
    : QObject(parent)
    , d_ptr(&dd)
{
    d_ptr->q_ptr = this;
}

CacheStorage::~CacheStorage()
{
    // Jobs still running are children of this storage and reach into its private part; end them
    // while that still exists (~QObject would delete them only after d_ptr is gone).
    const auto jobs = findChildren<CacheStorageJob *>(QString(), Qt::FindDirectChildrenOnly);
    qDeleteAll(jobs);
}

bool CacheStorage::isStale() const
{
    return false;
}

CacheStorageJob *CacheStorage::createJob(CacheStorageJob::Operation operation,
                                         const std::function<void(CacheStorageJob *)> &work)
{
    Q_D(CacheStorage);
    return d->createJob(operation, work);
}

void CacheStorage::finishJob(CacheStorageJob *job, const QByteArray &data, const AuthError &error,
                             const QString &warning)
{
    CacheStorageJobPrivate *jd = CacheStorageJobPrivate::get(job);
    jd->addWarning(warning);
    jd->finish(data, error);
}

} // namespace MsalQt
