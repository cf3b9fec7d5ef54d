#include "cachefileoperation_p.h"

#include "cache/cachejson_p.h"

#include "aesgcm_p.h"
#include "cachefilelock_p.h"
#include "cachelogging_p.h"
#include "cachestorage_p.h"
#include "cachestoragejob_p.h"
#include "filecachestorage_p.h"

#include <QFileInfo>

namespace MsalQt::Internal {

CacheFileOperation::CacheFileOperation(FileCacheStoragePrivate *storage, CacheStorageJob *job,
                                       const CacheFile &file, std::chrono::milliseconds lockTimeout,
                                       const CacheStorage::Merge &merge)
    : QObject(job)
    , m_storage(storage)
    , m_jobPrivate(CacheStorageJobPrivate::get(job))
    , m_file(file)
    , m_lockTimeout(lockTimeout)
    , m_merge(merge)
{
}

CacheFileOperation::~CacheFileOperation() = default;

CacheStorageJob::Operation CacheFileOperation::operation() const
{
    return m_jobPrivate->operation;
}

bool CacheFileOperation::isBlank(const QByteArray &bytes)
{
    return bytes.trimmed().isEmpty();
}

QString CacheFileOperation::plainCacheProblem(const QByteArray &bytes)
{
    if (isBlank(bytes))
        return {};
    QString why;
    switch (CacheJson::shapeOf(bytes, &why)) {
    case CacheJson::Shape::Object:
        return {};
    case CacheJson::Shape::OtherJson:
        return tr("it is JSON, but not an object");
    case CacheJson::Shape::NotJson:
        break;
    }
    return tr("it is not JSON (%1)").arg(why);
}

void CacheFileOperation::start()
{
    if (operation() == CacheStorageJob::Save && !m_merge) {
        fail(AuthError(AuthError::InvalidConfiguration, tr("No merge function was given to save().")));
        return;
    }
    if (operation() == CacheStorageJob::Load && !m_file.exists()) {
        // Nothing stored yet: no need for the lock, nor to ask the keychain for a key (which
        // could prompt the person before anything is there to protect).
        m_seen = CacheFile::Stamp();
        finish({});
        return;
    }
    if (operation() == CacheStorageJob::Clear && !QFileInfo(QFileInfo(m_file.path()).absolutePath()).isDir()) {
        m_seen = CacheFile::Stamp();
        finish({}); // nothing there
        return;
    }
    prepare();
}

void CacheFileOperation::lock()
{
    if (operation() == CacheStorageJob::Save) {
        // The lock file lives beside the cache file.
        const AuthError error = m_file.ensureDirectory();
        if (error.isError()) {
            fail(error);
            return;
        }
    }
    m_lock = new CacheFileLock(m_file.lockPath(), this);
    m_lock->acquire(m_lockTimeout, [this](const AuthError &error) {
        if (error.isError() && operation() == CacheStorageJob::Load
            && m_lock->failure() == CacheFileLock::Failure::CannotCreate) {
            // Nobody holds the lock, and nobody can: a read-only file system, a full disk, a
            // directory we may read but not write. Writers replace the file by rename(2), so a
            // read without the lock still sees one whole file, the old or the new. What would
            // change the file (moving a damaged one aside) is left undone; see moveAside().
            qCDebug(lcMsalCache).noquote() << "Reading the token cache" << m_file.path()
                                           << "without the lock:" << error.message();
            m_unlocked = true;
            prepareLocked();
            return;
        }
        if (error.isError()) {
            fail(error);
            return;
        }
        if (operation() == CacheStorageJob::Clear) {
            const bool existed = m_file.exists();
            const AuthError removeError = m_file.remove();
            if (removeError.isError()) {
                fail(removeError);
                return;
            }
            if (existed)
                qCInfo(lcMsalCache).noquote() << "Removed the token cache" << m_file.path();
            m_seen = CacheFile::Stamp();
            afterClear();
            return;
        }
        prepareLocked();
    });
}

void CacheFileOperation::readStored()
{
    Q_ASSERT(m_unlocked || (m_lock && m_lock->isLocked()));
    const CacheFile::Contents contents = m_file.read();
    if (contents.error.isError()) {
        fail(contents.error);
        return;
    }
    m_seen = contents.stamp;
    if (!contents.exists) {
        accept({});
        return;
    }
    decode(contents.bytes);
}

void CacheFileOperation::decode(const QByteArray &stored)
{
    if (AesGcm::looksSealed(stored)) {
        // Not ours to judge: an encrypted cache is healthy data for KeychainCacheStorage, and
        // moving it aside would lose it for the application that wrote it.
        fail(AuthError(AuthError::StorageError,
                       tr("The token cache file %1 is encrypted; it can only be opened with "
                          "KeychainCacheStorage. It was left as it is.")
                           .arg(m_file.path())));
        return;
    }
    const QString problem = plainCacheProblem(stored);
    if (!problem.isEmpty()) {
        moveAside(problem);
        return;
    }
    if (!keepDamagedCopy(stored, stored))
        return;
    accept(isBlank(stored) ? QByteArray() : stored);
}

bool CacheFileOperation::keepDamagedCopy(const QByteArray &plain, const QByteArray &stored)
{
    if (isBlank(plain))
        return true;
    const QString damage = CacheJson::damageOf(plain);
    if (damage.isEmpty())
        return true;
    if (operation() != CacheStorageJob::Save) {
        // The merge reads what it can; the file stays as it is until a save replaces it, and that
        // save keeps the copy. A copy per load would pile up, one each time the application starts.
        const QString warning = tr("The token cache file %1 is damaged (%2); what could be read of it "
                                   "was used. The next save keeps a copy of it aside.")
                                    .arg(m_file.path(), damage);
        qCWarning(lcMsalCache).noquote() << warning;
        m_jobPrivate->addWarning(warning, AuthError::StorageError);
        return true;
    }
    // The save is about to replace the file with what the merge keeps of it: the damaged parts
    // are lost then, unless a copy of the file (as stored: encrypted if it was) is kept first.
    AuthError error;
    const QString copy = m_file.copyAside(stored, &error);
    if (error.isError()) {
        const QString message = tr("The token cache file %1 is damaged (%2), and no copy of it could be "
                                   "kept (%3). It was left as it is.")
                                    .arg(m_file.path(), damage, error.message());
        qCWarning(lcMsalCache).noquote() << message;
        fail(AuthError(AuthError::StorageError, message));
        return false;
    }
    const QString warning = tr("The token cache file %1 was damaged (%2); a copy was kept at %3.")
                                .arg(m_file.path(), damage, copy);
    qCWarning(lcMsalCache).noquote() << warning;
    m_jobPrivate->addWarning(warning, AuthError::StorageError);
    m_storage->emitCorruptDataMovedAside(copy);
    return true;
}

QByteArray CacheFileOperation::encode(const QByteArray &plain, AuthError *error)
{
    *error = {};
    return plain;
}

void CacheFileOperation::moveAside(const QString &reason)
{
    if (m_unlocked) {
        // Moving the file without the lock could race a writer, and move aside the healthy file
        // it has just put there. Without the lock nothing is changed: the next save (which takes
        // the lock) moves the file aside.
        const QString warning = tr("The token cache file %1 could not be read (%2). It was left in "
                                   "place, since its lock could not be taken; an empty cache was used "
                                   "instead.")
                                    .arg(m_file.path(), reason);
        qCWarning(lcMsalCache).noquote() << warning;
        m_jobPrivate->addWarning(warning, AuthError::CacheReset);
        accept({});
        return;
    }
    AuthError error;
    const QString movedTo = m_file.moveAside(&error);
    if (error.isError()) {
        // Going on as if empty would let the next save overwrite the file: stop instead.
        const QString message = tr("The token cache file %1 is unreadable (%2), and could not be "
                                   "moved aside. It was left as it is.")
                                    .arg(m_file.path(), reason);
        qCWarning(lcMsalCache).noquote() << message;
        fail(AuthError(AuthError::StorageError, message));
        return;
    }
    m_seen = CacheFile::Stamp(); // nothing there now
    const QString warning =
        tr("The token cache file %1 could not be read (%2). It was moved to %3 and an empty cache "
           "was used instead.")
            .arg(m_file.path(), reason, movedTo);
    qCWarning(lcMsalCache).noquote() << warning;
    m_jobPrivate->addWarning(warning, AuthError::CacheReset);
    m_storage->emitCorruptDataMovedAside(movedTo);
    accept({});
}

void CacheFileOperation::refuse(const QString &reason)
{
    if (m_unlocked) {
        const QString message = tr("The token cache file %1 was refused (%2). It was left as it is; "
                                   "nothing in it was used.")
                                    .arg(m_file.path(), reason);
        qCWarning(lcMsalCache).noquote() << message;
        fail(AuthError(AuthError::StorageError, message));
        return;
    }
    AuthError error;
    const QString movedTo = m_file.moveAside(&error);
    if (error.isError()) {
        const QString message = tr("The token cache file %1 was refused (%2), and could not be moved "
                                   "aside. It was left as it is; nothing in it was used.")
                                    .arg(m_file.path(), reason);
        qCWarning(lcMsalCache).noquote() << message;
        fail(AuthError(AuthError::StorageError, message));
        return;
    }
    const QString message = tr("The token cache file %1 was refused (%2). It was moved to %3; nothing "
                               "in it was used.")
                                .arg(m_file.path(), reason, movedTo);
    qCWarning(lcMsalCache).noquote() << message;
    m_jobPrivate->addWarning(message, AuthError::CacheReset);
    m_storage->emitCorruptDataMovedAside(movedTo);
    fail(AuthError(AuthError::StorageError, message));
}

void CacheFileOperation::addWarning(const QString &warning, AuthError::Type type)
{
    m_jobPrivate->addWarning(warning, type);
}

void CacheFileOperation::accept(const QByteArray &plain)
{
    if (operation() == CacheStorageJob::Load) {
        finish(plain);
        return;
    }
    Q_ASSERT(operation() == CacheStorageJob::Save);
    const QByteArray merged = m_merge(plain);
    AuthError error;
    QByteArray encoded = encode(merged, &error);
    CacheFile::Stamp written;
    if (!error.isError() && !m_lock->isStillHeld()) {
        // This job hung (a keychain prompt under the lock, a stopped process) for so long that
        // another process took the lock over, and may have written since our read: what the merge
        // made is not based on what is stored now. Write nothing.
        error = AuthError(AuthError::StorageError,
                          tr("The lock of the token cache %1 was taken over by another process while "
                             "this one held it for too long; nothing was written.")
                              .arg(m_file.path()));
    }
    if (!error.isError())
        error = m_file.write(encoded, &written);
    if (error.isError()) {
        fail(error);
        return;
    }
    qCDebug(lcMsalCache).noquote() << "Saved the token cache" << m_file.path() << "(" << encoded.size()
                                   << "bytes )";
    m_seen = written;
    finish(merged);
}

void CacheFileOperation::fail(const AuthError &error)
{
    if (m_lock)
        m_lock->release();
    qCDebug(lcMsalCache).noquote() << "Token cache job on" << m_file.path()
                                   << "failed:" << error.errorString();
    m_jobPrivate->finish({}, error); // may delete this: nothing after
}

void CacheFileOperation::finish(const QByteArray &data)
{
    // Before finished() is emitted: whoever handles it may ask isStale() at once. Only a job that
    // succeeded counts: a failed load has given the application nothing of what is stored.
    if (m_seen)
        m_storage->recordStamp(*m_seen);
    if (m_lock)
        m_lock->release();
    m_jobPrivate->finish(data);
}

} // namespace MsalQt::Internal
