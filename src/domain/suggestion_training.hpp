// Training and measuring the narrative suggestions against labelled narratives (tests/data/narratives*.tsv):
// the file format, the quality figures of suggestions_quality_test.cpp, the training of the learned layer
// (suggestion_model.hpp) and k-fold cross-validation. Used by tools/train_suggestions.cpp and the quality test.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/indication.hpp"
#include "domain/suggestion_model.hpp"
#include "domain/suggestions.hpp"

namespace meldroute::domain {

//! One labelled narrative: the codes a careful reader ticks and the strongest form ("geen" for a negative).
struct LabelledNarrative {
    int line = 0;
    std::string id;
    std::string expected_form;  // seksueel | arbeid | crimineel | geen
    std::vector<std::string> codes;
    std::string text;
};

struct ParsedNarratives {
    std::vector<LabelledNarrative> narratives;
    std::vector<std::string> errors;  // "line N: ..." for each malformed line, which is skipped
};

//! One non-blank line of a tab-separated text after its header: its number (from 1) and its fields.
struct TsvRow {
    int line = 0;
    std::vector<std::string_view> fields;  // views into the text; a trailing tab gives an empty last field
};

//! The rows of a tab-separated text (line ends "\n" or "\r\n") whose first line should be `header`;
//! `header_ok` tells whether it is.
std::vector<TsvRow> SplitTsv(std::string_view text, std::string_view header, bool& header_ok);

//! The codes of a comma-separated list, trimmed, empty entries left out.
std::vector<std::string> ParseCodeList(std::string_view field);

//! Reads the TSV format `id<TAB>expected_form<TAB>codes<TAB>narrative` with that header line.
ParsedNarratives ParseLabelledNarratives(std::string_view text);

//! The first code of a duplicate pair for the second (ARB-04 -> ALG-01, CRI-08 -> SEK-10), otherwise the code.
std::string CanonicalCode(std::string_view code);
std::set<std::string> CanonicalCodes(const std::vector<std::string>& codes);

//! The strongest form of an indication: highest level, ties broken by score; "geen" when no form has any level,
//! "onbeslist" when two forms tie in level and score.
std::string StrongestForm(const Indication& indication);

//! How the suggestions for one narrative compare with its labels (pairs counted once, see CanonicalCode).
struct NarrativeVerdict {
    std::set<std::string> missed;
    std::set<std::string> extra;
    int true_positives = 0;
    std::string strongest;  // StrongestForm of the suggested codes
    bool form_right = false;
    bool negative_at_sterk = false;
};
NarrativeVerdict JudgeSuggestions(const LabelledNarrative& narrative, const std::vector<Suggestion>& suggestions);

//! Micro-averaged precision and recall, strongest-form accuracy, negatives that reach "sterk".
struct QualityFigures {
    int true_positives = 0;
    int false_positives = 0;
    int false_negatives = 0;
    int forms_right = 0;
    int narratives = 0;
    int negatives_at_sterk = 0;

    void Add(const NarrativeVerdict& verdict);
    double Precision() const;
    double Recall() const;
    double FormAccuracy() const;
};

//! The settings of TrainSuggestionModel.
struct TrainingOptions {
    double l2 = 0.01;                 // L2 penalty, applied with each update of a weight
    double learning_rate = 0.2;       // AdaGrad's base rate
    int epochs = 12;                  // passes over the sentences per round
    int rounds = 3;                   // multiple-instance rounds: choose each positive narrative's best sentence anew
    double positive_weight = 6;       // a positive sentence counts this many negative ones
    int min_feature_narratives = 2;   // features of fewer training narratives are left out
    int min_positive_narratives = 3;  // codes with fewer labelled narratives get no model
    int min_feature_positives = 2;    // a feature weighs for a code only when this many of its narratives hold it
    double min_weight = 0.1;          // lighter weights are left out of the model (they hardly move a sum)
    double threshold = 0.5;
};

//! Trains the per-code sentence models. Labels are per narrative, the model per sentence, so this is
//! multiple-instance learning: a labelled narrative's positive sentence is first the one holding the patterns'
//! evidence for the code (else all its sentences share the weight), then the sentence the model scores highest;
//! every sentence of an unlabelled narrative is a negative. Deterministic for the same input.
SuggestionModel TrainSuggestionModel(const std::vector<LabelledNarrative>& narratives, const TrainingOptions& options);

//! k-fold cross-validation of the combined matcher (patterns and model): narrative i is held out in fold i % k
//! and judged with the model trained on the others. Returns one verdict per narrative, in input order, for
//! each threshold asked for.
std::vector<std::vector<NarrativeVerdict>> CrossValidate(const std::vector<LabelledNarrative>& narratives,
                                                         const TrainingOptions& options, int folds,
                                                         const std::vector<double>& thresholds);

}  // namespace meldroute::domain
