// The simdjson On-Demand pieces the cache's reader shares (cachejsonread_p.h), and the checks of
// a stored cache's bytes that need no tree: CacheJson::shapeOf() and CacheJson::damageOf().

#include "cachejsonread_p.h"

#include "cachejson_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cctype>
#include <cstring>

namespace MsalQt::Internal::CacheJsonRead {

bool rawString(od::raw_json_string raw, std::string_view *out)
{
    const char *begin = reinterpret_cast<const char *>(raw.raw());
    const char *p = begin;
    for (;;) {
        const char c = *p;
        if (c == '"')
            break;
        if (c == '\\') {
            const char e = p[1];
            if (e == 'u') {
                for (int i = 2; i < 6; ++i) {
                    if (!std::isxdigit(static_cast<unsigned char>(p[i])))
                        return false;
                }
                p += 6;
                continue;
            }
            if (!std::strchr("\"\\/bfnrt", e) || e == '\0')
                return false;
            p += 2;
            continue;
        }
        ++p; // stage 1 has checked UTF-8, control characters and that the string ends
    }
    *out = std::string_view(begin, size_t(p - begin));
    return true;
}

// A string as QString, escapes decoded; QJsonDocument for what simdjson refuses (a lone surrogate).
bool decodedString(std::string_view content, QString *out)
{
    if (content.find('\\') == std::string_view::npos) {
        *out = QString::fromUtf8(content.data(), qsizetype(content.size()));
        return true;
    }
    QByteArray wrapped("[\"");
    wrapped.append(content.data(), qsizetype(content.size())).append("\"]");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        return false;
    *out = document.array().at(0).toString();
    return true;
}

simdjson::error_code validate(od::value value)
{
    od::json_type type;
    if (const auto error = value.type().get(type))
        return error;
    switch (type) {
    case od::json_type::object: {
        od::object object;
        if (const auto error = value.get_object().get(object))
            return error;
        for (auto field : object) {
            od::raw_json_string key;
            std::string_view content;
            if (const auto error = field.key().get(key))
                return error;
            if (!rawString(key, &content))
                return simdjson::STRING_ERROR;
            od::value member;
            if (const auto error = field.value().get(member))
                return error;
            if (const auto error = validate(member))
                return error;
        }
        return simdjson::SUCCESS;
    }
    case od::json_type::array: {
        od::array array;
        if (const auto error = value.get_array().get(array))
            return error;
        for (auto element : array) {
            od::value member;
            if (const auto error = element.get(member))
                return error;
            if (const auto error = validate(member))
                return error;
        }
        return simdjson::SUCCESS;
    }
    default:
        return validateScalar(value, type);
    }
}


QByteArray compact(std::string_view text)
{
    QByteArray out(qsizetype(text.size()), Qt::Uninitialized);
    size_t size = 0;
    if (simdjson::minify(text.data(), text.size(), out.data(), size) != simdjson::SUCCESS)
        return QByteArray(text.data(), qsizetype(text.size()));
    out.truncate(qsizetype(size));
    if (size < text.size())
        out.squeeze();
    return out;
}


simdjson::error_code rawJson(od::value value, std::string_view *out)
{
    od::json_type type;
    if (const auto error = value.type().get(type))
        return error;
    if (type == od::json_type::object) {
        od::object object;
        if (const auto error = value.get_object().get(object))
            return error;
        return object.raw_json().get(*out);
    }
    if (type == od::json_type::array) {
        od::array array;
        if (const auto error = value.get_array().get(array))
            return error;
        return array.raw_json().get(*out);
    }
    std::string_view token = value.raw_json_token();
    while (!token.empty() && std::strchr(" \t\r\n", token.back()))
        token.remove_suffix(1);
    *out = token;
    return simdjson::SUCCESS;
}

QString describe(simdjson::error_code error)
{
    return QString::fromUtf8(simdjson::error_message(error));
}

} // namespace MsalQt::Internal::CacheJsonRead

namespace MsalQt::Internal::CacheJson {

using namespace CacheJsonRead;

Shape shapeOf(const QByteArray &bytes, QString *why)
{
    const auto notJson = [why](simdjson::error_code code) {
        if (why)
            *why = describe(code);
        return Shape::NotJson;
    };
    const simdjson::padded_string text(bytes.constData(), size_t(bytes.size()));
    od::parser parser;
    od::document root;
    if (const auto code = parser.iterate(text).get(root))
        return notJson(code);
    od::json_type type;
    if (const auto code = root.type().get(type))
        return notJson(code);
    if (type == od::json_type::object || type == od::json_type::array) {
        od::value value;
        if (const auto code = root.get_value().get(value))
            return notJson(code);
        if (const auto code = validate(value))
            return notJson(code);
        const char *trailing = nullptr;
        if (root.current_location().get(trailing) == simdjson::SUCCESS)
            return notJson(simdjson::TRAILING_CONTENT);
        return type == od::json_type::object ? Shape::Object : Shape::OtherJson;
    }
    // A lone scalar: what the document holds, and nothing after it.
    simdjson::error_code code = validateScalar(root, type);
    const char *trailing = nullptr;
    if (!code && root.current_location().get(trailing) == simdjson::SUCCESS)
        code = simdjson::TRAILING_CONTENT;
    return code ? notJson(code) : Shape::OtherJson;
}

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::TokenCache)
};
} // namespace

QString damageOf(const QByteArray &bytes)
{
    const auto notJson = [](simdjson::error_code code) {
        return Tr::tr("the cache is not JSON: %1").arg(describe(code));
    };
    const simdjson::padded_string text(bytes.constData(), size_t(bytes.size()));
    od::parser parser;
    od::document root;
    od::json_type type;
    if (const auto code = parser.iterate(text).get(root))
        return notJson(code);
    if (const auto code = root.type().get(type))
        return notJson(code);
    if (type != od::json_type::object) {
        QString why;
        return shapeOf(bytes, &why) == Shape::NotJson ? Tr::tr("the cache is not JSON: %1").arg(why)
                                                      : Tr::tr("the cache is not a JSON object");
    }
    od::object sections;
    if (const auto code = root.get_object().get(sections))
        return notJson(code);
    QStringList damage;
    for (auto section : sections) {
        od::raw_json_string rawName;
        std::string_view name;
        if (const auto code = section.key().get(rawName))
            return notJson(code);
        if (!rawString(rawName, &name))
            return notJson(simdjson::STRING_ERROR);
        od::value value;
        if (const auto code = section.value().get(value))
            return notJson(code);
        // The names as TokenCachePrivate::load() compares them: as written.
        const bool known = name == "AccessToken" || name == "RefreshToken" || name == "IdToken"
            || name == "Account" || name == "AppMetadata";
        od::json_type sectionType;
        if (const auto code = value.type().get(sectionType))
            return notJson(code);
        const QString sectionName = QString::fromUtf8(name.data(), qsizetype(name.size()));
        if (!known || sectionType != od::json_type::object) {
            if (const auto code = validate(value))
                return notJson(code);
            if (known)
                damage << Tr::tr("the %1 section is not an object").arg(sectionName);
            continue;
        }
        od::object entries;
        if (const auto code = value.get_object().get(entries))
            return notJson(code);
        int notObjects = 0;
        for (auto member : entries) {
            od::raw_json_string rawKey;
            std::string_view key;
            if (const auto code = member.key().get(rawKey))
                return notJson(code);
            if (!rawString(rawKey, &key))
                return notJson(simdjson::STRING_ERROR);
            od::value entry;
            od::json_type entryType;
            if (const auto code = member.value().get(entry))
                return notJson(code);
            if (const auto code = entry.type().get(entryType))
                return notJson(code);
            if (entryType != od::json_type::object)
                ++notObjects;
            if (const auto code = validate(entry))
                return notJson(code);
        }
        if (notObjects == 1)
            damage << Tr::tr("an entry of %1 is not an object").arg(sectionName);
        else if (notObjects > 1)
            damage << Tr::tr("%n entries of %1 are not objects", nullptr, notObjects).arg(sectionName);
    }
    const char *trailing = nullptr;
    if (root.current_location().get(trailing) == simdjson::SUCCESS)
        return notJson(simdjson::TRAILING_CONTENT);
    return damage.join(QLatin1String("; "));
}

} // namespace MsalQt::Internal::CacheJson
