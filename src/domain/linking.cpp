#include "domain/linking.hpp"

#include <algorithm>
#include <cctype>

namespace meldroute::domain {

namespace {

// Folds the two-byte UTF-8 encodings of Latin-1 letters with diacritics (U+00C0..U+00FF) to ASCII.
char FoldLatin1(unsigned char second_byte) {
    static const char* kFold = "aaaaaaaceeeeiiiidnooooo/ouuuuypsaaaaaaaceeeeiiiidnooooo/ouuuuypy";
    // second_byte 0x80..0xBF after 0xC3 maps to U+00C0..U+00FF.
    unsigned index = second_byte - 0x80u;
    return index < 64 ? kFold[index] : ' ';
}

std::string DigitsOf(std::string_view text) {
    std::string digits;
    for (char character : text) {
        if (std::isdigit(static_cast<unsigned char>(character))) digits.push_back(character);
    }
    return digits;
}

std::string Compact(std::string_view text) {
    std::string compact;
    for (char character : NormaliseText(text)) {
        if (character != ' ') compact.push_back(character);
    }
    return compact;
}

// Legal-form words say nothing about which business it is.
std::string TradeName(std::string_view name) {
    std::string normalised = NormaliseText(name);
    std::string result;
    std::size_t start = 0;
    while (start < normalised.size()) {
        std::size_t end = normalised.find(' ', start);
        if (end == std::string::npos) end = normalised.size();
        std::string word = normalised.substr(start, end - start);
        bool legal_form = word == "bv" || word == "b" || word == "v" || word == "nv" || word == "vof" ||
                          word == "cv" || word == "holding";
        if (!word.empty() && !legal_form) result += (result.empty() ? "" : " ") + word;
        start = end + 1;
    }
    return result;
}

}  // namespace

std::string_view ToString(LinkKind kind) {
    switch (kind) {
        case LinkKind::kAddress:
            return "adres";
        case LinkKind::kPerson:
            return "persoon";
        case LinkKind::kPhone:
            return "telefoon";
        case LinkKind::kBusiness:
            return "bedrijf";
    }
    return "adres";
}

std::string_view DutchLabel(LinkKind kind) {
    switch (kind) {
        case LinkKind::kAddress:
            return "Zelfde adres";
        case LinkKind::kPerson:
            return "Zelfde persoon (naam en geboortejaar)";
        case LinkKind::kPhone:
            return "Zelfde telefoonnummer";
        case LinkKind::kBusiness:
            return "Zelfde bedrijf";
    }
    return "";
}

std::string NormaliseText(std::string_view text) {
    std::string folded;
    folded.reserve(text.size());
    for (std::size_t index = 0; index < text.size(); ++index) {
        auto byte = static_cast<unsigned char>(text[index]);
        if (byte == 0xC3 && index + 1 < text.size()) {
            folded.push_back(FoldLatin1(static_cast<unsigned char>(text[++index])));
        } else if (byte < 0x80 && std::isalnum(byte)) {
            folded.push_back(static_cast<char>(std::tolower(byte)));
        } else {
            folded.push_back(' ');
        }
    }
    std::string collapsed;
    for (char character : folded) {
        if (character == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed.push_back(character);
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    return collapsed;
}

std::string NormalisePhone(std::string_view phone) {
    std::string trimmed{phone};
    bool international = trimmed.find('+') != std::string::npos;
    std::string digits = DigitsOf(phone);
    if (international && digits.rfind("31", 0) == 0) {
        digits = "0" + digits.substr(2);
    } else if (digits.rfind("0031", 0) == 0) {
        digits = "0" + digits.substr(4);
    }
    return digits;
}

std::vector<MatchKey> MatchKeys(const Signal& signal) {
    std::vector<MatchKey> keys;
    auto add = [&keys](LinkKind kind, std::string key) {
        bool seen = std::any_of(keys.begin(), keys.end(),
                                [&](const MatchKey& existing) { return existing.kind == kind && existing.key == key; });
        if (!seen) keys.push_back({kind, std::move(key)});
    };
    if (signal.location) {
        const Location& location = *signal.location;
        std::string number = Compact(location.house_number);
        std::string postcode = Compact(location.postcode);
        if (!number.empty() && postcode.size() == 6) {
            add(LinkKind::kAddress, "adres:" + postcode + "|" + number);
        } else if (!number.empty() && !NormaliseText(location.street).empty() && !NormaliseText(location.city).empty()) {
            add(LinkKind::kAddress,
                "adres:" + NormaliseText(location.street) + "|" + number + "|" + NormaliseText(location.city));
        }
    }
    for (const Person& person : signal.persons) {
        std::string name = NormaliseText(person.name);
        if (!name.empty() && person.birth_year) {
            add(LinkKind::kPerson, "persoon:" + name + "|" + std::to_string(*person.birth_year));
        }
        std::string phone = NormalisePhone(person.phone);
        if (phone.size() >= 6) add(LinkKind::kPhone, "telefoon:" + phone);
    }
    if (signal.business) {
        std::string kvk = DigitsOf(signal.business->kvk_number);
        if (kvk.size() == 8) add(LinkKind::kBusiness, "kvk:" + kvk);
        std::string trade_name = TradeName(signal.business->trade_name);
        if (!trade_name.empty()) add(LinkKind::kBusiness, "handelsnaam:" + trade_name);
    }
    return keys;
}

}  // namespace meldroute::domain
