#pragma once

#include <MsalQt/filecachestorage.h>

#include <QString>

namespace MsalQt {

class KeychainCacheStoragePrivate;

/// The cache file of FileCacheStorage (same locking, merging, atomic writes and corrupt-file
/// handling), encrypted with AES-256-GCM. The key is 256 random bits created on the first save and
/// kept in the operating system's keychain through QtKeychain (Secret Service on Linux, Keychain on
/// macOS, Credential Manager on Windows); it is read from there for each job and wiped afterwards.
///
/// File format: "MSALQTC1" | 12-byte random nonce | ciphertext | 16-byte GCM tag, the 8-byte
/// header authenticated as additional data. A new nonce is drawn for every write.
///
/// When the keychain cannot be used, jobs fail with AuthError::KeychainUnavailable and leave the
/// file as it is, unless the application allows an unencrypted fallback: then the cache is a plain
/// JSON file, as FileCacheStorage writes it, and one warning per process says so. An encrypted
/// file is never read nor overwritten in that state: the keychain may come back.
///
/// A plain JSON cache found where an encrypted one is expected is refused: anyone able to write the
/// file could have planted tokens there. It is moved aside (corruptDataMovedAside()), nothing in it
/// is used, and the job fails with StorageError. Only with the unencrypted fallback allowed is it
/// read (the fallback writes such files itself, and an application moving from FileCacheStorage
/// can allow it for that purpose); the next save then writes it encrypted. A locked keyring
/// (Secret Service: the entry, or the default collection, is locked and no unlock prompt could be
/// shown) fails the job with AuthError::KeychainUnavailable saying so; the file is left as it is.
/// An encrypted file whose key the keychain does not hold gives an empty cache and a warning on
/// load (CacheStorageJob::warningError() is AuthError::CacheReset), and is moved aside by the next
/// save once that has stored a new key: a keychain that cannot show its items may answer "not
/// found" as well, and a healthy cache must survive that. A file that does not decrypt with the
/// keychain's key is moved aside and reported (corruptDataMovedAside(), CacheReset). A damaged
/// part of a cache that decrypts is handled as FileCacheStorage does; the copy kept aside is the
/// encrypted file. Loading when no file exists yet succeeds at once, without asking the keychain
/// (which might prompt).
class MSALQT_AUTH_EXPORT KeychainCacheStorage : public FileCacheStorage
{
    Q_OBJECT
public:
    /// An encrypted storage in the file at `filePath`, its key in the keychain entry described
    /// at keychainService().
    explicit KeychainCacheStorage(const QString &filePath, QObject *parent = nullptr);
    /// Destroys the storage (see CacheStorage::~CacheStorage()).
    ~KeychainCacheStorage() override;

    /// The keychain entry holding the key: service "MsalQt token cache" and, as its key, the
    /// absolute path of the cache file, unless the application names them.
    QString keychainService() const;
    /// Sets the keychain service name; empty returns to the default.
    void setKeychainService(const QString &service);
    /// The key of the keychain entry; by default the cache file's absolute path.
    QString keychainKey() const;
    /// Sets the key of the keychain entry; empty returns to the default.
    void setKeychainKey(const QString &key);

    /// Whether the storage may fall back to the plain file. Off by default. When on, a missing or
    /// unreachable keychain (no Secret Service, no D-Bus, access refused by the system) makes the
    /// storage read and write the plain file instead of failing. A person who refuses access when the
    /// keychain asks still gets an error: the fallback is for machines without a keychain, not a way
    /// around a person's answer. It also lets a plain cache file be read (and encrypted by the next
    /// save) when the keychain answers.
    bool allowUnencryptedFallback() const;
    /// Allows or forbids the unencrypted fallback.
    void setAllowUnencryptedFallback(bool allow);

private:
    Q_DECLARE_PRIVATE(KeychainCacheStorage)
    Q_DISABLE_COPY(KeychainCacheStorage)
};

} // namespace MsalQt
