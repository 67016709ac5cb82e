// JSON text written straight into a string, for the answers read most (a list of signals, a signal, a case):
// building a Json tree first and then serialising it cost more than reading the rows.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meldroute::http {

//! Writes one JSON document. Commas and nesting are tracked; strings are escaped exactly as the Json tree's dump
//! with error_handler_t::replace does (JsonResponse), so both give the same bytes, invalid UTF-8 included.
//! Misuse (a key outside an object, a value where a key belongs, a bracket closing the wrong container, a second
//! document, taking an unfinished one) fails an assertion in builds with assertions.
class JsonWriter {
public:
    JsonWriter& BeginObject() { return Open('{', '}'); }
    JsonWriter& EndObject() { return Close('}'); }
    JsonWriter& BeginArray() { return Open('[', ']'); }
    JsonWriter& EndArray() { return Close(']'); }
    //! An object member's name; the member's value is the next thing written.
    JsonWriter& Key(std::string_view name);
    JsonWriter& String(std::string_view text);
    //! The text, or null.
    JsonWriter& StringOrNull(const std::optional<std::string>& text);
    JsonWriter& Strings(const std::vector<std::string>& texts);
    //! An object whose members are all strings, in the order given.
    JsonWriter& StringObject(std::initializer_list<std::pair<std::string_view, std::string_view>> members);
    JsonWriter& Null();
    JsonWriter& Int(std::int64_t value);
    //! As the Json tree writes a double: the shortest text that reads back the same, "1.0" for a whole number.
    JsonWriter& Double(double value);
    JsonWriter& Bool(bool value);

    //! The document, once complete.
    [[nodiscard]] std::string Take() &&;

private:
    struct Container {
        char close;         // '}' or ']'
        bool first = true;  // nothing written in it yet
    };

    void BeforeValue();
    void AppendString(std::string_view text);
    JsonWriter& Open(char bracket, char close);
    JsonWriter& Close(char bracket);

    std::string out_;
    std::vector<Container> open_;
    bool after_key_ = false;
};

}  // namespace meldroute::http
