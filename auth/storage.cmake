# Token cache persistence: listed here so that it can grow without touching auth/CMakeLists.txt.
# Storage back ends (memory, plain file, keychain-encrypted file), their jobs, the cross-process
# lock, atomic file writes and AES-256-GCM at rest with the key in the OS keychain (QtKeychain).
set(MSALQT_STORAGE_PUBLIC_HEADERS
    include/MsalQt/cachestorage.h
    include/MsalQt/cachestoragejob.h
    include/MsalQt/filecachestorage.h
    include/MsalQt/keychaincachestorage.h
    include/MsalQt/memorycachestorage.h
)
target_sources(MsalQtAuth PRIVATE
    ${MSALQT_STORAGE_PUBLIC_HEADERS}
    src/storage/aesgcm.cpp src/storage/aesgcm_p.h
    src/storage/cachefile.cpp src/storage/cachefile_p.h
    src/storage/cachefilelock.cpp src/storage/cachefilelock_p.h
    src/storage/cachefileoperation.cpp src/storage/cachefileoperation_p.h
    src/storage/cachelogging.cpp src/storage/cachelogging_p.h
    src/storage/cachestorage.cpp src/storage/cachestorage_p.h
    src/storage/cachestoragejob.cpp src/storage/cachestoragejob_p.h
    src/storage/filecachestorage.cpp src/storage/filecachestorage_p.h
    src/storage/keychaincacheoperation.cpp src/storage/keychaincacheoperation_p.h
    src/storage/keychainkey.cpp src/storage/keychainkey_p.h
    src/storage/keychaincachestorage.cpp
    src/storage/memorycachestorage.cpp
)
