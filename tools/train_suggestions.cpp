// Trains the learned layer of the narrative suggestions (src/domain/suggestion_model.hpp) and writes its weights
// file. Usage (what `make train-suggestions` runs):
//
//   train_suggestions OUTPUT.tsv LABELLED.tsv... --select-on UNSEEN.tsv...
//
// 1. Reads the labelled narratives (tests/data/narratives*.tsv; the held-out blind13-16, blind18-22, blind24,
//    blind26, blind28 and blind31-34 and the rule-dev sets blind23, blind25, blind27, blind29 and blind30 are never passed). All of them are training data; those after --select-on are the sets the phrase patterns were not
//    tuned on.
// 2. Chooses the decision threshold by 5-fold cross-validation of the combined matcher (patterns and model) on the
//    --select-on narratives, where the patterns meet wording they have not seen as new text will (on the sets they
//    were tuned on they find nearly everything, and any model hit looks like noise): the threshold with the highest
//    recall whose precision there, less a margin for new text (two standard errors, at least 0.04), meets the
//    target 0.7, the higher threshold among equals. Recall is what the targets ask to raise (0.8) and precision a
//    floor (0.7): a signal the suggestions miss may be lost, a wrong suggestion the reporter ignores. Until 30
//    November it took the best F1 above that floor; F1 is nearly flat between 0.35 and 0.6, so that choice moved
//    between thresholds on a hair. When no threshold keeps the floor: the best F1 among all, and the weights file
//    says so. Never a threshold that brings a negative of any set to "sterk" that the patterns alone do not bring
//    there. The table goes to stderr.
// 3. Trains on all narratives and writes OUTPUT with a comment block naming the data and the figures.
// Deterministic: the same inputs give the same file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "domain/suggestion_training.hpp"

namespace {

using meldroute::domain::LabelledNarrative;
using meldroute::domain::QualityFigures;

constexpr int kFolds = 5;
// The precision target: a threshold whose cross-validated precision on the selected sets, less the margin of
// PrecisionLowerBound, falls below it is not chosen.
constexpr double kMinPrecision = 0.7;

bool ReadFile(const std::string& path, std::string& content) {
    std::ifstream input(path, std::ios::binary);
    if (!input) return false;
    std::ostringstream buffer;
    buffer << input.rdbuf();
    content = buffer.str();
    return true;
}

double F1(const QualityFigures& figures) {
    const double sum = figures.Precision() + figures.Recall();
    return sum == 0 ? 0 : 2 * figures.Precision() * figures.Recall() / sum;
}

std::string Describe(const QualityFigures& figures) {
    char line[160];
    std::snprintf(line, sizeof line, "precision %.3f recall %.3f form %.3f negatives at sterk %d (n=%d)",
                  figures.Precision(), figures.Recall(), figures.FormAccuracy(), figures.negatives_at_sterk,
                  figures.narratives);
    return line;
}

struct Narratives {
    std::vector<LabelledNarrative> all;
    std::vector<bool> select;  // from a --select-on set
};

QualityFigures Figures(const std::vector<meldroute::domain::NarrativeVerdict>& verdicts,
                       const std::vector<bool>* select) {
    QualityFigures figures;
    for (std::size_t index = 0; index < verdicts.size(); ++index) {
        if (select == nullptr || (*select)[index]) figures.Add(verdicts[index]);
    }
    return figures;
}

// A held-out set came out up to this much below the cross-validated precision while the threshold was chosen by F1
// (blind8 0.029 below it, blind7 0.018 and 0.020). At the lower threshold the recall rule chose on 30 November, blind8
// came out 0.054 below and blind9 0.002 above: on 60 narratives that is about one standard error (0.036). blind11 and
// blind12 then came out 0.076 and 0.092 below (main's matcher, first run: 0.045 below; one standard error 0.026 over
// both): the patterns themselves were built from the cross-validated sets' errors (patterns alone 0.771 there, 0.687
// on those two), and no threshold of the learned layer recovers that. Batches of 240 narratives run once before they
// were trained on came out 0.01-0.03 below (train18-21, train22-25), and blind11 and blind12 0.034 below at the end
// of that day's change, after rules from the cross-validated errors. That afternoon blind13 and blind14, with a model trained on
// 3,060 narratives at the threshold this margin then chose (0.35), came out 0.038 below (0.694 against 0.732): twice
// running the held-out sets fell more than 0.03 below, so the margin is 0.04.
constexpr double kNewTextMargin = 0.04;

// The cross-validated precision less a margin for new text: two standard errors, and at least kNewTextMargin. A
// threshold must meet the target with that margin, since a new set of narratives will not give exactly the
// cross-validated figure (with one standard error, 0.011, the chosen threshold once met the target by a hair).
double PrecisionLowerBound(const QualityFigures& figures) {
    const int suggested = figures.true_positives + figures.false_positives;
    if (suggested == 0) return 0;
    const double precision = figures.Precision();
    return precision - std::max(2 * std::sqrt(precision * (1 - precision) / suggested), kNewTextMargin);
}

// The threshold with the highest cross-validated recall on the selected narratives that keeps the precision floor,
// or the best F1 when none does (see the file comment). `floor_kept` tells which.
double ChooseThreshold(const Narratives& narratives, const meldroute::domain::TrainingOptions& options,
                       QualityFigures& chosen_figures, bool& floor_kept) {
    std::vector<double> thresholds;
    for (int step = 30; step <= 95; step += 5) thresholds.push_back(step / 100.0);
    thresholds.push_back(1.01);  // the patterns alone, last
    const auto verdicts = meldroute::domain::CrossValidate(narratives.all, options, kFolds, thresholds);
    // A threshold is refused when the model brings any negative to "sterk" that the patterns alone do not.
    const auto adds_sterk = [&](std::size_t index) {
        for (std::size_t narrative = 0; narrative < narratives.all.size(); ++narrative) {
            if (verdicts[index][narrative].negative_at_sterk && !verdicts.back()[narrative].negative_at_sterk) {
                return true;
            }
        }
        return false;
    };
    struct Candidate {
        double threshold = 1.01;
        double f1 = -1;
        QualityFigures figures;
    };
    Candidate with_floor;  // highest recall among those that keep the precision floor
    Candidate without_floor;  // best F1 among all
    for (std::size_t index = 0; index < thresholds.size(); ++index) {
        const QualityFigures all = Figures(verdicts[index], nullptr);
        const QualityFigures selected = Figures(verdicts[index], &narratives.select);
        std::fprintf(stderr, "threshold %.2f: all %s\n                 selected %s F1 %.3f\n", thresholds[index],
                     Describe(all).c_str(), Describe(selected).c_str(), F1(selected));
        if (adds_sterk(index)) continue;
        const Candidate candidate{thresholds[index], F1(selected), selected};
        if (candidate.f1 >= without_floor.f1) without_floor = candidate;
        const bool higher_recall = with_floor.f1 < 0 || selected.Recall() >= with_floor.figures.Recall();
        if (PrecisionLowerBound(selected) >= kMinPrecision && higher_recall) with_floor = candidate;
    }
    floor_kept = with_floor.f1 >= 0;
    const Candidate& chosen = floor_kept ? with_floor : without_floor;
    if (!floor_kept) std::fprintf(stderr, "no threshold keeps the precision floor: best F1 without it\n");
    chosen_figures = chosen.figures;
    return chosen.threshold;
}

std::string Header(const std::vector<std::string>& inputs, std::size_t narratives, double threshold,
                   const QualityFigures& figures, bool floor_kept) {
    std::string header =
        "# The learned layer of the narrative suggestions: per indicator an L2-regularised logistic regression over\n"
        "# the features of one sentence (u:STEM a word, b:STEM STEM two adjacent words, c:CONCEPT a word of a concept\n"
        "# list, \"!\" inside a negated scope; see src/domain/suggestion_model.hpp). Generated by "
        "tools/train_suggestions.cpp: do not edit, retrain with\n"
        "# `make train-suggestions`. Lines: threshold<TAB>p, bias<TAB>code<TAB>b, weights<TAB>feature<TAB>code=w<TAB>...\n"
        "# Trained on " +
        std::to_string(narratives) + " narratives:";
    for (const std::string& input : inputs) header += " " + input.substr(input.find_last_of('/') + 1);
    char threshold_text[16];
    std::snprintf(threshold_text, sizeof threshold_text, "%.2f", threshold);
    return header + "\n# Threshold " + threshold_text + ", chosen by " + std::to_string(kFolds) +
           "-fold cross-validation of patterns + model on the --select-on sets" +
           (floor_kept ? "" : " (no threshold kept the precision floor)") + ":\n#   " + Describe(figures) + "\n";
}

bool ReadNarratives(const std::string& path, bool select, Narratives& narratives) {
    std::string content;
    if (!ReadFile(path, content)) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return false;
    }
    const meldroute::domain::ParsedNarratives parsed = meldroute::domain::ParseLabelledNarratives(content);
    for (const std::string& error : parsed.errors) std::fprintf(stderr, "%s: %s\n", path.c_str(), error.c_str());
    narratives.all.insert(narratives.all.end(), parsed.narratives.begin(), parsed.narratives.end());
    narratives.select.insert(narratives.select.end(), parsed.narratives.size(), select);
    return parsed.errors.empty();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s OUTPUT.tsv LABELLED.tsv... --select-on UNSEEN.tsv...\n", argv[0]);
        return 2;
    }
    std::vector<std::string> inputs;
    Narratives narratives;
    bool select = false;
    for (int index = 2; index < argc; ++index) {
        const std::string argument = argv[index];
        if (argument == "--select-on") {
            select = true;
            continue;
        }
        if (!ReadNarratives(argument, select, narratives)) return 1;
        inputs.push_back(argument);
    }
    meldroute::domain::TrainingOptions options;
    QualityFigures figures;
    bool floor_kept = false;
    options.threshold = ChooseThreshold(narratives, options, figures, floor_kept);
    std::fprintf(stderr, "chosen threshold %.2f\n", options.threshold);
    const meldroute::domain::SuggestionModel model = meldroute::domain::TrainSuggestionModel(narratives.all, options);
    std::ofstream output(argv[1], std::ios::binary | std::ios::trunc);
    output << Header(inputs, narratives.all.size(), options.threshold, figures, floor_kept) << model.Serialize();
    if (!output) {
        std::fprintf(stderr, "cannot write %s\n", argv[1]);
        return 1;
    }
    std::fprintf(stderr, "wrote %s: %zu codes\n", argv[1], model.code_count());
    return 0;
}
