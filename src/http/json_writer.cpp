#include "http/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <cassert>

namespace meldroute::http {

namespace {

// Whether `text` goes into a JSON string as it is: printable ASCII without a quote or a backslash.
bool NeedsNoEscaping(std::string_view text) {
    for (char character : text) {
        auto byte = static_cast<unsigned char>(character);
        if (byte < 0x20 || byte >= 0x7f || character == '"' || character == '\\') return false;
    }
    return true;
}

}  // namespace

void JsonWriter::BeforeValue() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    // A value stands alone (the document), or in an array; in an object it follows its key.
    assert(open_.empty() ? out_.empty() : open_.back().close == ']');
    if (!open_.empty()) {
        if (!open_.back().first) out_ += ',';
        open_.back().first = false;
    }
}

JsonWriter& JsonWriter::Open(char bracket, char close) {
    BeforeValue();
    out_ += bracket;
    open_.push_back({close});
    return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
    assert(!open_.empty() && open_.back().close == bracket && !after_key_);
    open_.pop_back();
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::Key(std::string_view name) {
    assert(!open_.empty() && open_.back().close == '}' && !after_key_);
    Container& object = open_.back();
    if (!object.first) out_ += ',';
    object.first = false;
    AppendString(name);
    out_ += ':';
    after_key_ = true;
    return *this;
}

std::string JsonWriter::Take() && {
    assert(open_.empty() && !after_key_ && !out_.empty());
    return std::move(out_);
}

JsonWriter& JsonWriter::String(std::string_view text) {
    BeforeValue();
    AppendString(text);
    return *this;
}

void JsonWriter::AppendString(std::string_view text) {
    if (NeedsNoEscaping(text)) {
        out_ += '"';
        out_ += text;
        out_ += '"';
    } else {
        // Rare in a list of codes, ids and dates: the tree's own escaping, so the bytes are the same as elsewhere.
        out_ += nlohmann::json(std::string{text}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

JsonWriter& JsonWriter::StringOrNull(const std::optional<std::string>& text) { return text ? String(*text) : Null(); }

JsonWriter& JsonWriter::Strings(const std::vector<std::string>& texts) {
    BeginArray();
    for (const std::string& text : texts) String(text);
    return EndArray();
}

JsonWriter& JsonWriter::Null() {
    BeforeValue();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
    BeforeValue();
    out_ += std::to_string(value);
    return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
    BeforeValue();
    out_ += value ? "true" : "false";
    return *this;
}

}  // namespace meldroute::http
