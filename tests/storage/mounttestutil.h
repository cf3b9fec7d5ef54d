#pragma once

// File systems for the storage tests' fault cases: a read-only bind mount (EROFS: root, which the
// tests and CI run as, defeats permission bits, so a read-only file system is the honest way to
// make a directory unwritable) and a small tmpfs that can be filled up (ENOSPC). Both need root
// (CAP_SYS_ADMIN): a test that cannot mount skips, with the reason.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cerrno>
#include <cstring>

#include <sys/mount.h>
#include <unistd.h>

namespace StorageTest {

class ScopedMount
{
public:
    ScopedMount() = default;
    ScopedMount(const ScopedMount &) = delete;
    ScopedMount &operator=(const ScopedMount &) = delete;
    ~ScopedMount() { unmount(); }

    // Mounts `directory` on itself, read-only. Empty on success, else why not.
    QString bindReadOnly(const QString &directory)
    {
        if (::geteuid() != 0)
            return QStringLiteral("needs root to bind-mount a directory read-only");
        const QByteArray path = QFile::encodeName(directory);
        if (::mount(path.constData(), path.constData(), nullptr, MS_BIND, nullptr) != 0)
            return QStringLiteral("bind mount failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        m_target = path;
        if (::mount(nullptr, path.constData(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
            return QStringLiteral("read-only remount failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return {};
    }

    // Mounts a tmpfs of `size` bytes on `directory`. Empty on success, else why not.
    QString tmpfs(const QString &directory, int size)
    {
        if (::geteuid() != 0)
            return QStringLiteral("needs root to mount a tmpfs");
        const QByteArray path = QFile::encodeName(directory);
        const QByteArray options = "size=" + QByteArray::number(size) + ",mode=0700";
        if (::mount("tmpfs", path.constData(), "tmpfs", MS_NOSUID | MS_NODEV, options.constData()) != 0)
            return QStringLiteral("tmpfs mount failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        m_target = path;
        return {};
    }

    void unmount()
    {
        if (!m_target.isEmpty())
            ::umount2(m_target.constData(), MNT_DETACH);
        m_target.clear();
    }

private:
    QByteArray m_target;
};

// Writes zeros to `path` until the file system says it is full; true if it did.
inline bool fillUp(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QByteArray block(4096, '\0');
    for (int i = 0; i < 1 << 20; ++i) {
        if (file.write(block) != block.size() || !file.flush())
            return true;
    }
    return false;
}

} // namespace StorageTest
