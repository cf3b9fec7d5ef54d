#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Interop {

// A plain MSAL unified-schema cache file as written on disk, read without MsalQt's own code.
class CacheFile
{
public:
    explicit CacheFile(const QString &path);

    bool isValid() const { return m_valid; } // exists and is one JSON object
    QString error() const { return m_error; }

    // The entries of one section ("AccessToken", "IdToken", "Account", ...), by key.
    QJsonObject section(const QString &name) const { return m_root.value(name).toObject(); }
    // Entries of a section whose fields include all of `fields` (compared as JSON values).
    QList<QJsonObject> find(const QString &section, const QJsonObject &fields) const;

private:
    QJsonObject m_root;
    bool m_valid = false;
    QString m_error;
};

// What changed from `before` to `after` of one entry, field by field: names with both JSON
// values, except "secret", whose value is never shown. Empty when they are equal.
QString entryDifference(const QJsonObject &before, const QJsonObject &after);

// Each entry of `section` in `before` that is gone or changed in `after`, by key, with
// entryDifference. Empty when `after` holds all of them unchanged.
QString lostOrChanged(const CacheFile &before, const CacheFile &after, const QString &section);

} // namespace Interop
