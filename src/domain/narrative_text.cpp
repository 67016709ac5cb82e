#include "domain/narrative_text.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/stemming.hpp"

namespace meldroute::domain {

namespace {

// How many words before a match are searched for a negation.
constexpr std::size_t kNegationWindowBefore = 4;
// How many words after a match are searched for a clause-final "niet".
constexpr std::size_t kNegationWindowAfter = 3;

// Folds the second byte of a two-byte UTF-8 sequence starting with 0xC3 (U+00C0..U+00FF) to lowercase ASCII,
// or returns an empty view when the character is not a letter.
std::string_view FoldLatin1(unsigned char second) {
    // Indexed by (second - 0x80); covers U+00C0..U+00FF.
    static constexpr std::string_view kFold[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0..CF
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0..DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0..EF
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0..FF
    };
    if (second < 0x80 || second > 0xBF) return {};
    return kFold[second - 0x80];
}

bool IsAsciiLetter(unsigned char byte) { return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z'); }
bool IsAsciiDigit(unsigned char byte) { return byte >= '0' && byte <= '9'; }

// Words after which a new clause begins, so that a negation does not reach across them.
bool IsConjunction(std::string_view word) {
    static constexpr std::string_view kConjunctions[] = {"en", "maar", "want", "omdat", "terwijl", "dus",
                                                         "doordat", "zodat", "hoewel", "als", "tenzij"};
    for (std::string_view conjunction : kConjunctions) {
        if (word == conjunction) return true;
    }
    return false;
}


// Abbreviations municipal staff write with a full stop inside a sentence.
bool IsAbbreviation(std::string_view word) {
    static constexpr std::string_view kAbbreviations[] = {"ca",  "mw",  "mevr", "dhr", "hr",   "bijv", "vlgs", "nr",
                                                          "evt", "ong", "resp", "incl", "excl", "tel",  "mr",   "m.b.t",
                                                          "zgn", "ivm", "nav",  "obv",  "dd",   "vs"};
    for (std::string_view abbreviation : kAbbreviations) {
        if (word == abbreviation) return true;
    }
    return false;
}

// The value of a Dutch number word, or -1.
long NumberWordValue(std::string_view word) {
    static const std::unordered_map<std::string_view, long> kNumberWords = {
        {"twee", 2},           {"drie", 3},           {"vier", 4},
        {"vijf", 5},           {"zes", 6},            {"zeven", 7},
        {"acht", 8},           {"negen", 9},          {"tien", 10},
        {"elf", 11},           {"twaalf", 12},        {"dertien", 13},
        {"veertien", 14},      {"vijftien", 15},      {"zestien", 16},
        {"zeventien", 17},     {"achttien", 18},      {"negentien", 19},
        {"twintig", 20},       {"eenentwintig", 21},  {"tweeentwintig", 22},
        {"drieentwintig", 23}, {"vierentwintig", 24}, {"dertig", 30},
        {"veertig", 40},       {"vijftig", 50},       {"zestig", 60},
        {"zeventig", 70},      {"tachtig", 80},       {"negentig", 90},
        {"honderd", 100},
    };
    const auto found = kNumberWords.find(word);
    return found == kNumberWords.end() ? -1 : found->second;
}

// "pas" is a bank card after a determiner or before "en pincode" ("zijn pas", "geen pas meer", "de pas en pincode")
// and otherwise the adverb ("hij kent ze pas sinds kort", "dan pas salaris"): the card reads as "bankpas", so a rule
// or a weight for the card never meets the adverb. "zijn", "haar", "die" and "je" are also a verb or a pronoun
// ("ze zijn pas sinds kort in dienst", "dat je pas betaald krijgt"): after them, a time, a number or a participle
// makes "pas" the adverb. The same for "passen" ("de passen van de bewoners"; "passen op de kinderen").
void ReadCardsAsBankCards(std::vector<Token>& tokens) {
    static const std::unordered_set<std::string_view> kDeterminers = {
        "de", "een", "mijn", "n", "jouw", "deze", "eigen", "uw", "onze", "bank", "nieuwe", "geen", "alle", "welke",
        "elke", "hun"};
    static const std::unordered_set<std::string_view> kAmbiguous = {"zijn", "haar", "die", "je"};
    static const std::unordered_set<std::string_view> kAdverbialAfter = {
        "sinds", "net", "later", "als", "toen", "nadat", "wanneer", "zodra", "vanaf", "morgen", "gisteren",
        "vorige", "volgende", "echt", "betaald", "uitbetaald", "begonnen", "gestart", "aangekomen", "vertrokken",
        "twee", "drie", "vier", "vijf", "zes", "weken", "maanden", "dagen", "jaar", "kort", "daarna", "achteraf",
        "vandaag", "vanavond", "vanochtend", "laat", "rond"};
    static const std::unordered_set<std::string_view> kCodes = {"pincode", "pincodes", "code", "codes", "pin"};
    for (std::size_t index = 0; index < tokens.size(); ++index) {
        Token& token = tokens[index];
        if (token.norm != "pas" && token.norm != "passen") continue;
        const bool with_code = index + 2 < tokens.size() && tokens[index + 1].norm == "en" &&
                               kCodes.contains(tokens[index + 2].norm);
        bool determined = false;
        if (index > 0 && tokens[index - 1].clause == token.clause) {
            const std::string_view before = tokens[index - 1].norm;
            const bool adverbial_after =
                index + 1 < tokens.size() &&
                (tokens[index + 1].number >= 0 || kAdverbialAfter.contains(tokens[index + 1].norm));
            determined = kDeterminers.contains(before) || (kAmbiguous.contains(before) && !adverbial_after);
        }
        if (!determined && !with_code) continue;
        token.norm = "bank" + token.norm;
        token.stem = StemOf(token.norm);
    }
}

// Nouns that carry a negation over a whole sentence: "geen aanwijzingen dat hij wordt bedreigd".
bool IsScopeNoun(std::string_view word) {
    static constexpr std::string_view kScopeNouns[] = {"signalen", "signaal",    "aanwijzingen", "aanwijzing",
                                                       "sprake",   "indicaties", "indicatie",    "tekenen",
                                                       "vermoeden", "bewijs"};
    for (std::string_view noun : kScopeNouns) {
        if (word == noun) return true;
    }
    return false;
}

// Singular words for a person, after which a number alone in brackets is their age ("Roemeense man (30)", "dakdekker
// (38)"); after a plural ("arbeidsmigranten (16)", "mensen (30)") it is a count.
bool IsSingularPersonWord(std::string_view word) {
    // Those the suffix rule below does not already cover ("moeder", "medewerker", "eigenaar" and "chauffeur" it does).
    static constexpr std::string_view kWords[] = {
        "man",      "vrouw",     "jongen",        "meisje",   "mevrouw",      "mw",          "mevr", "dhr",
        "heer",     "zoon",      "zus",           "kind",     "leerling",     "studente",    "neef", "nicht",
        "oom",      "tante",     "uitzendkracht", "jongeman", "minderjarige", "eigenaresse", "verdachte"};
    for (std::string_view known : kWords) {
        if (word == known) return true;
    }
    // An occupation or role in the singular: "dakdekker (38)", "chauffeur (45)", "migrant (29)", "kapster (24)".
    static constexpr std::string_view kSuffixes[] = {"er", "ster", "eur", "ist", "aar", "ier", "ant", "ent"};
    for (std::string_view suffix : kSuffixes) {
        if (word.size() > suffix.size() + 2 && word.ends_with(suffix)) return true;
    }
    return false;
}

}  // namespace

std::string StemOf(std::string_view word) {
    return word.size() < kMinimumStemmedWord ? std::string{} : DutchStem(word);
}

bool IsNegator(std::string_view word) {
    static constexpr std::string_view kNegators[] = {"geen", "niet", "nooit",  "zonder", "niets",
                                                     "niks", "nergens", "ontkent", "geenszins"};
    for (std::string_view negator : kNegators) {
        if (word == negator) return true;
    }
    return false;
}

// Splits the text into normalised words. Any byte sequence is accepted: bytes that are not ASCII letters or
// digits and not a foldable two-byte Latin-1 letter act as separators, so invalid UTF-8 only breaks words.
std::vector<Token> Tokenize(std::string_view text) {
    std::vector<Token> tokens;
    int sentence = 0;
    int clause = 0;
    bool in_word = false;
    bool word_is_digits = false;
    bool euro_sign = false;   // a euro sign stood since the last word, with only spaces after it
    bool colon = false;       // a colon stood since the last word
    bool euro_before = false;  // the current word is a number right after a euro sign
    Token current;

    const auto finish_word = [&](std::size_t end) {
        if (!in_word) return;
        in_word = false;
        current.end = end;
        if (word_is_digits) {
            current.number = current.norm.size() <= 6 ? std::stol(current.norm) : 1000000;
            // An age: alone in brackets right after a singular word for a person or a capitalised singular word
            // inside a sentence (a name, a nationality: "Kees (35)", "Roemeen (30)").
            if (current.begin > 1 && text[current.begin - 1] == '(' && end < text.size() && text[end] == ')' &&
                !tokens.empty() && tokens.back().sentence == sentence && tokens.back().end + 2 >= current.begin) {
                const Token& before = tokens.back();
                const auto first = static_cast<unsigned char>(text[before.begin]);
                // Not a plural ("Roemenen (9)", "Eritreeërs (6)"): that is a count.
                const bool plural = before.norm.ends_with("en") || before.norm.ends_with("ers");
                const bool capitalised = first >= 'A' && first <= 'Z' && !plural && tokens.size() > 1 &&
                                         tokens[tokens.size() - 2].sentence == sentence;
                current.bracketed = capitalised || IsSingularPersonWord(before.norm);
            }
        } else {
            current.number = NumberWordValue(current.norm);
        }
        current.negator = IsNegator(current.norm);
        if (!word_is_digits) current.stem = StemOf(current.norm);
        if (IsConjunction(current.norm)) ++clause;
        current.sentence = sentence;
        current.clause = clause;
        current.after_colon = colon;
        colon = false;
        const bool amount_in_euro = word_is_digits && euro_before;
        tokens.push_back(std::move(current));
        current = Token{};
        if (amount_in_euro) {
            // "€50" reads as "50 euro": an empty word at the number's end, so evidence ends with the number.
            Token euro;
            euro.norm = "euro";
            euro.begin = euro.end = end;
            euro.sentence = sentence;
            euro.clause = clause;
            tokens.push_back(std::move(euro));
        }
    };
    const auto append = [&](std::size_t begin, std::string_view folded, bool digit) {
        if (in_word && word_is_digits != digit) finish_word(begin);
        if (!in_word) {
            in_word = true;
            word_is_digits = digit;
            euro_before = digit && euro_sign;
            euro_sign = false;
            current.begin = begin;
        }
        current.norm.append(folded);
    };

    std::size_t index = 0;
    while (index < text.size()) {
        const auto byte = static_cast<unsigned char>(text[index]);
        if (IsAsciiLetter(byte)) {
            const char lower = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
            append(index, std::string_view(&lower, 1), false);
            ++index;
            continue;
        }
        if (IsAsciiDigit(byte)) {
            append(index, std::string_view(text.data() + index, 1), true);
            ++index;
            continue;
        }
        // A thousands separator inside a number ("35.000 euro", "2.400") keeps the number whole.
        if (byte == '.' && in_word && word_is_digits && index + 3 < text.size() &&
            IsAsciiDigit(static_cast<unsigned char>(text[index + 1])) &&
            IsAsciiDigit(static_cast<unsigned char>(text[index + 2])) &&
            IsAsciiDigit(static_cast<unsigned char>(text[index + 3])) &&
            (index + 4 >= text.size() || !IsAsciiDigit(static_cast<unsigned char>(text[index + 4])))) {
            ++index;
            continue;
        }
        if (byte == 0xC3 && index + 1 < text.size()) {
            const std::string_view folded = FoldLatin1(static_cast<unsigned char>(text[index + 1]));
            if (!folded.empty()) {
                append(index, folded, false);
                index += 2;
                continue;
            }
        }
        finish_word(index);
        if (byte == 0xE2 && text.substr(index, 3) == "\xE2\x82\xAC") {
            euro_sign = true;
            index += 3;
            continue;
        }
        if (byte != ' ') euro_sign = false;
        // Punctuation decides clause and sentence borders; a full stop between letters or digits ("o.a.",
        // "3.000") does not end a sentence.
        const bool next_is_word = index + 1 < text.size() &&
                                  (IsAsciiLetter(static_cast<unsigned char>(text[index + 1])) ||
                                   IsAsciiDigit(static_cast<unsigned char>(text[index + 1])));
        // A full stop after a usual abbreviation ("ca. 15 mannen", "Mw. zag er moe uit") does not end a sentence.
        const bool after_abbreviation = byte == '.' && !tokens.empty() && tokens.back().end == index &&
                                        IsAbbreviation(tokens.back().norm);
        if (byte == '!' || byte == '?' || byte == ';' || (byte == '.' && !next_is_word && !after_abbreviation)) {
            ++sentence;
            ++clause;
        } else if (byte == ',' || byte == ':' || byte == '(' || byte == ')' || byte == '"' || byte == '\n' ||
                   byte == '[' || byte == ']') {
            ++clause;
            colon = byte == ':';
        }
        ++index;
    }
    finish_word(text.size());
    ReadCardsAsBankCards(tokens);
    // "niemand die hem stuurt of geld ophaalt" denies what follows, as "geen" does; "niemand" alone does not ("mag
    // met niemand praten" is itself a signal), nor does "niemand die" before knowing, explaining or doing oneself,
    // which asserts what follows ("niemand die de blauwe plekken kan verklaren", "niemand die haar ouders kennen",
    // "niemand die het geld zelf houdt").
    static constexpr std::string_view kAsserting[] = {
        "kan",     "kon",       "kunnen",   "konden", "weet",  "wist", "weten",  "kent",   "kende",  "kennen",
        "verklaren", "verklaart", "uitleggen", "zegt",  "zei",   "ziet", "zag",    "merkt",  "opmerkt", "zelf",
        "snapt",   "begrijpt"};
    for (std::size_t index = 0; index + 1 < tokens.size(); ++index) {
        if (tokens[index].norm != "niemand" || tokens[index + 1].norm != "die") continue;
        // Opening a sentence, "Niemand die X doet Y" asserts X ("Niemand die geld moet afdragen durft naar de
        // politie"); only "er is niemand die", "dakloos, niemand die" deny it.
        if (index == 0 || tokens[index - 1].sentence != tokens[index].sentence) continue;
        bool asserting = false;
        for (std::size_t next = index + 2; next < tokens.size() && next <= index + 7; ++next) {
            if (tokens[next].clause != tokens[index + 1].clause) break;
            asserting = asserting || IsOneOf(tokens[next].norm, kAsserting);
        }
        tokens[index].negator = !asserting;
    }
    return tokens;
}

// Whether a negation turns this match around: shortly before it in the same clause, between its words, or
// ending the clause right after it. "wel een eigen ..." and "geen aanwijzingen dat ..." count as negations too.
bool IsNegated(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    const int sentence = tokens[first].sentence;
    for (std::size_t index = first; index > 0; --index) {
        const Token& token = tokens[index - 1];
        if (token.sentence != sentence || token.norm == "maar") break;
        if (IsScopeNoun(token.norm) && index >= 2 && tokens[index - 2].negator) return true;
    }
    const int clause = tokens[first].clause;
    // "durft niets te zeggen uit angst ...": a reason starts anew.
    const bool reason = first >= 1 && tokens[first - 1].norm == "uit" &&
                        (tokens[first].norm == "angst" || tokens[first].norm == "vrees");
    for (std::size_t step = 1; step <= kNegationWindowBefore && step <= first && !reason; ++step) {
        const Token& token = tokens[first - step];
        if (token.clause != clause) break;
        // "zonder" denies only the word right after it ("zonder pauze van 6 tot 20" still works 6 to 20).
        if (token.negator && (token.norm != "zonder" || step == 1)) return true;
        if (token.norm == "eigen") {
            for (std::size_t back = 1; back <= 2 && back <= first - step; ++back) {
                if (tokens[first - step - back].norm == "wel") return true;
            }
        }
    }
    // A negation between the words counts when it stands in the clause of the last word: "Van zijn loon ziet hij
    // niets: het gaat naar de man" denies only the first clause.
    for (std::size_t index = first + 1; index < last; ++index) {
        if (tokens[index].negator &&
            (tokens[first].clause == tokens[last].clause || tokens[index].clause == tokens[last].clause)) {
            return true;
        }
    }
    // "schulden heeft hij niet", "heeft zijn paspoort niet ingenomen": a "niet" that ends the clause or comes
    // just before its last word.
    const int last_clause = tokens[last].clause;
    const auto ends_clause_at = [&](std::size_t index) {
        return index + 1 >= tokens.size() || tokens[index + 1].clause != last_clause;
    };
    for (std::size_t index = last + 1; index < tokens.size() && index <= last + kNegationWindowAfter; ++index) {
        if (tokens[index].clause != last_clause) break;
        if ((tokens[index].norm == "niet" || tokens[index].norm == "nooit") &&
            (ends_clause_at(index) || (index <= last + 2 && ends_clause_at(index + 1)))) {
            return true;
        }
    }
    return false;
}

}  // namespace meldroute::domain
