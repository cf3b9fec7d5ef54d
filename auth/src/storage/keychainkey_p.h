#pragma once

#include "autotestexport_p.h"
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace MsalQt::Internal {

// The cache key's entry in the OS keychain, through QtKeychain's asynchronous jobs. The keychain
// jobs are not parented: QtKeychain's backends call back into a job when the keychain answers,
// so a job must live until then; it deletes itself afterwards. Callbacks are dropped when
// `context` is destroyed first.
class MSALQT_AUTH_AUTOTEST_EXPORT KeychainKey
{
public:
    enum class Status {
        Ok,          // read: the key is in `key`; write, remove: done
        NotFound,    // no such entry
        Unavailable, // no keychain answered: no backend, no D-Bus or Secret Service, access denied by the system
        Refused,     // the person refused access when the keychain asked
        Invalid,     // read: the entry does not hold a key of the right size
        Locked,      // the keyring that holds (or would hold) the entry is locked; QtKeychain says
                     // "not found" to a read then (libsecret looks at unlocked items only), and
                     // fails a write: the Secret Service is asked which it is (lockedProbe())
    };
    struct Result
    {
        Status status = Status::Unavailable;
        QByteArray key;        // wipe after use (AesGcm::wipe)
        QString errorString;   // QtKeychain's words, for messages and logs
    };
    using Callback = std::function<void(Result &result)>;

    KeychainKey(const QString &service, const QString &name);

    void read(QObject *context, const Callback &done) const;
    void write(const QByteArray &key, QObject *context, const Callback &done) const;
    void remove(QObject *context, const Callback &done) const;

private:
    // Asks the Secret Service (org.freedesktop.secrets, on the session bus, never started for
    // this) whether the entry, or the default collection where it would be, is locked; calls
    // done(true) if so, done(false) if not or if nothing answers.
    void lockedProbe(QObject *context, const std::function<void(bool)> &done) const;
    // `job`: a QKeychain::Job (not named here: QtKeychain is a private dependency).
    void connectJob(QObject *job, QObject *context, const Callback &done, bool returnsKey) const;

    QString m_service;
    QString m_name;
};

} // namespace MsalQt::Internal
