#include "cachefile_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace MsalQt::Internal {

static QString tr(const char *text)
{
    return QCoreApplication::translate("MsalQt::CacheFile", text);
}

static AuthError storageError(const QString &message)
{
    return AuthError(AuthError::StorageError, message);
}

static constexpr QFile::Permissions OwnerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;
static constexpr QFile::Permissions OwnerOnlyDirectory =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

CacheFile::CacheFile(const QString &path) : m_path(QFileInfo(path).absoluteFilePath()) {}

CacheFile::Contents CacheFile::read() const
{
    Contents contents;
    QFile file(m_path);
    if (!file.exists())
        return contents;
    contents.exists = true;
    if (!file.open(QIODevice::ReadOnly)) {
        contents.error = storageError(tr("Could not open %1: %2.").arg(m_path, file.errorString()));
        return contents;
    }
    contents.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        contents.error = storageError(tr("Could not read %1: %2.").arg(m_path, file.errorString()));
        contents.bytes.clear();
    }
    return contents;
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
            return storageError(tr("Could not create the directory %1.").arg(dir));
    }
    return {};
}

AuthError CacheFile::write(const QByteArray &bytes) const
{
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return storageError(tr("Could not create a temporary file beside %1: %2.")
                                .arg(m_path, file.errorString()));
    // QSaveFile creates a new file with the umask's permissions (often 0644) and copies those of
    // an existing one: narrow them while the file is still empty.
    if (!file.setPermissions(OwnerOnlyFile)) {
        file.cancelWriting();
        return storageError(tr("Could not restrict the permissions of the temporary file for %1: %2.")
                                .arg(m_path, file.errorString()));
    }
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return storageError(tr("Could not write %1: %2.").arg(m_path, reason));
    }
#ifdef Q_OS_UNIX
    // The data must be on disk before the rename makes it the cache, or a crash could leave an
    // empty file in its place.
    if (::fsync(file.handle()) != 0) {
        file.cancelWriting();
        return storageError(tr("Could not flush %1 to disk.").arg(m_path));
    }
#endif
    if (!file.commit())
        return storageError(tr("Could not replace %1: %2.").arg(m_path, file.errorString()));
#ifdef Q_OS_UNIX
    const QByteArray dir = QFile::encodeName(QFileInfo(m_path).absolutePath());
    const int dirFd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd); // best effort: some file systems refuse fsync on directories
        ::close(dirFd);
    }
#endif
    return {};
}

QString CacheFile::moveAside(AuthError *error) const
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString base = m_path + QLatin1String(".corrupt-") + stamp;
    QString target = base;
    // Two corrupt files within one second keep both: QFile::rename never overwrites.
    for (int n = 2; n < 100; ++n) {
        if (QFile::rename(m_path, target)) {
            if (error)
                *error = {};
            return target;
        }
        if (!QFileInfo::exists(target))
            break; // failed for another reason than a name clash
        target = base + QLatin1Char('-') + QString::number(n);
    }
    if (error)
        *error = storageError(tr("Could not move the unreadable cache file %1 aside.").arg(m_path));
    return {};
}

AuthError CacheFile::remove() const
{
    QFile file(m_path);
    if (!file.exists() || file.remove())
        return {};
    return storageError(tr("Could not remove %1: %2.").arg(m_path, file.errorString()));
}

} // namespace MsalQt::Internal
