#include "http/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <cassert>
#include <cstdint>
#include <cstring>

namespace meldroute::http {

namespace {

// Whether `text` goes into a JSON string as it is: printable ASCII other than a quote or a backslash, and
// well-formed UTF-8 sequences (Unicode's table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF),
// which the tree's dump copies unchanged too. Anything else takes the tree's own escaping.
bool NeedsNoEscaping(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    auto continuation = [&](std::size_t at, unsigned char low = 0x80, unsigned char high = 0xbf) {
        return at < size && bytes[at] >= low && bytes[at] <= high;
    };
    std::size_t at = 0;
    while (at < size) {
        // Eight bytes at a time while they are all printable ASCII other than a quote or a backslash (most of a
        // Dutch narrative): bit 7 of each byte of `bad` is set for a byte below 0x20, at or above 0x7f, a quote
        // or a backslash. The word is loaded with memcpy (no alignment needed); the test does not depend on the
        // byte order.
        if (size - at >= 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes + at, sizeof word);
            constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
            constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
            auto zero_byte = [](std::uint64_t value) { return (value - kOnes) & ~value & kHigh; };
            const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
            const std::uint64_t high_or_delete = (word + kOnes * 0x01) | word;  // 0x7f..0xff set bit 7
            const std::uint64_t bad = below_space | (high_or_delete & kHigh) | zero_byte(word ^ (kOnes * '"')) |
                                      zero_byte(word ^ (kOnes * '\\'));
            if (bad == 0) {
                at += 8;
                continue;
            }
        }
        const unsigned char lead = bytes[at];
        if (lead < 0x80) {
            if (lead < 0x20 || lead == 0x7f || lead == '"' || lead == '\\') return false;
            ++at;
        } else if (lead >= 0xc2 && lead <= 0xdf) {
            if (!continuation(at + 1)) return false;
            at += 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            const unsigned char low = lead == 0xe0 ? 0xa0 : 0x80;
            const unsigned char high = lead == 0xed ? 0x9f : 0xbf;
            if (!continuation(at + 1, low, high) || !continuation(at + 2)) return false;
            at += 3;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            const unsigned char low = lead == 0xf0 ? 0x90 : 0x80;
            const unsigned char high = lead == 0xf4 ? 0x8f : 0xbf;
            if (!continuation(at + 1, low, high) || !continuation(at + 2) || !continuation(at + 3)) return false;
            at += 4;
        } else {
            return false;
        }
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
        // Rare (a line break or a quote in a narrative): the tree's own escaping, so the bytes are the same as
        // elsewhere.
        out_ += nlohmann::json(std::string{text}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

JsonWriter& JsonWriter::StringOrNull(const std::optional<std::string>& text) { return text ? String(*text) : Null(); }

JsonWriter& JsonWriter::Strings(const std::vector<std::string>& texts) {
    BeginArray();
    for (const std::string& text : texts) String(text);
    return EndArray();
}

JsonWriter& JsonWriter::StringObject(std::initializer_list<std::pair<std::string_view, std::string_view>> members) {
    BeginObject();
    for (const auto& [name, text] : members) Key(name).String(text);
    return EndObject();
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

JsonWriter& JsonWriter::Double(double value) {
    BeforeValue();
    out_ += nlohmann::json(value).dump();
    return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
    BeforeValue();
    out_ += value ? "true" : "false";
    return *this;
}

}  // namespace meldroute::http
