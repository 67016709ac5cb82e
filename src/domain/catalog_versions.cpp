#include "domain/catalog_versions.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>

namespace meldroute::domain {

namespace {

std::string_view Trimmed(std::string_view text) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return text;
}

// Characters, not bytes: a limit should not bite earlier for "één" than for "een".
std::size_t CodePoints(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool HasControlCharacter(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 && c != '\n' && c != '\r' && c != '\t';
    });
}

int CodeNumber(std::string_view code) { return (code[4] - '0') * 10 + (code[5] - '0'); }

std::string_view PrefixOf(std::string_view category) {
    if (category == "algemeen") return "ALG";
    if (category == "seksueel") return "SEK";
    if (category == "crimineel") return "CRI";
    if (category == "arbeid") return "ARB";
    return {};
}

void CheckWording(std::vector<InvalidParam>& problems, const std::string& prefix, std::string_view text,
                  std::string_view help) {
    const std::string_view trimmed = Trimmed(text);
    if (trimmed.empty()) {
        problems.push_back({prefix + ".text", "Vul de tekst van het signaal in."});
    } else if (CodePoints(trimmed) > kMaxIndicatorText) {
        problems.push_back({prefix + ".text", "De tekst mag hoogstens " + std::to_string(kMaxIndicatorText) +
                                                  " tekens lang zijn."});
    } else if (HasControlCharacter(trimmed)) {
        problems.push_back({prefix + ".text", "De tekst bevat een teken dat niet is toegestaan."});
    }
    if (CodePoints(help) > kMaxIndicatorHelp) {
        problems.push_back({prefix + ".help", "De uitleg mag hoogstens " + std::to_string(kMaxIndicatorHelp) +
                                                  " tekens lang zijn."});
    } else if (HasControlCharacter(help)) {
        problems.push_back({prefix + ".help", "De uitleg bevat een teken dat niet is toegestaan."});
    }
}

}  // namespace

std::string NextCatalogVersionLabel(const std::vector<std::string>& existing, int year) {
    const std::string prefix = std::to_string(year) + ".";
    int highest = 0;
    for (const std::string& label : existing) {
        if (!label.starts_with(prefix)) continue;
        int number = 0;
        const char* first = label.data() + prefix.size();
        const char* last = label.data() + label.size();
        auto [end, error] = std::from_chars(first, last, number);
        if (error == std::errc{} && end == last) highest = std::max(highest, number);
    }
    return prefix + std::to_string(highest + 1);
}

Result<Catalog> BuildNextCatalog(const Catalog& previous, const std::vector<IndicatorProposal>& proposal,
                                 std::string version, std::string published_at, std::string published_by) {
    std::vector<InvalidParam> problems;
    std::map<std::string, const IndicatorProposal*> kept;  // existing code → its proposed row
    std::vector<const IndicatorProposal*> added;
    for (std::size_t index = 0; index < proposal.size(); ++index) {
        const IndicatorProposal& row = proposal[index];
        const std::string name = "indicators[" + std::to_string(index) + "]";
        CheckWording(problems, name, row.text, row.help);
        if (row.code.empty()) {
            if (PrefixOf(row.category).empty()) {
                problems.push_back({name + ".category", "Kies de lijst: algemeen, seksueel, crimineel of arbeid."});
            }
            added.push_back(&row);
            continue;
        }
        const Indicator* existing = previous.Find(row.code);
        if (existing == nullptr) {
            problems.push_back({name + ".code", "Onbekende code " + row.code.substr(0, 20) +
                                                    ". Laat de code weg om een nieuw signaal toe te voegen."});
        } else if (!row.category.empty() && row.category != existing->category) {
            problems.push_back({name + ".category", "Een signaal blijft in zijn lijst (" + existing->category + ")."});
        } else if (!kept.emplace(row.code, &row).second) {
            problems.push_back({name + ".code", "Code " + row.code + " staat er dubbel in."});
        }
    }
    for (const Indicator* indicator : previous.All()) {
        if (!kept.contains(indicator->code)) {
            problems.push_back({"indicators", "Signaal " + indicator->code +
                                                  " ontbreekt. Een signaal verdwijnt nooit uit de lijst: "
                                                  "zet het op vervallen."});
        }
    }
    if (!problems.empty()) return MakeError(ErrorCode::kInvalidArgument, "De signalenlijst is niet geldig.", problems);

    Catalog next{std::move(version), std::move(published_at), std::move(published_by), previous.groups};
    bool changed = !added.empty();
    for (IndicatorGroup& group : next.groups) {
        int highest = 0;
        for (Indicator& indicator : group.indicators) {
            highest = std::max(highest, CodeNumber(indicator.code));
            const IndicatorProposal& row = *kept.at(indicator.code);
            const std::string text{Trimmed(row.text)};
            const std::string help{Trimmed(row.help)};
            changed = changed || text != indicator.text || help != indicator.help || row.retired != indicator.retired;
            indicator.text = text;
            indicator.help = help;
            indicator.retired = row.retired;
        }
        const std::string_view prefix = PrefixOf(group.category);
        for (const IndicatorProposal* row : added) {
            if (row->category != group.category) continue;
            if (++highest > 99) {
                return MakeError(ErrorCode::kUnprocessable, "De lijst " + group.category + " is vol (99 signalen).");
            }
            std::string code{prefix};
            code += '-';
            code += static_cast<char>('0' + highest / 10);
            code += static_cast<char>('0' + highest % 10);
            group.indicators.push_back(
                Indicator{code, group.category, std::string{Trimmed(row->text)}, std::string{Trimmed(row->help)},
                          row->retired});
        }
        if (std::none_of(group.indicators.begin(), group.indicators.end(),
                         [](const Indicator& indicator) { return !indicator.retired; })) {
            return MakeError(ErrorCode::kUnprocessable,
                             "Elke lijst houdt minstens één signaal dat niet vervallen is (" + group.category + ").");
        }
    }
    if (!changed) {
        return MakeError(ErrorCode::kUnprocessable,
                         "Er is niets veranderd ten opzichte van signalenlijst " + previous.version + ".");
    }
    return next;
}

}  // namespace meldroute::domain
