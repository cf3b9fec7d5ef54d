#pragma once

// The pieces of the cache's JSON reader that the load (cacheload.cpp) and the checks of stored
// bytes (CacheJson::shapeOf(), CacheJson::damageOf()) share: simdjson On-Demand, with JSON's own
// grammar where simdjson is stricter (a lone surrogate escape).

#include <QByteArray>
#include <QString>

#include <simdjson.h>

#include <string_view>

namespace MsalQt::Internal::CacheJsonRead {

namespace od = simdjson::ondemand;

// The content of a JSON string as written (between its quotes, escapes not decoded), checked
// against JSON's grammar: a lone surrogate escape is grammatical (QJsonDocument reads it, Python
// writes it) where simdjson's decoder refuses it.
bool rawString(od::raw_json_string raw, std::string_view *out);
// A string as QString, escapes decoded; QJsonDocument for what simdjson refuses (a lone surrogate).
bool decodedString(std::string_view content, QString *out);

// A string, number, boolean or null, checked as its type's grammar wants (a value, or a document
// that is one scalar).
template<typename Value>
simdjson::error_code validateScalar(Value &value, od::json_type type)
{
    switch (type) {
    case od::json_type::string: {
        od::raw_json_string raw;
        std::string_view content;
        if (const auto error = value.get_raw_json_string().get(raw))
            return error;
        return rawString(raw, &content) ? simdjson::SUCCESS : simdjson::STRING_ERROR;
    }
    case od::json_type::number: {
        double number;
        return value.get_double().get(number);
    }
    case od::json_type::boolean: {
        bool flag;
        return value.get_bool().get(flag);
    }
    case od::json_type::null: {
        bool null = false;
        if (const auto error = value.is_null().get(null))
            return error;
        return null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    default: // objects and arrays are not scalars; a later simdjson's json_type::unknown
        break;
    }
    return simdjson::INCORRECT_TYPE;
}

// Every value below `value` visited: On-Demand skips what it is not asked for without checking
// it, and what is kept verbatim is written back, so it must be JSON.
simdjson::error_code validate(od::value value);
// A value's JSON text as written (a scalar's without the whitespace after it); consumes it.
simdjson::error_code rawJson(od::value value, std::string_view *out);
// `text` without the whitespace between tokens, into a buffer of its own.
QByteArray compact(std::string_view text);
QString describe(simdjson::error_code error);

} // namespace MsalQt::Internal::CacheJsonRead
