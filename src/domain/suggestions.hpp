// Indicator suggestions from a free-text narrative: which catalog indicators the text points to.
// A reporter or officer accepts or ignores each one; nothing is ticked automatically.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace meldroute::domain {

struct Suggestion {
    std::string code;      // catalog code, e.g. "ALG-01"
    std::string evidence;  // the phrase as it stands in the original text
    double score = 0;      // 0..1, higher is more certain
};

//! Suggestions ordered by score (highest first), at most one per code. Negated phrases
//! ("heeft wel een eigen paspoort", "geen schulden") do not count.
std::vector<Suggestion> SuggestIndicators(std::string_view text);

class SuggestionModel;

//! The same with the given learned layer instead of the built-in one; nullptr: the phrase patterns alone. For
//! training and cross-validation (suggestion_training.hpp).
std::vector<Suggestion> SuggestIndicators(std::string_view text, const SuggestionModel* model);

}  // namespace meldroute::domain
