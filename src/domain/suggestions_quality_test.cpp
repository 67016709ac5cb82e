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
// labelled for issue 3 point 4 before the matcher was run on them) and narratives-blind.tsv (40, written by
// someone who never saw the matcher; never read while tuning, only its aggregate figures are printed).
// Measured figures at commit a50c864 (precision / recall / strongest-form accuracy):
//   tuned   0.964 / 0.986 / 0.984
//   dev     0.967 / 0.967 / 0.938
//   train2  0.866 / 0.821 / 0.952   (0.756 / 0.538 / 0.790 before the paraphrase layer was widened)
//   blind   0.769 / 0.648 / 0.850   (0.777 / 0.591 / 0.825 before); recall on unseen wording stays the weak spot
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
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog.hpp"
#include "domain/indication.hpp"
#include "domain/suggestions.hpp"

#ifndef MELDROUTE_TEST_DATA_DIR
#error "MELDROUTE_TEST_DATA_DIR must be defined as a string literal (the directory holding narratives.tsv)"
#endif

namespace meldroute::domain {
namespace {

constexpr double kMinRecall = 0.8;
constexpr double kMinPrecision = 0.7;
constexpr double kMinFormAccuracy = 0.9;

struct LabelledNarrative {
    int line = 0;
    std::string id;
    std::string expected_form;  // seksueel | arbeid | crimineel | geen
    std::vector<std::string> codes;
    std::string text;
};

std::vector<std::string> SplitOn(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string::size_type start = 0;
    while (true) {
        const std::string::size_type stop = text.find(separator, start);
        parts.push_back(text.substr(start, stop == std::string::npos ? std::string::npos : stop - start));
        if (stop == std::string::npos) break;
        start = stop + 1;
    }
    return parts;
}

std::string Trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \r");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \r");
    return text.substr(first, last - first + 1);
}

std::string DataPath(const std::string& file) { return std::string(MELDROUTE_TEST_DATA_DIR) + "/" + file; }

// Reads a data set; reports malformed lines as test failures and skips them.
std::vector<LabelledNarrative> LoadNarratives(const std::string& file) {
    std::vector<LabelledNarrative> narratives;
    const std::string path = DataPath(file);
    std::ifstream input(path);
    if (!input) {
        ADD_FAILURE() << "cannot open " << path;
        return narratives;
    }
    std::string line;
    int line_number = 0;
    while (std::getline(input, line)) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line_number == 1) {
            EXPECT_EQ(line, "id\texpected_form\tcodes\tnarrative") << "header of " << path;
            continue;
        }
        if (Trim(line).empty()) continue;
        const std::vector<std::string> fields = SplitOn(line, '\t');
        if (fields.size() != 4) {
            ADD_FAILURE() << path << ":" << line_number << ": expected 4 tab-separated fields, got "
                          << fields.size();
            continue;
        }
        LabelledNarrative narrative;
        narrative.line = line_number;
        narrative.id = Trim(fields[0]);
        narrative.expected_form = Trim(fields[1]);
        for (const std::string& code : SplitOn(fields[2], ',')) {
            const std::string trimmed = Trim(code);
            if (!trimmed.empty()) narrative.codes.push_back(trimmed);
        }
        narrative.text = fields[3];
        narratives.push_back(std::move(narrative));
    }
    return narratives;
}

// The data sets: the sets the patterns were tuned on (tuned, dev, train2), and a held-out set written blind to the
// patterns and never used for tuning. The held-out figures are the honest estimate for new text.
class SuggestionsQualityTest : public ::testing::TestWithParam<std::string> {
protected:
    bool IsBlind() const { return GetParam() == "narratives-blind.tsv"; }
    const std::vector<LabelledNarrative>& Narratives() {
        static std::map<std::string, std::vector<LabelledNarrative>> loaded;
        auto found = loaded.find(GetParam());
        if (found == loaded.end()) found = loaded.emplace(GetParam(), LoadNarratives(GetParam())).first;
        return found->second;
    }
};

// Maps the second code of a duplicate pair to the first (see the file comment).
std::string Canonical(const std::string& code) {
    if (code == "ARB-04") return "ALG-01";
    if (code == "CRI-08") return "SEK-10";
    return code;
}

std::set<std::string> CanonicalSet(const std::vector<std::string>& codes) {
    std::set<std::string> canonical;
    for (const std::string& code : codes) canonical.insert(Canonical(code));
    return canonical;
}

std::string Join(const std::set<std::string>& codes) {
    std::string joined;
    for (const std::string& code : codes) {
        if (!joined.empty()) joined += ",";
        joined += code;
    }
    return joined.empty() ? "-" : joined;
}

// The strongest form of an indication: highest level, ties broken by score. "geen" when no form has any level;
// "onbeslist" when two forms are equal in level and score.
std::string StrongestForm(const Indication& indication) {
    const FormIndication* best = nullptr;
    bool tied = false;
    for (const FormIndication& form : indication.forms) {
        if (best == nullptr || form.level > best->level || (form.level == best->level && form.score > best->score)) {
            best = &form;
            tied = false;
        } else if (form.level == best->level && form.score == best->score) {
            tied = true;
        }
    }
    if (best == nullptr || best->level == Level::kGeen) return "geen";
    return tied ? "onbeslist" : best->form;
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

Level HighestLevel(const Indication& indication) {
    Level highest = Level::kGeen;
    for (const FormIndication& form : indication.forms) {
        if (form.level > highest) highest = form.level;
    }
    return highest;
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
        EXPECT_FALSE(Trim(narrative.text).empty());
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
                << "labels " << Join(CanonicalSet(narrative.codes)) << " point to " << strongest;
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

TEST_P(SuggestionsQualityTest, PrecisionRecallAndStrongestForm) {
    const std::vector<LabelledNarrative>& narratives = Narratives();
    ASSERT_FALSE(narratives.empty());

    int true_positives = 0;
    int false_positives = 0;
    int false_negatives = 0;
    int forms_right = 0;
    std::vector<std::string> diagnostics;
    std::vector<std::string> negatives_at_sterk;

    for (const LabelledNarrative& narrative : narratives) {
        const std::vector<Suggestion> suggestions = SuggestIndicators(narrative.text);
        std::vector<std::string> suggested_codes;
        for (const Suggestion& suggestion : suggestions) suggested_codes.push_back(suggestion.code);

        const std::set<std::string> expected = CanonicalSet(narrative.codes);
        const std::set<std::string> suggested = CanonicalSet(suggested_codes);
        std::set<std::string> missed;
        std::set<std::string> extra;
        for (const std::string& code : expected) {
            if (suggested.contains(code)) {
                ++true_positives;
            } else {
                ++false_negatives;
                missed.insert(code);
            }
        }
        for (const std::string& code : suggested) {
            if (!expected.contains(code)) {
                ++false_positives;
                extra.insert(code);
            }
        }

        const Indication indication = ComputeIndication(suggested_codes);
        const std::string strongest = StrongestForm(indication);
        const bool negative = narrative.expected_form == "geen";
        const bool form_right = negative ? HighestLevel(indication) <= Level::kZwak
                                         : strongest == narrative.expected_form;
        if (form_right) ++forms_right;
        if (negative && HighestLevel(indication) == Level::kSterk) negatives_at_sterk.push_back(narrative.id);

        if (!missed.empty() || !extra.empty() || !form_right) {
            std::string line = narrative.id + ": ";
            if (!missed.empty()) line += "missed " + Join(missed) + "; ";
            if (!extra.empty()) line += "extra " + Join(extra) + "; ";
            line += "form expected " + narrative.expected_form + ", got " + strongest + " (" + LevelsOf(indication) +
                    ")" + (form_right ? "" : "  <-- WRONG FORM");
            for (const Suggestion& suggestion : suggestions) {
                if (extra.contains(Canonical(suggestion.code))) {
                    line += "\n      " + suggestion.code + " from \"" + suggestion.evidence + "\"";
                }
            }
            diagnostics.push_back(line);
        }
    }

    const int total = static_cast<int>(narratives.size());
    const auto ratio = [](int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; };
    const double precision = ratio(true_positives, true_positives + false_positives);
    const double recall = ratio(true_positives, true_positives + false_negatives);
    const double form_accuracy = static_cast<double>(forms_right) / total;

    std::printf("suggestions (%s): precision %.3f recall %.3f strongest-form accuracy %.3f (n=%d)\n",
                GetParam().c_str(), precision, recall, form_accuracy, total);
    std::printf("suggestions: true positives %d, false positives %d, false negatives %d, negatives at sterk %d\n",
                true_positives, false_positives, false_negatives, static_cast<int>(negatives_at_sterk.size()));

    const bool targets_met = recall >= kMinRecall && precision >= kMinPrecision &&
                             form_accuracy >= kMinFormAccuracy && negatives_at_sterk.empty();
    // The blind set stays blind: its per-item differences are never printed while tuning, only on request.
    const char* verbose = std::getenv("MELDROUTE_QUALITY_VERBOSE");
    const bool show_items = IsBlind() ? verbose != nullptr && std::string_view(verbose) == "blind"
                                      : !targets_met || verbose != nullptr;
    if (show_items) {
        std::printf("suggestions: per-item differences (labels vs. suggestions):\n");
        for (const std::string& line : diagnostics) std::printf("  %s\n", line.c_str());
    }

    // On the tuned, dev and train2 sets the targets hold. On the blind set — text the patterns have never been
    // fitted to, the honest estimate for new narratives — precision and "no negative at sterk" must hold; its
    // recall and form accuracy are printed and reported, not asserted (see docs/architecture.md).
    if (!IsBlind()) {
        EXPECT_GE(recall, kMinRecall);
        EXPECT_GE(form_accuracy, kMinFormAccuracy);
    }
    EXPECT_GE(precision, kMinPrecision);
    for (const std::string& id : negatives_at_sterk) ADD_FAILURE() << "negative " << id << " reaches sterk";
}

INSTANTIATE_TEST_SUITE_P(DataSets, SuggestionsQualityTest,
                         ::testing::Values("narratives.tsv", "narratives-dev.tsv", "narratives-train2.tsv",
                                           "narratives-blind.tsv"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             if (info.param == "narratives.tsv") return std::string{"Tuned"};
                             if (info.param == "narratives-dev.tsv") return std::string{"Dev"};
                             if (info.param == "narratives-train2.tsv") return std::string{"Train2"};
                             return std::string{"Blind"};
                         });

}  // namespace
}  // namespace meldroute::domain
