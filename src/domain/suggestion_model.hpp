// The learned layer of the narrative suggestions: per indicator a linear model (L2-regularised logistic
// regression) over the features of one sentence. It reads wordings nobody wrote a phrase pattern for; the patterns
// keep their place, the model adds codes they miss (see suggestions.cpp). The weights are data: trained by
// tools/train_suggestions.cpp from the labelled narratives in tests/data/, written to
// src/domain/data/suggestion_model.tsv and compiled into the binary (`make train-suggestions` regenerates it).
//
// Features of a sentence (binary, each counted once per sentence):
//   u:STEM        a word: its Snowball Dutch stem (words of 5+ letters) or the word itself; numbers as a range
//                 ("#12-24"), so "14 uur" and "vijftien uur" meet, and a time of day ("om 17 uur") as "#tijdstip"
//   b:STEM STEM   two adjacent words of one clause
//   c:CONCEPT     a word of a concept of the suggestions' second layer (hand-made lists of word forms, e.g. the
//                 ways to name a passport), so that a synonym seen once in training still counts
// Function words ("de", "haar", "heeft", ...) make no feature of their own. A word inside a negated scope
// (IsNegated of narrative_text.hpp: "geen schulden", "heeft wel een eigen paspoort", "geen aanwijzingen dat ...")
// becomes another feature, "u:!schuld", and so does a bigram holding one. A sentence speaks for a code only when
// two of its words each weigh for it: one word is a topic ("paspoort"), a fact needs two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/narrative_text.hpp"

namespace meldroute::domain {

//! One feature of a sentence and the words it was read from.
struct Feature {
    std::string name;
    std::size_t first = 0;  // token indexes, inclusive
    std::size_t last = 0;
};

//! The features of one sentence (unique by name, in text order) and the words it spans.
struct SentenceFeatures {
    std::vector<Feature> features;
    std::size_t first = 0;  // token indexes, inclusive
    std::size_t last = 0;
};

//! The concepts of the suggestions' second layer (suggestions.cpp) a word belongs to, e.g. "passport".
std::vector<std::string_view> ConceptNamesOf(const Token& token);

//! The sentences of a tokenised narrative with their features.
std::vector<SentenceFeatures> ExtractSentenceFeatures(const std::vector<Token>& tokens);

//! The model's verdict on one code: the probability of its best sentence and the evidence in it (token indexes).
struct ModelHit {
    std::string code;
    double probability = 0;
    std::size_t first = 0;
    std::size_t last = 0;
};

//! Per-indicator linear models over sentence features, with the decision threshold chosen by cross-validation.
class SuggestionModel {
public:
    //! Reads the weights file format (see src/domain/data/suggestion_model.tsv); malformed lines are skipped.
    static SuggestionModel Parse(std::string_view text);
    //! The model compiled into the binary.
    static const SuggestionModel& Builtin();

    //! Writes the weights file format; Parse(Serialize()) gives the same model.
    std::string Serialize() const;

    //! Per code of the model the best sentence's probability and evidence, highest first (codes without any
    //! feature weighing for them in the text have probability 0).
    std::vector<ModelHit> Score(const std::vector<Token>& tokens) const;

    double threshold() const { return threshold_; }
    void set_threshold(double threshold) { threshold_ = threshold; }
    //! Sets the intercept of a code, adding the code when it is new.
    void SetBias(const std::string& code, double bias);
    //! Sets one feature weight of a code (added with SetBias first).
    void SetWeight(const std::string& code, const std::string& feature, double weight);
    std::size_t code_count() const { return codes_.size(); }

private:
    int CodeIndex(const std::string& code) const;

    double threshold_ = 0.5;
    std::vector<std::string> codes_;
    std::vector<double> biases_;
    // feature name -> (code index, weight); single precision, since the weights file keeps three decimals and the
    // model holds over a hundred thousand of them
    std::unordered_map<std::string, std::vector<std::pair<std::uint16_t, float>>> weights_;
};

}  // namespace meldroute::domain
