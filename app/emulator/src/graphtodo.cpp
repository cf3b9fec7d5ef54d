#include "graphtodo.h"

#include "httprequest.h"
#include "services.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>

#include <array>

namespace MsalQt::Emulator {

namespace {

// Bounds of what one request may carry and one user may keep: the emulator's memory is
// shared by every test, so neither is left to the client.
constexpr qsizetype maxBodyBytes = 64 * 1024;
constexpr qsizetype maxDisplayNameLength = 255;
constexpr qsizetype maxListsPerUser = 1000;

// base64url of 16 random bytes: unguessable and safe in a URL path.
QString newListId()
{
    std::array<quint32, 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

std::variant<QString, HttpResponse> GraphTodo::displayName(const HttpRequest &request) const
{
    const auto invalid = [&](const QString &message) {
        return m_services.errors.graph(request, 400, QStringLiteral("invalidRequest"), message);
    };
    // The size first: nothing larger is parsed.
    if (request.body().size() > maxBodyBytes)
        return m_services.errors.graph(request, 413, QStringLiteral("requestEntityTooLarge"),
                                       QStringLiteral("The request body exceeds %1 bytes.").arg(maxBodyBytes));
    const QByteArray mediaType = request.header("content-type").split(';').first().trimmed().toLower();
    if (mediaType != "application/json")
        return invalid(QStringLiteral("The request body must be application/json."));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("Unable to read JSON request payload: %1.").arg(error.errorString()));
    if (!document.isObject())
        return invalid(QStringLiteral("The request body must be a JSON object."));
    const QJsonValue name = document.object().value(QLatin1String("displayName"));
    if (!name.isString() || name.toString().isEmpty())
        return invalid(QStringLiteral("The property 'displayName' is required and must be a non-empty string."));
    if (name.toString().size() > maxDisplayNameLength)
        return invalid(QStringLiteral("The property 'displayName' is longer than %1 characters.").arg(maxDisplayNameLength));
    return name.toString();
}

HttpResponse GraphTodo::createList(const HttpRequest &request, const QString &oid)
{
    const auto name = displayName(request);
    if (const auto *failure = std::get_if<HttpResponse>(&name))
        return *failure;
    QList<QJsonObject> &lists = m_services.todoLists[oid];
    if (lists.size() >= maxListsPerUser)
        return m_services.errors.graph(request, 507, QStringLiteral("quotaLimitReached"),
                                       QStringLiteral("The emulator keeps at most %1 To Do lists per user.")
                                           .arg(maxListsPerUser));
    const QJsonObject list{
        {QStringLiteral("id"), newListId()},
        {QStringLiteral("displayName"), std::get<QString>(name)},
        {QStringLiteral("isOwner"), true},
        {QStringLiteral("isShared"), false},
        {QStringLiteral("wellknownListName"), QStringLiteral("none")},
    };
    lists.append(list);

    const QString base = m_services.baseUrl.toString();
    QJsonObject body = list;
    body.insert(QStringLiteral("@odata.context"),
                base + QStringLiteral("/v1.0/$metadata#users('%1')/todo/lists/$entity").arg(oid));
    HttpResponse r = HttpResponse::json(201, body);
    // Graph's own form of the new entity's address.
    r.setHeader("Location", (base + QStringLiteral("/v1.0/users('%1')/todo/lists('%2')")
                                        .arg(oid, list.value(QLatin1String("id")).toString())).toUtf8());
    return r;
}

HttpResponse GraphTodo::lists(const QString &oid) const
{
    QJsonArray value;
    for (const QJsonObject &list : m_services.todoLists.value(oid))
        value.append(list);
    return HttpResponse::json(200, QJsonObject{
        {QStringLiteral("@odata.context"),
         m_services.baseUrl.toString() + QStringLiteral("/v1.0/$metadata#users('%1')/todo/lists").arg(oid)},
        {QStringLiteral("value"), value},
    });
}

} // namespace MsalQt::Emulator
