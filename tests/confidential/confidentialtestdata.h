#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// The fake test certificates and keys of tests/confidential/testdata (see its README).
namespace ConfidentialTestData {

inline QString path(const QString &name)
{
    return qEnvironmentVariable("MSALQT_SOURCE_DIR") + QStringLiteral("/tests/confidential/testdata/") + name;
}

inline QByteArray read(const QString &name)
{
    QFile file(path(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

// The emulator's default directory with the RSA and EC test certificates registered on the
// confidential (daemon) app.
inline QJsonObject emulatorConfig(const QString &confidentialClientId)
{
    QFile file(qEnvironmentVariable("MSALQT_SOURCE_DIR") + QStringLiteral("/app/emulator/default-config.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the emulator's default config");
    QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray apps = config.value(QLatin1String("apps")).toArray();
    for (int i = 0; i < apps.size(); ++i) {
        QJsonObject app = apps.at(i).toObject();
        if (app.value(QLatin1String("clientId")).toString() != confidentialClientId)
            continue;
        app.insert(QStringLiteral("certificates"),
                   QJsonArray{QString::fromLatin1(read(QStringLiteral("rsa-cert.pem"))),
                              QString::fromLatin1(read(QStringLiteral("ec-cert.pem")))});
        apps.replace(i, app);
    }
    config.insert(QStringLiteral("apps"), apps);
    return config;
}

} // namespace ConfidentialTestData
