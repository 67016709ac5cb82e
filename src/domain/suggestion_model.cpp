#include "domain/suggestion_model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_set>

#include "base/memory.hpp"
#include "base/text.hpp"

namespace meldroute::domain {

// Defined in the source CMake generates from src/domain/data/suggestion_model.tsv.
std::string_view BuiltinSuggestionModelText();

namespace {

// Evidence is the clause around the most contributing words, at most this many words on either side of them.
constexpr std::size_t kEvidenceContext = 4;
// Two contributing words further apart than this are not shown as one phrase.
constexpr std::size_t kMaxEvidenceWords = 10;

// A sentence speaks for a code only when at least this many of its words each add kMinWordSupport or more.
constexpr int kMinSupportingWords = 2;
constexpr double kMinWordSupport = 0.25;

// Numbers are read as a range, so that a model learns "many hours" rather than one number. A working week of 40
// or 48 hours is no long one, 60 or 70 are.
std::string NumberRange(long number) {
    if (number <= 5) return "#0-5";
    if (number <= 11) return "#6-11";
    if (number <= 24) return "#12-24";
    if (number <= 49) return "#25-49";
    if (number <= 99) return "#50-99";
    if (number <= 999) return "#100-999";  // a monthly wage this low is a signal, one of four digits is not
    return "#1000+";
}

// Function words: articles, pronouns, prepositions and auxiliaries say nothing of a fact on their own, and with
// a few hundred training narratives their weights would only learn who happened to write which narrative.
bool IsFunctionWord(std::string_view word) {
    static const std::unordered_set<std::string_view> kWords = {
        "de",    "het",    "een",   "en",    "of",     "van",    "in",    "op",    "aan",  "met",   "voor",   "bij",
        "te",    "naar",   "om",    "uit",   "als",    "dat",    "die",   "dit",   "deze", "er",    "hij",    "zij",
        "ze",    "haar",   "zijn",  "hem",   "hun",    "je",     "we",    "wij",   "ik",   "is",    "was",    "heeft",
        "had",   "hebben", "wordt", "werd",  "worden", "ook",    "nog",   "al",    "dan",  "toen",  "tot",    "door",
        "over",  "wat",    "wie",   "zich",  "mij",    "me",     "u",     "ons",   "zo",   "daar",  "hier",   "wel",
        "nu",    "af",     "mee",   "men",   "per",    "na",     "sinds", "tegen", "via",  "onder", "tussen", "vanaf",
        "zoals", "maar",   "want",  "omdat", "dus",    "terwijl"};
    return kWords.contains(word);
}

// Whether tokens[index], a number, is a time of day ("om 17 uur", "tot 22 uur"), not a count of hours ("rond 60 uur
// per week", "tot 16 uur per dag", "tot 12 uur achter elkaar").
bool IsTimeOfDay(const std::vector<Token>& tokens, std::size_t index) {
    static const std::unordered_set<std::string_view> kBefore = {"om", "tot", "vanaf", "rond", "sinds"};
    static const std::unordered_set<std::string_view> kCountAfter = {"per", "achter", "lang", "aan"};
    if (index == 0 || index + 1 >= tokens.size() || tokens[index].number > 24) return false;
    if (!kBefore.contains(tokens[index - 1].norm) || tokens[index + 1].norm != "uur") return false;
    return index + 2 >= tokens.size() || !kCountAfter.contains(tokens[index + 2].norm);
}

// The word a feature is made of: its stem, the word itself, or its number range (a time of day is "#tijdstip");
// empty for single letters and function words.
std::string FeatureWord(const std::vector<Token>& tokens, std::size_t index) {
    const Token& token = tokens[index];
    if (token.number >= 0) return IsTimeOfDay(tokens, index) ? "#tijdstip" : NumberRange(token.number);
    if (token.norm.size() < 2 || IsFunctionWord(token.norm)) return {};
    return token.stem.empty() ? token.norm : token.stem;
}

// Whether each word stands in a negated scope. A negation word itself is no negated content.
std::vector<bool> NegatedWords(const std::vector<Token>& tokens) {
    std::vector<bool> negated(tokens.size(), false);
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        negated[index] = !tokens[index].negator && IsNegated(tokens, index, index);
    }
    return negated;
}

// Adds a feature unless the sentence already has it (sentences are short, a linear search is enough).
void AddFeature(SentenceFeatures& sentence, std::string name, std::size_t first, std::size_t last) {
    for (const Feature& feature : sentence.features) {
        if (feature.name == name) return;
    }
    sentence.features.push_back(Feature{std::move(name), first, last});
}

// What the features of a sentence are read from, per word of the narrative.
struct WordReadings {
    std::vector<std::string> words;                       // FeatureWord
    std::vector<bool> negated;                            // NegatedWords
    std::vector<std::vector<std::string_view>> concepts;  // ConceptNamesOf
};

SentenceFeatures FeaturesOfSentence(const std::vector<Token>& tokens, const WordReadings& readings, std::size_t first,
                                    std::size_t last) {
    SentenceFeatures sentence;
    sentence.first = first;
    sentence.last = last;
    for (std::size_t index = first; index <= last; ++index) {
        const std::string_view mark = readings.negated[index] ? "!" : "";
        for (std::string_view name : readings.concepts[index]) {
            AddFeature(sentence, "c:" + std::string(mark) + std::string(name), index, index);
        }
        const std::string& word = readings.words[index];
        if (word.empty()) continue;
        AddFeature(sentence, "u:" + std::string(mark) + word, index, index);
        const std::size_t next = index + 1;
        if (next > last || readings.words[next].empty() || tokens[next].clause != tokens[index].clause) continue;
        const bool either_negated = readings.negated[index] || readings.negated[next];
        AddFeature(sentence, (either_negated ? "b:!" : "b:") + word + " " + readings.words[next], index, next);
    }
    return sentence;
}

// What one sentence says for one code: the linear sum, the feature that adds most, and per word the weight its own
// features (the word, its concepts) add.
struct SentenceScore {
    double sum = 0;
    const Feature* strongest = nullptr;
    double strongest_weight = 0;
    std::vector<std::pair<std::size_t, double>> word_support;

    // `content` is false for a feature of a negation word ("nooit", "geen"): it adds to the sum, but a negation is
    // no word of the fact (the words it negates are their own features, "u:!drug").
    void Add(const Feature& feature, double weight, bool content) {
        sum += weight;
        if (weight > strongest_weight) {
            strongest_weight = weight;
            strongest = &feature;
        }
        if (weight <= 0 || feature.first != feature.last || !content) return;
        for (auto& [word, support] : word_support) {
            if (word == feature.first) {
                support += weight;
                return;
            }
        }
        word_support.emplace_back(feature.first, weight);
    }

    // Words that on their own speak for the code. One word is a topic ("paspoort"), a fact needs two ("paspoort"
    // + "bewaart"), as in the concept rules of the second layer.
    int SupportingWords() const {
        return static_cast<int>(std::count_if(word_support.begin(), word_support.end(),
                                              [](const auto& entry) { return entry.second >= kMinWordSupport; }));
    }

    // The words of the evidence: the strongest feature and, when it stands close enough, the supporting word that
    // weighs most outside it, so that the evidence shows the two halves of the fact ("geld" ... "afgeven").
    std::pair<std::size_t, std::size_t> Span() const {
        std::size_t first = strongest->first;
        std::size_t last = strongest->last;
        const std::pair<std::size_t, double>* partner = nullptr;
        for (const auto& entry : word_support) {
            const bool inside = entry.first >= first && entry.first <= last;
            if (!inside && (partner == nullptr || entry.second > partner->second)) partner = &entry;
        }
        if (partner == nullptr) return {first, last};
        const std::size_t joined_first = std::min(first, partner->first);
        const std::size_t joined_last = std::max(last, partner->first);
        if (joined_last - joined_first >= kMaxEvidenceWords) return {first, last};
        return {joined_first, joined_last};
    }
};

double Sigmoid(double value) { return 1.0 / (1.0 + std::exp(-value)); }

// The clause words around tokens[first..last], at most kEvidenceContext on either side.
std::pair<std::size_t, std::size_t> EvidenceAround(const std::vector<Token>& tokens, std::size_t first,
                                                   std::size_t last) {
    std::size_t begin = first;
    while (begin > 0 && first - begin < kEvidenceContext && tokens[begin - 1].clause == tokens[first].clause) --begin;
    std::size_t end = last;
    while (end + 1 < tokens.size() && end - last < kEvidenceContext && tokens[end + 1].clause == tokens[last].clause) {
        ++end;
    }
    return {begin, end};
}

bool ParseDouble(std::string_view text, double& value) {
    // std::from_chars for double is locale-independent, which the weights file needs.
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc{} && end == text.data() + text.size();
}

std::string FormatWeight(double value, int decimals = 4) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

}  // namespace

std::vector<SentenceFeatures> ExtractSentenceFeatures(const std::vector<Token>& tokens) {
    std::vector<SentenceFeatures> sentences;
    if (tokens.empty()) return sentences;
    WordReadings readings;
    readings.negated = NegatedWords(tokens);
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        readings.words.push_back(FeatureWord(tokens, index));
        readings.concepts.push_back(ConceptNamesOf(tokens[index]));
    }
    std::size_t first = 0;
    for (std::size_t index = 1; index <= tokens.size(); ++index) {
        if (index < tokens.size() && tokens[index].sentence == tokens[first].sentence) continue;
        sentences.push_back(FeaturesOfSentence(tokens, readings, first, index - 1));
        first = index;
    }
    return sentences;
}

SuggestionModel SuggestionModel::Parse(std::string_view text) {
    SuggestionModel model;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const std::vector<std::string_view> fields = SplitFields(line, '\t');
        double value = 0;
        if (fields[0] == "threshold" && fields.size() == 2 && ParseDouble(fields[1], value)) {
            model.threshold_ = value;
        } else if (fields[0] == "bias" && fields.size() == 3 && ParseDouble(fields[2], value)) {
            model.SetBias(std::string(fields[1]), value);
        } else if (fields[0] == "weights" && fields.size() >= 3) {
            const std::string feature(fields[1]);
            for (std::size_t index = 2; index < fields.size(); ++index) {
                const std::size_t equals = fields[index].find('=');
                if (equals == std::string_view::npos || !ParseDouble(fields[index].substr(equals + 1), value)) continue;
                model.SetWeight(std::string(fields[index].substr(0, equals)), feature, value);
            }
        }
    }
    return model;
}

const SuggestionModel& SuggestionModel::Builtin() {
    static const SuggestionModel model = [] {
        const std::string_view text = BuiltinSuggestionModelText();
        SuggestionModel parsed = Parse(text);
        // The weights text (3 MB in the executable) is read once: its pages need not stay resident beside the model.
        ReleaseReadOnlyPages(text.data(), text.size());
        return parsed;
    }();
    return model;
}

std::string SuggestionModel::Serialize() const {
    std::string text = "threshold\t" + FormatWeight(threshold_) + "\n";
    for (std::size_t code = 0; code < codes_.size(); ++code) {
        text += "bias\t" + codes_[code] + "\t" + FormatWeight(biases_[code]) + "\n";
    }
    // One line per feature, sorted by feature and then code, so that a retrained file differs from the last one
    // only where weights did.
    std::map<std::string, std::map<std::string, float>> sorted;
    for (const auto& [feature, entries] : weights_) {
        for (const auto& [code, weight] : entries) sorted[feature][codes_[code]] = weight;
    }
    for (const auto& [feature, entries] : sorted) {
        text += "weights\t" + feature;
        for (const auto& [code, weight] : entries) text += "\t" + code + "=" + FormatWeight(weight, 3);
        text += "\n";
    }
    return text;
}

int SuggestionModel::CodeIndex(const std::string& code) const {
    const auto found = std::find(codes_.begin(), codes_.end(), code);
    return found == codes_.end() ? -1 : static_cast<int>(found - codes_.begin());
}

void SuggestionModel::SetBias(const std::string& code, double bias) {
    const int index = CodeIndex(code);
    if (index >= 0) {
        biases_[static_cast<std::size_t>(index)] = bias;
        return;
    }
    codes_.push_back(code);
    biases_.push_back(bias);
}

void SuggestionModel::SetWeight(const std::string& code, const std::string& feature, double weight) {
    const int index = CodeIndex(code);
    if (index < 0) return;
    std::vector<std::pair<std::uint16_t, float>>& entries = weights_[feature];
    for (auto& [existing, value] : entries) {
        if (existing == index) {
            value = static_cast<float>(weight);
            return;
        }
    }
    entries.emplace_back(static_cast<std::uint16_t>(index), static_cast<float>(weight));
}

std::vector<ModelHit> SuggestionModel::Score(const std::vector<Token>& tokens) const {
    std::vector<ModelHit> best(codes_.size());
    for (std::size_t code = 0; code < codes_.size(); ++code) best[code].code = codes_[code];
    std::vector<SentenceScore> scores;
    for (const SentenceFeatures& sentence : ExtractSentenceFeatures(tokens)) {
        scores.assign(codes_.size(), SentenceScore{});
        for (std::size_t code = 0; code < codes_.size(); ++code) scores[code].sum = biases_[code];
        for (const Feature& feature : sentence.features) {
            const auto found = weights_.find(feature.name);
            if (found == weights_.end()) continue;
            for (const auto& [code, weight] : found->second)
                scores[static_cast<std::size_t>(code)].Add(feature, weight, !tokens[feature.first].negator);
        }
        for (std::size_t code = 0; code < codes_.size(); ++code) {
            const SentenceScore& score = scores[code];
            const double probability = Sigmoid(score.sum);
            if (score.SupportingWords() < kMinSupportingWords || probability <= best[code].probability) continue;
            const auto [span_first, span_last] = score.Span();
            const auto [first, last] = EvidenceAround(tokens, span_first, span_last);
            best[code].probability = probability;
            best[code].first = first;
            best[code].last = last;
        }
    }
    std::sort(best.begin(), best.end(), [](const ModelHit& left, const ModelHit& right) {
        return left.probability != right.probability ? left.probability > right.probability : left.code < right.code;
    });
    return best;
}

}  // namespace meldroute::domain
