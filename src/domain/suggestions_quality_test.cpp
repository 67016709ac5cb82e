// Measured quality of the narrative suggestions against a labelled set of realistic Dutch narratives.
//
// The data set (MELDROUTE_TEST_DATA_DIR/narratives.tsv) holds narratives as municipal staff write them (front
// desk, enforcement, area team, truancy officer), each labelled by hand from the text alone with the indicator
// codes a careful reader would tick and the form of exploitation that is strongest ("geen" for negatives).
// The labels were written before looking at what the code suggests; when a target fails, the patterns in
// suggestions.cpp are improved, never the labels.
//
// The sets (tests/data/): narratives.tsv (62, the set the patterns were tuned on), narratives-dev.tsv (32),
// narratives-train2.tsv (124 in varied, indirect wording, 28 of them negatives and near-misses, written and
// labelled for issue 3 point 4 before the matcher was run on them), narratives-blind.tsv (40, written by
// someone who never saw the matcher; never read while tuning, only its aggregate figures are printed) and
// narratives-train3.tsv (134, 48 of them negatives and near-misses, written and labelled for the learned layer
// before the matcher was run on them; the patterns were never tuned on it).
//
// All five sets are training data of the learned layer (suggestion_model.hpp), so the per-set figures below are
// in-sample for it. The honest estimate for new text is the 5-fold cross-validation (SuggestionsCrossValidation):
// each narrative judged by a model trained without it, reported over the sets the patterns never saw.
// Measured (precision / recall / strongest-form accuracy):
//   tuned   0.965 / 1.000 / 0.984      per set, with the built-in model
//   dev     0.967 / 0.983 / 0.938
//   train2  0.883 / 0.983 / 0.984
//   blind   0.838 / 0.975 / 0.950      (patterns alone, before the learned layer: 0.780 / 0.648 / 0.875)
//   train3  0.809 / 0.956 / 0.948
//   cross-validation, all 392           0.812 / 0.852 / 0.929
//   cross-validation, blind + train3    0.732 / 0.754 / 0.897   (patterns alone 0.758 / 0.660 / 0.879)
//   held out, never trained or tuned on (SuggestionsHeldOut; each written by someone who never saw the matcher,
//   measured once for the figures here; now in the repository, so a later change needs a new blind set):
//   blind2 (48)                         0.693 / 0.701 / 0.771   (patterns alone 0.734 / 0.640 / 0.792)
//   blind3 (60)                         0.673 / 0.685 / 0.817, one negative at sterk
//                                                               (patterns alone 0.697 / 0.589 / 0.783, none)
//   unseen4 (160, written as training data for a retrain that was not kept: the model trained with it broke
//   SuggestionsTest.ConceptsKeepNegationsAndInnocentUses; so it is held out for this model)
//                                       0.674 / 0.652 / 0.844   (patterns alone 0.692 / 0.587 / 0.838)
//   The held-out figures above are after the context rules for innocent uses (DropInnocentUses), which were
//   tuned on the odd half of hardneg only; before them: blind2 0.695 / 0.707 / 0.771 (patterns alone 0.736 /
//   0.646 / 0.792), blind3 0.674 / 0.690 / 0.817 (0.699 / 0.595 / 0.783), unseen4 0.663 / 0.652 / 0.831 (0.680 /
//   0.587 / 0.825): each rule cost blind2 or blind3 one hit.
//   hardneg (120: 90 negatives full of indicator words in innocent use, 30 positives with the same words)
//                                       0.456 / 0.839 / 0.892, one negative at sterk
//                                                               (patterns alone 0.495 / 0.780 / 0.942, one too)
//     The context rules were tuned on its odd-numbered ids (H-001, H-003, ...); the even-numbered half was
//     never read and only its aggregate figures were printed, before and after the rules:
//     odd half (tuned on, 60)           0.425 / 0.804 / 0.850, one negative at sterk (before 0.388 / 0.804 / 0.833)
//                                         patterns alone 0.455 / 0.714 / 0.917, one (before 0.404 / 0.714 / 0.917)
//     even half (measure, 60)           0.486 / 0.871 / 0.933, none                   (before 0.482 / 0.871 / 0.933)
//                                         patterns alone 0.531 / 0.839 / 0.967, none  (before 0.525 / 0.839 / 0.967)
//   Innocent uses of indicator words are the weak spot of both layers, the patterns included; a retrain with
//   this set as training data found no threshold whose cross-validated precision reached 0.7 (it switched the
//   learned layer off). The context rules for innocent uses barely move the measure half: most innocent
//   narratives give a reason of their own that no general rule names yet.
//   blind5 (60: 14 arbeid, 10 seksueel, 10 crimineel, 26 negatives of which 19 hard; written for this measure
//   by someone who read only the brief and the policy, measured once, after the context rules)
//                                       0.594 / 0.807 / 0.833, none at sterk
//                                                               (patterns alone 0.677 / 0.754 / 0.850, none)
//   blind6 (60: 14 arbeid, 10 seksueel, 10 crimineel, 26 negatives of which 19 hard; written by a helper that read
//   only the brief and the policy, never the code or the other sets; measured once, at commit 22095f6)
//                                       0.514 / 0.784 / 0.800, none at sterk
//                                                               (patterns alone 0.559 / 0.698 / 0.833, none)
//     Its writer ticked the form's code where the general list names the same fact (ARB-02, not ALG-02, for long
//     days at work), while the matcher offers both; where a general code and its form's sibling (ALG-02/ARB-02,
//     ALG-14/ARB-17, ALG-11/SEK-11, ALG-03/SEK-09, ALG-08/ARB-10, ARB-11 or SEK-02) stand in for each other, the
//     older held-out sets gain 1-5 points of precision (blind3 0.673 -> 0.714, unseen4 0.674 -> 0.724). Most
//     false positives are extra codes on real cases (blind2 38 of 51, unseen4 97 of 127), not hits on negatives.
//   blind6-adjudicated (the same 60 narratives, labelled twice): a second helper labelled them again from the text
//   alone, without the first labels or the matcher's output; a third decided each of the 39 codes the two
//   disagreed on (38 yes, 1 no), without knowing who ticked it or what the matcher says (blind6-second-labelling.tsv,
//   blind6-adjudication.tsv with its reasons). The first labelling
//   holds 116 codes, the second 147, the adjudicated one 150: against it the first labeller scores precision
//   1.000 recall 0.773, the second 0.993 / 0.973, with the strongest form the same in all 60. The matcher,
//   unchanged since blind6 was measured:
//                                       0.605 / 0.738 / 0.800   (patterns alone 0.648 / 0.648 / 0.833)
//     So a single labelling misses about a fifth of what the text supports, and part of the matcher's "false
//     positives" were that; but against complete labels its precision is still well below a careful reader's.
//   blind4 (60, kept outside the repository; measured a third time, after the context rules)
//                                       0.637 / 0.745 / 0.867   (patterns alone 0.656 / 0.660 / 0.883)
//
// Figures:
//   * micro-averaged precision and recall of the suggested codes against the labels;
//   * strongest-form accuracy: ComputeIndication over the suggested codes, the form with the highest level
//     (ties broken by score) must equal the expected form; for a negative every form must be at most "zwak";
//   * no negative may reach "sterk".
//
// Duplicate indicators. The catalog names two indicators in two lists:
//   ALG-01 / ARB-04  (no control over one's own passport)
//   SEK-10 / CRI-08  ("verzuimt op school")
// A reader ticks one or both depending on the form they have in mind, and the suggestions offer both. For
// precision and recall each pair is therefore counted as ONE indicator: codes are mapped to the pair's first
// code before comparing, so a label of either code is matched by a suggestion of the other, and a label or
// suggestion of both counts once. The strongest form is computed from the suggestions as they are.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog.hpp"
#include "domain/indication.hpp"
#include "domain/suggestion_model.hpp"
#include "domain/suggestion_training.hpp"
#include "domain/suggestions.hpp"

#ifndef MELDROUTE_TEST_DATA_DIR
#error "MELDROUTE_TEST_DATA_DIR must be defined as a string literal (the directory holding narratives.tsv)"
#endif

namespace meldroute::domain {
namespace {

constexpr double kMinRecall = 0.8;
constexpr double kMinPrecision = 0.7;
constexpr double kMinFormAccuracy = 0.9;

// The sets the phrase patterns were tuned on, and those they never were (the patterns meet their wording as new).
const std::vector<std::string> kPatternTunedSets = {"narratives.tsv", "narratives-dev.tsv", "narratives-train2.tsv"};
const std::vector<std::string> kPatternUnseenSets = {"narratives-blind.tsv", "narratives-train3.tsv"};

std::string DataPath(const std::string& file) { return std::string(MELDROUTE_TEST_DATA_DIR) + "/" + file; }

// Reads a data set; reports malformed lines as test failures and skips them.
std::vector<LabelledNarrative> LoadNarratives(const std::string& file) {
    const std::string path = DataPath(file);
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        ADD_FAILURE() << "cannot open " << path;
        return {};
    }
    std::ostringstream content;
    content << input.rdbuf();
    ParsedNarratives parsed = ParseLabelledNarratives(content.str());
    for (const std::string& error : parsed.errors) ADD_FAILURE() << path << ": " << error;
    return std::move(parsed.narratives);
}

const std::vector<LabelledNarrative>& Narratives(const std::string& file) {
    static std::map<std::string, std::vector<LabelledNarrative>> loaded;
    auto found = loaded.find(file);
    if (found == loaded.end()) found = loaded.emplace(file, LoadNarratives(file)).first;
    return found->second;
}

// The data sets: the sets the patterns were tuned on (tuned, dev, train2), and a held-out set written blind to the
// patterns and never used for tuning. The held-out figures are the honest estimate for new text.
class SuggestionsQualityTest : public ::testing::TestWithParam<std::string> {
protected:
    // Sets where only precision and "no negative at sterk" are asserted: text the patterns were not tuned on.
    bool IsPatternUnseen() const {
        return GetParam() == "narratives-blind.tsv" || GetParam() == "narratives-train3.tsv";
    }
    bool IsBlind() const { return GetParam() == "narratives-blind.tsv"; }
    const std::vector<LabelledNarrative>& Narratives() { return domain::Narratives(GetParam()); }
};

std::string Join(const std::set<std::string>& codes) {
    std::string joined;
    for (const std::string& code : codes) {
        if (!joined.empty()) joined += ",";
        joined += code;
    }
    return joined.empty() ? "-" : joined;
}

bool IsAmongStrongest(const Indication& indication, const std::string& form) {
    const FormIndication* best = nullptr;
    for (const FormIndication& candidate : indication.forms) {
        if (best == nullptr || candidate.level > best->level ||
            (candidate.level == best->level && candidate.score > best->score)) {
            best = &candidate;
        }
    }
    for (const FormIndication& candidate : indication.forms) {
        if (candidate.form == form) return best != nullptr && candidate.level == best->level && candidate.score == best->score;
    }
    return false;
}

std::string LevelsOf(const Indication& indication) {
    std::string levels;
    for (const FormIndication& form : indication.forms) {
        if (!levels.empty()) levels += " ";
        levels += form.form + "=" + std::string(ToString(form.level));
    }
    return levels;
}

// The data set itself: size, coverage, known codes, and labels that agree with their own expected form.
TEST_P(SuggestionsQualityTest, DataSetIsWellFormed) {
    const std::vector<LabelledNarrative>& narratives = Narratives();
    ASSERT_GE(narratives.size(), 32u);
    std::set<std::string> ids;
    std::map<std::string, int> per_form;
    for (const LabelledNarrative& narrative : narratives) {
        SCOPED_TRACE(narrative.id + " (line " + std::to_string(narrative.line) + ")");
        EXPECT_TRUE(ids.insert(narrative.id).second) << "duplicate id";
        EXPECT_TRUE(narrative.expected_form == "seksueel" || narrative.expected_form == "arbeid" ||
                    narrative.expected_form == "crimineel" || narrative.expected_form == "geen")
            << narrative.expected_form;
        ++per_form[narrative.expected_form];
        EXPECT_NE(narrative.text.find_first_not_of(" \r"), std::string::npos) << "empty narrative";
        std::set<std::string> seen;
        for (const std::string& code : narrative.codes) {
            EXPECT_NE(FindIndicator(code), nullptr) << "unknown code " << code;
            EXPECT_TRUE(seen.insert(code).second) << "duplicate code " << code;
        }
        if (narrative.expected_form == "geen") {
            EXPECT_TRUE(narrative.codes.empty()) << "a negative carries no labels";
        } else {
            // A careful reader's own ticks must point to the form they name (or tie it with another form: a
            // labelled text may hold as many signs of a second form).
            const Indication labelled = ComputeIndication(narrative.codes);
            const std::string strongest = StrongestForm(labelled);
            EXPECT_TRUE(strongest == narrative.expected_form ||
                        (strongest == "onbeslist" && IsAmongStrongest(labelled, narrative.expected_form)))
                << "labels " << Join(CanonicalCodes(narrative.codes)) << " point to " << strongest;
        }
    }
    EXPECT_GE(per_form["geen"], 8);
    if (GetParam() == "narratives-train2.tsv") {
        // The second training set is the larger one written to make the matcher generalise (see the file comment).
        EXPECT_GE(narratives.size(), 120u);
        EXPECT_GE(per_form["geen"], 25);
    }
    for (const char* form : {"seksueel", "arbeid", "crimineel"}) EXPECT_GE(per_form[form], 8) << form;
    // Every list of Bijlage 3 is represented in the labels.
    std::set<std::string> categories;
    for (const LabelledNarrative& narrative : narratives) {
        for (const std::string& code : narrative.codes) {
            if (const Indicator* indicator = FindIndicator(code)) categories.insert(indicator->category);
        }
    }
    for (const char* category : {"algemeen", "seksueel", "crimineel", "arbeid"}) {
        EXPECT_TRUE(categories.contains(category)) << category;
    }
}

// One line per narrative whose suggestions differ from its labels, with the evidence of each extra code.
std::string Difference(const LabelledNarrative& narrative, const std::vector<Suggestion>& suggestions,
                       const NarrativeVerdict& verdict) {
    std::vector<std::string> suggested_codes;
    for (const Suggestion& suggestion : suggestions) suggested_codes.push_back(suggestion.code);
    std::string line = narrative.id + ": ";
    if (!verdict.missed.empty()) line += "missed " + Join(verdict.missed) + "; ";
    if (!verdict.extra.empty()) line += "extra " + Join(verdict.extra) + "; ";
    line += "form expected " + narrative.expected_form + ", got " + verdict.strongest + " (" +
            LevelsOf(ComputeIndication(suggested_codes)) + ")" + (verdict.form_right ? "" : "  <-- WRONG FORM");
    for (const Suggestion& suggestion : suggestions) {
        if (verdict.extra.contains(CanonicalCode(suggestion.code))) {
            line += "\n      " + suggestion.code + " from \"" + suggestion.evidence + "\"";
        }
    }
    return line;
}

void PrintFigures(const std::string& name, const QualityFigures& figures) {
    std::printf("suggestions (%s): precision %.3f recall %.3f strongest-form accuracy %.3f (n=%d)\n", name.c_str(),
                figures.Precision(), figures.Recall(), figures.FormAccuracy(), figures.narratives);
    std::printf("suggestions: true positives %d, false positives %d, false negatives %d, negatives at sterk %d\n",
                figures.true_positives, figures.false_positives, figures.false_negatives, figures.negatives_at_sterk);
}

TEST_P(SuggestionsQualityTest, PrecisionRecallAndStrongestForm) {
    const std::vector<LabelledNarrative>& narratives = Narratives();
    ASSERT_FALSE(narratives.empty());

    QualityFigures figures;
    std::vector<std::string> diagnostics;
    for (const LabelledNarrative& narrative : narratives) {
        const std::vector<Suggestion> suggestions = SuggestIndicators(narrative.text);
        const NarrativeVerdict verdict = JudgeSuggestions(narrative, suggestions);
        figures.Add(verdict);
        if (verdict.negative_at_sterk) ADD_FAILURE() << "negative " << narrative.id << " reaches sterk";
        if (!verdict.missed.empty() || !verdict.extra.empty() || !verdict.form_right) {
            diagnostics.push_back(Difference(narrative, suggestions, verdict));
        }
    }
    PrintFigures(GetParam(), figures);

    const bool targets_met = figures.Recall() >= kMinRecall && figures.Precision() >= kMinPrecision &&
                             figures.FormAccuracy() >= kMinFormAccuracy && figures.negatives_at_sterk == 0;
    // The blind set stays blind: its per-item differences are never printed while tuning, only on request.
    const char* verbose = std::getenv("MELDROUTE_QUALITY_VERBOSE");
    const bool show_items = IsBlind() ? verbose != nullptr && std::string_view(verbose) == "blind"
                                      : !targets_met || verbose != nullptr;
    if (show_items) {
        std::printf("suggestions: per-item differences (labels vs. suggestions):\n");
        for (const std::string& line : diagnostics) std::printf("  %s\n", line.c_str());
    }

    // On the tuned, dev and train2 sets the targets hold. On the sets the patterns were never tuned on
    // (blind, train3) precision and "no negative at sterk" must hold; recall and form accuracy are printed and
    // reported, not asserted: the cross-validation below is the honest estimate for new text.
    if (!IsPatternUnseen()) {
        EXPECT_GE(figures.Recall(), kMinRecall);
        EXPECT_GE(figures.FormAccuracy(), kMinFormAccuracy);
    }
    EXPECT_GE(figures.Precision(), kMinPrecision);
}

// k-fold cross-validation of the combined matcher: each narrative judged by a model trained without it, with the
// built-in model's settings and threshold. The patterns were tuned on three of the sets, so the figures over all
// sets flatter them; those over the sets the patterns never saw (blind, train3) are the honest estimate for new
// text, printed beside the patterns alone.
TEST(SuggestionsCrossValidation, LearnedLayerAddsRecallOnUnseenWording) {
    constexpr int kFolds = 5;
    std::vector<LabelledNarrative> narratives;
    std::vector<bool> pattern_unseen;
    for (const std::vector<std::string>* sets : {&kPatternTunedSets, &kPatternUnseenSets}) {
        for (const std::string& file : *sets) {
            const std::vector<LabelledNarrative>& loaded = Narratives(file);
            narratives.insert(narratives.end(), loaded.begin(), loaded.end());
            pattern_unseen.insert(pattern_unseen.end(), loaded.size(), sets == &kPatternUnseenSets);
        }
    }
    TrainingOptions options;
    const double patterns_alone = 1.01;  // no probability reaches it
    const auto verdicts =
        CrossValidate(narratives, options, kFolds, {SuggestionModel::Builtin().threshold(), patterns_alone});
    QualityFigures combined;
    QualityFigures combined_unseen;
    QualityFigures patterns_unseen;
    for (std::size_t index = 0; index < narratives.size(); ++index) {
        combined.Add(verdicts[0][index]);
        if (verdicts[0][index].negative_at_sterk) ADD_FAILURE() << "negative " << narratives[index].id << " reaches sterk";
        if (!pattern_unseen[index]) continue;
        combined_unseen.Add(verdicts[0][index]);
        patterns_unseen.Add(verdicts[1][index]);
    }
    PrintFigures(std::to_string(kFolds) + "-fold cross-validation, all sets", combined);
    PrintFigures(std::to_string(kFolds) + "-fold cross-validation, blind + train3", combined_unseen);
    PrintFigures("patterns alone, blind + train3", patterns_unseen);

    EXPECT_GE(combined.Precision(), kMinPrecision);
    EXPECT_GE(combined_unseen.Precision(), kMinPrecision);
    EXPECT_GT(combined_unseen.Recall(), patterns_unseen.Recall()) << "the learned layer must add what patterns miss";
}

// The sets no model was trained on and no pattern tuned on: their figures are printed, and the learned layer must
// add recall over the patterns alone there too. The targets are not asserted (they are not met on new text: see
// the figures above), nor the data checks of the training sets (their writers labelled some negatives with the
// innocent sign they show, e.g. a passport a brother keeps in an inheritance dispute).
TEST(SuggestionsHeldOut, LearnedLayerAddsRecallOnSetsNeverTrainedOn) {
    for (const char* file : {"narratives-blind2.tsv", "narratives-blind3.tsv", "narratives-unseen4.tsv",
                             "narratives-hardneg.tsv", "narratives-blind5.tsv",
                             "narratives-blind6.tsv", "narratives-blind6-adjudicated.tsv"}) {
        SCOPED_TRACE(file);
        const std::vector<LabelledNarrative>& narratives = Narratives(file);
        ASSERT_GE(narratives.size(), 40u);
        QualityFigures combined;
        QualityFigures patterns;
        for (const LabelledNarrative& narrative : narratives) {
            combined.Add(JudgeSuggestions(narrative, SuggestIndicators(narrative.text)));
            patterns.Add(JudgeSuggestions(narrative, SuggestIndicators(narrative.text, nullptr)));
        }
        PrintFigures(std::string{file} + ", held out", combined);
        PrintFigures(std::string{file} + ", held out, patterns alone", patterns);
        EXPECT_GT(combined.Recall(), patterns.Recall());
    }
}

INSTANTIATE_TEST_SUITE_P(DataSets, SuggestionsQualityTest,
                         ::testing::Values("narratives.tsv", "narratives-dev.tsv", "narratives-train2.tsv",
                                           "narratives-blind.tsv", "narratives-train3.tsv"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             if (info.param == "narratives.tsv") return std::string{"Tuned"};
                             if (info.param == "narratives-dev.tsv") return std::string{"Dev"};
                             if (info.param == "narratives-train2.tsv") return std::string{"Train2"};
                             if (info.param == "narratives-train3.tsv") return std::string{"Train3"};
                             return std::string{"Blind"};
                         });

}  // namespace
}  // namespace meldroute::domain
