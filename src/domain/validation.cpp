#include "domain/validation.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "base/time.hpp"
#include "domain/catalog.hpp"

namespace meldroute::domain {

namespace {

bool IsDutchPostcode(std::string_view text) {
    // "1234 AB" or "1234AB": four digits, the first not zero, then two letters.
    std::string compact;
    for (char character : text) {
        if (character != ' ') compact.push_back(character);
    }
    if (compact.size() != 6 || compact[0] == '0') return false;
    for (int index = 0; index < 4; ++index) {
        if (!std::isdigit(static_cast<unsigned char>(compact[index]))) return false;
    }
    return std::isalpha(static_cast<unsigned char>(compact[4])) && std::isalpha(static_cast<unsigned char>(compact[5]));
}

void CheckOptionalShort(std::vector<InvalidParam>& problems, const std::string& name, std::string_view value) {
    if (value.size() > kMaxShortTextLength) {
        problems.push_back({name, "Mag hoogstens " + std::to_string(kMaxShortTextLength) + " tekens lang zijn."});
    }
}

// Characters, not bytes: a UTF-8 continuation byte (10xxxxxx) does not start a character.
std::size_t CharacterCount(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }));
}

// Control characters other than tab and line breaks have no place in a typed text.
bool HasControlCharacter(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char byte) {
        auto value = static_cast<unsigned char>(byte);
        return (value < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || value == 0x7F;
    });
}

}  // namespace

bool IsPhoneNumber(std::string_view text) {
    int digits = 0;
    for (char character : text) {
        if (std::isdigit(static_cast<unsigned char>(character))) {
            ++digits;
        } else if (character != '+' && character != ' ' && character != '-' && character != '(' && character != ')') {
            return false;
        }
    }
    return digits >= 6 && digits <= 15;
}

const std::vector<std::string>& ReporterChannels() {
    static const std::vector<std::string> values{"formulier", "persoonlijk", "telefoon", "email"};
    return values;
}

const std::vector<std::string>& Urgencies() {
    static const std::vector<std::string> values{"acuut", "hoog", "normaal"};
    return values;
}

const std::vector<std::string>& Forms() {
    static const std::vector<std::string> values{"seksueel", "arbeid", "crimineel", "orgaan"};
    return values;
}

const std::vector<std::string>& PersonRoles() {
    static const std::vector<std::string> values{"slachtoffer", "verdachte", "overig"};
    return values;
}

bool Contains(const std::vector<std::string>& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

std::optional<std::int64_t> ParseWholeNumber(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    std::int64_t number = 0;
    for (char digit : text) {
        if (digit < '0' || digit > '9') return std::nullopt;
        number = number * 10 + (digit - '0');
    }
    return number;
}

std::string Trim(std::string_view text) {
    auto is_space = [](char character) { return std::isspace(static_cast<unsigned char>(character)) != 0; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return std::string{text};
}

void CheckText(std::vector<InvalidParam>& problems, std::string_view name, std::string_view value,
               std::size_t max_length) {
    if (Trim(value).empty()) {
        problems.push_back({std::string{name}, "Vul dit veld in."});
    } else if (value.size() > max_length) {
        problems.push_back({std::string{name}, "Mag hoogstens " + std::to_string(max_length) + " tekens lang zijn."});
    }
}

std::vector<InvalidParam> ValidateReopenReason(std::string_view reason) {
    std::vector<InvalidParam> problems;
    if (Trim(reason).empty()) {
        problems.push_back({"reason", "Geef aan waarom de casus opnieuw wordt geopend."});
    } else if (CharacterCount(reason) > kMaxReopenReasonLength) {
        problems.push_back({"reason", "De reden mag hoogstens " + std::to_string(kMaxReopenReasonLength) +
                                          " tekens lang zijn."});
    } else if (HasControlCharacter(reason)) {
        problems.push_back({"reason", "De reden bevat een teken dat niet kan worden opgeslagen."});
    }
    return problems;
}

std::vector<InvalidParam> ValidateSignalDraft(const SignalDraft& draft, std::chrono::sys_days today, bool anonymous,
                                              const Catalog& catalog) {
    std::vector<InvalidParam> problems;
    if (!anonymous && !Contains(ReporterChannels(), draft.channel)) {
        problems.push_back({"channel", "Kies hoe het signaal binnenkwam: formulier, persoonlijk, telefoon of email."});
    }
    if (Trim(draft.narrative).empty()) {
        problems.push_back({"narrative", "Beschrijf wat u hebt gezien of gehoord."});
    } else if (draft.narrative.size() > kMaxNarrativeLength) {
        problems.push_back({"narrative", "De beschrijving mag hoogstens " + std::to_string(kMaxNarrativeLength) +
                                             " tekens lang zijn."});
    }
    std::set<std::string> seen_codes;
    for (std::size_t index = 0; index < draft.indicator_codes.size(); ++index) {
        const std::string& code = draft.indicator_codes[index];
        std::string name = "indicatorCodes[" + std::to_string(index) + "]";
        const Indicator* indicator = catalog.Find(code);
        if (indicator == nullptr) {
            problems.push_back({name, "Onbekende signaalcode: " + code.substr(0, 20) + "."});
        } else if (indicator->retired) {
            problems.push_back({name, "Signaal " + code + " is vervallen in signalenlijst " + catalog.version + "."});
        } else if (!seen_codes.insert(code).second) {
            problems.push_back({name, "Signaalcode " + code + " staat er dubbel in."});
        }
    }
    if (draft.observed_on) {
        auto day = ParseDate(*draft.observed_on);
        if (!day) {
            problems.push_back({"observedOn", "Geef een geldige datum als JJJJ-MM-DD."});
        } else if (*day > today) {
            problems.push_back({"observedOn", "De datum ligt in de toekomst."});
        }
    }
    if (draft.location) {
        const Location& location = *draft.location;
        CheckOptionalShort(problems, "location.street", location.street);
        CheckOptionalShort(problems, "location.houseNumber", location.house_number);
        CheckOptionalShort(problems, "location.city", location.city);
        if (!location.postcode.empty() && !IsDutchPostcode(location.postcode)) {
            problems.push_back({"location.postcode", "Geef een postcode als 1234 AB."});
        }
    }
    if (draft.business) {
        const std::string& kvk = draft.business->kvk_number;
        bool kvk_ok = kvk.empty() || (kvk.size() == 8 && std::all_of(kvk.begin(), kvk.end(), [](char character) {
                                          return std::isdigit(static_cast<unsigned char>(character)) != 0;
                                      }));
        if (!kvk_ok) problems.push_back({"business.kvkNumber", "Een KvK-nummer heeft 8 cijfers."});
        CheckOptionalShort(problems, "business.tradeName", draft.business->trade_name);
    }
    if (draft.persons.size() > kMaxPersons) {
        problems.push_back({"persons", "Hoogstens " + std::to_string(kMaxPersons) + " personen per melding."});
    }
    for (std::size_t index = 0; index < draft.persons.size() && index < kMaxPersons; ++index) {
        CheckPerson(problems, "persons[" + std::to_string(index) + "].", draft.persons[index], today);
    }
    return problems;
}

void CheckPerson(std::vector<InvalidParam>& problems, const std::string& prefix, const Person& person,
                 std::chrono::sys_days today) {
    int this_year = static_cast<int>(std::chrono::year_month_day{today}.year());
    if (!Contains(PersonRoles(), person.role)) {
        problems.push_back({prefix + "role", "Kies slachtoffer, verdachte of overig."});
    }
    CheckOptionalShort(problems, prefix + "name", person.name);
    CheckOptionalShort(problems, prefix + "nationality", person.nationality);
    if (person.birth_year && (*person.birth_year < 1900 || *person.birth_year > this_year)) {
        problems.push_back({prefix + "birthYear", "Geef een geboortejaar tussen 1900 en " +
                                                      std::to_string(this_year) + "."});
    }
    if (!person.phone.empty() && !IsPhoneNumber(person.phone)) {
        problems.push_back({prefix + "phone", "Geef een telefoonnummer met 6 tot 15 cijfers."});
    }
}

std::vector<InvalidParam> ValidateAssessment(std::string_view urgency, const std::vector<std::string>& forms,
                                             std::string_view rationale) {
    std::vector<InvalidParam> problems;
    if (!Contains(Urgencies(), urgency)) {
        problems.push_back({"urgency", "Kies acuut, hoog of normaal."});
    }
    if (forms.empty()) {
        problems.push_back({"forms", "Kies ten minste één vorm van uitbuiting."});
    }
    std::set<std::string> seen;
    for (std::size_t index = 0; index < forms.size(); ++index) {
        if (!Contains(Forms(), forms[index])) {
            problems.push_back({"forms[" + std::to_string(index) + "]", "Kies seksueel, arbeid, crimineel of orgaan."});
        } else if (!seen.insert(forms[index]).second) {
            problems.push_back({"forms[" + std::to_string(index) + "]", "Deze vorm staat er dubbel in."});
        }
    }
    CheckText(problems, "rationale", rationale);
    return problems;
}

}  // namespace meldroute::domain
