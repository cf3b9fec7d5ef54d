#pragma once

#include <MsalQt/cachestoragejob.h>

#include <functional>

namespace MsalQt {

class CacheStorageJobPrivate
{
    Q_DECLARE_PUBLIC(CacheStorageJob)
public:
    // A job whose work runs on the next event-loop turn, so that callers can connect first.
    static CacheStorageJob *create(CacheStorageJob::Operation operation, QObject *parent,
                                   const std::function<void(CacheStorageJob *)> &work);
    static CacheStorageJobPrivate *get(CacheStorageJob *job) { return job->d_func(); }

    explicit CacheStorageJobPrivate(CacheStorageJob::Operation operation) : operation(operation) {}

    // Warnings accumulate (a job can both move a corrupt file aside and note something else).
    // `type` is what warningError() reports: CacheReset outweighs anything else.
    void addWarning(const QString &text, AuthError::Type type = AuthError::StorageError);
    // Emits finished() once; later calls are ignored.
    void finish(const QByteArray &data, const AuthError &error = {});

    CacheStorageJob *q_ptr = nullptr;
    const CacheStorageJob::Operation operation;
    AuthError error;
    QByteArray data;
    QString warning;
    AuthError::Type warningType = AuthError::NoError;
    bool finished = false;
    bool autoDelete = true;
};

} // namespace MsalQt
