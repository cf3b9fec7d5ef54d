#pragma once

#include "autotestexport_p.h"
#include "cachefileoperation_p.h"
#include "keychainkey_p.h"

namespace MsalQt::Internal {

// The cache file pipeline with AES-256-GCM at rest and the key in the OS keychain.
//
// The key is read from the keychain before the lock is taken (the keychain may prompt the
// person, and other processes should not wait for that). Every conclusion that would change the
// file because of the key is confirmed by reading the key again while holding the lock:
// creating a key (so that two processes starting at once cannot each create one and lock the
// other out) and declaring an encrypted file undecryptable (another process may have replaced
// the key and the file since our first read). An encrypted file whose key the keychain does not
// hold is moved aside only by a save that has just stored a new key: see decodeSealed().
class MSALQT_AUTH_AUTOTEST_EXPORT KeychainCacheOperation : public CacheFileOperation
{
    Q_OBJECT
public:
    struct Settings
    {
        QString service;
        QString keyName;
        bool allowUnencryptedFallback = false;
    };

    KeychainCacheOperation(FileCacheStoragePrivate *storage, CacheStorageJob *job, const CacheFile &file,
                           std::chrono::milliseconds lockTimeout, const CacheStorage::Merge &merge,
                           const Settings &settings);
    ~KeychainCacheOperation() override;

protected:
    void prepare() override;
    void prepareLocked() override;
    void decode(const QByteArray &stored) override;
    QByteArray encode(const QByteArray &plain, AuthError *error) override;
    void afterClear() override;

private:
    void decodeSealed(const QByteArray &stored);
    void confirmKeyThen(const std::function<void()> &next);
    void useKey(const QByteArray &key);
    void enterFallback(const QString &keychainError);
    AuthError keychainError(const KeychainKey::Result &result) const;

    Settings m_settings;
    KeychainKey m_keychain;
    QByteArray m_key;                  // empty: the keychain has none for this file (yet)
    bool m_unencrypted = false;        // the fallback is in effect for this job
    bool m_keyConfirmedUnderLock = false;
    bool m_keyCreated = false;          // by this job, under the lock
};

} // namespace MsalQt::Internal
