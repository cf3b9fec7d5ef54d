#include "cachefile_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#endif

namespace MsalQt::Internal {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::CacheFile)
};
} // namespace

static AuthError storageError(const QString &message)
{
    return AuthError(AuthError::StorageError, message);
}

#ifndef Q_OS_UNIX
static constexpr QFile::Permissions OwnerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;
#endif
static constexpr QFile::Permissions OwnerOnlyDirectory =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

CacheFile::CacheFile(const QString &path) : m_path(QFileInfo(path).absoluteFilePath()) {}

#ifdef Q_OS_UNIX
// strerror()'s words, except for the faults a person can act on, told in words that say what to do
// about them: a read-only file system is not a permission problem, and a full disk is no I/O error.
static QString systemError(int error)
{
    switch (error) {
    case EROFS:
        return Tr::tr("the file system is read-only");
    case ENOSPC:
        return Tr::tr("the disk is full");
#ifdef EDQUOT
    case EDQUOT:
        return Tr::tr("the disk quota is exhausted");
#endif
    case EACCES:
    case EPERM:
        return Tr::tr("permission denied");
    default:
        break;
    }
    return QString::fromLocal8Bit(std::strerror(error));
}

static CacheFile::Stamp stampOf(const struct stat &st)
{
    CacheFile::Stamp stamp;
    stamp.exists = true;
    stamp.device = quint64(st.st_dev);
    stamp.inode = quint64(st.st_ino);
    stamp.size = qint64(st.st_size);
#if defined(Q_OS_DARWIN)
    stamp.modifiedNs = qint64(st.st_mtimespec.tv_sec) * 1000000000 + st.st_mtimespec.tv_nsec;
#else
    stamp.modifiedNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
#endif
    return stamp;
}
#else
static CacheFile::Stamp stampOf(const QFileInfo &info)
{
    CacheFile::Stamp stamp;
    if (!info.exists())
        return stamp;
    stamp.exists = true;
    stamp.size = info.size();
    // No inode here: the time of the last change has to do (milliseconds on Windows' NTFS).
    stamp.modifiedNs = info.lastModified().toMSecsSinceEpoch() * 1000000;
    return stamp;
}
#endif

CacheFile::Stamp CacheFile::stamp() const
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::lstat(QFile::encodeName(m_path).constData(), &st) != 0)
        return {};
    return stampOf(st);
#else
    return stampOf(QFileInfo(m_path));
#endif
}

AuthError CacheFile::refuseSymbolicLink(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISLNK(st.st_mode))
        return {};
#else
    if (!QFileInfo(path).isSymLink())
        return {};
#endif
    return storageError(Tr::tr("%1 is a symbolic link. The token cache is never read or written through "
                               "a link, since a link there could point at any file of yours; it was left "
                               "as it is. Put the file itself there (a link among its directories is fine).")
                            .arg(path));
}

bool CacheFile::exists() const
{
#ifdef Q_OS_UNIX
    struct stat st;
    return ::lstat(QFile::encodeName(m_path).constData(), &st) == 0;
#else
    return QFileInfo::exists(m_path) || QFileInfo(m_path).isSymLink();
#endif
}

CacheFile::Contents CacheFile::read() const
{
    Contents contents;
#ifdef Q_OS_UNIX
    // O_NOFOLLOW: a link at the path fails with ELOOP instead of reading whatever it points at.
    // O_NONBLOCK: a FIFO planted there must not hang the event loop in open() (checked below).
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return contents;
        contents.exists = true;
        contents.error = refuseSymbolicLink(m_path);
        if (!contents.error.isError())
            contents.error = storageError(Tr::tr("Could not open %1: %2.").arg(m_path, systemError(error)));
        return contents;
    }
    contents.exists = true;
    struct stat st;
    const bool statted = ::fstat(fd, &st) == 0;
    if (!statted || !S_ISREG(st.st_mode)) {
        const bool directory = statted && S_ISDIR(st.st_mode);
        ::close(fd);
        contents.error = storageError(directory
                                          ? Tr::tr("%1 is a directory, not a token cache file; it was left as it is.").arg(m_path)
                                          : Tr::tr("%1 is not a regular file; it was left as it is.").arg(m_path));
        return contents;
    }
    // Of the file read, not of the path: a writer may replace the file while we read it.
    contents.stamp = stampOf(st);
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        contents.error = storageError(Tr::tr("Could not open %1: %2.").arg(m_path, file.errorString()));
        return contents;
    }
#else
    QFile file(m_path);
    if (!exists())
        return contents;
    contents.exists = true;
    contents.error = refuseSymbolicLink(m_path);
    if (contents.error.isError())
        return contents;
    if (!file.open(QIODevice::ReadOnly)) {
        contents.error = storageError(Tr::tr("Could not open %1: %2.").arg(m_path, file.errorString()));
        return contents;
    }
    contents.stamp = stampOf(QFileInfo(m_path));
#endif
    contents.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        contents.error = storageError(Tr::tr("Could not read %1: %2.").arg(m_path, file.errorString()));
        contents.bytes.clear();
    }
    return contents;
}

QString CacheFile::whyNotWritable(const QString &directory)
{
#ifdef Q_OS_UNIX
    struct statvfs fs;
    if (::statvfs(QFile::encodeName(directory).constData(), &fs) == 0) {
        if (fs.f_flag & ST_RDONLY)
            return systemError(EROFS);
        // Room for not even one more block, or no inode left: a file can be created (tmpfs) but
        // not written, or not even created.
        if (fs.f_bavail == 0 || (fs.f_files > 0 && fs.f_favail == 0))
            return systemError(ENOSPC);
    }
    if (::access(QFile::encodeName(directory).constData(), W_OK | X_OK) != 0)
        return systemError(errno);
    return {};
#else
    Q_UNUSED(directory)
    return {};
#endif
}

AuthError CacheFile::ensureDirectory() const
{
    const QString dirPath = QFileInfo(m_path).absolutePath();
    if (QFileInfo(dirPath).isDir())
        return {};
    // Create each missing level ourselves: QDir::mkpath() knows no permissions, and a directory
    // holding tokens should not be listable by others from the moment it exists.
    QStringList missing;
    QString level = dirPath;
    while (!QFileInfo::exists(level)) {
        missing.prepend(level);
        const QString parent = QFileInfo(level).absolutePath();
        if (parent == level)
            break;
        level = parent;
    }
    for (const QString &dir : std::as_const(missing)) {
        // Another process may create the same directory at the same time: that is fine.
        if (!QDir().mkdir(dir, OwnerOnlyDirectory) && !QFileInfo(dir).isDir())
            return storageError(Tr::tr("Could not create the directory %1.").arg(dir));
    }
    return {};
}

#ifdef Q_OS_UNIX
static bool writeAll(int fd, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, size_t(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        left -= written;
    }
    return true;
}

AuthError CacheFile::write(const QByteArray &bytes, Stamp *written) const
{
    // Not QSaveFile: it resolves a link at the path and replaces the file the link points at.
    AuthError refused = refuseSymbolicLink(m_path);
    if (refused.isError())
        return refused;
    // mkstemp creates the file with O_EXCL and mode 0600, so it is never someone else's file and
    // never readable by others, not even while empty.
    QByteArray temporary = QFile::encodeName(m_path) + ".tmp-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        return storageError(Tr::tr("Could not create a temporary file beside %1: %2.")
                                .arg(m_path, systemError(errno)));
    }
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    const auto discard = [&](const QString &message) {
        ::close(fd);
        ::unlink(temporary.constData());
        return storageError(message);
    };
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        return discard(Tr::tr("Could not restrict the permissions of the temporary file for %1: %2.")
                           .arg(m_path, systemError(errno)));
    }
    if (!writeAll(fd, bytes))
        return discard(Tr::tr("Could not write %1: %2.").arg(m_path, systemError(errno)));
    // The data must be on disk before the rename makes it the cache, or a crash could leave an
    // empty file in its place.
    if (::fsync(fd) != 0)
        return discard(Tr::tr("Could not flush %1 to disk: %2.").arg(m_path, systemError(errno)));
    // The rename below keeps inode, size and modification time: this is the stamp the cache will
    // have, known before another process can replace it.
    struct stat st;
    const bool stamped = ::fstat(fd, &st) == 0;
    ::close(fd);
    // Checked again just before the rename; and should a link appear in between, rename(2)
    // replaces the link itself, never the file it points at.
    refused = refuseSymbolicLink(m_path);
    if (refused.isError() || ::rename(temporary.constData(), QFile::encodeName(m_path).constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return refused.isError() ? refused
                                 : storageError(Tr::tr("Could not replace %1: %2.").arg(m_path, systemError(error)));
    }
    if (written)
        *written = stamped ? stampOf(st) : Stamp();
    const QByteArray dir = QFile::encodeName(QFileInfo(m_path).absolutePath());
    const int dirFd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd); // best effort: some file systems refuse fsync on directories
        ::close(dirFd);
    }
    return {};
}
#else
AuthError CacheFile::write(const QByteArray &bytes, Stamp *written) const
{
    const AuthError refused = refuseSymbolicLink(m_path);
    if (refused.isError())
        return refused;
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return storageError(Tr::tr("Could not create a temporary file beside %1: %2.")
                                .arg(m_path, file.errorString()));
    // QSaveFile creates a new file with the default permissions and copies those of an existing
    // one: narrow them while the file is still empty.
    if (!file.setPermissions(OwnerOnlyFile)) {
        file.cancelWriting();
        return storageError(Tr::tr("Could not restrict the permissions of the temporary file for %1: %2.")
                                .arg(m_path, file.errorString()));
    }
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return storageError(Tr::tr("Could not write %1: %2.").arg(m_path, reason));
    }
    if (!file.commit())
        return storageError(Tr::tr("Could not replace %1: %2.").arg(m_path, file.errorString()));
    if (written)
        *written = stamp();
    return {};
}
#endif

// Renames without ever replacing what is at `to` (a link planted there included), and never by
// copying: QFile::rename falls back to copying through links when a rename fails.
static bool renameNoReplace(const QString &from, const QString &to)
{
#ifdef Q_OS_UNIX
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
#if defined(Q_OS_LINUX) && defined(RENAME_NOREPLACE)
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno != EINVAL && errno != ENOSYS)
        return false; // EEXIST included
#endif
    // link(2) fails if `to` exists and does not follow a link at `from`.
    if (::link(source.constData(), target.constData()) != 0)
        return false;
    ::unlink(source.constData());
    return true;
#else
    return QFile::rename(from, to);
#endif
}

static QString asideBase(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    return path + QLatin1String(".corrupt-") + stamp;
}

QString CacheFile::copyAside(const QByteArray &bytes, AuthError *error) const
{
    const QString base = asideBase(m_path);
    QString target = base;
    for (int n = 2; n < 100; ++n) {
#ifdef Q_OS_UNIX
        // O_EXCL: never over anything already there (a link planted there included), mode 0600.
        const int fd = ::open(QFile::encodeName(target).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR);
        if (fd < 0 && errno == EEXIST) {
            target = base + QLatin1Char('-') + QString::number(n);
            continue;
        }
        if (fd < 0) {
            *error = storageError(Tr::tr("Could not keep a copy of %1 at %2: %3.").arg(m_path, target, systemError(errno)));
            return {};
        }
        const bool written = writeAll(fd, bytes) && ::fsync(fd) == 0;
        const int writeError = errno;
        ::close(fd);
        if (!written) {
            ::unlink(QFile::encodeName(target).constData());
            *error = storageError(Tr::tr("Could not keep a copy of %1 at %2: %3.").arg(m_path, target, systemError(writeError)));
            return {};
        }
#else
        QFile file(target);
        if (file.exists()) {
            target = base + QLatin1Char('-') + QString::number(n);
            continue;
        }
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || !file.setPermissions(OwnerOnlyFile)
            || file.write(bytes) != bytes.size() || !file.flush()) {
            const QString reason = file.errorString();
            file.remove();
            *error = storageError(Tr::tr("Could not keep a copy of %1 at %2: %3.").arg(m_path, target, reason));
            return {};
        }
#endif
        *error = {};
        return target;
    }
    *error = storageError(Tr::tr("Could not keep a copy of %1: too many copies are there already.").arg(m_path));
    return {};
}

QString CacheFile::moveAside(AuthError *error) const
{
    const QString base = asideBase(m_path);
    QString target = base;
    // Two corrupt files within one second keep both: nothing is ever overwritten.
    for (int n = 2; n < 100; ++n) {
        if (renameNoReplace(m_path, target)) {
            if (error)
                *error = {};
            return target;
        }
        if (!QFileInfo::exists(target) && !QFileInfo(target).isSymLink())
            break; // failed for another reason than a name clash
        target = base + QLatin1Char('-') + QString::number(n);
    }
    if (error)
        *error = storageError(Tr::tr("Could not move the unreadable cache file %1 aside.").arg(m_path));
    return {};
}

AuthError CacheFile::remove() const
{
    // Removing a link would leave the tokens it leads to in place while reporting them gone.
    const AuthError refused = refuseSymbolicLink(m_path);
    if (refused.isError())
        return refused;
    QFile file(m_path);
    if (!file.exists() || file.remove())
        return {};
    return storageError(Tr::tr("Could not remove %1: %2.").arg(m_path, file.errorString()));
}

} // namespace MsalQt::Internal
