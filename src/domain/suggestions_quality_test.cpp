// Measured quality of the narrative suggestions against labelled sets of realistic Dutch narratives.
//
// The sets (tests/data/narratives*.tsv) hold narratives as municipal staff write them (front desk, enforcement, area
// team, truancy officer, debt counselling), each labelled from the text alone with the indicator codes a careful
// reader would tick and the form of exploitation that is strongest ("geen" for negatives). The labels are never
// changed to suit the matcher: when a target fails, the patterns in suggestions.cpp or the training are improved.
//
// How the labels were made (tests/data/labelling/). Each set was first labelled by its writer. On 30 November 2026
// every set was labelled a second time by someone who saw neither the first labels nor the matcher, and a third
// person decided each code the two disagreed on, without knowing who had ticked it or what the matcher says
// (`<set>.second.tsv`, `<set>.adjudication.tsv` with a reason per decision). The codes in the sets are these
// adjudicated labels: both labellers' common codes plus the disputed ones judged present (codes both shared were
// not re-examined). The two labellings named the same strongest form for 1,499 of the 1,500 narratives labelled
// then (blind2 C22: the writer's "arbeid" is kept), for 1,194 of the 1,200 written later that day (blind12,
// train16, train18, train24, train31 and train32 one each; the writer's form is kept), for 476 of the 480
// written that afternoon (blind14, train34, train38 and train39 one each) and for all 240 of blind15-18. The first labelling missed 0.7-23% of a set's adjudicated codes (blind6 23%,
// blind3 18%, blind7 0.7%), the second 0-4%. Over the ten older sets the first labelling held 2,129 codes, the
// second 2,315, the adjudicated one 2,329. SuggestionsData checks the sets against these records.
//
// The sets:
//   narratives (62), dev (32), train2 (124), hardneg (120: 90 negatives full of indicator words in innocent use,
//   30 positives): the phrase patterns and the rules for innocent uses were tuned on them;
//   blind (40), train3 (134), blind2 (48), blind3 (60), unseen4 (160), blind5 (60), blind6 (60), blind7 (60),
//   train10-15 (6 x 60), blind8-12, train16-43, blind17 (60 each): written by people who never saw the
//   matcher, the patterns not tuned on them (but they were read for error analysis: the begging-cup rule came from
//   misses in them, the own-business owner from negatives at sterk in train10-15, blind10 and train16, wages "via de
//   bank" and housing "in orde" from a blind7 negative at sterk, the interpreters' phone from train19's T19-28, the
//   agency's orderly housing from train25's T25-05, denied deductions from train35's T35-49, an owner named twice
//   and an employer outside the debt from blind17's B17-41 and B17-56, an age in brackets, "bijna" and an ordinary
//   working day from train42's T42-15 and T42-28, a day-care arrangement and a checked car-pool from cross-validated
//   negatives at sterk T33-31 and T43-28, fraud in the person's name from train40-43's criminal narratives read as
//   another form); blind2, blind3, unseen4, blind5-22, train16-43 were each measured while
//   nobody had read them
//   (docs/architecture.md);
//   blind23, blind25 (kRuleDevSets; 60 each, written like the held-out ones): run once while nobody had read them,
//   then read, and the rules of that night were made from their errors (an own document in hand, "niemand die",
//   looking well, times with a colon, the general debt kept beside a firmly read debt to the employer), narrowed
//   after two reviews; no model is trained on them (SuggestionsRuleDev); so are blind27, blind29 and blind30 (the
//   writer's own conclusion that nothing is wrong, studying late, exams and night feeds as causes of tiredness,
//   wages through a payroll office, a family's own business, informal pay and long days in other words; narrowed
//   after a review; blind30 was to be held out, but its first run brought two negatives to sterk);
//   blind13, blind14, blind15, blind16, blind18, blind19-22, blind24, blind26, blind28, blind31-34 (kHeldOutSets; 60 each: 14 arbeid,
//   10 seksueel, 10 crimineel, 26 negatives of which 19 hard), each written by one writer who read only the brief,
//   the policy and the catalog, labelled twice and adjudicated before any matcher ran on them, never trained on and
//   never read while changing the matcher.
// All sets but the held-out and rule-dev ones are training data of the learned layer (suggestion_model.hpp; `make
// train-suggestions`), so their own figures are in-sample; the estimates for new text are the 5-fold
// cross-validation (SuggestionsCrossValidation: each narrative judged by a model trained without it, reported over
// the sets the patterns were not tuned on) and the held-out sets (SuggestionsHeldOut).
//
// Measured (precision / recall / strongest-form accuracy) on 2 December, nothing of the matcher changed since:
//   blind31-34 (240; the library and community centres; city surveillance and parking enforcement; waste collection
//   and its subcontractors; childcare inspectors and school lunch staff), first run
//                                                    0.731 / 0.859 / 0.913, no negative at sterk (per set 0.750 /
//                                                    0.935 / 0.917, 0.724 / 0.719 / 0.917, 0.790 / 0.896 / 0.917,
//                                                    0.660 / 0.869 / 0.900)
//   all held-out sets (960)                         0.732 / 0.815 / 0.924, no negative at sterk
// Before, with the model trained on the adjudicated labels of
// the 3,360 (every weight of at least 0.1; threshold 0.45 chosen by cross-validation), since 1 December (blind28
// held out too; main before is b544d35, whose suggestions are those of 95a1937):
//   cross-validation, the 3,022 the patterns were not tuned on
//                                                    0.748 / 0.800 (0.79997) / 0.932, no negative at sterk (before
//                                                    0.746 / 0.799 / 0.931)
//   all held-out sets (720) now                     0.732 / 0.800 / 0.928, no negative at sterk (main before:
//                                                    0.731 / 0.801 / 0.928)
//     the 660 held out before                        0.737 / 0.803 / 0.927 (before 0.736 / 0.804 / 0.927)
//     blind28 (not read)                             0.676 / 0.769 / 0.933 (first run 0.667 / 0.769 / 0.933)
//   blind27, blind29, blind30 (180, rules made from them)
//                                                    0.673 / 0.793 / 0.900, no negative at sterk (before 0.646 /
//                                                    0.777 / 0.861, three at sterk)
//   blind27-30, first run (main at b544d35, before anything of that day)
//                                                    0.651 / 0.775 / 0.879, three negatives at sterk (B27-36, B30-21,
//                                                    B30-31: parents' own snack bar seven days a week, a volunteer
//                                                    tired from exams, a cook's cash tips beside wages via payroll)
// Before (blind24 and blind26 held out too, since the night of 30 November):
//   cross-validation, all 3,360                     0.748 / 0.810 / 0.933
//   cross-validation, the 3,022 the patterns were not tuned on
//                                                    0.746 / 0.799 / 0.931, no negative at sterk
//   all held-out sets (660) now                     0.736 / 0.804 / 0.927, no negative at sterk (main before:
//                                                    0.738 / 0.799 / 0.929)
//     blind13-16, blind18-22 (540)                   0.737 / 0.836 / 0.935 (before 0.739 / 0.832 / 0.937)
//     blind24, blind26 (120, not read)              0.731 / 0.688 / 0.892 (before 0.736 / 0.682 / 0.892)
//   blind23, blind25 (120, rules made from them)    0.698 / 0.727 / 0.917, no negative at sterk (before 0.688 /
//                                                    0.711 / 0.900, three at sterk)
//   blind23-26, first run (main at d46a0c1, before anything of that night)
//                                                    0.713 / 0.696 / 0.896, three negatives at sterk (B23-20, B25-22,
//                                                    B25-57: an own hair salon's long days, a beggar nobody sends, a
//                                                    lorry driver at rest with his own passport)
// Before (blind13-16 and blind18-22 held out, 3,360 trained on):
//   cross-validation, the 3,022 the patterns were not tuned on
//                                                    0.748 / 0.797 / 0.931, no negative at sterk
//   all held-out sets (540)                         0.739 / 0.832 / 0.937, no negative at sterk
//     blind13-16, blind18 (300)                      0.745 / 0.844 / 0.967
//     blind19-22 (240)                               0.731 / 0.816 / 0.900
//     (before two reviews' fixes of that evening: 0.739 / 0.833 / 0.933; before the fraud rule 0.739 / 0.832 /
//     0.931, blind19-22 0.729 / 0.820 / 0.896)
//   blind19-22, first run (main at f308f54, before anything of this change)
//                                                    0.718 / 0.809 / 0.896, no negative at sterk
// Before (blind13-16 and blind18 held out, 3,120 trained on):
//   cross-validation, the 2,782 the patterns were not tuned on
//                                                    0.750 / 0.798 / 0.932, no negative at sterk
//   all held-out sets (300)                         0.744 / 0.848 / 0.970, no negative at sterk
//                                                    (blind15, blind16, blind18: 0.767 / 0.853 / 0.978)
//   train40-43 (240), first run (then read for T42-15 and T42-28, and trained on)
//                                                    0.707 / 0.800 / 0.904, one negative at sterk (T42-15)
//   blind15-18 (240), first run at 01147cc with a review's fixes (then blind17's two negatives at sterk were read)
//                                                    0.741 / 0.847 / 0.950, two negatives at sterk
//   blind13 + blind14 now                           0.714 / 0.842 / 0.958, no negative at sterk
//                                                    (at 01147cc 0.704 / 0.842 / 0.967; at 0.35, the threshold the
//                                                    chooser took before its margin rose to 0.04 on this figure:
//                                                    0.694 / 0.853 / 0.967)
//   blind13 + blind14, first run, main's matcher before this change (9572374, trained on 2,580)
//                                                    0.695 / 0.846 / 0.958, no negative at sterk
//   train34-39 (360), first run, the same matcher    0.722 / 0.808 / 0.933, one negative at sterk (T35-49)
// Before (blind11 and blind12 held out, 2,580 trained on):
//   cross-validation, the 2,242 the patterns were not tuned on
//                                                    0.747 / 0.794 / 0.929
//   blind11 + blind12 at the end                    0.713 / 0.776 / 0.933, no negative at sterk
//   blind11 + blind12, first run, main's matcher before that change (f57a283, trained on 1,320)
//                                                    0.690 / 0.721 / 0.867, no negative at sterk
//   batches of 240, each run once before they were trained on or read:
//     train30-33   main 0.698 / 0.743 / 0.887 (two negatives at sterk); 3cfa0e2 0.744 / 0.796 / 0.938 (one)
//     train26-29   main 0.720 / 0.714 / 0.887 (one); 4665ba6 0.746 / 0.768 / 0.917 (none)
//     train22-25   main 0.694 / 0.756 / 0.887; 28ef38d with the learned-core rule 0.718 / 0.761 / 0.917
//     train18-21   main 0.708 / 0.753 / 0.921; 12416f3 with the rules of 11:30 0.738 / 0.765 / 0.925
// Then precision and form met their targets on new text and recall missed 0.8 by 0.004-0.03; since the afternoon
// of 30 November all four are met over all the held-out sets, cross-validated recall is 0.002-0.004 short, a batch's
// first run can still bring a negative to sterk (blind15-18: two of 104) and a batch's form accuracy can fall just
// under 0.9 (blind19-22's first run: 0.896). The cross-validated figures flatter precision by up to 0.04: the patterns
// were built from those sets' errors. blind23-26, in four new voices with denser labels, were the first batch since
// blind11-12 whose first run missed recall widely (0.696) and the first since blind15-18 to bring negatives to sterk;
// over all 660 held-out narratives all four targets are met, on blind24 and blind26 alone recall (0.688) is not.
// blind27-30 (four more voices, labels less dense) missed precision on their first run (0.651) and brought three
// negatives to sterk; over all 720 held-out narratives precision, recall (0.8005) and form are met, recall on
// blind24, blind26 and blind28 together is 0.710. blind31-34 (four more voices) met all four on their first run
// (0.731 / 0.859 / 0.913), blind32 alone not recall (0.719) and blind34 alone not precision (0.660); over all 960
// held-out narratives all four are met.
// Earlier held-out sets, each at its own first run: blind10 0.684 / 0.692 / 0.850 (one negative at sterk, B10-16,
// an owner named after a colon), blind9 0.720 / 0.766 / 0.883, blind8 0.721 / 0.706 / 0.850, blind7 0.687 / 0.752
// / 0.833, blind6 0.514 / 0.784 / 0.800 (first labels).
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

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
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
const std::vector<std::string> kPatternTunedSets = {"narratives.tsv", "narratives-dev.tsv", "narratives-train2.tsv",
                                                    "narratives-hardneg.tsv"};
const std::vector<std::string> kPatternUnseenSets = {
    "narratives-blind.tsv",   "narratives-train3.tsv",  "narratives-blind2.tsv",  "narratives-blind3.tsv",
    "narratives-unseen4.tsv", "narratives-blind5.tsv",  "narratives-blind6.tsv",  "narratives-train10.tsv",
    "narratives-train11.tsv", "narratives-train12.tsv", "narratives-train13.tsv", "narratives-train14.tsv",
    "narratives-train15.tsv", "narratives-blind7.tsv",  "narratives-blind8.tsv",  "narratives-blind9.tsv",
    "narratives-blind10.tsv", "narratives-train16.tsv", "narratives-train17.tsv", "narratives-train18.tsv",
    "narratives-train19.tsv", "narratives-train20.tsv", "narratives-train21.tsv", "narratives-train22.tsv",
    "narratives-train23.tsv", "narratives-train24.tsv", "narratives-train25.tsv", "narratives-train26.tsv",
    "narratives-train27.tsv", "narratives-train28.tsv", "narratives-train29.tsv", "narratives-train30.tsv",
    "narratives-train31.tsv", "narratives-train32.tsv", "narratives-train33.tsv", "narratives-blind11.tsv",
    "narratives-blind12.tsv", "narratives-train34.tsv", "narratives-train35.tsv", "narratives-train36.tsv",
    "narratives-train37.tsv", "narratives-train38.tsv", "narratives-train39.tsv", "narratives-blind17.tsv",
    "narratives-train40.tsv", "narratives-train41.tsv", "narratives-train42.tsv", "narratives-train43.tsv"};

// The sets rules were made from but no model is trained on (SuggestionsRuleDev): trained on, they brought a held-out
// negative to sterk and lowered held-out precision and recall (docs/architecture.md).
const std::vector<std::string> kRuleDevSets = {"narratives-blind23.tsv", "narratives-blind25.tsv",
                                               "narratives-blind27.tsv", "narratives-blind29.tsv",
                                               "narratives-blind30.tsv"};

// The sets no model is trained on and no rule was made from (SuggestionsHeldOut).
const std::vector<std::string> kHeldOutSets = {"narratives-blind13.tsv", "narratives-blind14.tsv",
                                               "narratives-blind15.tsv", "narratives-blind16.tsv",
                                               "narratives-blind18.tsv", "narratives-blind19.tsv",
                                               "narratives-blind20.tsv", "narratives-blind21.tsv",
                                               "narratives-blind22.tsv", "narratives-blind24.tsv",
                                               "narratives-blind26.tsv", "narratives-blind28.tsv",
                                               "narratives-blind31.tsv", "narratives-blind32.tsv",
                                               "narratives-blind33.tsv", "narratives-blind34.tsv"};

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

// Narratives whose labels point to another form than the one their writer named: a boy forced to tend a cannabis
// farm is criminal exploitation, but the facts the text gives are mostly the labour list's (dangerous work, no
// freedom to leave; the adjudication added ARB-01 and ARB-14 beside the writer's CRI-06). Their labels must still
// hold a code of the named form's list.
const std::set<std::string> kLabelsPointElsewhere = {"narratives-dev.tsv:H17"};

// Negatives whose own labels pass "zwak": facts of a list stated plainly, with no exploitation in the narrative. Both
// labellings ticked them and named no form; the labels stand as made. B31-23: a rejected asylum seeker who does not
// work, sleeps in the church's night shelter and fears deportation (ARB-08 illegal stay, ARB-09 fear of deportation:
// "aanwezig" for labour by the indication rules, which a person then weighs). Its text was read when the data check
// failed on it, not the matcher's output on it. JudgeSuggestions counts its form right only while the suggestions
// stay at "zwak", so finding both of its facts counts against the strongest-form figure.
const std::set<std::string> kNegativesWithStatedFacts = {"narratives-blind31.tsv:B31-23"};

// The first five sets, each on its own: the three the patterns were tuned on (tuned, dev, train2) and two they never
// saw (blind, train3). All five are training data of the learned layer, so these figures are in-sample.
class SuggestionsQualityTest : public ::testing::TestWithParam<std::string> {
protected:
    // Sets where only precision and "no negative at sterk" are asserted: text the patterns were not tuned on.
    bool IsPatternUnseen() const {
        return GetParam() == "narratives-blind.tsv" || GetParam() == "narratives-train3.tsv";
    }
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
        } else if (kLabelsPointElsewhere.contains(GetParam() + ":" + narrative.id)) {
            EXPECT_TRUE(std::any_of(narrative.codes.begin(), narrative.codes.end(), [&](const std::string& code) {
                const Indicator* indicator = FindIndicator(code);
                return indicator != nullptr && indicator->category == narrative.expected_form;
            })) << "no code of the form " << narrative.expected_form;
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

// Every labelled set, including those not checked one by one above: known, unique codes; no negative whose own
// labels reach beyond "zwak" (a negative may carry a fact its text states in an innocent setting, e.g. long days of
// one's own bakery); and the labels agree with the records of how they were made (tests/data/labelling/): a code of
// the second labelling is in the labels unless the adjudication said "nee", a label is in the second labelling
// unless the adjudication said "ja", and every adjudicated code is labelled exactly when the decision is "ja".
TEST(SuggestionsData, EverySetIsWellFormedAndMatchesItsLabellingRecords) {
    const auto read_rows = [](const std::string& path, const std::string& header) {
        std::ifstream input(path, std::ios::binary);
        EXPECT_TRUE(input) << "cannot open " << path;
        const std::string text{std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
        bool header_ok = false;
        std::vector<std::vector<std::string>> rows;  // copied out of `text`
        for (const TsvRow& row : SplitTsv(text, header, header_ok)) {
            rows.emplace_back(row.fields.begin(), row.fields.end());
        }
        EXPECT_TRUE(header_ok) << path;
        return rows;
    };
    const auto split_codes = [](const std::string& field) {
        const std::vector<std::string> codes = ParseCodeList(field);
        return std::set<std::string>(codes.begin(), codes.end());
    };
    std::vector<std::string> sets = kPatternTunedSets;
    sets.insert(sets.end(), kPatternUnseenSets.begin(), kPatternUnseenSets.end());
    sets.insert(sets.end(), kRuleDevSets.begin(), kRuleDevSets.end());  // SuggestionsRuleDev
    sets.insert(sets.end(), kHeldOutSets.begin(), kHeldOutSets.end());  // SuggestionsHeldOut
    ASSERT_EQ(sets.size(), 73u);
    std::set<std::string> listed_found;  // the entries of kNegativesWithStatedFacts met in the sets
    for (const std::string& file : sets) {
        SCOPED_TRACE(file);
        const std::vector<LabelledNarrative>& narratives = Narratives(file);
        ASSERT_GE(narratives.size(), 32u);
        std::map<std::string, std::set<std::string>> labels;
        for (const LabelledNarrative& narrative : narratives) {
            SCOPED_TRACE(narrative.id);
            std::set<std::string> codes(narrative.codes.begin(), narrative.codes.end());
            EXPECT_EQ(codes.size(), narrative.codes.size()) << "duplicate code";
            for (const std::string& code : codes) EXPECT_NE(FindIndicator(code), nullptr) << code;
            EXPECT_TRUE(labels.emplace(narrative.id, codes).second) << "duplicate id";
            if (narrative.expected_form == "geen") {
                Level highest = Level::kGeen;
                for (const FormIndication& form : ComputeIndication(narrative.codes).forms) {
                    highest = std::max(highest, form.level);
                }
                if (kNegativesWithStatedFacts.contains(file + ":" + narrative.id)) {
                    listed_found.insert(file + ":" + narrative.id);
                    EXPECT_GT(highest, Level::kZwak) << "listed as passing zwak, but its labels do not";
                } else {
                    EXPECT_LE(highest, Level::kZwak) << "a negative's own labels reach " << ToString(highest);
                }
            }
        }
        const std::string base = DataPath("labelling/" + file.substr(0, file.size() - 4));
        std::map<std::pair<std::string, std::string>, std::string> decided;
        for (const std::vector<std::string>& row : read_rows(base + ".adjudication.tsv", "id\tcode\tdecision\treason")) {
            ASSERT_GE(row.size(), 3u);
            EXPECT_TRUE(row[2] == "ja" || row[2] == "nee") << row[0] << " " << row[1] << ": " << row[2];
            ASSERT_TRUE(labels.contains(row[0])) << "adjudication of unknown id " << row[0];
            EXPECT_EQ(labels[row[0]].contains(row[1]), row[2] == "ja") << row[0] << " " << row[1];
            decided[{row[0], row[1]}] = row[2];
        }
        const std::vector<std::vector<std::string>> second =
            read_rows(base + ".second.tsv", "id\texpected_form\tcodes");
        std::map<std::string, std::set<std::string>> second_codes;
        for (const std::vector<std::string>& row : second) {
            ASSERT_GE(row.size(), 2u);
            EXPECT_TRUE(second_codes.emplace(row[0], split_codes(row.size() > 2 ? row[2] : "")).second) << row[0];
        }
        for (const auto& [id, codes] : labels) EXPECT_TRUE(second_codes.contains(id)) << "not labelled twice: " << id;
        // Where the first labelling is kept beside the set (blind7-12, train10-17), the whole rule: the labels are
        // the codes both labellings share plus the disputed ones judged "ja", and exactly the disputed codes were
        // decided.
        if (std::ifstream(base + ".first.tsv")) {
            std::set<std::pair<std::string, std::string>> disputed;
            for (const std::vector<std::string>& row : read_rows(base + ".first.tsv", "id\texpected_form\tcodes")) {
                ASSERT_GE(row.size(), 2u);
                const std::set<std::string> first = split_codes(row.size() > 2 ? row[2] : "");
                const std::set<std::string>& other = second_codes[row[0]];
                std::set<std::string> expected;
                for (const std::string& code : first) {
                    if (other.contains(code)) expected.insert(code);
                }
                for (const std::set<std::string>* side : {&first, &other}) {
                    for (const std::string& code : *side) {
                        if (first.contains(code) != other.contains(code)) {
                            disputed.insert({row[0], code});
                            if (decided[std::make_pair(row[0], code)] == "ja") expected.insert(code);
                        }
                    }
                }
                EXPECT_EQ(labels[row[0]], expected) << row[0];
            }
            std::set<std::pair<std::string, std::string>> decided_keys;
            for (const auto& [key, decision] : decided) {
                if (!decision.empty()) decided_keys.insert(key);
            }
            EXPECT_EQ(decided_keys, disputed);
        }
        for (const std::vector<std::string>& row : second) {
            const std::set<std::string> codes = split_codes(row.size() > 2 ? row[2] : "");
            for (const std::string& code : codes) {
                if (!labels[row[0]].contains(code)) {
                    EXPECT_EQ(decided[std::make_pair(row[0], code)], "nee") << row[0] << " " << code;
                }
            }
            for (const std::string& code : labels[row[0]]) {
                if (!codes.contains(code)) {
                    EXPECT_EQ(decided[std::make_pair(row[0], code)], "ja") << row[0] << " " << code;
                }
            }
        }
    }
    EXPECT_EQ(listed_found, kNegativesWithStatedFacts) << "an entry of kNegativesWithStatedFacts names no narrative";
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
    if (!targets_met || std::getenv("MELDROUTE_QUALITY_VERBOSE") != nullptr) {
        std::printf("suggestions: per-item differences (labels vs. suggestions):\n");
        for (const std::string& line : diagnostics) std::printf("  %s\n", line.c_str());
    }

    // On the tuned, dev and train2 sets the targets hold. On the sets the patterns were not tuned on
    // (blind, train3) precision and "no negative at sterk" must hold; recall and form accuracy are printed and
    // reported, not asserted: the cross-validation and the held-out sets below are the estimates for new text.
    if (!IsPatternUnseen()) {
        EXPECT_GE(figures.Recall(), kMinRecall);
        EXPECT_GE(figures.FormAccuracy(), kMinFormAccuracy);
    }
    EXPECT_GE(figures.Precision(), kMinPrecision);
}

// k-fold cross-validation of the combined matcher: each narrative judged by a model trained without it, with the
// built-in model's settings and threshold. The patterns were tuned on four of the sets, so the figures over all
// sets flatter them; those over the sets the patterns never saw (kPatternUnseenSets) estimate new text, printed
// beside the patterns alone.
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
    PrintFigures(std::to_string(kFolds) + "-fold cross-validation, sets the patterns never saw", combined_unseen);
    PrintFigures("patterns alone, sets the patterns never saw", patterns_unseen);

    EXPECT_GE(combined.Precision(), kMinPrecision);
    EXPECT_GE(combined_unseen.Precision(), kMinPrecision);
    EXPECT_GT(combined_unseen.Recall(), patterns_unseen.Recall()) << "the learned layer must add what patterns miss";
}

// Judges each of the sets with the built-in model, and with the patterns alone, failing on any negative that reaches
// "sterk"; prints each set's figures (`label` after its name) and theirs together (`all`), and returns each set's
// {combined, patterns alone}.
std::vector<std::pair<QualityFigures, QualityFigures>> JudgeSets(const std::vector<std::string>& files,
                                                                 const std::string& label, const std::string& all) {
    std::vector<std::pair<QualityFigures, QualityFigures>> figures;
    QualityFigures all_combined;
    for (const std::string& file : files) {
        SCOPED_TRACE(file);
        const std::vector<LabelledNarrative>& narratives = Narratives(file);
        EXPECT_EQ(narratives.size(), 60u);
        auto& [combined, patterns] = figures.emplace_back();
        for (const LabelledNarrative& narrative : narratives) {
            const NarrativeVerdict verdict = JudgeSuggestions(narrative, SuggestIndicators(narrative.text));
            if (verdict.negative_at_sterk) ADD_FAILURE() << "negative " << narrative.id << " reaches sterk";
            combined.Add(verdict);
            all_combined.Add(verdict);
            patterns.Add(JudgeSuggestions(narrative, SuggestIndicators(narrative.text, nullptr)));
        }
        PrintFigures(file + ", " + label, combined);
        PrintFigures(file + ", " + label + ", patterns alone", patterns);
    }
    PrintFigures(all, all_combined);
    return figures;
}

// The sets no model was trained on and no pattern tuned on (kHeldOutSets): their figures are printed, each and together,
// beside the patterns alone. The learned layer must add recall there
// and no negative may reach "sterk"; precision, recall and form accuracy are not asserted (a held-out set that is
// asserted becomes a set to tune on).
TEST(SuggestionsHeldOut, LearnedLayerAddsRecallOnTheSetsNeverTrainedOn) {
    const auto figures = JudgeSets(kHeldOutSets, "held out", "all held-out sets");
    for (std::size_t index = 0; index < figures.size(); ++index) {
        EXPECT_GT(figures[index].first.Recall(), figures[index].second.Recall()) << kHeldOutSets[index];
    }
}

// The sets the rules were last made from, no model trained on them (kRuleDevSets): their figures are printed; no
// negative may reach "sterk" (the rules made from them are meant to keep it so).
TEST(SuggestionsRuleDev, NoNegativeReachesSterkOnTheSetsRulesWereMadeFrom) {
    EXPECT_EQ(JudgeSets(kRuleDevSets, "rules made from it, not trained on", "all rule-dev sets").size(),
              kRuleDevSets.size());
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
