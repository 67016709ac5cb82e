// Values as one JSON array bound as a single parameter, for the engines' Db::kJsonTextArray.
#pragma once

#include <charconv>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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

// The whole numbers of a JSON array JsonNumberArray wrote ("[1,-2,3]"), in their order. Throws on anything else:
// such an array is only ever written by this program.
inline std::vector<std::int64_t> ParseJsonNumberArray(std::string_view json) {
    if (json.size() < 2 || json.front() != '[' || json.back() != ']') {
        throw std::runtime_error("not a JSON array of whole numbers");
    }
    std::vector<std::int64_t> numbers;
    const char* at = json.data() + 1;
    const char* end = json.data() + json.size() - 1;
    while (at < end) {
        std::int64_t number = 0;
        auto [next, error] = std::from_chars(at, end, number);
        if (error != std::errc{} || (next != end && *next != ',')) {
            throw std::runtime_error("not a JSON array of whole numbers");
        }
        numbers.push_back(number);
        at = next == end ? end : next + 1;
    }
    return numbers;
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
