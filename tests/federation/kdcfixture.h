#pragma once

#include <QString>
#include <QTemporaryDir>
#include <QProcess>

#include <memory>

// A real MIT Kerberos KDC for one test run: its own realm in a temporary directory (krb5.conf,
// kdc.conf, a database made with kdb5_util), principals made with kadmin.local, a service
// keytab for the emulator and user tickets from kinit, on a free loopback port. The KDC runs in
// the foreground (krb5kdc -n) as our child and is stopped with the fixture. The process
// environment (KRB5_CONFIG, KRB5_KDC_PROFILE, KRB5_KTNAME, KRB5CCNAME) points at it.
class KdcFixture
{
public:
    static constexpr const char *realm = "WOODGROVE.COM";
    static constexpr const char *userPassword = "Kerb3ros!";

    KdcFixture() = default;
    ~KdcFixture();

    // Creates the realm with the principals `user` and each "HTTP/<host>" in `serviceHosts`
    // (all put in the emulator's keytab), and starts the KDC. False with *error on failure.
    bool start(const QString &user, const QStringList &serviceHosts, QString *error);
    void stop();

    // A fresh credential cache file with a TGT for the user (lifetime e.g. "10h" or "3s");
    // KRB5CCNAME is not changed.
    bool kinit(const QString &cacheName, const QString &lifetime, QString *error);
    QString cachePath(const QString &cacheName) const { return m_dir.filePath(cacheName); }
    QString path(const QString &file) const { return m_dir.filePath(file); }

private:
    bool run(const QString &program, const QStringList &arguments, const QByteArray &input, QString *error);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_kdc;
    QString m_user;
};
