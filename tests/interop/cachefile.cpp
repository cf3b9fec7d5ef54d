#include "cachefile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>

namespace Interop {

CacheFile::CacheFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = file.errorString();
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        m_error = parseError.error == QJsonParseError::NoError ? QStringLiteral("not a JSON object")
                                                               : parseError.errorString();
        return;
    }
    m_root = document.object();
    m_valid = true;
}

QList<QJsonObject> CacheFile::find(const QString &sectionName, const QJsonObject &fields) const
{
    QList<QJsonObject> found;
    const QJsonObject entries = section(sectionName);
    for (auto entry = entries.begin(); entry != entries.end(); ++entry) {
        const QJsonObject object = entry.value().toObject();
        bool matches = true;
        for (auto field = fields.begin(); field != fields.end() && matches; ++field)
            matches = object.value(field.key()) == field.value();
        if (matches)
            found.append(object);
    }
    return found;
}

static QString shown(const QString &name, const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("(absent)");
    if (name == QLatin1String("secret"))
        return QStringLiteral("(a secret)");
    if (value.isString())
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString entryDifference(const QJsonObject &before, const QJsonObject &after)
{
    QSet<QString> names;
    for (const QString &name : before.keys())
        names.insert(name);
    for (const QString &name : after.keys())
        names.insert(name);
    QStringList sorted = names.values();
    sorted.sort();
    QStringList changes;
    for (const QString &name : std::as_const(sorted)) {
        const QJsonValue old = before.value(name);
        const QJsonValue now = after.value(name);
        if (old == now)
            continue;
        changes << (name == QLatin1String("secret") ? QStringLiteral("secret changed")
                                                    : QStringLiteral("%1: %2 -> %3").arg(name, shown(name, old), shown(name, now)));
    }
    return changes.join(QStringLiteral(", "));
}

QString lostOrChanged(const CacheFile &before, const CacheFile &after, const QString &sectionName)
{
    const QJsonObject old = before.section(sectionName);
    const QJsonObject now = after.section(sectionName);
    QStringList problems;
    for (auto entry = old.begin(); entry != old.end(); ++entry) {
        if (!now.contains(entry.key())) {
            problems << QStringLiteral("%1 %2 is gone").arg(sectionName, entry.key());
            continue;
        }
        const QString difference = entryDifference(entry.value().toObject(), now.value(entry.key()).toObject());
        if (!difference.isEmpty())
            problems << QStringLiteral("%1 %2 changed: %3").arg(sectionName, entry.key(), difference);
    }
    return problems.join(QStringLiteral("; "));
}

} // namespace Interop
