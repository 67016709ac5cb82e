// The indicator catalog of seed Bijlage 3: fixed codes, Dutch texts, grouped by list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meldroute::domain {

//! One indicator ("signaal") from the catalog.
struct Indicator {
    std::string code;      // e.g. "ALG-01"
    std::string category;  // "algemeen" | "seksueel" | "crimineel" | "arbeid"
    std::string text;      // the seed's wording, completing "... als de persoon:"
    std::string help;      // a short plain-Dutch hint for the reporter
};

//! One list of Bijlage 3, in the seed's order.
struct IndicatorGroup {
    std::string category;  // "algemeen" | "seksueel" | "crimineel" | "arbeid"
    std::string title;     // Dutch heading, e.g. "Algemene signalen"
    std::string lead;      // the seed's lead sentence, e.g. "Iemand is (vermoedelijk) slachtoffer ... als de persoon:"
    std::vector<Indicator> indicators;
};

//! The catalog version that new signals are filed under.
inline constexpr std::string_view kCatalogVersion = "2024.1";

//! All groups in the seed's order: algemeen (14), seksueel (11), crimineel (8), arbeid (17).
const std::vector<IndicatorGroup>& IndicatorGroups();

//! All indicators in catalog order.
const std::vector<Indicator>& Indicators();

//! The indicator with this code, or nullptr.
const Indicator* FindIndicator(std::string_view code);

//! The form of exploitation a category points to ("seksueel"/"arbeid"/"crimineel"), or nullopt for "algemeen".
std::optional<std::string> FormOfCategory(std::string_view category);

}  // namespace meldroute::domain
