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
    bool retired = false;  // kept so older signals still read well, but no longer offered
};

//! One list of Bijlage 3, in the seed's order.
struct IndicatorGroup {
    std::string category;  // "algemeen" | "seksueel" | "crimineel" | "arbeid"
    std::string title;     // Dutch heading, e.g. "Algemene signalen"
    std::string lead;      // the seed's lead sentence, e.g. "Iemand is (vermoedelijk) slachtoffer ... als de persoon:"
    std::vector<Indicator> indicators;
};

//! The version of the built-in catalog: the seed's Bijlage 3, in force until the beheerder publishes another.
inline constexpr std::string_view kCatalogVersion = "2024.1";

//! One published version of the catalog. Versions are immutable: a signal keeps the version it was filed
//! under, and its indicators are always shown with that version's wording.
struct Catalog {
    std::string version;       // e.g. "2024.1", "2026.2"
    std::string published_at;  // ISO-8601; empty for the built-in version
    std::string published_by;  // username; empty for the built-in version
    std::vector<IndicatorGroup> groups;

    //! The indicator with this code (retired or not), or nullptr.
    const Indicator* Find(std::string_view code) const;
    //! True when the code exists in this version and is not retired: it may be ticked on a new signal.
    bool Offers(std::string_view code) const;
    //! All indicators in catalog order, retired ones included.
    std::vector<const Indicator*> All() const;
};

//! The built-in catalog (version kCatalogVersion).
const Catalog& BuiltinCatalog();

//! The category a code belongs to by its prefix (ALG → algemeen, SEK → seksueel, CRI → crimineel, ARB → arbeid),
//! or nullopt when the code is not of the form PREFIX-NN. Codes never change category between versions.
std::optional<std::string> CategoryOfCode(std::string_view code);

//! All groups of the built-in catalog in the seed's order: algemeen (14), seksueel (11), crimineel (8), arbeid (17).
const std::vector<IndicatorGroup>& IndicatorGroups();

//! All indicators in catalog order.
const std::vector<Indicator>& Indicators();

//! The indicator with this code, or nullptr.
const Indicator* FindIndicator(std::string_view code);

//! The form of exploitation a category points to ("seksueel"/"arbeid"/"crimineel"), or nullopt for "algemeen".
std::optional<std::string> FormOfCategory(std::string_view category);

}  // namespace meldroute::domain
