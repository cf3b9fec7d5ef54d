#pragma once

#include "autotestexport_p.h"
#include <MsalQt/autherror.h>
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QString>

namespace MsalQt::Internal {

// The file operations of the cache file: short synchronous I/O, each a few system calls.
// Callers hold the cache's lock (CacheFileLock) around anything that changes the file.
//
// The cache file itself (and its lock file) is never used through a symbolic link: whoever can
// put a link there could point it at another file of this user, which a save would then
// overwrite with mode 0600 and tokens merged in. Reads open with O_NOFOLLOW, writes rename a new
// file over the path (which replaces a link rather than writing through it) after refusing one,
// and a link is left as it is with a StorageError. Links among the directories above the file are
// the user's own arrangement (a cache directory on another disk, say) and are followed.
class MSALQT_AUTH_AUTOTEST_EXPORT CacheFile
{
public:
    explicit CacheFile(const QString &path);

    QString path() const { return m_path; }
    QString lockPath() const { return m_path + QLatin1String(".lock"); }

    // Who the file at the path is and when it last changed: the file's device and inode (a write
    // by rename(2), ours and most other libraries', makes a new inode), its size and its
    // modification time in nanoseconds (an in-place writer keeps the inode). Like msal-extensions,
    // comparing two of these tells cheaply whether someone wrote the file in between.
    struct Stamp
    {
        bool exists = false;
        quint64 device = 0;
        quint64 inode = 0;
        qint64 size = 0;
        qint64 modifiedNs = 0;

        bool operator==(const Stamp &other) const
        {
            return exists == other.exists && device == other.device && inode == other.inode
                && size == other.size && modifiedNs == other.modifiedNs;
        }
        bool operator!=(const Stamp &other) const { return !(*this == other); }
    };

    struct Contents
    {
        bool exists = false;
        QByteArray bytes;
        AuthError error; // StorageError when the file exists but cannot be read
        Stamp stamp;     // of the file these bytes were read from (fstat(2) of the open file)
    };
    Contents read() const;

    // The stamp of what is at the path now, without following a link (one lstat(2)).
    Stamp stamp() const;

    // Whether anything is at the path, a symbolic link included (even one that leads nowhere).
    bool exists() const;

    // StorageError when `path` is a symbolic link (checked without following it), no error
    // otherwise, a missing file included.
    static AuthError refuseSymbolicLink(const QString &path);

    // Creates the missing directories up to the file's, each with mode 0700.
    AuthError ensureDirectory() const;

    // Atomic replace: a temporary file beside the cache, created 0600 (O_EXCL) before any byte is
    // written, fsync'd, renamed over the cache, then the directory fsync'd so the rename survives
    // a crash. Refuses a symbolic link at the path (StorageError, nothing written).
    // `written` receives the stamp of the file written (taken before the rename, which keeps it).
    AuthError write(const QByteArray &bytes, Stamp *written = nullptr) const;

    // Renames the file to "<file>.corrupt-<UTC time>" (never deletes it: it may be the only copy
    // of someone's tokens, or evidence of what went wrong). Returns the new path.
    QString moveAside(AuthError *error) const;

    // Writes `bytes` (what was read from the file) to a new file "<file>.corrupt-<UTC time>",
    // mode 0600, never over anything there; the file itself stays. Returns the new path.
    QString copyAside(const QByteArray &bytes, AuthError *error) const;

    // Why no file can be written in `directory`, as a few translated words ("the file system is
    // read-only", "the disk is full", "permission denied"), or empty when no reason is seen.
    // For QLockFile's failures, which keep errno to themselves.
    static QString whyNotWritable(const QString &directory);

    // Removing a file that does not exist succeeds; a symbolic link is refused.
    AuthError remove() const;

private:
    QString m_path;
};

} // namespace MsalQt::Internal
