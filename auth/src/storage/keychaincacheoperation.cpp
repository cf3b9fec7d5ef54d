#include "keychaincacheoperation_p.h"

#include "aesgcm_p.h"
#include "cachelogging_p.h"

#include <atomic>

namespace MsalQt::Internal {

static std::atomic_bool s_fallbackWarned{false};
static std::atomic_bool s_plainFileNoted{false};

KeychainCacheOperation::KeychainCacheOperation(FileCacheStoragePrivate *storage, CacheStorageJob *job,
                                               const CacheFile &file, std::chrono::milliseconds lockTimeout,
                                               const CacheStorage::Merge &merge, const Settings &settings)
    : CacheFileOperation(storage, job, file, lockTimeout, merge)
    , m_settings(settings)
    , m_keychain(settings.service, settings.keyName)
{
}

KeychainCacheOperation::~KeychainCacheOperation()
{
    AesGcm::wipe(m_key);
}

AuthError KeychainCacheOperation::keychainError(const KeychainKey::Result &result) const
{
    switch (result.status) {
    case KeychainKey::Status::Refused:
        return AuthError(AuthError::KeychainUnavailable,
                         tr("Access to the keychain was refused (%1), so the token cache %2 cannot be "
                            "decrypted or saved. Allow access when the keychain asks.")
                             .arg(result.errorString, file().path()));
    case KeychainKey::Status::Locked:
        return AuthError(AuthError::KeychainUnavailable,
                         tr("The keyring that holds the key of the token cache %1 is locked, so the "
                            "cache cannot be decrypted or saved; the file was left as it is. Unlock "
                            "the keyring (signing in to the desktop unlocks the login keyring; a "
                            "keyring manager such as Seahorse unlocks others) and try again.")
                             .arg(file().path()));
    case KeychainKey::Status::Invalid:
        return AuthError(AuthError::StorageError,
                         tr("The keychain entry \"%1\" of service \"%2\" does not hold a token cache "
                            "key. Remove it, or give the storage another keychain key name.")
                             .arg(m_settings.keyName, m_settings.service));
    default:
        break;
    }
    return AuthError(AuthError::KeychainUnavailable,
                     tr("The keychain could not be used (%1), so the token cache %2 cannot be "
                        "encrypted; the file was left as it is. On Linux, a Secret Service provider "
                        "such as GNOME Keyring or KWallet must run, unlocked, in the session (on its "
                        "D-Bus session bus). Otherwise the application can allow an unencrypted cache "
                        "(KeychainCacheStorage::setAllowUnencryptedFallback).")
                         .arg(result.errorString, file().path()));
}

void KeychainCacheOperation::enterFallback(const QString &keychainError)
{
    m_unencrypted = true;
    if (!s_fallbackWarned.exchange(true)) {
        qCWarning(lcMsalCache).noquote()
            << tr("The keychain could not be used (%1): the token cache %2 is stored unencrypted, "
                  "as the application allows. Anyone who can read the file can use the tokens in it.")
                   .arg(keychainError, file().path());
    }
}

void KeychainCacheOperation::useKey(const QByteArray &key)
{
    AesGcm::wipe(m_key);
    m_key = key;
}

void KeychainCacheOperation::prepare()
{
    if (operation() == CacheStorageJob::Clear) {
        lock(); // the key is removed after the file, under the lock (afterClear)
        return;
    }
    m_keychain.read(this, [this](KeychainKey::Result &result) {
        switch (result.status) {
        case KeychainKey::Status::Ok:
            useKey(result.key);
            break;
        case KeychainKey::Status::NotFound:
            break; // first use, or the key is gone: settled under the lock
        case KeychainKey::Status::Unavailable:
        case KeychainKey::Status::Locked: // as good as absent until someone unlocks it
            if (!m_settings.allowUnencryptedFallback) {
                fail(keychainError(result));
                return;
            }
            enterFallback(result.errorString);
            break;
        case KeychainKey::Status::Refused:
        case KeychainKey::Status::Invalid:
            fail(keychainError(result));
            return;
        }
        lock();
    });
}

void KeychainCacheOperation::confirmKeyThen(const std::function<void()> &next)
{
    m_keychain.read(this, [this, next](KeychainKey::Result &result) {
        switch (result.status) {
        case KeychainKey::Status::Ok:
            useKey(result.key);
            break;
        case KeychainKey::Status::NotFound:
            AesGcm::wipe(m_key);
            break;
        default:
            // It answered a moment ago; whatever went wrong now, decide nothing about the file.
            fail(keychainError(result));
            return;
        }
        m_keyConfirmedUnderLock = true;
        next();
    });
}

void KeychainCacheOperation::prepareLocked()
{
    if (operation() != CacheStorageJob::Save || m_unencrypted || !m_key.isEmpty()) {
        readStored();
        return;
    }
    // No key yet: create it while holding the lock. Another process may have created one since
    // our first read; then use that one.
    confirmKeyThen([this] {
        if (!m_key.isEmpty()) {
            readStored();
            return;
        }
        QByteArray key = AesGcm::generateKey();
        if (key.isEmpty()) {
            fail(AuthError(AuthError::StorageError, tr("Could not generate a random key for the token cache.")));
            return;
        }
        m_keychain.write(key, this, [this, key](KeychainKey::Result &result) mutable {
            if (result.status != KeychainKey::Status::Ok) {
                AesGcm::wipe(key);
                // A keychain that answers reads but cannot store anything (no default
                // collection, a locked one) is no keychain for this purpose.
                if ((result.status == KeychainKey::Status::Unavailable
                     || result.status == KeychainKey::Status::Locked)
                    && m_settings.allowUnencryptedFallback) {
                    enterFallback(result.errorString);
                    readStored();
                    return;
                }
                fail(keychainError(result));
                return;
            }
            qCInfo(lcMsalCache).noquote() << "Created a new token cache key in the keychain for"
                                          << file().path();
            useKey(key);
            AesGcm::wipe(key);
            m_keyCreated = true;
            readStored();
        });
    });
}

void KeychainCacheOperation::decode(const QByteArray &stored)
{
    if (AesGcm::looksSealed(stored)) {
        decodeSealed(stored);
        return;
    }
    if (isBlank(stored)) {
        accept({}); // nothing to serve (a `touch`, an interrupted first write)
        return;
    }
    const QString problem = plainCacheProblem(stored);
    if (!problem.isEmpty()) {
        moveAside(problem);
        return;
    }
    if (!m_settings.allowUnencryptedFallback) {
        // A plain cache where an encrypted one belongs. Whoever could write the file could have
        // put tokens of their choosing there, which the application would then use as the
        // person's own (a sign-in as someone else). Only an application that allows the plain
        // fallback reads one: it wrote such files itself while the keychain was away.
        refuse(tr("it is a plain, unencrypted cache where an encrypted one is expected; an "
                  "application moving from FileCacheStorage can allow the unencrypted fallback to "
                  "read it once"));
        return;
    }
    // Written by FileCacheStorage, another MSAL library, or this class while the fallback was in
    // effect: read it, and the next save writes it encrypted if the keychain answers.
    if (!m_unencrypted && !s_plainFileNoted.exchange(true)) {
        qCInfo(lcMsalCache).noquote() << "The token cache" << file().path()
                                      << "is not encrypted yet; it will be from its next save on";
    }
    if (!keepDamagedCopy(stored, stored))
        return;
    accept(stored);
}

void KeychainCacheOperation::decodeSealed(const QByteArray &stored)
{
    if (m_unencrypted) {
        // The keychain is away, and the file is encrypted: it may well come back. Moving the file
        // aside or overwriting it with a plain cache would lose a healthy cache.
        fail(AuthError(AuthError::KeychainUnavailable,
                       tr("The token cache %1 is encrypted, and the keychain holding its key does not "
                          "answer. The file was left as it is; it can be read again once the keychain "
                          "is back.")
                           .arg(file().path())));
        return;
    }
    // The header first: a newer format or a damaged header needs no key to be told apart.
    AesGcm::Error error = AesGcm::checkHeader(stored);
    QByteArray plain;
    if (error == AesGcm::Error::NoError)
        plain = m_key.isEmpty() ? QByteArray() : AesGcm::open(m_key, stored, &error);
    if (error == AesGcm::Error::NoError && m_key.isEmpty())
        error = AesGcm::Error::InvalidKey;
    switch (error) {
    case AesGcm::Error::NoError: {
        const QString problem = plainCacheProblem(plain);
        if (!problem.isEmpty()) {
            moveAside(tr("it decrypts, but %1").arg(problem));
            return;
        }
        // The copy kept aside is the file as it is, encrypted: never tokens in the clear on disk.
        if (!keepDamagedCopy(plain, stored))
            return;
        accept(isBlank(plain) ? QByteArray() : plain);
        return;
    }
    case AesGcm::Error::UnsupportedVersion:
        fail(AuthError(AuthError::StorageError,
                       tr("The token cache %1 was written by a newer version of MsalQt. It was left as it is.")
                           .arg(file().path())));
        return;
    case AesGcm::Error::NotSealed:
    case AesGcm::Error::Truncated:
        moveAside(tr("its encryption header is damaged or it is truncated"));
        return;
    case AesGcm::Error::CryptoFailure:
        fail(AuthError(AuthError::StorageError, tr("Decrypting the token cache %1 failed.").arg(file().path())));
        return;
    case AesGcm::Error::InvalidKey:
    case AesGcm::Error::AuthenticationFailed:
        break;
    }
    if (!m_keyConfirmedUnderLock) {
        // Before calling the file undecryptable, make sure our key is still the keychain's:
        // another process may have created a new key (and file) after our first read.
        confirmKeyThen([this, stored] { decodeSealed(stored); });
        return;
    }
    if (m_key.isEmpty()) {
        // Only a load gets here: a save has stored a key by now. The keychain says it has no key
        // for this file. It may have been deleted, or this is a new keychain; but a keychain that
        // cannot show its items right now says the same (a locked collection whose unlock prompt
        // cannot be shown, a Secret Service started without a login keyring). A locked keyring
        // the Secret Service admits to is told apart (KeychainKey::Status::Locked: the job fails
        // before it gets here); the rest a load cannot tell apart, so it leaves the file in place
        // and reports an empty cache. The next save stores a new key first, which proves the
        // keychain works, and only then moves the file aside (below); if the keychain cannot store
        // a key, the save fails and the file stays. For the application, the saved sign-ins are
        // gone either way: CacheReset.
        const QString warning = tr("The token cache %1 is encrypted with a key the keychain does not "
                                   "hold; an empty cache was used instead. The file was left in place; "
                                   "the next save moves it aside.")
                                    .arg(file().path());
        qCWarning(lcMsalCache).noquote() << warning;
        addWarning(warning, AuthError::CacheReset);
        accept({});
        return;
    }
    // With the keychain's answer read under the lock, and a key the keychain holds (or has just
    // stored), the file is known to be lost: its key is gone, or the file was changed. A cache is
    // re-created by signing in again; keep the file aside rather than fail on it forever.
    moveAside(m_keyCreated ? tr("it is encrypted with a key the keychain no longer holds")
                           : tr("it does not decrypt with the keychain's key: it was damaged or changed"));
}

QByteArray KeychainCacheOperation::encode(const QByteArray &plain, AuthError *error)
{
    *error = {};
    if (m_unencrypted)
        return plain;
    Q_ASSERT(!m_key.isEmpty()); // prepareLocked() created it
    AesGcm::Error sealError;
    const QByteArray sealed = AesGcm::seal(m_key, plain, &sealError);
    if (sealError != AesGcm::Error::NoError)
        *error = AuthError(AuthError::StorageError, tr("Encrypting the token cache %1 failed.").arg(file().path()));
    return sealed;
}

void KeychainCacheOperation::afterClear()
{
    m_keychain.remove(this, [this](KeychainKey::Result &result) {
        switch (result.status) {
        case KeychainKey::Status::Ok:
        case KeychainKey::Status::NotFound:
            finish({});
            return;
        case KeychainKey::Status::Unavailable:
        case KeychainKey::Status::Locked:
            if (m_settings.allowUnencryptedFallback) {
                enterFallback(result.errorString);
                finish({});
                return;
            }
            break;
        default:
            break;
        }
        AuthError error = keychainError(result);
        error.setMessage(tr("The token cache file %1 was removed, but its key could not be removed "
                            "from the keychain: %2")
                             .arg(file().path(), error.message()));
        fail(error);
    });
}

} // namespace MsalQt::Internal
