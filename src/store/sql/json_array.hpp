// Values as one JSON array bound as a single parameter, for the engines' Db::kJsonTextArray.
#pragma once

#include <set>
#include <string>

namespace meldroute::store::sql {

// Whole numbers as one JSON array, for Db::kJsonTextArray.
template <typename Iterator>
std::string JsonNumberArray(Iterator begin, Iterator end) {
    std::string json = "[";
    for (Iterator at = begin; at != end; ++at) {
        if (at != begin) json += ',';
        json += std::to_string(*at);
    }
    return json + "]";
}

// Texts as one JSON array of strings, for Db::kJsonTextArray.
inline std::string JsonTextArray(const std::set<std::string>& values) {
    std::string json = "[";
    for (const std::string& value : values) {
        if (json.size() > 1) json += ',';
        json += '"';
        for (char letter : value) {
            if (letter == '"' || letter == '\\') json += '\\';
            json += letter;
        }
        json += '"';
    }
    return json + "]";
}

}  // namespace meldroute::store::sql
