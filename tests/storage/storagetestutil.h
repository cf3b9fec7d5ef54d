#pragma once

// Shared by the storage tests and storage_helper: running a job to its end, and the merge
// function a token cache would pass (a union of the MSAL schema's sections).

#include <MsalQt/cachestorage.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

namespace StorageTest {

struct JobResult
{
    bool finished = false;
    MsalQt::AuthError error;
    QByteArray data;
    QString warning;
    MsalQt::AuthError warningError;
};

// Waits for the job (signal-driven, no fixed sleeps) and collects its outcome.
inline JobResult run(MsalQt::CacheStorageJob *job, int timeoutMsecs = 30000)
{
    JobResult result;
    job->setAutoDelete(false);
    QSignalSpy spy(job, &MsalQt::CacheStorageJob::finished);
    result.finished = job->isFinished() || spy.wait(timeoutMsecs);
    result.error = job->error();
    result.data = job->data();
    result.warning = job->warning();
    result.warningError = job->warningError();
    delete job;
    return result;
}

inline QJsonObject parse(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

inline QByteArray serialize(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// {"AccessToken": {"<key>": {...}}}: one access token entry as the MSAL schema has it.
inline QJsonObject accessTokenEntry(const QString &key, const QString &secret = QStringLiteral("eyJ0eXAiOiJKV1Qi.secret"))
{
    return QJsonObject{{QStringLiteral("AccessToken"),
                        QJsonObject{{key, QJsonObject{{QStringLiteral("credential_type"), QStringLiteral("AccessToken")},
                                                      {QStringLiteral("secret"), secret},
                                                      {QStringLiteral("home_account_id"), key}}}}}};
}

// Folds `mine` into what is stored now, section by section (AccessToken, RefreshToken, ...).
inline QJsonObject unite(QJsonObject stored, const QJsonObject &mine)
{
    for (auto section = mine.begin(); section != mine.end(); ++section) {
        if (section.value().isObject() && stored.value(section.key()).isObject()) {
            QJsonObject merged = stored.value(section.key()).toObject();
            const QJsonObject entries = section.value().toObject();
            for (auto entry = entries.begin(); entry != entries.end(); ++entry)
                merged.insert(entry.key(), entry.value());
            stored.insert(section.key(), merged);
        } else {
            stored.insert(section.key(), section.value());
        }
    }
    return stored;
}

inline MsalQt::CacheStorage::Merge unionMerge(const QJsonObject &mine)
{
    return [mine](const QByteArray &storedNow) { return serialize(unite(parse(storedNow), mine)); };
}

inline MsalQt::CacheStorage::Merge replaceWith(const QByteArray &bytes)
{
    return [bytes](const QByteArray &) { return bytes; };
}

} // namespace StorageTest
