#pragma once

// Shared by the reliability tests and cache_writer: an emulator configured with many resources
// (each client-credentials token for one of them is a cache entry of its own), and the writer
// processes that acquire those tokens into one cache file.

#include "emulator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>

namespace Reliability {

// The scope of stress resource `index`: "api://stress-<index>/.default".
inline QString stressScope(int index)
{
    return QStringLiteral("api://stress-%1/.default").arg(index);
}

// Loads the emulator's default configuration plus `count` resources api://stress-0 … with an
// app role each, so that client credentials can get `count` distinct app tokens.
inline bool configureStressResources(MsalQt::Emulator::Server *server, int count, QString *error)
{
    QFile file(QStringLiteral(EMULATOR_DEFAULT_CONFIG));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray resources = config.value(QLatin1String("resources")).toArray();
    for (int i = 0; i < count; ++i) {
        resources.append(QJsonObject{
            {QStringLiteral("uri"), QStringLiteral("api://stress-%1").arg(i)},
            {QStringLiteral("appId"), QStringLiteral("5e000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'))},
            {QStringLiteral("displayName"), QStringLiteral("Stress %1").arg(i)},
            {QStringLiteral("scopes"), QJsonArray{QStringLiteral("Read")}},
            {QStringLiteral("appRoles"), QJsonArray{QStringLiteral("Stress.All")}},
        });
    }
    config.insert(QLatin1String("resources"), resources);
    return server->loadConfig(config, error);
}

// A cache_writer process: acquires the tokens of resources [first, first + count) one after the
// other into `cacheFile` (encrypted with `keychain`), printing "ack <i>" once each is saved.
inline QProcess *startWriter(const MsalQt::Emulator::Server &server, const QString &cacheFile, bool keychain,
                             int first, int count, QObject *parent)
{
    auto *process = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MSALQT_WRITER_CLIENT_ID"), server.confidentialClientId());
    env.insert(QStringLiteral("MSALQT_WRITER_SECRET"), server.confidentialClientSecret());
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("msalqt.*=false"));
    process->setProcessEnvironment(env);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->start(QStringLiteral(CACHE_WRITER),
                   {server.authorityUrl().toString(), cacheFile,
                    keychain ? QStringLiteral("keychain") : QStringLiteral("plain"), QString::number(first),
                    QString::number(count)});
    return process;
}

// The indexes a writer said it saved ("ack <i>" lines of its output).
inline QSet<int> acknowledged(const QByteArray &output)
{
    QSet<int> acked;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("ack "))
            acked.insert(line.mid(4).toInt());
    }
    return acked;
}

} // namespace Reliability
