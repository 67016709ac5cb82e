// Publishing a new version of the indicator catalog: the beheerder adds, rewords and retires indicators.
// Codes are stable identities: a code never disappears and never changes category, so every signal filed
// under an older version still reads correctly, and the indication rules (by category) keep working.
#pragma once

#include <string>
#include <vector>

#include "base/result.hpp"
#include "domain/catalog.hpp"

namespace meldroute::domain {

inline constexpr std::size_t kMaxIndicatorText = 300;
inline constexpr std::size_t kMaxIndicatorHelp = 600;

//! One row of a proposed version. An existing indicator names its code; a new one leaves the code empty
//! and names its category, and receives the next free number of that list (e.g. "ARB-18").
struct IndicatorProposal {
    std::string code;
    std::string category;
    std::string text;
    std::string help;
    bool retired = false;
};

//! The label for the next version published in `year`: "<year>.<n>" with n one past the highest n of that
//! year among `existing` (so "2026.1", then "2026.2").
std::string NextCatalogVersionLabel(const std::vector<std::string>& existing, int year);

//! The next version built from `previous` and the complete proposed list. Problems are named like the API's
//! fields ("indicators[3].text"); a proposal that changes nothing is refused as kUnprocessable.
Result<Catalog> BuildNextCatalog(const Catalog& previous, const std::vector<IndicatorProposal>& proposal,
                                 std::string version, std::string published_at, std::string published_by);

}  // namespace meldroute::domain
