#pragma once

// What the keychain tests share: direct QtKeychain access (to check what the storage put in the
// keychain, or to change it behind the storage's back) and file helpers.

#include "storagetestutil.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QFile>

namespace KeychainTest {

inline const QString Service = QStringLiteral("MsalQt token cache");
inline const QString Secret = QStringLiteral("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.very-secret-token");

struct Entry
{
    QKeychain::Error error = QKeychain::OtherError;
    QByteArray data;
};

inline Entry readEntry(const QString &key, const QString &service = Service)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(key);
    Entry entry;
    QSignalSpy spy(job, &QKeychain::Job::finished);
    QObject::connect(job, &QKeychain::Job::finished, job, [&entry](QKeychain::Job *finished) {
        entry.error = finished->error();
        entry.data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
    });
    job->start();
    if (!spy.wait(20000))
        qWarning("keychain read timed out");
    return entry;
}

inline QKeychain::Error writeEntry(const QString &key, const QByteArray &data)
{
    auto *job = new QKeychain::WritePasswordJob(Service);
    job->setKey(key);
    job->setBinaryData(data);
    QKeychain::Error error = QKeychain::OtherError;
    QSignalSpy spy(job, &QKeychain::Job::finished);
    QObject::connect(job, &QKeychain::Job::finished, job, [&error](QKeychain::Job *finished) { error = finished->error(); });
    job->start();
    spy.wait(20000);
    return error;
}

inline QKeychain::Error deleteEntry(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(Service);
    job->setKey(key);
    QKeychain::Error error = QKeychain::OtherError;
    QSignalSpy spy(job, &QKeychain::Job::finished);
    QObject::connect(job, &QKeychain::Job::finished, job, [&error](QKeychain::Job *finished) { error = finished->error(); });
    job->start();
    spy.wait(20000);
    return error;
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(bytes);
}

inline QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}


} // namespace KeychainTest
