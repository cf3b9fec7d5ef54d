#pragma once

#include <MsalQt/autherror.h>
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QObject>
#include <QScopedPointer>
#include <QString>

namespace MsalQt {

class CacheStorageJobPrivate;

/// One load, save or clear of a CacheStorage, in the manner of QtKeychain's jobs and KJob: the work
/// starts on the next event-loop turn (so connect first), finished() is emitted exactly once, then
/// error(), data() and warning() tell the outcome. Unless setAutoDelete(false), the job deletes
/// itself after finished() has been delivered. A job belongs to its storage: destroying the storage
/// destroys the jobs still running, without finished().
class MSALQT_AUTH_EXPORT CacheStorageJob : public QObject
{
    Q_OBJECT
public:
    /// Which operation of the storage a job performs: CacheStorage::load(), save() or clear().
    enum Operation { Load, Save, Clear };
    Q_ENUM(Operation)

    /// Destroys the job.
    ~CacheStorageJob() override;

    /// Which operation this job performs.
    Operation operation() const;
    /// Whether the job has finished (finished() has been emitted).
    bool isFinished() const;

    /// NoError on success; otherwise KeychainUnavailable, StorageError, or InvalidConfiguration
    /// (save() without a merge function). A failed job has left the stored cache as it was.
    AuthError error() const;

    /// Load: the stored cache as plain MSAL JSON bytes, empty when nothing is stored yet (or what
    /// was stored was unreadable and moved aside; see warning()). Save: the bytes written, that is
    /// what the merge function returned. Clear: empty.
    QByteArray data() const;

    /// Something the application may want to tell the person although the job succeeded, such as
    /// a corrupt cache file that was moved aside. Already logged; empty when there is none.
    QString warning() const;

    /// warning() as a typed error, to show or to branch on: NoError when warning() is empty;
    /// AuthError::CacheReset when the stored cache could not be read and is lost to this
    /// application (a corrupt file, or an encrypted one whose key is gone from the keychain, moved
    /// aside, or to be moved aside by the next save): the saved sign-ins are gone; otherwise
    /// AuthError::StorageError (e.g.\ a damaged part of the cache, of which a copy was kept aside,
    /// or an unreadable file left in place because the lock could not be taken). Its message() is
    /// warning(). A failed job may carry one too (a file it moved aside before failing).
    AuthError warningError() const;

    /// Whether the job deletes itself after finished() has been delivered (default true).
    bool autoDelete() const;
    /// Keeps the job after finished() when false; then whoever holds it deletes it.
    void setAutoDelete(bool autoDelete);

Q_SIGNALS:
    /// The job is done: error(), data() and warning() tell the outcome. Emitted exactly once.
    void finished(MsalQt::CacheStorageJob *job, QPrivateSignal);

private:
    explicit CacheStorageJob(Operation operation, QObject *parent);
    const QScopedPointer<CacheStorageJobPrivate> d_ptr;
    Q_DECLARE_PRIVATE(CacheStorageJob)
    Q_DISABLE_COPY(CacheStorageJob)
    friend class CacheStorageJobPrivate;
};

} // namespace MsalQt
