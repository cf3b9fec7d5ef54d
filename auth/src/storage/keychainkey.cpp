#include "keychainkey_p.h"

#include "aesgcm_p.h"

#include <qt6keychain/keychain.h>

#ifdef MSALQT_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QFileInfo>
#endif

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

void KeychainKey::connectJob(QObject *object, QObject *context, const Callback &done, bool returnsKey) const
{
    auto *job = static_cast<QKeychain::Job *>(object);
    const KeychainKey key = *this;
    QObject::connect(job, &QKeychain::Job::finished, context, [key, context, done, returnsKey](QKeychain::Job *finished) {
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
        // A locked keyring answers "not found" to a read (libsecret's lookup skips locked items
        // it cannot unlock: no prompt can be shown) and fails a write with a generic error. Told
        // apart, a locked keyring is reported as such and never taken for a lost key.
        const bool ambiguous = (returnsKey && result.status == KeychainKey::Status::NotFound)
            || (!returnsKey && result.status == KeychainKey::Status::Unavailable);
        if (!ambiguous) {
            done(result);
            AesGcm::wipe(result.key);
            return;
        }
        key.lockedProbe(context, [result, done](bool locked) mutable {
            if (locked)
                result.status = KeychainKey::Status::Locked;
            done(result);
        });
    });
}

KeychainKey::KeychainKey(const QString &service, const QString &name) : m_service(service), m_name(name) {}

void KeychainKey::lockedProbe(QObject *context, const std::function<void(bool)> &done) const
{
#ifdef MSALQT_HAVE_DBUS
    // With no bus address, asking for the session bus lets libdbus autolaunch a bus daemon; and
    // QtKeychain found none anyway.
    const QString runtimeBus = qEnvironmentVariable("XDG_RUNTIME_DIR") + QLatin1String("/bus");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        && (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR") || !QFileInfo::exists(runtimeBus))) {
        done(false);
        return;
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(false);
        return;
    }
    static const bool registered = [] {
        qDBusRegisterMetaType<QMap<QString, QString>>(); // a{ss}: the attributes to search
        return true;
    }();
    Q_UNUSED(registered)
    static const QString Service = QStringLiteral("org.freedesktop.secrets");
    static const QString ServicePath = QStringLiteral("/org/freedesktop/secrets");
    static const QString ServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");
    const auto call = [](QDBusMessage message, QObject *parent) {
        static constexpr int Timeout = 5000;
        message.setAutoStartService(false); // a question, not a reason to start a keyring daemon
        return new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(message, Timeout), parent);
    };

    // The attributes QtKeychain's libsecret backend stores an entry with (schema org.qt.keychain).
    QDBusMessage search = QDBusMessage::createMethodCall(Service, ServicePath, ServiceInterface,
                                                         QStringLiteral("SearchItems"));
    search << QVariant::fromValue(QMap<QString, QString>{{QStringLiteral("user"), m_name},
                                                        {QStringLiteral("server"), m_service}});
    auto *searching = call(search, context);
    QObject::connect(searching, &QDBusPendingCallWatcher::finished, context,
                     [call, context, done](QDBusPendingCallWatcher *watcher) {
        watcher->deleteLater();
        const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> found = *watcher;
        if (found.isError()) {
            done(false); // no Secret Service (another backend, or none)
            return;
        }
        if (!found.argumentAt<1>().isEmpty()) {
            done(true); // the entry is there, locked
            return;
        }
        if (!found.argumentAt<0>().isEmpty()) {
            done(false);
            return;
        }
        // Not found at all: a locked collection may not show its items. Is the default one
        // (where QtKeychain stores) locked?
        QDBusMessage alias = QDBusMessage::createMethodCall(Service, ServicePath, ServiceInterface,
                                                            QStringLiteral("ReadAlias"));
        alias << QStringLiteral("default");
        auto *reading = call(alias, context);
        QObject::connect(reading, &QDBusPendingCallWatcher::finished, context,
                         [call, context, done](QDBusPendingCallWatcher *watcher) {
            watcher->deleteLater();
            const QDBusPendingReply<QDBusObjectPath> collection = *watcher;
            if (collection.isError() || collection.value().path() == QLatin1String("/")) {
                done(false); // no default collection: nothing locked, just nothing there
                return;
            }
            QDBusMessage get = QDBusMessage::createMethodCall(Service, collection.value().path(),
                                                              QStringLiteral("org.freedesktop.DBus.Properties"),
                                                              QStringLiteral("Get"));
            get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
            auto *getting = call(get, context);
            QObject::connect(getting, &QDBusPendingCallWatcher::finished, context,
                             [done](QDBusPendingCallWatcher *watcher) {
                watcher->deleteLater();
                const QDBusPendingReply<QDBusVariant> locked = *watcher;
                done(!locked.isError() && locked.value().variant().toBool());
            });
        });
    });
#else
    Q_UNUSED(context)
    done(false);
#endif
}

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
