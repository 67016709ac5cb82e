// The indication per form of exploitation: which ticked indicators point where, by which rule.
// It advises; the aandachtfunctionaris decides (AVG art. 22: no automated decision about a person).
#pragma once

#include <string>
#include <vector>

namespace meldroute::domain {

enum class Level { kGeen, kZwak, kAanwezig, kSterk };

std::string_view ToString(Level level);

//! A rule of the table: the first rule whose minimums hold gives the level.
struct IndicationRule {
    Level level;
    int min_specific;  // ticked indicators of the form's own list
    int min_general;   // ticked general (ALG) indicators
    std::string description;  // Dutch, e.g. "minstens 3 specifieke signalen"
};

struct FormIndication {
    std::string form;  // seksueel | arbeid | crimineel
    Level level = Level::kGeen;
    double score = 0;  // specific + 0.5 × general, for ordering
    std::vector<std::string> indicators;  // the specific and general codes that count
    std::string explanation;  // Dutch: which indicators and which rule
};

struct Indication {
    std::vector<FormIndication> forms;  // seksueel, arbeid, crimineel, in that order
};

//! The rules, strongest first. A lone general indicator never exceeds "zwak".
const std::vector<IndicationRule>& IndicationRules();

//! Combines the ticked codes of all signals in a case (duplicates count once; unknown codes are ignored).
Indication ComputeIndication(const std::vector<std::string>& ticked_codes);

//! The reminder shown beside every indication.
inline constexpr const char* kIndicationNotice =
    "Deze indicatie is een hulpmiddel en geen besluit: de aandachtfunctionaris weegt en beslist.";

}  // namespace meldroute::domain
