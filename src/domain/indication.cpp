#include "domain/indication.hpp"

#include <set>

#include "domain/catalog.hpp"

namespace meldroute::domain {

namespace {

std::string JoinCodes(const std::vector<std::string>& codes) {
    std::string joined;
    for (const std::string& code : codes) {
        if (!joined.empty()) joined += ", ";
        joined += code;
    }
    return joined;
}

std::string CountPhrase(std::size_t count, const char* singular, const char* plural) {
    return std::to_string(count) + " " + (count == 1 ? singular : plural);
}

}  // namespace

std::string_view ToString(Level level) {
    switch (level) {
        case Level::kGeen:
            return "geen";
        case Level::kZwak:
            return "zwak";
        case Level::kAanwezig:
            return "aanwezig";
        case Level::kSterk:
            return "sterk";
    }
    return "geen";
}

const std::vector<IndicationRule>& IndicationRules() {
    static const std::vector<IndicationRule> rules{
        {Level::kSterk, 3, 0, "minstens 3 specifieke signalen"},
        {Level::kSterk, 2, 2, "minstens 2 specifieke en 2 algemene signalen"},
        {Level::kAanwezig, 2, 0, "minstens 2 specifieke signalen"},
        {Level::kAanwezig, 1, 2, "minstens 1 specifiek en 2 algemene signalen"},
        {Level::kZwak, 1, 0, "1 specifiek signaal"},
        {Level::kZwak, 0, 1, "alleen algemene signalen (nooit meer dan zwak)"},
    };
    return rules;
}

Indication ComputeIndication(const std::vector<std::string>& ticked_codes) {
    std::set<std::string> unique_codes(ticked_codes.begin(), ticked_codes.end());
    std::vector<std::string> general;
    for (const std::string& code : unique_codes) {
        if (CategoryOfCode(code) == "algemeen") general.push_back(code);
    }
    Indication indication;
    for (const char* form : {"seksueel", "arbeid", "crimineel"}) {
        FormIndication result;
        result.form = form;
        std::vector<std::string> specific;
        for (const std::string& code : unique_codes) {
            const std::optional<std::string> category = CategoryOfCode(code);
            if (category && FormOfCategory(*category) == result.form) specific.push_back(code);
        }
        int specific_count = static_cast<int>(specific.size());
        int general_count = static_cast<int>(general.size());
        result.score = specific_count + 0.5 * general_count;
        result.indicators = specific;
        result.indicators.insert(result.indicators.end(), general.begin(), general.end());
        const IndicationRule* matched = nullptr;
        for (const IndicationRule& rule : IndicationRules()) {
            if (specific_count >= rule.min_specific && general_count >= rule.min_general) {
                matched = &rule;
                break;
            }
        }
        if (matched == nullptr) {
            result.level = Level::kGeen;
            result.explanation = "Geen signalen van deze vorm aangevinkt.";
        } else {
            result.level = matched->level;
            std::string found = CountPhrase(specific.size(), "specifiek signaal", "specifieke signalen");
            if (!specific.empty()) found += " (" + JoinCodes(specific) + ")";
            found += " en " + CountPhrase(general.size(), "algemeen signaal", "algemene signalen");
            if (!general.empty()) found += " (" + JoinCodes(general) + ")";
            result.explanation = "Niveau " + std::string{ToString(matched->level)} + ": " + found +
                                 ". Regel: " + matched->description + ".";
        }
        indication.forms.push_back(std::move(result));
    }
    return indication;
}

}  // namespace meldroute::domain
