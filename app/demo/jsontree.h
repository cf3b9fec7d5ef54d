#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

QT_BEGIN_NAMESPACE
class QTreeWidget;
class QTreeWidgetItem;
QT_END_NAMESPACE

namespace MsalQtDemo {

// The payload of a compact JWT (the part between the first and second '.'), base64url-decoded
// and parsed. Display only: no signature or claim is checked here (the library does that).
QJsonObject decodeJwtPayload(const QString &token);

// Fills `tree` (two columns: name, value) with `object`, nested objects and arrays as children.
void fillJsonTree(QTreeWidget *tree, const QJsonObject &object);
void fillJsonTree(QTreeWidget *tree, const QJsonValue &value);

} // namespace MsalQtDemo
