#include "keychainkey_p.h"

#include "aesgcm_p.h"

#include <qt6keychain/keychain.h>

namespace MsalQt::Internal {

static KeychainKey::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return KeychainKey::Status::Ok;
    case QKeychain::EntryNotFound:
        return KeychainKey::Status::NotFound;
    case QKeychain::AccessDeniedByUser:
        return KeychainKey::Status::Refused;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDenied:       // e.g. a locked collection nobody can unlock here
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:         // libsecret: no D-Bus session, no Secret Service on it
        break;
    }
    return KeychainKey::Status::Unavailable;
}

static void connectJob(QKeychain::Job *job, QObject *context, const KeychainKey::Callback &done,
                       bool returnsKey)
{
    QObject::connect(job, &QKeychain::Job::finished, context, [done, returnsKey](QKeychain::Job *finished) {
        KeychainKey::Result result;
        result.status = statusOf(finished->error());
        result.errorString = finished->errorString();
        if (returnsKey && result.status == KeychainKey::Status::Ok) {
            result.key = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
            if (result.key.size() != AesGcm::KeySize) {
                AesGcm::wipe(result.key);
                result.status = KeychainKey::Status::Invalid;
            }
        }
        done(result);
        AesGcm::wipe(result.key);
    });
}

KeychainKey::KeychainKey(const QString &service, const QString &name) : m_service(service), m_name(name) {}

void KeychainKey::read(QObject *context, const Callback &done) const
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(m_name);
    connectJob(job, context, done, true);
    job->start();
}

void KeychainKey::write(const QByteArray &key, QObject *context, const Callback &done) const
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(m_name);
    job->setBinaryData(key);
    connectJob(job, context, done, false);
    job->start();
}

void KeychainKey::remove(QObject *context, const Callback &done) const
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(m_name);
    connectJob(job, context, done, false);
    job->start();
}

} // namespace MsalQt::Internal
