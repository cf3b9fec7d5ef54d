#include "jsontree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTreeWidget>

namespace MsalQtDemo {

QJsonObject decodeJwtPayload(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() < 2)
        return {};
    const QByteArray json = QByteArray::fromBase64(parts.at(1).toLatin1(),
                                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(json).object();
}

namespace {

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QStringLiteral("[%1]").arg(value.toArray().size());
    case QJsonValue::Object:
        return QStringLiteral("{%1}").arg(value.toObject().size());
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

void addChildren(QTreeWidgetItem *item, const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            auto *child = new QTreeWidgetItem(item, {it.key(), scalarText(it.value())});
            addChildren(child, it.value());
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto *child = new QTreeWidgetItem(item, {QString::number(i), scalarText(array.at(i))});
            addChildren(child, array.at(i));
        }
    }
}

} // namespace

void fillJsonTree(QTreeWidget *tree, const QJsonValue &value)
{
    tree->clear();
    auto *root = tree->invisibleRootItem();
    if (value.isObject() || value.isArray())
        addChildren(root, value);
    else if (!value.isUndefined())
        new QTreeWidgetItem(root, {QString(), scalarText(value)});
    tree->expandToDepth(0);
    tree->resizeColumnToContents(0);
}

void fillJsonTree(QTreeWidget *tree, const QJsonObject &object)
{
    fillJsonTree(tree, QJsonValue(object));
}

} // namespace MsalQtDemo
