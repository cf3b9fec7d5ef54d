#include <MsalQt/memorycachestorage.h>

#include "cachestorage_p.h"
#include "cachestoragejob_p.h"

#include <QCoreApplication>

namespace MsalQt {

class MemoryCacheStoragePrivate : public CacheStoragePrivate
{
public:
    QByteArray stored;
};

MemoryCacheStorage::MemoryCacheStorage(QObject *parent)
    : CacheStorage(*new MemoryCacheStoragePrivate, parent)
{
}

MemoryCacheStorage::~MemoryCacheStorage() = default;

CacheStorageJob *MemoryCacheStorage::load()
{
    Q_D(MemoryCacheStorage);
    return d->createJob(CacheStorageJob::Load, [d](CacheStorageJob *job) {
        CacheStorageJobPrivate::get(job)->finish(d->stored);
    });
}

CacheStorageJob *MemoryCacheStorage::save(const Merge &merge)
{
    Q_D(MemoryCacheStorage);
    return d->createJob(CacheStorageJob::Save, [d, merge](CacheStorageJob *job) {
        auto *jd = CacheStorageJobPrivate::get(job);
        if (!merge) {
            jd->finish({}, AuthError(AuthError::InvalidConfiguration,
                                     QCoreApplication::translate("MsalQt::CacheStorage",
                                                                 "No merge function was given to save().")));
            return;
        }
        // One job runs at a time on this thread, so read-modify-write needs no lock here.
        d->stored = merge(d->stored);
        jd->finish(d->stored);
    });
}

CacheStorageJob *MemoryCacheStorage::clear()
{
    Q_D(MemoryCacheStorage);
    return d->createJob(CacheStorageJob::Clear, [d](CacheStorageJob *job) {
        d->stored.clear();
        CacheStorageJobPrivate::get(job)->finish({});
    });
}

} // namespace MsalQt
