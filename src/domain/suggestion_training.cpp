#include "domain/suggestion_training.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <map>
#include <mutex>
#include <random>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

#include "base/text.hpp"

namespace meldroute::domain {

namespace {

std::string Trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \r");
    if (first == std::string_view::npos) return "";
    const auto last = text.find_last_not_of(" \r");
    return std::string(text.substr(first, last - first + 1));
}

// ---------------------------------------------------------------------------------------------------------------
// Training data as the model sees it: feature ids per sentence.
// ---------------------------------------------------------------------------------------------------------------

struct EncodedNarrative {
    std::vector<std::vector<int>> sentences;      // feature ids per sentence
    std::set<std::string> codes;                  // canonical labels
    std::map<std::string, int> pattern_sentence;  // canonical code -> sentence of the patterns' evidence
};

struct Vocabulary {
    std::vector<std::string> names;
    std::unordered_map<std::string, int> ids;
};

// The sentence (index into `sentences`) holding byte `offset` of the text, or -1.
int SentenceAt(const std::vector<Token>& tokens, const std::vector<SentenceFeatures>& sentences, std::size_t offset) {
    for (std::size_t index = 0; index < sentences.size(); ++index) {
        if (offset >= tokens[sentences[index].first].begin && offset < tokens[sentences[index].last].end) {
            return static_cast<int>(index);
        }
    }
    return -1;
}

// Features seen in at least `min_narratives` narratives get an id.
Vocabulary BuildVocabulary(const std::vector<std::vector<SentenceFeatures>>& features, int min_narratives) {
    std::map<std::string, int> narratives_with;
    for (const std::vector<SentenceFeatures>& narrative : features) {
        std::set<std::string> seen;
        for (const SentenceFeatures& sentence : narrative) {
            for (const Feature& feature : sentence.features) seen.insert(feature.name);
        }
        for (const std::string& name : seen) ++narratives_with[name];
    }
    Vocabulary vocabulary;
    for (const auto& [name, count] : narratives_with) {
        if (count < min_narratives) continue;
        vocabulary.ids.emplace(name, static_cast<int>(vocabulary.names.size()));
        vocabulary.names.push_back(name);
    }
    return vocabulary;
}

std::vector<EncodedNarrative> Encode(const std::vector<LabelledNarrative>& narratives, int min_feature_narratives,
                                     Vocabulary& vocabulary) {
    std::vector<std::vector<Token>> tokens;
    std::vector<std::vector<SentenceFeatures>> features;
    for (const LabelledNarrative& narrative : narratives) {
        tokens.push_back(Tokenize(narrative.text));
        features.push_back(ExtractSentenceFeatures(tokens.back()));
    }
    vocabulary = BuildVocabulary(features, min_feature_narratives);
    std::vector<EncodedNarrative> encoded(narratives.size());
    for (std::size_t index = 0; index < narratives.size(); ++index) {
        EncodedNarrative& narrative = encoded[index];
        narrative.codes = CanonicalCodes(narratives[index].codes);
        for (const SentenceFeatures& sentence : features[index]) {
            std::vector<int> ids;
            for (const Feature& feature : sentence.features) {
                const auto found = vocabulary.ids.find(feature.name);
                if (found != vocabulary.ids.end()) ids.push_back(found->second);
            }
            narrative.sentences.push_back(std::move(ids));
        }
        for (const Suggestion& suggestion : SuggestIndicators(narratives[index].text, nullptr)) {
            const std::size_t offset = narratives[index].text.find(suggestion.evidence);
            const int sentence = offset == std::string::npos ? -1 : SentenceAt(tokens[index], features[index], offset);
            if (sentence >= 0) narrative.pattern_sentence.emplace(CanonicalCode(suggestion.code), sentence);
        }
    }
    return encoded;
}

// ---------------------------------------------------------------------------------------------------------------
// One code's logistic regression over sentences.
// ---------------------------------------------------------------------------------------------------------------

struct Instance {
    const std::vector<int>* features;
    double label;   // 1 or 0
    double weight;  // how much the instance counts
};

struct LinearModel {
    std::vector<double> weights;
    double bias = 0;

    double Sum(const std::vector<int>& features) const {
        double sum = bias;
        for (const int feature : features) sum += weights[static_cast<std::size_t>(feature)];
        return sum;
    }
};

// AdaGrad SGD on the weighted log loss; the L2 penalty is applied to the weights an instance touches. A feature
// not `may_speak_for` the code keeps a weight of at most 0.
void Fit(const std::vector<Instance>& instances, const TrainingOptions& options, const std::vector<bool>& may_speak_for,
         LinearModel& model) {
    std::vector<double> squared(model.weights.size(), 1e-8);
    double bias_squared = 1e-8;
    std::vector<std::size_t> order(instances.size());
    for (std::size_t index = 0; index < order.size(); ++index) order[index] = index;
    // A fixed generator and our own Fisher-Yates shuffle: the same order on every platform.
    std::mt19937 generator(20261129);
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        for (std::size_t index = order.size(); index > 1; --index) {
            std::swap(order[index - 1], order[generator() % index]);
        }
        for (const std::size_t position : order) {
            const Instance& instance = instances[position];
            const double probability = 1.0 / (1.0 + std::exp(-model.Sum(*instance.features)));
            const double gradient = (probability - instance.label) * instance.weight;
            for (const int feature : *instance.features) {
                const auto index = static_cast<std::size_t>(feature);
                const double step = gradient + options.l2 * model.weights[index];
                squared[index] += step * step;
                model.weights[index] -= options.learning_rate * step / std::sqrt(squared[index]);
                if (!may_speak_for[index]) model.weights[index] = std::min(model.weights[index], 0.0);
            }
            bias_squared += gradient * gradient;
            model.bias -= options.learning_rate * gradient / std::sqrt(bias_squared);
        }
    }
}

// The sentence of a narrative the model scores highest (the first among equals).
int BestSentence(const EncodedNarrative& narrative, const LinearModel& model) {
    int best = 0;
    double best_sum = -1e300;
    for (std::size_t index = 0; index < narrative.sentences.size(); ++index) {
        const double sum = model.Sum(narrative.sentences[index]);
        if (sum > best_sum) {
            best_sum = sum;
            best = static_cast<int>(index);
        }
    }
    return best;
}

// The positive instances of one round: per labelled narrative its chosen sentence, or in the first round without
// pattern evidence all its sentences sharing the weight.
void AddPositives(const std::vector<EncodedNarrative>& narratives, const std::string& code, const LinearModel* model,
                  const TrainingOptions& options, std::vector<Instance>& instances) {
    for (const EncodedNarrative& narrative : narratives) {
        if (!narrative.codes.contains(code) || narrative.sentences.empty()) continue;
        const auto pattern = narrative.pattern_sentence.find(code);
        if (model != nullptr || pattern != narrative.pattern_sentence.end()) {
            const int sentence = model != nullptr ? BestSentence(narrative, *model) : pattern->second;
            instances.push_back(
                Instance{&narrative.sentences[static_cast<std::size_t>(sentence)], 1.0, options.positive_weight});
            continue;
        }
        const double share = options.positive_weight / static_cast<double>(narrative.sentences.size());
        for (const std::vector<int>& sentence : narrative.sentences)
            instances.push_back(Instance{&sentence, 1.0, share});
    }
}

LinearModel TrainCode(const std::vector<EncodedNarrative>& narratives, const std::string& code,
                      std::size_t feature_count, const TrainingOptions& options) {
    std::vector<Instance> negatives;
    for (const EncodedNarrative& narrative : narratives) {
        if (narrative.codes.contains(code)) continue;
        for (const std::vector<int>& sentence : narrative.sentences) negatives.push_back(Instance{&sentence, 0.0, 1.0});
    }
    // A feature of a single labelled narrative is that narrative's wording, not the code's: "Drugs gebruikt ze niet"
    // beside a control she may not go to taught ALG-11 to a negated drug word.
    std::vector<int> positives_with(feature_count, 0);
    for (const EncodedNarrative& narrative : narratives) {
        if (!narrative.codes.contains(code)) continue;
        std::set<int> seen;
        for (const std::vector<int>& sentence : narrative.sentences) seen.insert(sentence.begin(), sentence.end());
        for (const int feature : seen) ++positives_with[static_cast<std::size_t>(feature)];
    }
    std::vector<bool> may_speak_for(feature_count);
    for (std::size_t feature = 0; feature < feature_count; ++feature)
        may_speak_for[feature] = positives_with[feature] >= options.min_feature_positives;
    LinearModel model;
    model.weights.assign(feature_count, 0.0);
    for (int round = 0; round < options.rounds; ++round) {
        std::vector<Instance> instances = negatives;
        AddPositives(narratives, code, round == 0 ? nullptr : &model, options, instances);
        Fit(instances, options, may_speak_for, model);
    }
    return model;
}

// Writes the weights of one code that weigh at least options.min_weight into the model.
void Store(const std::string& code, const LinearModel& linear, const Vocabulary& vocabulary,
           const TrainingOptions& options, SuggestionModel& model) {
    model.SetBias(code, linear.bias);
    for (std::size_t index = 0; index < linear.weights.size(); ++index) {
        if (std::abs(linear.weights[index]) >= options.min_weight)
            model.SetWeight(code, vocabulary.names[index], linear.weights[index]);
    }
}

}  // namespace

std::vector<TsvRow> SplitTsv(std::string_view text, std::string_view header, bool& header_ok) {
    std::vector<TsvRow> rows;
    header_ok = false;
    int line_number = 0;
    for (std::string_view line : SplitFields(text, '\n')) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line_number == 1) {
            header_ok = line == header;
            continue;
        }
        if (Trim(line).empty()) continue;
        rows.push_back(TsvRow{line_number, SplitFields(line, '\t')});
    }
    return rows;
}

std::vector<std::string> ParseCodeList(std::string_view field) {
    std::vector<std::string> codes;
    for (std::string_view code : SplitFields(field, ',')) {
        std::string trimmed = Trim(code);
        if (!trimmed.empty()) codes.push_back(std::move(trimmed));
    }
    return codes;
}

ParsedNarratives ParseLabelledNarratives(std::string_view text) {
    ParsedNarratives parsed;
    bool header_ok = false;
    const std::vector<TsvRow> rows = SplitTsv(text, "id\texpected_form\tcodes\tnarrative", header_ok);
    if (!header_ok) parsed.errors.push_back("line 1: unexpected header");
    for (const TsvRow& row : rows) {
        if (row.fields.size() != 4) {
            parsed.errors.push_back("line " + std::to_string(row.line) + ": expected 4 tab-separated fields, got " +
                                    std::to_string(row.fields.size()));
            continue;
        }
        LabelledNarrative narrative;
        narrative.line = row.line;
        narrative.id = Trim(row.fields[0]);
        narrative.expected_form = Trim(row.fields[1]);
        narrative.codes = ParseCodeList(row.fields[2]);
        narrative.text = std::string(row.fields[3]);
        parsed.narratives.push_back(std::move(narrative));
    }
    return parsed;
}

std::string CanonicalCode(std::string_view code) {
    if (code == "ARB-04") return "ALG-01";
    if (code == "CRI-08") return "SEK-10";
    return std::string(code);
}

std::set<std::string> CanonicalCodes(const std::vector<std::string>& codes) {
    std::set<std::string> canonical;
    for (const std::string& code : codes) canonical.insert(CanonicalCode(code));
    return canonical;
}

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

NarrativeVerdict JudgeSuggestions(const LabelledNarrative& narrative, const std::vector<Suggestion>& suggestions) {
    std::vector<std::string> suggested_codes;
    for (const Suggestion& suggestion : suggestions) suggested_codes.push_back(suggestion.code);
    const std::set<std::string> expected = CanonicalCodes(narrative.codes);
    const std::set<std::string> suggested = CanonicalCodes(suggested_codes);
    NarrativeVerdict verdict;
    for (const std::string& code : expected) {
        if (suggested.contains(code)) {
            ++verdict.true_positives;
        } else {
            verdict.missed.insert(code);
        }
    }
    for (const std::string& code : suggested) {
        if (!expected.contains(code)) verdict.extra.insert(code);
    }
    const Indication indication = ComputeIndication(suggested_codes);
    Level highest = Level::kGeen;
    for (const FormIndication& form : indication.forms) highest = std::max(highest, form.level);
    verdict.strongest = StrongestForm(indication);
    const bool negative = narrative.expected_form == "geen";
    verdict.form_right = negative ? highest <= Level::kZwak : verdict.strongest == narrative.expected_form;
    verdict.negative_at_sterk = negative && highest == Level::kSterk;
    return verdict;
}

void QualityFigures::Add(const NarrativeVerdict& verdict) {
    true_positives += verdict.true_positives;
    false_positives += static_cast<int>(verdict.extra.size());
    false_negatives += static_cast<int>(verdict.missed.size());
    forms_right += verdict.form_right ? 1 : 0;
    negatives_at_sterk += verdict.negative_at_sterk ? 1 : 0;
    ++narratives;
}

double QualityFigures::Precision() const {
    const int suggested = true_positives + false_positives;
    return suggested == 0 ? 0.0 : static_cast<double>(true_positives) / suggested;
}

double QualityFigures::Recall() const {
    const int labelled = true_positives + false_negatives;
    return labelled == 0 ? 0.0 : static_cast<double>(true_positives) / labelled;
}

double QualityFigures::FormAccuracy() const {
    return narratives == 0 ? 0.0 : static_cast<double>(forms_right) / narratives;
}

SuggestionModel TrainSuggestionModel(const std::vector<LabelledNarrative>& narratives, const TrainingOptions& options) {
    Vocabulary vocabulary;
    const std::vector<EncodedNarrative> encoded = Encode(narratives, options.min_feature_narratives, vocabulary);
    std::map<std::string, int> positives;
    for (const EncodedNarrative& narrative : encoded) {
        for (const std::string& code : narrative.codes) ++positives[code];
    }
    std::vector<std::string> codes;
    for (const auto& [code, count] : positives) {
        if (count >= options.min_positive_narratives) codes.push_back(code);
    }
    // Each code's regression only reads what all share (the encoding, the options) and writes only its own model,
    // so the codes are shared out over up to 16 threads; they are stored in code order, so the result is the same
    // as one by one. A failure in any thread stops the handing out and is thrown here once all have stopped.
    std::vector<LinearModel> fitted(codes.size());
    std::atomic<std::size_t> next_code{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    const auto fit_codes = [&] {
        try {
            for (std::size_t index = next_code++; index < codes.size(); index = next_code++)
                fitted[index] = TrainCode(encoded, codes[index], vocabulary.names.size(), options);
        } catch (...) {
            next_code = codes.size();
            const std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
        }
    };
    {
        const unsigned helpers = std::min<unsigned>(std::thread::hardware_concurrency(), 16);
        std::vector<std::jthread> threads;
        for (unsigned helper = 1; helper < helpers; ++helper) {
            try {
                threads.emplace_back(fit_codes);
            } catch (const std::system_error&) {
                break;  // no more threads to be had: the ones there are, this one included, do the rest
            }
        }
        fit_codes();
    }
    if (failure) std::rethrow_exception(failure);
    SuggestionModel model;
    model.set_threshold(options.threshold);
    for (std::size_t index = 0; index < codes.size(); ++index)
        Store(codes[index], fitted[index], vocabulary, options, model);
    return model;
}

std::vector<std::vector<NarrativeVerdict>> CrossValidate(const std::vector<LabelledNarrative>& narratives,
                                                         const TrainingOptions& options, int folds,
                                                         const std::vector<double>& thresholds) {
    std::vector<std::vector<NarrativeVerdict>> verdicts(thresholds.size(),
                                                        std::vector<NarrativeVerdict>(narratives.size()));
    for (int fold = 0; fold < folds; ++fold) {
        std::vector<LabelledNarrative> training;
        for (std::size_t index = 0; index < narratives.size(); ++index) {
            if (static_cast<int>(index % static_cast<std::size_t>(folds)) != fold)
                training.push_back(narratives[index]);
        }
        SuggestionModel model = TrainSuggestionModel(training, options);
        for (std::size_t threshold = 0; threshold < thresholds.size(); ++threshold) {
            model.set_threshold(thresholds[threshold]);
            for (std::size_t index = static_cast<std::size_t>(fold); index < narratives.size();
                 index += static_cast<std::size_t>(folds)) {
                verdicts[threshold][index] =
                    JudgeSuggestions(narratives[index], SuggestIndicators(narratives[index].text, &model));
            }
        }
    }
    return verdicts;
}

}  // namespace meldroute::domain
