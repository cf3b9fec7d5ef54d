#include "cachestoragejob_p.h"

#include <QPointer>

namespace MsalQt {

CacheStorageJob *CacheStorageJobPrivate::create(CacheStorageJob::Operation operation, QObject *parent,
                                                const std::function<void(CacheStorageJob *)> &work)
{
    auto *job = new CacheStorageJob(operation, parent);
    QMetaObject::invokeMethod(
        job, [job, work] { work(job); }, Qt::QueuedConnection);
    return job;
}

void CacheStorageJobPrivate::addWarning(const QString &text, AuthError::Type type)
{
    if (text.isEmpty())
        return;
    if (warningType != AuthError::CacheReset)
        warningType = type;
    if (!warning.isEmpty())
        warning += QLatin1Char('\n');
    warning += text;
}

void CacheStorageJobPrivate::finish(const QByteArray &result, const AuthError &failure)
{
    Q_Q(CacheStorageJob);
    if (finished)
        return;
    finished = true;
    data = result;
    error = failure;
    Q_EMIT q->finished(q, CacheStorageJob::QPrivateSignal());
    if (autoDelete)
        q->deleteLater();
}

CacheStorageJob::CacheStorageJob(Operation operation, QObject *parent)
    : QObject(parent)
    , d_ptr(new CacheStorageJobPrivate(operation))
{
    d_ptr->q_ptr = this;
}

CacheStorageJob::~CacheStorageJob() = default;

CacheStorageJob::Operation CacheStorageJob::operation() const
{
    Q_D(const CacheStorageJob);
    return d->operation;
}

bool CacheStorageJob::isFinished() const
{
    Q_D(const CacheStorageJob);
    return d->finished;
}

AuthError CacheStorageJob::error() const
{
    Q_D(const CacheStorageJob);
    return d->error;
}

QByteArray CacheStorageJob::data() const
{
    Q_D(const CacheStorageJob);
    return d->data;
}

QString CacheStorageJob::warning() const
{
    Q_D(const CacheStorageJob);
    return d->warning;
}

AuthError CacheStorageJob::warningError() const
{
    Q_D(const CacheStorageJob);
    if (d->warning.isEmpty())
        return {};
    return AuthError(d->warningType, d->warning);
}

bool CacheStorageJob::autoDelete() const
{
    Q_D(const CacheStorageJob);
    return d->autoDelete;
}

void CacheStorageJob::setAutoDelete(bool autoDelete)
{
    Q_D(CacheStorageJob);
    d->autoDelete = autoDelete;
}

} // namespace MsalQt
