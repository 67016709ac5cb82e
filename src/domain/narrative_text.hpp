// The words of a Dutch narrative as the suggestion layers read them: normalised (lowercase ASCII, Latin-1
// diacritics folded), stemmed, numbered by sentence and clause, each keeping the byte range it came from so that
// evidence is always the exact original phrase; and the negation rules that decide whether a phrase is denied.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace meldroute::domain {

// Words shorter than this match only as written: short Dutch words are often function words whose stems
// collide ("de"/"den", "was"/"wat").
constexpr std::size_t kMinimumStemmedWord = 5;

//! The stem of a word for matching: empty for words shorter than kMinimumStemmedWord.
std::string StemOf(std::string_view word);

// A word of the input: its normalised form and where it stands in the original bytes.
struct Token {
    std::string norm;
    std::string stem;       // the Snowball Dutch stem of norm (empty for numbers and short words)
    std::size_t begin = 0;  // first byte in the original text
    std::size_t end = 0;    // one past the last byte in the original text
    int sentence = 0;       // words of one sentence share this number
    int clause = 0;         // words of one clause share this number
    long number = -1;       // the value when the word is a number, otherwise -1
    bool bracketed = false;  // a number alone in brackets after a person, "man (30)": an age, not an amount or a count
    bool negator = false;   // "geen", "niet", ...
    bool after_colon = false;  // the first word after a colon ("Ondernemersloket: eigenaar van ...")
    int norm_id = -1;       // norm and stem as ids of the pattern vocabulary (-1: no pattern word)
    int stem_id = -1;
};

//! Whether `word` is one of the words of `list` (an array or container of string views).
template <typename List>
bool IsOneOf(std::string_view word, const List& list) {
    for (std::string_view item : list) {
        if (item == word) return true;
    }
    return false;
}

//! Whether the word is a negation ("geen", "niet", "nooit", ...).
bool IsNegator(std::string_view word);

//! Splits the text into normalised words; any byte sequence is accepted.
std::vector<Token> Tokenize(std::string_view text);

//! Whether a negation turns the words tokens[first..last] around: shortly before them in the same clause, between
//! them, or ending the clause right after them. "wel een eigen ..." and "geen aanwijzingen dat ..." count too.
bool IsNegated(const std::vector<Token>& tokens, std::size_t first, std::size_t last);

}  // namespace meldroute::domain
