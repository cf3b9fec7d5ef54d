#pragma once

#include <MsalQt/autherror.h>
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QString>

namespace MsalQt::Internal {

// The file operations of the cache file: short synchronous I/O, each a few system calls.
// Callers hold the cache's lock (CacheFileLock) around anything that changes the file.
class MSALQT_AUTH_EXPORT CacheFile
{
public:
    explicit CacheFile(const QString &path);

    QString path() const { return m_path; }
    QString lockPath() const { return m_path + QLatin1String(".lock"); }

    struct Contents
    {
        bool exists = false;
        QByteArray bytes;
        AuthError error; // StorageError when the file exists but cannot be read
    };
    Contents read() const;

    // Creates the missing directories up to the file's, each with mode 0700.
    AuthError ensureDirectory() const;

    // Atomic replace: a temporary file beside the cache, made 0600 before any byte is written,
    // fsync'd, renamed over the cache, then the directory fsync'd so the rename survives a crash.
    AuthError write(const QByteArray &bytes) const;

    // Renames the file to "<file>.corrupt-<UTC time>" (never deletes it: it may be the only copy
    // of someone's tokens, or evidence of what went wrong). Returns the new path.
    QString moveAside(AuthError *error) const;

    // Removing a file that does not exist succeeds.
    AuthError remove() const;

private:
    QString m_path;
};

} // namespace MsalQt::Internal
