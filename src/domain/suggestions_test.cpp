// Tests for indicator suggestions from a Dutch free-text narrative.
#include "domain/suggestions.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <initializer_list>
#include <cstddef>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog.hpp"
#include "domain/narrative_text.hpp"

namespace meldroute::domain {
namespace {

std::set<std::string> CodesOf(const std::vector<Suggestion>& suggestions) {
    std::set<std::string> codes;
    for (const Suggestion& suggestion : suggestions) codes.insert(suggestion.code);
    return codes;
}

const Suggestion* FindSuggestion(const std::vector<Suggestion>& suggestions, std::string_view code) {
    for (const Suggestion& suggestion : suggestions) {
        if (suggestion.code == code) return &suggestion;
    }
    return nullptr;
}

// The properties every answer must have, whatever the input.
void ExpectWellFormed(std::string_view text, const std::vector<Suggestion>& suggestions) {
    std::set<std::string> seen;
    for (std::size_t index = 0; index < suggestions.size(); ++index) {
        const Suggestion& suggestion = suggestions[index];
        EXPECT_NE(FindIndicator(suggestion.code), nullptr) << suggestion.code;
        EXPECT_TRUE(seen.insert(suggestion.code).second) << "duplicate " << suggestion.code;
        EXPECT_FALSE(suggestion.evidence.empty()) << suggestion.code;
        EXPECT_NE(text.find(suggestion.evidence), std::string_view::npos)
            << suggestion.code << " evidence not in text: " << suggestion.evidence;
        EXPECT_GT(suggestion.score, 0.0);
        EXPECT_LE(suggestion.score, 1.0);
        if (index > 0) {
            const Suggestion& previous = suggestions[index - 1];
            EXPECT_TRUE(previous.score > suggestion.score ||
                        (previous.score == suggestion.score && previous.code < suggestion.code))
                << previous.code << " before " << suggestion.code;
        }
    }
}

// Each text, read by the patterns and concept rules alone (no learned layer), suggests `code` or, when `expected`
// is false, does not.
void ExpectRuleSuggests(std::initializer_list<const char*> texts, std::string_view code, bool expected) {
    for (const char* text : texts) {
        SCOPED_TRACE(text);
        EXPECT_EQ(CodesOf(SuggestIndicators(text, nullptr)).contains(std::string(code)), expected);
    }
}

TEST(SuggestionsTest, PassportKeptByEmployer) {
    const std::string text = "Hij heeft zijn paspoort niet, de werkgever bewaart het.";
    const std::vector<Suggestion> suggestions = SuggestIndicators(text);
    ExpectWellFormed(text, suggestions);
    const Suggestion* general = FindSuggestion(suggestions, "ALG-01");
    const Suggestion* labour = FindSuggestion(suggestions, "ARB-04");
    ASSERT_TRUE(general != nullptr || labour != nullptr);
    const Suggestion& found = general != nullptr ? *general : *labour;
    EXPECT_NE(text.find(found.evidence), std::string::npos);
    EXPECT_NE(found.evidence.find("paspoort"), std::string::npos);
}

TEST(SuggestionsTest, OwnPassportIsNotASignal) {
    const std::set<std::string> codes = CodesOf(SuggestIndicators("Ze heeft wel een eigen paspoort."));
    EXPECT_FALSE(codes.contains("ALG-01"));
    EXPECT_FALSE(codes.contains("ARB-04"));
}

// "eigen" right before the document after "had"/"heeft": the person's own, in hand, whoever the sentence names
// ("chauffeur" is also a word for someone who holds documents). After a negation, a possessive or any other word, or
// with the document denied, held, taken or kept after it in its sentence or the next, or a contrast, it is still what
// the patterns read (two reviews' counterexamples).
TEST(SuggestionsTest, OwnDocumentInHandIsNotASignal) {
    for (const char* text : {"Chauffeur had eigen paspoort en rijbewijs, zat in verplichte rusttijd.",
                             "De bijrijder heeft eigen ID-kaart en rijbewijs getoond."}) {
        const std::set<std::string> codes = CodesOf(SuggestIndicators(text));
        EXPECT_FALSE(codes.contains("ALG-01")) << text;
        EXPECT_FALSE(codes.contains("ARB-04")) << text;
    }
    for (const char* text : {"Hij heeft geen eigen paspoort meer, de baas heeft het.",
                             "Zij kan niet bij haar eigen paspoort.", "De baas heeft hun eigen paspoorten in de kluis.",
                             "De chauffeur had haar paspoort.",
                             "Man (32) heeft eigen paspoort niet in bezit; dat ligt bij de werkgever.",
                             "Zij heeft geen toegang tot eigen paspoort, dat wordt door de 'vriend' bewaard.",
                             "De werkgever houdt de eigen paspoorten van de arbeiders in.",
                             "Hij moest eigen paspoort inleveren bij de baas.",
                             "Paspoort: eigen paspoort ingenomen door werkgever bij aankomst.",
                             "Meisje heeft eigen ID-kaart nooit gezien, de vriend heeft die.",
                             "Hij mag z'n eigen paspoort niet houden van de baas.",
                             "Hij had eigen paspoort, maar de baas bewaart het.",
                             "Hij had eigen paspoort bij zich, maar de werkgever nam het daarna in.",
                             "Mevrouw heeft eigen paspoort bij de werkgever moeten achterlaten.",
                             "Ze hadden eigen paspoorten, die werden bij de poort door de voorman verzameld.",
                             "Hadden eigen paspoorten bij aankomst. Die zijn door de ploegbaas ingenomen.",
                             "Meneer heeft eigen paspoort; de baas bewaart het.",
                             "Mevrouw heeft eigen paspoort sinds aankomst bij de madam.",
                             "Bij aankomst moest hij alles afgeven, eigen paspoort en telefoon.",
                             "Geen contract, eigen paspoort in handen van de uitzender."}) {
        const std::set<std::string> codes = CodesOf(SuggestIndicators(text));
        EXPECT_TRUE(codes.contains("ALG-01") || codes.contains("ARB-04")) << text;
    }
}

// The writer's own conclusion that nothing points to exploitation as a whole explains the loose readings before it,
// as the labels do. Not when it is someone else's, about one thing, "verder" (no signals besides these), not yet, a
// question, a decision, contradicted or followed by a referral, or followed by a fact; and a firm reading stays (a
// review's counterexamples).
TEST(SuggestionsTest, TheWritersConclusionThatNothingIsWrongExplainsLooseReadingsBeforeIt) {
    const std::string fact = "Meneer oogt moe en vertelt weinig over zijn werk. ";
    ASSERT_TRUE(CodesOf(SuggestIndicators(fact)).contains("ALG-14"));
    for (const char* conclusion : {"Geen aanwijzingen voor uitbuiting.", "Conclusie: geen zorgen.",
                                   "Er zijn geen signalen van mensenhandel.", "Geen reden tot zorg.",
                                   "Geen enkele aanwijzing voor uitbuiting."}) {
        EXPECT_TRUE(SuggestIndicators(fact + conclusion).empty()) << conclusion;
    }
    for (const char* conclusion :
         {"Verder geen signalen.", "Moeder heeft geen zorgen.", "Op school geen zorgen.",
          "Geen zorgen? Dat durf ik niet te zeggen.", "Nog geen aanwijzingen voor uitbuiting.",
          "Geen aanwijzingen voor uitbuiting. Niettemin doorgezet naar de aandachtfunctionaris.",
          "Geen aanwijzingen voor uitbuiting. Het gesprek was in bijzijn van de baas, die steeds het woord deed.",
          "Geen aanwijzingen voor zorgfraude.", "Geen aanwijzingen voor iets anders.", "Geen zorgen meer.",
          "Verder geen actie nodig.", "Geen verdere actie, zaak ligt bij de politie.", "Geen signalen van dwang.",
          "Volgens de werkgever geen signalen van uitbuiting.", "'Geen zorgen,' zegt hij.",
          "Geen signalen van uitbuiting, zegt de werkgever.",
          "Geen aanwijzingen voor uitbuiting, maar hij mag niet weg."}) {
        EXPECT_TRUE(CodesOf(SuggestIndicators(fact + conclusion)).contains("ALG-14")) << conclusion;
    }
    // A firm reading stays: the officer sees a fact the writer thought nothing of.
    EXPECT_TRUE(CodesOf(SuggestIndicators("Werkt elke dag van 5 tot 21 uur, slaapt daar ook. Dus geen zorgen."))
                    .contains("ALG-02"));
}

// Long days in a business the family owns, said in their own words ("het is van ons"), are no sign.
TEST(SuggestionsTest, LongDaysInTheFamilysOwnBusinessSaidInTheirWords) {
    const std::set<std::string> codes = CodesOf(SuggestIndicators(
        "Ouders hebben samen een cafetaria in Didam, vader staat er 7 dagen per week. 'Druk, maar het is van ons.'"));
    EXPECT_FALSE(codes.contains("ALG-02"));
    EXPECT_FALSE(codes.contains("ARB-02"));
}

// Wages paid through a payroll office are no money handed over ("loon gaat via het loonbedrijf").
TEST(SuggestionsTest, WagesThroughAPayrollOfficeAreNoMoneyHandedOver) {
    const std::set<std::string> codes =
        CodesOf(SuggestIndicators("Het loon gaat via het loonbedrijf, hij liet zelf een loonstrook zien."));
    EXPECT_FALSE(codes.contains("ALG-08"));
    EXPECT_FALSE(codes.contains("ARB-10"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Het loon gaat via een man die het werk regelt, die houdt de helft."))
                    .contains("ALG-08"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Zijn loon wordt betaald via het loonbedrijf, maar het gaat rechtstreeks naar "
                                          "de man die hem naar Nederland bracht."))
                    .contains("ALG-08"));
}

// Informal pay in other words: a slip without its "loon", cash the worker receives, a contract denied in English.
TEST(SuggestionsTest, InformalPayInOtherWords) {
    for (const char* text : {"Hij krijgt zijn geld zonder strookje.", "Hij vertelde dat hij contant krijgt als er genoeg "
                             "verkocht is.", "Een man (Pools): 'No contract, eight euro per hour.'"}) {
        EXPECT_TRUE(CodesOf(SuggestIndicators(text)).contains("ARB-12")) << text;
    }
    EXPECT_FALSE(CodesOf(SuggestIndicators("De huurder betaalt de huur contant aan de verhuurder.")).contains("ARB-12"));
}

// Long days in English: "I work all day, every day"; not gaming all day, nor hours per month.
TEST(SuggestionsTest, LongDaysInEnglish) {
    for (const char* text : {"Zoon (14) zit all day every day te gamen op zijn kamer.",
                             "Student werkt sixty hours per month naast haar studie."}) {
        EXPECT_FALSE(CodesOf(SuggestIndicators(text)).contains("ALG-02")) << text;
    }
    for (const char* text : {"Hij zei: 'I work all day, every day'.", "'Seventy hours, every week', zei hij."}) {
        const std::set<std::string> codes = CodesOf(SuggestIndicators(text));
        EXPECT_TRUE(codes.contains("ALG-02")) << text;
        EXPECT_TRUE(codes.contains("ARB-02")) << text;
    }
}

// A debt to the employer read firmly is also the general debt signal: the labellers tick both. One read loosely, that
// the text explains as an orderly advance, is not.
TEST(SuggestionsTest, DebtToTheEmployerKeepsTheGeneralDebt) {
    const std::set<std::string> codes =
        CodesOf(SuggestIndicators("Hij heeft een schuld van 6.000 euro bij de eigenaar van de garage."));
    EXPECT_TRUE(codes.contains("ARB-07"));
    EXPECT_TRUE(codes.contains("ALG-07"));
    for (const char* text :
         {"Werkgever heeft hem een voorschot gegeven voor de borg; die schuld wordt netjes verrekend met het loon, "
          "zichtbaar op de loonstrook.",
          "Hij leende 500 euro van de werkgever voor een tandarts; die schuld lost hij af met 50 euro per maand via de "
          "loonstrook."}) {
        EXPECT_FALSE(CodesOf(SuggestIndicators(text)).contains("ALG-07")) << text;
    }
}

// Hours and minutes with a colon are a time by themselves, and a day starts at one where people set off: "05:10
// stappen 9 mannen in, rond 21:45 terug" is a long day; a log of calls or inspections, or a split shift, is not.
TEST(SuggestionsTest, ColonTimesSpanALongDay) {
    ExpectRuleSuggests({"Bus staat elke nacht op het sportpark. 05:10 stappen 9 mannen in, rond 21:45 terug. Ze werken "
                        "bij een teler.",
                        "Camerabeelden: 05:10 stappen 9 mannen in het busje, 22:40 worden ze teruggebracht. Ze werken "
                        "bij een teler."},
                       "ALG-02", true);
    ExpectRuleSuggests({"Melding om 05:10 over geluidsoverlast van de buren, om 21:45 nog een melding over muziek.",
                        "Inspectie: 05:50 aanwezig bij de loods, 21:15 einde controle. Geen bijzonderheden bij de "
                        "werknemers.",
                        "Werkt in de ochtendploeg, start 05:30. De avondploeg van het bedrijf start 21:00.",
                        "Telefoongesprek met de werkgever (duur 04:35); hij belt later terug om 21.00 uur.",
                        "Werkt bij de bakkerij. Logboek: 06:15 belt mw terug over de toeslag. 20:10 mail terug gestuurd.",
                        "Mevrouw werkt in de thuiszorg: 06:00 vertrekt ze voor de ochtendronde, 11:30 thuis, 17:00 weer "
                        "weg en 21:30 terug."},
                       "ALG-02", false);
}

// Cannabis grown is contact with crime; its smell in a stairwell is not (a rule for the smell and one for a courier
// "told not to look inside" were taken out after a review: personal use, a nuisance, a parcel carrier's privacy).
TEST(SuggestionsTest, CannabisGrownIsCrime) {
    ExpectRuleSuggests({"Politie vond bij de controle wietteelt op de zolder; de jongen moest de planten water geven."},
                       "CRI-06", true);
    ExpectRuleSuggests({"Bewoners van de flat klagen over wietlucht in het trappenhuis.",
                        "Meneer werkt als pakketbezorger bij PostNL en mag niet kijken wat er in de pakketten zit."},
                       "CRI-06", false);
}

// "Ziet er goed uit, trots op zijn zaak": "op" after the look is no look of someone worn out; "ziet er slecht uit"
// and "zag er helemaal op uit" are.
TEST(SuggestionsTest, LookingWellIsNoSignal) {
    EXPECT_FALSE(CodesOf(SuggestIndicators("Ziet er goed uit, trots op zijn zaak.")).contains("ALG-14"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Ze ziet er slecht uit.")).contains("ALG-14"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Ze zag er helemaal op uit na weer een nacht in de salon.")).contains("ALG-14"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Hij zag er de laatste tijd op uit.")).contains("ALG-14"));
}

// "niemand die ..." inside a sentence denies what follows, as "geen" does; "met niemand" alone denies nothing, and
// "niemand die ... kan verklaren", "... kennen", "... zelf houdt", and "Niemand die X doet Y" opening a sentence
// assert what follows (two reviews' counterexamples).
TEST(SuggestionsTest, NobodyWhoDeniesWhatFollows) {
    const std::set<std::string> codes = CodesOf(SuggestIndicators(
        "Bekend bij de opvang, dakloos, niemand die hem stuurt of geld ophaalt.", nullptr));
    EXPECT_FALSE(codes.contains("ALG-08"));
    EXPECT_FALSE(codes.contains("ARB-10"));
    const std::vector<Token> tokens = Tokenize("Er is niemand die haar stuurt. Ze mag met niemand praten.");
    ASSERT_EQ(tokens.size(), 11u);
    EXPECT_TRUE(tokens[2].negator);
    EXPECT_FALSE(tokens[9].negator);
    ExpectRuleSuggests({"Op school is niemand die de blauwe plekken kan verklaren."}, "ALG-14", true);
    ExpectRuleSuggests({"Niemand die haar schulden kan verklaren."}, "ALG-07", true);
    ExpectRuleSuggests({"Ze heeft veel nieuwe vrienden, niemand die haar ouders kennen."}, "ALG-03", true);
    ExpectRuleSuggests({"Niemand die in de container woont heeft stromend water."}, "ARB-13", true);
    const std::set<std::string> paying = CodesOf(SuggestIndicators(
        "Niemand die geld moet afdragen aan de vriend durft naar de politie te gaan.", nullptr));
    EXPECT_TRUE(paying.contains("ARB-10") || paying.contains("ALG-08") || paying.contains("SEK-02"));
}

TEST(SuggestionsTest, LabourNarrative) {
    const std::string text =
        "Bij de controle bleek dat twaalf arbeiders in een loods op het bedrijfsterrein slapen. Ze werken 14 uur "
        "per dag. De werkgever zegt dat ze een schuld bij hem hebben voor de reis en ze krijgen niets betaald.";
    const std::vector<Suggestion> suggestions = SuggestIndicators(text);
    ExpectWellFormed(text, suggestions);
    const std::set<std::string> codes = CodesOf(suggestions);
    for (const char* code : {"ARB-13", "ARB-02", "ARB-07", "ARB-03"}) {
        EXPECT_TRUE(codes.contains(code)) << code;
    }
    const Suggestion* long_days = FindSuggestion(suggestions, "ARB-02");
    ASSERT_NE(long_days, nullptr);
    EXPECT_EQ(long_days->evidence, "14 uur per dag");
}

TEST(SuggestionsTest, SexualExploitationNarrative) {
    const std::string text =
        "Haar vriend dwingt haar om seks te hebben met zijn vrienden. Ze moet het geld van de klanten aan hem "
        "afdragen en heeft een tweede telefoon.";
    const std::set<std::string> codes = CodesOf(SuggestIndicators(text));
    EXPECT_TRUE(codes.contains("SEK-04"));
    EXPECT_TRUE(codes.contains("SEK-02"));
    EXPECT_TRUE(codes.contains("SEK-08"));
}

TEST(SuggestionsTest, CriminalExploitationNarrative) {
    const std::string text =
        "De jongen van 15 spijbelt, heeft veel cash en dure sneakers en gaat om met dealers. Hij wordt gedwongen "
        "om in winkels te stelen.";
    const std::set<std::string> codes = CodesOf(SuggestIndicators(text));
    for (const char* code : {"CRI-03", "CRI-04", "CRI-06", "CRI-08"}) {
        EXPECT_TRUE(codes.contains(code)) << code;
    }
}

TEST(SuggestionsTest, NeutralTextSuggestsNothing) {
    EXPECT_TRUE(SuggestIndicators("De bewoner vroeg een nieuwe parkeervergunning aan.").empty());
    EXPECT_TRUE(SuggestIndicators("Meneer werkt 40 uur per week als timmerman en is om 17 uur thuis.").empty());
}

TEST(SuggestionsTest, DiacriticsAndCapitalsMatch) {
    const std::string text = "Hij werkt op een GEÏSOLEERDE plek.";
    const std::vector<Suggestion> suggestions = SuggestIndicators(text);
    const Suggestion* isolated = FindSuggestion(suggestions, "ALG-09");
    ASSERT_NE(isolated, nullptr);
    EXPECT_EQ(isolated->evidence, "GEÏSOLEERDE plek");
    EXPECT_TRUE(CodesOf(SuggestIndicators("Hij gebruikt cocaïne.")).contains("CRI-07"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("HIJ IS BEDREIGD.")).contains("ARB-06"));
}

TEST(SuggestionsTest, InflectedFormsMeetOnTheirStem) {
    // The patterns name "verwondingen"; the singular reaches it through the Snowball Dutch stem.
    const std::vector<Suggestion> suggestions = SuggestIndicators("Ze had een verwonding aan haar arm.");
    const Suggestion* injury = FindSuggestion(suggestions, "ALG-14");
    ASSERT_NE(injury, nullptr);
    EXPECT_EQ(injury->evidence, "verwonding");
}

TEST(SuggestionsTest, ExactWordsDoNotMeetOnAStem) {
    // "=ouders" (parents) must not match "oudere" (older), although both stem to "ouder".
    EXPECT_FALSE(CodesOf(SuggestIndicators("Hij gaat om met oudere mannen die zij nooit heeft gezien."))
                     .contains("ALG-05"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Ze heeft haar ouders al maanden niet gezien.")).contains("ALG-05"));
}

TEST(SuggestionsTest, NegatedPhrasesDoNotCount) {
    const std::vector<std::string> texts = {
        "Hij heeft geen schulden.",
        "Hij is niet bedreigd.",
        "Ze is niet bang om uitgezet te worden.",
        "Schulden heeft hij niet.",
        "Er zijn geen aanwijzingen dat hij wordt bedreigd of mishandeld.",
        "De werkgever heeft zijn paspoort niet ingenomen.",
        "Hij heeft een eigen paspoort en een eigen bankrekening.",
        "Ze gebruikt nooit drugs.",
    };
    for (const std::string& text : texts) {
        EXPECT_TRUE(SuggestIndicators(text).empty()) << text;
    }
}

TEST(SuggestionsTest, PhrasesThatAreNegativeThemselvesStillCount) {
    EXPECT_TRUE(CodesOf(SuggestIndicators("Hij heeft geen paspoort.")).contains("ALG-01"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Hij krijgt niet betaald.")).contains("ARB-03"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Ze krijgt geen loon.")).contains("ARB-03"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Hij weet niet waar hij woont.")).contains("ALG-13"));
    // A negation before one phrase does not cancel a later one.
    EXPECT_TRUE(CodesOf(SuggestIndicators("Ze heeft geen schulden, maar wel een schuld bij de werkgever."))
                    .contains("ARB-07"));
}

TEST(SuggestionsTest, EmptyAndOddInputs) {
    EXPECT_TRUE(SuggestIndicators("").empty());
    EXPECT_TRUE(SuggestIndicators("   \n\t.,;!?").empty());
    const std::vector<std::string> odd = {
        std::string("\xC3", 1),
        std::string("paspoort\xC3", 9),
        "\xC3\x28 \xFF\xFE \x80\x80 geen \xE2\x82 paspoort \xF0\x9F\x98",
        std::string("bedreigd\0niet", 13),
        "\xC3\xAF\xC3\xAF\xC3\xAF",
        "99999999999999999999 uur per dag",
    };
    for (const std::string& text : odd) {
        ExpectWellFormed(text, SuggestIndicators(text));
    }
}

TEST(SuggestionsTest, RandomBytesAreSafe) {
    std::mt19937 generator(20240101);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 20; ++round) {
        std::string text(1000 + round * 950, '\0');
        for (char& character : text) character = static_cast<char>(byte(generator));
        ExpectWellFormed(text, SuggestIndicators(text));
    }
}

// "2.400 euro" is one number, not "2" and "400": a promised wage of 2.400 euro is no wage under 1.000 euro.
TEST(SuggestionsTest, ThousandsSeparatorKeepsANumberWhole) {
    const std::vector<Suggestion> promised =
        SuggestIndicators("Ze verdienen 2.400 euro per maand, zoals in het contract staat.");
    EXPECT_FALSE(CodesOf(promised).contains("ARB-03"));
    const std::vector<Suggestion> low = SuggestIndicators("Ze verdienen 400 euro per maand.");
    EXPECT_TRUE(CodesOf(low).contains("ARB-03"));
}

// "€50" reads as "50 euro": an empty word "euro" at the number's end, so evidence still ends with the number.
TEST(SuggestionsTest, EuroSignReadsAsTheWordEuro) {
    const std::string text = "Hij krijgt €50 per week, soms € 1.200 in de maand; €, 5 dagen.";
    const std::vector<Token> tokens = Tokenize(text);
    std::vector<std::string> words;
    for (const Token& token : tokens) words.push_back(token.norm);
    EXPECT_EQ(words, (std::vector<std::string>{"hij", "krijgt", "50", "euro", "per", "week", "soms", "1200", "euro",
                                               "in", "de", "maand", "5", "dagen"}));
    ASSERT_GE(tokens.size(), 4U);
    EXPECT_EQ(tokens[3].begin, tokens[2].end);
    EXPECT_EQ(tokens[3].end, tokens[2].end);
    EXPECT_EQ(tokens[3].sentence, tokens[2].sentence);
}

// A wage named far below the legal minimum, paid in board and lodging or not at all, is underpayment (ARB-03);
// rent paid, board beside a wage, an ordinary wage and a child's pocket money are not. Read by the concept rules
// alone (no learned layer), so the rules themselves are tested.
TEST(SuggestionsTest, WagesFarBelowTheMinimumAreUnderpayment) {
    ExpectRuleSuggests({"De mannen werken in de fabriek en krijgen €50 per week 'leefgeld'.",
                        "De kok staat dag en nacht in de keuken voor 500 euro in de maand.",
                        "Hij werkt in de barbershop van een kennis voor eten en slapen.",
                        "Hij werkt in de fabriek, geld krijgt hij niet.",
                        "Hij werkt in de bouw. Hij zegt dat je pas betaald krijgt als de klus af is."},
                       "ARB-03", true);
    ExpectRuleSuggests({"Hij werkt in de bouw en betaalt 400 euro per maand huur.",
                        "Hij werkt in de kas en krijgt naast zijn loon gratis eten en een bed.",
                        "Hij werkt in de winkel en krijgt 2.300 euro per maand.",
                        "Hij werkt in de bouw en krijgt 400 euro per maand aan toeslag.",
                        "Ze krijgt €50 per week zakgeld van haar ouders.",
                        "Ze werkt in een winkel en krijgt 900 euro per maand alimentatie van haar ex.",
                        "Hij werkt in de bouw. Geld krijgt hij niet contant maar op zijn rekening."},
                       "ARB-03", false);
}

// Lending one's bank card or account to others (a money mule) and carrying goods for an unnamed "oom" or "gast"
// are contact with people who commit crimes (CRI-06); a courier job, a lent bicycle and a tax assessment
// ("aanslag") are not.
TEST(SuggestionsTest, MoneyMulesAndCouriersAreInContactWithCriminals) {
    ExpectRuleSuggests({"Hij heeft zijn bankpas en pincode voor 200 euro uitgeleend aan jongens van Snapchat.",
                        "Op zijn rekening komen grote bedragen binnen die direct weer worden doorgeboekt.",
                        "Hij brengt 's nachts met de trein pakjes naar Arnhem voor een gast.",
                        "Er is een aanslag op zijn woning gepleegd."},
                       "CRI-06", true);
    ExpectRuleSuggests({"Hij brengt pakketjes rond voor PostNL.",
                        "Hij rijdt pakketjes rond voor een man met een bezorgdienst.",
                        "Ze brengt spullen voor haar oom naar de kringloop.",
                        "Hij rijdt voor iemand in een busje naar België.", "De inbrekers zijn inmiddels gepakt.",
                        "Hij verhuurt een kamer en betaalt de rekening zelf.",
                        "De aanslag afvalstoffenheffing is te hoog, zegt meneer."},
                       "CRI-06", false);
}

// In a sex-work narrative, money someone takes is the money of SEK-02, also beside a debt paid off with sex
// (SEK-05); money the person keeps is no money handed over.
TEST(SuggestionsTest, MoneyTakenInSexWorkIsHandedOver) {
    for (const char* text : {
             "Ze moet de reis terugverdienen met klanten, het geld gaat naar de chauffeur.",
             "Ze moet met mannen mee om haar schuld af te lossen en hij haalt het geld op.",
         }) {
        SCOPED_TRACE(text);
        const std::set<std::string> codes = CodesOf(SuggestIndicators(text, nullptr));
        EXPECT_TRUE(codes.contains("SEK-05"));
        EXPECT_TRUE(codes.contains("SEK-02"));
    }
    // The learned layer reads "houdt het geld" as money taken; "zelf" says whose hands it stays in.
    const std::set<std::string> own = CodesOf(SuggestIndicators("Hij doet seksdates en houdt het geld zelf."));
    EXPECT_FALSE(own.contains("ALG-08"));
    EXPECT_FALSE(own.contains("SEK-02"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Hij doet seksdates en de man houdt het geld.")).contains("ALG-08"));
    // Nor is money she manages herself: "beheert haar eigen geld en pinpas".
    ExpectRuleSuggests({"Ze woont bij hem in en beheert haar eigen geld en pinpas."}, "ALG-08", false);
    ExpectRuleSuggests({"Haar loon komt op haar eigen rekening, maar de baas beheert die en haar pinpas."}, "ALG-08",
                       true);
}

// Money managed under a court's order and begging for oneself are no money taken (ALG-08, ARB-11) and no forced
// begging (CRI-02); the same facts with someone who takes the money, a private power of attorney or force still are.
TEST(SuggestionsTest, CourtOrderedAdministrationAndOwnBeggingAreNoSignal) {
    ExpectRuleSuggests({"Dhr. kan niet zelf bij zijn bankrekening: sinds 2022 beschermingsbewind via de "
                        "kantonrechter.",
                        "Een dakloze man vraagt bij het station om geld. Hij doet dat op eigen initiatief."},
                       "ALG-08", false);
    ExpectRuleSuggests({"Dhr. kan niet zelf bij zijn bankrekening, zijn baas beheert die.",
                        "Een man vraagt bij het station om geld en moet alles aan zijn oom afgeven.",
                        "Zij kan zelf niet bij haar bankrekening, haar man heeft een volmacht en neemt al haar geld.",

                        "Hij verkoopt de daklozenkrant. Hij heeft een verkoperspas, maar een man haalt elke avond de "
                        "opbrengst op."},
                       "ALG-08", true);
    ExpectRuleSuggests({"Een dakloze man vraagt bij het station om geld. Hij doet dat voor zichzelf."}, "CRI-02",
                       false);
    ExpectRuleSuggests({"Mevrouw wordt gedwongen te bedelen bij het winkelcentrum. Ze heeft een verkoperspas van de "
                        "straatkrant.",
                        "Een vrouw bedelt bij de Albert Heijn en wordt elke ochtend met een busje afgezet en 's avonds "
                        "opgehaald. De man naast haar doet het voor zichzelf.",
                        "Een Roemeense man bedelt al weken bij de Jumbo. Hij zegt dat hij het op eigen initiatief doet, "
                        "maar hij wordt elke ochtend afgezet."},
                       "CRI-02", true);
}

// An account the person manages is no money out of their hands (ALG-08, ARB-11); with a contrast or money taken
// beside it, it still is.
TEST(SuggestionsTest, OwnAccountIsNoSignal) {
    const std::string text = "Schuldhulp: inwoner (29) heeft 6.000 euro schuld bij de zorgverzekeraar. Via ons loopt "
                             "een betalingsregeling; hij beheert zijn rekening zelf en zijn huidige werkgever staat "
                             "volledig buiten de schuld.";
    const std::set<std::string> codes = CodesOf(SuggestIndicators(text, nullptr));
    EXPECT_FALSE(codes.contains("ALG-08"));
    EXPECT_FALSE(codes.contains("ARB-11"));
    ExpectRuleSuggests({"Hij zegt dat hij zijn rekening zelf beheert, maar zijn werkgever heeft zijn bankpas.",
                        "De voorman haalt elke vrijdag 150 euro contant bij hem op voor het busje en de huur. Hij "
                        "beheert zijn rekening zelf en pint het geld daarvoor."},
                       "ALG-08", true);
}

// Allowances, loans or subscriptions taken out in the person's name are fraud by someone else (CRI-06, contact with
// people who act criminally); an allowance the person receives in their own name, themselves, is not.
TEST(SuggestionsTest, FraudInThePersonsNameIsContactWithCriminals) {
    ExpectRuleSuggests({"Een 'kennis' heeft op haar naam toeslagen en een uitkering aangevraagd.",
                        "Die man vraagt op hun naam toeslagen aan en houdt het geld.",
                        "Ze heeft zelf niets aangevraagd, maar haar vriend heeft op haar naam leningen en "
                        "telefoonabonnementen afgesloten.",
                        "Haar 'neef' heeft twee leningen op haar naam afgesloten.",
                        "Op het adres staan twaalf spookbewoners ingeschreven."},
                       "CRI-06", true);
    ExpectRuleSuggests({"Er lopen telefoonabonnementen en een lening op haar naam. Ze zegt dat ze die nooit heeft "
                        "afgesloten.",
                        "Op hun naam lopen zorg- en huurtoeslag, maar zelf wisten ze niet eens dat ze toeslag kregen.",
                        "Zijn werkgever heeft een telefoonabonnement en twee leningen op zijn naam afgesloten.",
                        "De huisbaas heeft huurtoeslag op haar naam aangevraagd en houdt het geld zelf.",
                        "Een 'tolk' deed het woord; er staan toeslagen op zijn naam.",
                        "Hij heeft een strafblad voor heling. Er staan ook twee leningen op zijn naam."},
                       "CRI-06", true);
    ExpectRuleSuggests({"Ze ontvangt zelf huurtoeslag op haar naam, op haar eigen rekening.",
                        "Het huurcontract staat op haar naam, de afspraak is gemaakt.",
                        "Meneer ontvangt sinds 2021 bijstand op zijn naam; hij woont alleen.",
                        "Schuldhulpverlening: mevrouw heeft twee leningen op haar naam lopen en een betalingsachterstand.",
                        "Na het overlijden van haar man wil mevrouw dat de huurtoeslag voortaan op haar naam komt.",
                        "Gesprek gevoerd met tolk. Meneer ontvangt bijstand op zijn naam.",
                        "Meneer heeft nooit eerder gewerkt. Hij ontvangt sinds maart een uitkering op zijn naam."},
                       "CRI-06", false);
}

// A number alone in brackets is a person's age, not a crowd: "man (30) viel bijna in slaap" is no overcrowded housing;
// a count of people is.
TEST(SuggestionsTest, AnAgeInBracketsIsNoCrowd) {
    ExpectRuleSuggests({"Roemeense man (30) viel bijna in slaap tijdens het gesprek over zijn huurtoeslag."}, "ARB-13",
                       false);
    ExpectRuleSuggests({"Roemeense man, 30 mensen slapen in het huis van de werkgever.",
                        "Huisbezoek: in de woning verblijven arbeidsmigranten (16), allemaal via hetzelfde uitzendbureau.",
                        "In de bovenwoning van de eigenaar van de autowasstraat verblijven Roemenen (9)."},
                       "ARB-13", true);
}

// "bijna" beside a word of receiving ("viel bijna in slaap tijdens het gesprek over ...") is no income withheld;
// "niets over" and "nog steeds niet voor gekregen" still are.
TEST(SuggestionsTest, AlmostIsNoIncomeWithheld) {
    ExpectRuleSuggests({"Hij werkt in de kas en viel bijna in slaap tijdens het gesprek over zijn huurtoeslag."},
                       "ARB-03", false);
    ExpectRuleSuggests({"Hij werkt in de kas en houdt na de huur niets over.",
                        "Hij werkt sinds februari in de kas bij een tuinder en heeft daar nog steeds niet voor gekregen."},
                       "ARB-03", true);
}

// A deduction the writer denies is neither underpayment (ARB-03) nor a debt paid off from the wage (ARB-07); one
// that is made still is.
TEST(SuggestionsTest, DeniedDeductionIsNoSignal) {
    ExpectRuleSuggests({"Hij werkt bij de melkveehouder, de huur gaat niet van zijn loon af."}, "ARB-03", false);
    ExpectRuleSuggests({"Hij werkt bij de melkveehouder, de huur gaat niet van zijn loon af."}, "ARB-07", false);
    ExpectRuleSuggests({"Hij werkt bij de melkveehouder, de huur gaat van zijn loon af.",
                        "Ze werkt in de kas; de reiskosten worden ingehouden.",
                        "Ze heeft een schuld van 4000 euro voor de reis en het werk in de kas. Dat wordt niet van haar "
                        "loon afgetrokken; ze moet het elke vrijdag contant afbetalen."},
                       "ARB-07", true);
    ExpectRuleSuggests({"Hij werkt in de kas en krijgt maar 150 euro per week. Er wordt niets ingehouden.",
                        "Ze werkt in de kas voor 6 euro per uur. De huur wordt niet ingehouden.",
                        "Hij wordt pas betaald als het seizoen voorbij is. De huur gaat niet van zijn loon af."},
                       "ARB-03", true);
}

// A delivery job someone checked explains the parcels a neighbour took for drugs; without the check it does not.
TEST(SuggestionsTest, ACheckedDeliveryJobExplainsSuspectedParcels) {
    const char* checked = "Buurtbewoner belde: twee jongens lopen met tassen vol pakketjes langs deuren, 'dat zijn vast "
                          "drugs'. Nagevraagd: het is hun krantenwijk via een bezorgbedrijf.";
    const char* unchecked = "Buurtbewoner belde: twee jongens lopen met tassen vol pakketjes langs deuren, 'dat zijn "
                            "vast drugs'. Volgens de jongens is het hun krantenwijk.";
    ExpectRuleSuggests({checked}, "CRI-06", false);
    ExpectRuleSuggests({unchecked,
                        "Moeder vertelt dat haar zoon (16) een krantenwijk heeft. Uit zijn telefoon bleek dat hij voor "
                        "oudere jongens pakketjes met drugs rondbrengt."},
                       "CRI-06", true);
    ExpectRuleSuggests({"Dochter (17) rookt sinds kort elke dag wiet en is vaak weg. Ze heeft een folderwijk, dat is "
                        "nagevraagd."},
                       "CRI-07", true);
}

// An owner named twice is one person: "de eigenaar van de snackbar" who "is eigenaar" works his own long days.
TEST(SuggestionsTest, AnOwnerNamedTwiceIsThePerson) {
    ExpectRuleSuggests({"Bij de controle vertelde de eigenaar van de snackbar (45) dat hij zo'n 80 uur per week achter "
                        "de toonbank staat. Hij is eigenaar en maakt zijn eigen rooster."},
                       "ALG-02", false);
    ExpectRuleSuggests({"Bij de controle vertelde de eigenaar van de snackbar dat zij 80 uur per week achter de toonbank "
                        "staat. Hij is de eigenaar.",
                        "Mevrouw werkt 13 uur per dag in een nagelsalon, zes dagen per week. De eigenaar betaalt haar "
                        "contant en ze is niet verzekerd. Ze hoopt later zelf eigenaar te worden van een salon.",
                        "Hij werkt 12 uur per dag, zeven dagen per week, in een snackbar. Een landgenoot is eigenaar "
                        "van de snackbar. De eigenaar regelt ook zijn kamer en houdt zijn paspoort."},
                       "ALG-02", true);
}

// Housing the writer finds in order, a family's own home or an independent life is no bad housing (ARB-13); living
// at the premises still is.
TEST(SuggestionsTest, HousingInOrderIsNoBadHousing) {
    ExpectRuleSuggests({"Hij woont boven de zaak.", "Ze slaapt in het pand.",
                        "Hij woont in een kamertje boven het werk.",
                        "Met zijn vrouw en twee kinderen slaapt hij in een garagebox."},
                       "ARB-13", true);
    ExpectRuleSuggests({"Hij woont met zijn vrouw boven de zaak.",
                        "16 Poolse seizoenswerkers in gecertificeerde huisvesting, ieder een eigen kamer en sleutel.",
                        "Niemand woont of slaapt in het pand.", "Hij woont zelfstandig en heeft gewoon werk.",
                        "De seizoenswerkers wonen in gecertificeerde units op het erf.",
                        "Hij woont in een huisje op het erf van de boer bij wie hij werkt. De woning is door de "
                        "gemeente gecontroleerd en goedgekeurd."},
                       "ARB-13", false);
    ExpectRuleSuggests({"Hij woont boven het restaurant met vijf collega's op één kamer. De vergunning voor het terras "
                        "is goedgekeurd.",
                        "In de woning slapen 14 arbeiders op matrassen, terwijl die voor 4 personen is goedgekeurd.",
                        "Acht mannen slapen op matrassen in een unit achter de fabriek; de unit is goedgekeurd als "
                        "opslag, niet voor bewoning."},
                       "ARB-13", true);
    ExpectRuleSuggests({"De seizoenswerkers wonen in units op het erf."}, "ARB-13", true);
}

// An injury whose cause a document confirms, or tiredness from a named illness, is no signal (ALG-14); an
// injury the person explains alone still is.
TEST(SuggestionsTest, ConfirmedInjuriesAndIllnessAreNoSignal) {
    ExpectRuleSuggests({"Ze had een blauwe plek op haar wang en zei dat ze gevallen was.",
                        "Ze heeft blauwe plekken en zegt dat ze gevallen is. De buurvrouw bevestigt dat ze vaak "
                        "geslagen wordt."},
                       "ALG-14", true);
    ExpectRuleSuggests({"Ze heeft diabetes maar krijgt geen insuline en mag niet naar de dokter."}, "ALG-11", true);
    ExpectRuleSuggests({"Dhr. had een flinke blauwe plek op zijn wang. Vorige week met de fiets onderuit gegaan, hij "
                        "liet de ontslagbrief van de SEH zien.",
                        "Ze heeft de ziekte van Pfeiffer en is erg moe."},
                       "ALG-14", false);
}

// A companion who interrupts, whom the person looks at before answering or who came along holding the papers
// controls the conversation (ALG-12).
TEST(SuggestionsTest, ControllingCompanionIsFound) {
    ExpectRuleSuggests({"Voor ze iets zei keek ze eerst naar hem.",
                        "De eigenaar bleef erbij staan en viel hem een paar keer in de rede.",
                        "De eigenaar bleef erbij staan en hem een paar keer in de rede viel.",
                        "De man die meekwam heeft haar papieren in bewaring."},
                       "ALG-12", true);
    ExpectRuleSuggests({"Ze keek naar de grond en zei niets.",
                        "De man die meekwam liet een kopie van zijn paspoort zien.",
                        "Met zijn begeleider van Vluchtelingenwerk kijken we naar de vragen.",
                        "Ze krijgt begeleiding van Humanitas. Haar paspoort ligt in de kluis.",
                        "Ze beantwoordt de vragen zelf, zonder hulp van de tolk.",
                        "Een professionele tolk vertaalde alles."},
                       "ALG-12", false);
    // "weinig ... over" is little money left only when it is not about a language.
    ExpectRuleSuggests({"Dhr. werkt in de bouw, spreekt weinig Nederlands maar was duidelijk over zijn gegevens."},
                       "ARB-03", false);
}

// "pas" after a determiner or before "en pincode" is a bank card and reads as "bankpas"; otherwise it is the adverb
// ("kent hij pas sinds kort") and no card.
TEST(SuggestionsTest, PasIsACardOnlyAfterADeterminer) {
    const auto norms = [](std::string_view text) {
        std::vector<std::string> words;
        for (const Token& token : Tokenize(text)) words.push_back(token.norm);
        return words;
    };
    EXPECT_EQ(norms("zijn pas en de passen"), (std::vector<std::string>{"zijn", "bankpas", "en", "de", "bankpassen"}));
    EXPECT_EQ(norms("pas en pincode"), (std::vector<std::string>{"bankpas", "en", "pincode"}));
    EXPECT_EQ(norms("die jongens kent hij pas sinds kort"),
              (std::vector<std::string>{"die", "jongens", "kent", "hij", "pas", "sinds", "kort"}));
    ExpectRuleSuggests({"Hij heeft zijn pas en pincode aan de baas gegeven."}, "ALG-08", true);
    ExpectRuleSuggests({"De vriend zegt dat ze pas weg mag als de baas het zegt.",
                        "Hij heeft de baas pas gisteren gesproken.", "Ze zijn pas sinds kort bij de baas in dienst."},
                       "ALG-08", false);
    ExpectRuleSuggests({"Hij heeft geen pas meer; die heeft de baas.", "De baas bewaart alle passen.",
                        "De baas houdt haar pas in.", "Hij heeft zijn pas nu bij de werkgever liggen.",
                        "Hij moest zijn pas een week geleden afgeven aan de baas."},
                       "ALG-08", true);
}

// Money handed over (ALG-08, ARB-10): a wage paid back is, a debt paid back (ARB-07) and "al 6 weken" are not; the
// verb may come first ("geeft al het geld aan een man"), and an ordered rule takes the words in their order even
// when the same concept stood earlier ("vraagt om geld en geeft al het geld aan een man").
TEST(SuggestionsTest, MoneyHandedOverIsReadInEitherClauseOrder) {
    ExpectRuleSuggests({"Zijn salaris wordt gestort maar daarna moet hij het verschil contant terugbetalen aan de "
                        "eigenaar.",
                        "Ze geeft na afloop al het geld aan een man.",
                        "Ze vraagt om geld en geeft al het geld aan een man."},
                       "ALG-08", true);
    ExpectRuleSuggests({"Hij werkt in de bouw. Al 6 weken geen loon, de baas zegt later.",
                        "De man geeft haar elke week geld.",
                        "Hij geeft zijn loon aan zijn vrouw, die de boodschappen doet."},
                       "ALG-08", false);
    ExpectRuleSuggests({"Hij geeft al zijn loon aan een vrouw die het werk regelt.",
                        "Hij werkt in de bouw en geeft al het geld aan de familie van de werkgever."},
                       "ALG-08", true);
    ExpectRuleSuggests({"Hij werkt op de bouw en moet de baas nog 8000 euro terugbetalen voor de reis.",
                        "Hij werkt in de bouw en moet de helft van de toeslag terugbetalen aan de Belastingdienst."},
                       "ARB-10", false);
    // Wages "via de bank" are no money handed over, unless money goes back beside them.
    ExpectRuleSuggests({"Hij werkt in de bouw. Zijn loon wordt via de bank betaald, maar hij moet elke week 200 euro "
                        "terugstorten."},
                       "ALG-08", true);
    // Blackmail with photos sent to the family is extortion, not money sent home.
    ExpectRuleSuggests({"Hij chanteert haar: als ze niet betaalt, stuurt hij de foto's naar haar familie."}, "ARB-15",
                       true);
}

// A cannabis farm and fraud are crime the person is in contact with (CRI-06); smelling of weed is use (CRI-07).
TEST(SuggestionsTest, CannabisFarmsAndFraudAreContactWithCriminals) {
    ExpectRuleSuggests({"Het stonk er naar wiet en hij gaf de planten water.",
                        "De man was volgens collega's eerder betrokken bij een fraudezaak."},
                       "CRI-06", true);
    ExpectRuleSuggests({"Hij rook sterk naar wiet.",
                        "Hij rookt af en toe wiet. Verder helpt hij zijn oom in de tuin met de planten."},
                       "CRI-06", false);
}

// Sex work named by its circumstances is SEK-02; money handed over there stays SEK-02 also when the woman lives
// above the salon (ARB-13 is as much a sex worker's as a labourer's).
TEST(SuggestionsTest, SexWorkIsReadFromItsCircumstances) {
    ExpectRuleSuggests({"Een meisje dat steeds met een andere man een kamer neemt.", "Klanten verwachten meer dan massage.",
                        "Ze moet bij elke klant ook 'happy end' doen."},
                       "SEK-02", true);
    ExpectRuleSuggests({"Hij deelt een kamer met 3 andere mannen in een appartement."}, "SEK-02", false);
    const std::set<std::string> salon = CodesOf(SuggestIndicators(
        "Ze werkt in een massagesalon; per klant moet ze €60 afdragen aan de eigenaresse. Ze woont boven de salon.",
        nullptr));
    EXPECT_TRUE(salon.contains("SEK-02"));
    EXPECT_FALSE(salon.contains("ARB-10"));
}

// Cash pay (ARB-12) is the worker's wage, not a room someone pays for in cash; pickpockets are named by what they
// take (CRI-01).
TEST(SuggestionsTest, CashWagesAndPickpocketsAreReadPrecisely) {
    ExpectRuleSuggests({"Hij werkt in de carwash en krijgt zijn loon contant.", "De eigenaar betaalt 'per dag, contant'."},
                       "ARB-12", true);
    ExpectRuleSuggests({"De kamer wordt telkens contant betaald door dezelfde man.",
                        "Hij werkt in de bouw. Sinds januari wordt hij niet meer contant betaald, maar via de bank."},
                       "ARB-12", false);
    ExpectRuleSuggests({"Twee meisjes betrapt bij het rollen van een portemonnee uit een boodschappentas.",
                        "Drie vrouwen aangehouden i.v.m. telefoondiefstal uit jaszakken op het perron."},
                       "CRI-01", true);
    ExpectRuleSuggests({"Hij rolt de matten op en gaat naar huis.",
                        "Ze meldde dat haar telefoon en bankpas gestolen zijn uit haar handtas."},
                       "CRI-01", false);
}

// Daylight as the working day and the same clock hour twice are long days (ALG-02), not a dark workplace (ALG-09);
// "van 8 tot 5" is an ordinary day.
TEST(SuggestionsTest, DaylightAndTwelveHourSpansAreLongDays) {
    ExpectRuleSuggests({"Ze werken van licht tot donker.", "Hij werkt van zonsopgang tot het donker is.",
                        "Seven days we work, from dark to dark.", "Ze werken 'zolang het licht is'.",
                        "Hij staat daar elke dag van zeven tot zeven."},
                       "ALG-02", true);
    ExpectRuleSuggests({"Hij werkt van 8 tot 5.", "Hij werkt van 3 tot 3."}, "ALG-02", false);
    ExpectRuleSuggests({"Ze werken van licht tot donker."}, "ALG-09", false);
    ExpectRuleSuggests({"Ze werken in een donkere loods."}, "ALG-09", true);
}

// A working day told by when people are fetched and brought back is a long day; a night shift, a time without a
// part of the day, or an amount is not read as one.
TEST(SuggestionsTest, FetchedEarlyAndBroughtBackLateIsALongDay) {
    ExpectRuleSuggests({"Om 5 uur 's ochtends komt er een busje en om 9 uur 's avonds zijn ze pas terug.",
                        "Een busje haalt ze om 05.00 op voor de pluk en zet ze om 21.00 weer af.",
                        "Ze worden om kwart voor vijf 's ochtends opgehaald. Ze zijn niet voor tien uur 's avonds "
                        "terug."},
                       "ARB-02", true);
    ExpectRuleSuggests({"Om 22 uur begint haar nachtdienst in de fabriek, om 6 uur 's ochtends is ze klaar.",
                        "Elke ochtend om 6 uur vertrekt een busje met collega's; om half 5 zijn ze weer terug.",
                        "Om 5 uur 's ochtends komt er een busje; de chauffeur krijgt 21 euro per rit.",
                        "Hij werkt niet om 5 uur 's ochtends in de kas maar om 8 uur, tot 21.00 uur is hij thuis."},
                       "ARB-02", false);
}

// An owner named at the start of a clause ("Ondernemersloket: eigenaar van een snackbar") is the person, so their
// own long days are no signal; an owner who makes the cook work them is.
TEST(SuggestionsTest, OwnerOpeningAClauseIsThePerson) {
    ExpectRuleSuggests({"Ondernemersloket: eigenaar van een snackbar staat er zes dagen van 9 tot middernacht. Het is "
                        "zijn eigen zaak."},
                       "ALG-02", false);
    ExpectRuleSuggests({"Controle: de eigenaar van de snackbar laat de kok zes dagen van 9 tot middernacht werken.",
                        "Hij is zzp'er op de bouwplaats, eigenaar betaalt hem contant en hij werkt zeven dagen per "
                        "week.",
                        "Hij heeft een eigen zaak, eigenaar van het pand betaalt hem contant en hij werkt zeven dagen "
                        "per week."},
                       "ALG-02", true);
}

// The narrative's person named as the owner by a pronoun ("Hij is de eigenaar") works their own long days; a pronoun
// naming someone else as the owner beside a worker's long days, or "de man is de eigenaar", does not say so.
TEST(SuggestionsTest, PronounNamingTheOwnerIsThePerson) {
    ExpectRuleSuggests({"Bakker staat zelf van vier uur 's nachts tot zeven uur 's avonds in de winkel, zes dagen per "
                        "week. Hij is de eigenaar en doet dat al 25 jaar zo.",
                        "Ze staat 15 uur per dag in de nagelstudio. Zij is eigenaar en wil het zo."},
                       "ALG-02", false);
    ExpectRuleSuggests({"De kok werkt 15 uur per dag. De man in de BMW is de eigenaar.",
                        "Hij is de eigenaar van de bus die hen ophaalt; ze werken 15 uur per dag voor de baas."},
                       "ALG-02", true);
}

// Loot a person must hand over (CRI-01, CRI-03) is not their own money: no ALG-08 beside it, unless their bank
// account is named or the takings are begging money (CRI-02).
TEST(SuggestionsTest, LootHandedOverIsNoMoneyOfTheirOwn) {
    ExpectRuleSuggests({"Jongens worden gedwongen in winkels te stelen; alles wat ze pakken moeten ze aan hem geven.",
                        "Hij moet zakkenrollen in de tram en de buit gaat naar hem."},
                       "ALG-08", false);
    ExpectRuleSuggests({"Hij moet zakkenrollen in de tram. De man die hem stuurt heeft zijn bankpas.",
                        "Ze moet bedelen bij de supermarkt en stelen in de winkel, al het geld moet ze aan hem "
                        "geven."},
                       "ALG-08", true);
}

// Living above the club is how a sex-work narrative tells of the women's rooms: without any fact of labour
// exploitation beside it, that is not the labour list's bad housing (ARB-13), so the narrative points to one form;
// workers housed at the workplace are.
TEST(SuggestionsTest, RoomsAtTheClubInSexWorkAreNoLabourHousing) {
    ExpectRuleSuggests({"Twee vrouwen in de massagesalon slapen ook boven de salon. Ze moeten seks hebben met klanten "
                        "en het geld afgeven aan de eigenaar."},
                       "ARB-13", false);
    ExpectRuleSuggests({"Zes arbeidsmigranten slapen in de loods op het bedrijfsterrein.",
                        "De schoonmakers van het hotel slapen in de kelder van het hotel en werken 14 uur per dag."},
                       "ARB-13", true);
}

// Someone who speaks for themself is not controlled by whoever came along; "mocht niet zelf antwoorden" is.
TEST(SuggestionsTest, PersonSpeakingForThemselfHasNoControllingCompanion) {
    ExpectRuleSuggests({"Zijn vrouw was mee, maar hij deed zelf het woord.",
                        "Zijn neef tolkte; meneer gaf zelf alle antwoorden via de neef.",
                        "De werkgever wachtte in de hal. Meneer beantwoordde alle vragen zelf in redelijk Engels."},
                       "ALG-12", false);
    ExpectRuleSuggests({"Ze kwam met haar zoon, die vertaalde. Ik heb ook even apart met haar gesproken, ze wil graag "
                        "dat hij helpt."},
                       "ALG-12", false);
    ExpectRuleSuggests({"De man deed het woord, zij mocht niet zelf antwoorden.",
                        "Haar zoon vertaalde steeds voor haar; ik kon haar niet apart spreken.",
                        "Haar 'vriend' beantwoordde alle vragen en liet haar niet uitpraten."},
                       "ALG-12", true);
}

// Money or goods whose lawful source the text shows (a payslip, a receipt, a birthday present) are no sign of
// criminal income; "heeft geen loonstrook" shows nothing.
TEST(SuggestionsTest, ShownSourceExplainsExpensiveThings) {
    ExpectRuleSuggests({"Zoon (16) heeft een nieuwe iPhone; moeder liet de loonstroken van zijn zomerbaan zien.",
                        "Dochter heeft opeens een nieuwe iPhone. Blijkt een verjaardagscadeau van opa en oma."},
                       "CRI-04", false);
    ExpectRuleSuggests({"Zoon (16) heeft een nieuwe iPhone en dure kleding, maar geen loonstrook of bijbaan.",
                        "Hij loopt in dure merkkleding rond en heeft veel contant geld."},
                       "CRI-04", true);
}

// A second phone for work is no hidden phone, outside sex work; a sex worker's second phone for the clients is.
TEST(SuggestionsTest, WorkPhoneIsNoSecondPhone) {
    ExpectRuleSuggests({"Ze heeft twee telefoons, de tweede is een werktelefoon van de thuiszorg.",
                        "Hij heeft een tweede telefoon van zijn werkgever, voor de bezorgapp."},
                       "SEK-08", false);
    ExpectRuleSuggests({"Ze heeft een tweede telefoon voor het werk in de club, klanten bellen haar daarop.",
                        "Ze heeft een tweede telefoon, de 'werktelefoon' waarop de klanten van de club bellen.",
                        "Ze heeft een tweede telefoon die niemand mag zien."},
                       "SEK-08", true);
}

// A debt to the employer the person agreed to on paper is no debt bondage (ARB-07); a debt imposed is.
TEST(SuggestionsTest, AgreedAdvanceIsNoDebtBondage) {
    ExpectRuleSuggests({"Hij heeft een schuld van 1.200 euro bij zijn werkgever: een voorschot voor de reparatie van "
                        "zijn auto, schriftelijk vastgelegd.",
                        "Ze heeft een schuld bij haar werkgever, die wordt met haar instemming in termijnen "
                        "ingehouden."},
                       "ARB-07", false);
    ExpectRuleSuggests({"Hij heeft een schuld van 8.000 euro bij zijn werkgever voor de reis en moet die afbetalen.",
                        "Hij heeft een schuld bij zijn werkgever. Er is geen leenovereenkomst en de schuld groeit."},
                       "ARB-07", true);
}

// A worker's injury from the work is a health complaint of the labour list (ARB-17), not the look of someone
// abused (ALG-14); beside violence it stays ALG-14.
TEST(SuggestionsTest, WorkInjuryIsAHealthComplaint) {
    const auto codes = [](const char* text) { return CodesOf(SuggestIndicators(text, nullptr)); };
    const auto injured = codes("Hij werkt in de slachterij en heeft een diepe snijwond in zijn hand.");
    EXPECT_FALSE(injured.contains("ALG-14"));
    EXPECT_TRUE(injured.contains("ARB-17"));
    EXPECT_TRUE(codes("Hij werkt in de slachterij, wordt geslagen door de voorman en heeft een snijwond in zijn "
                      "hand.")
                    .contains("ALG-14"));
    EXPECT_TRUE(codes("Ze heeft een snijwond in haar hand en zegt dat ze gevallen is.").contains("ALG-14"));
}

// Passports in lockers only the tenants open and a weekly amount withheld for housing tell of orderly agency work:
// no passport kept (ALG-01), no low wage (ARB-03); the landlord's locker, or certified housing that the agency only
// claims, are no such thing.
TEST(SuggestionsTest, OrderlyAgencyHousingIsNoSignal) {
    const std::string text = "Controle huisvesting arbeidsmigranten: uitzendbureau houdt 95 euro per week in voor "
                             "huisvesting, staat zo in het contract. Paspoorten liggen in persoonlijke kluisjes "
                             "waarvan alleen de bewoners zelf de code hebben.";
    const std::set<std::string> codes = CodesOf(SuggestIndicators(text, nullptr));
    EXPECT_FALSE(codes.contains("ALG-01"));
    EXPECT_FALSE(codes.contains("ARB-03"));
    ExpectRuleSuggests({"Hij heeft zijn paspoort niet; dat ligt in de persoonlijke kluis van de huisbaas."}, "ALG-01",
                       true);
    ExpectRuleSuggests({"Volgens het uitzendbureau is de huisvesting gecertificeerd, maar bij controle sliepen er 14 "
                        "mannen in een woning voor 4."},
                       "ARB-13", true);
    ExpectRuleSuggests({"Hij werkt in de kas voor 200 euro per week, vervoer met het busje van de baas."}, "ARB-03",
                       true);
    ExpectRuleSuggests({"Ze werken in de kas en krijgen 95 euro per week."}, "ARB-03", true);
    ExpectRuleSuggests({"De uitzendkrachten slapen met twaalf man in een loods op het terrein van het uitzendbureau."},
                       "ARB-13", true);
    ExpectRuleSuggests({"De paspoorten liggen in de kluis van de baas."}, "ALG-01", true);
}

// Cases a review found hidden or raised by the rules of 30 November: each stays as a careful reader reads it.
TEST(SuggestionsTest, InnocentUseRulesKeepTheirSignals) {
    ExpectRuleSuggests({"Haar begeleider deed het woord en gaf zelfs antwoord op vragen die aan haar gesteld werden.",
                        "De man die meekwam deed steeds het woord. Een apart gesprek weigerde hij.",
                        "Haar neef vertaalde. Ze gaf zelf antwoord op de eerste vraag, daarna weigerde de neef nog te "
                        "vertalen en deed hij het woord."},
                       "ALG-12", true);
    ExpectRuleSuggests({"Hij kreeg een voorschot van de werkgever voor de reis en moet dat met 50 procent rente "
                        "terugbetalen; dat staat schriftelijk vastgelegd.",
                        "Hij heeft een schuld bij zijn baas die steeds groter wordt; hij moet zelf zorgen voor eten en "
                        "onderdak."},
                       "ARB-07", true);
    ExpectRuleSuggests({"Jongen moet voor zijn 'oom' zakkenrollen. Ook het geld van zijn bijbaan moet hij aan hem "
                        "afgeven."},
                       "ALG-08", true);
    ExpectRuleSuggests({"Ze werkt 14 uur per dag in een nagelsalon en moet alles doen wat meneer V. zegt. Hij is de "
                        "eigenaar.",
                        "Hij werkt als zzp'er 14 uur per dag in de vleesverwerking; de man die hem betaalt is de "
                        "eigenaar van het bedrijf."},
                       "ALG-02", true);
    ExpectRuleSuggests({"Jongen (15) moet voor een man uit Arnhem drugs rondbrengen; overdag werkt hij bij een garage. "
                        "Hij loopt mank.",
                        "Hij werkt in de kas. Er zijn vermoedens van mishandeling: hij loopt mank."},
                       "ALG-14", true);
    // Housing at the workplace points to labour: fear of the boss there is no sign of sexual exploitation (SEK-07).
    ExpectRuleSuggests({"Arbeidsmigranten slapen op het bedrijfsterrein. Ze zijn bang voor de baas en mogen niet zonder "
                        "toestemming weg."},
                       "ARB-13", true);
    ExpectRuleSuggests({"Arbeidsmigranten slapen op het bedrijfsterrein. Ze zijn bang voor de baas en mogen niet zonder "
                        "toestemming weg."},
                       "SEK-07", false);
    ExpectRuleSuggests({"Moeder vond een bonnetje van 300 euro van de Foot Locker; hij draagt opeens dure kleding.",
                        "Hij draagt opeens dure kleding. Hij zegt dat het een verjaardagscadeau is, maar de familie "
                        "weet daar niets van."},
                       "CRI-04", true);
    ExpectRuleSuggests({"Mevrouw is vergunninghouder en heeft een tweede telefoon die ze verborgen houdt.",
                        "Mevrouw werkt volgens de buren 's nachts als escort. Bij het huisbezoek lagen er twee "
                        "telefoons op tafel. Ze zegt dat de tweede van haar werk is."},
                       "SEK-08", true);
}

// Cases a second review found: dates, amounts and an ended working day are no long day; the writer's "ik" and a
// quoted owner are not the narrative's person; unrelated words do not block or confirm a drop.
TEST(SuggestionsTest, SecondReviewCasesKeepTheirReading) {
    ExpectRuleSuggests({"Betrokkene, geboren op 04-06-1985, werkt sinds 21-11-2023 bij een schoonmaakbedrijf in Ede.",
                        "Hij verdient 5,50 euro per uur in de kas. Voor het busje wordt 20,00 euro per week "
                        "ingehouden.",
                        "Mevrouw werkt in een hotel. Haar dienst begint om 06.30 uur en eindigt om 15.00 uur. Om "
                        "20.00 uur haalt ze de kinderen op bij oma."},
                       "ARB-02", false);
    ExpectRuleSuggests({"Hij werkt in de kas. Hij wordt om 04.45 uur opgehaald en komt om middernacht terug."},
                       "ARB-02", true);
    ExpectRuleSuggests({"Ik heb meneer B. gesproken tijdens de controle. Hij is eigenaar van de snackbar en werkt 14 "
                        "uur per dag, zeven dagen per week."},
                       "ALG-02", false);
    ExpectRuleSuggests({"Ze werkt er 14 uur per dag, zeven dagen per week. Een man kwam erbij en zei: \"Ik ben de "
                        "eigenaar, zij werkt voor mij.\""},
                       "ALG-02", true);
    ExpectRuleSuggests({"Haar vriend wilde steeds voor haar antwoorden, maar ze deed zelf het woord. Tot nu toe zijn "
                        "er geen zorgen."},
                       "ALG-12", false);
    ExpectRuleSuggests({"De jongen heeft geen bijbaan maar loopt rond in dure merkkleding. Hij liet weten dat de "
                        "kleding een verjaardagscadeau van zijn oom is."},
                       "CRI-04", true);
    ExpectRuleSuggests({"In de massagesalon slapen de vrouwen op matrassen in de behandelkamers. Een van de vrouwen is "
                        "erg bang voor de eigenaar en durft niets te zeggen."},
                       "SEK-07", true);
    ExpectRuleSuggests({"Hij kreeg van zijn werkgever een renteloos voorschot van 800 euro, schriftelijk vastgelegd; "
                        "het wordt maandelijks van zijn loon ingehouden."},
                       "ARB-07", false);
    const auto injured = CodesOf(SuggestIndicators(
        "Hij werkt in de slachterij. Hij heeft een snijwond aan zijn hand. Hij is bang voor de voorman.", nullptr));
    EXPECT_TRUE(injured.contains("ARB-17"));
    EXPECT_FALSE(injured.contains("ALG-14"));
}

// "zonder" denies the words right after it, not a fact further on in the clause.
TEST(SuggestionsTest, ZonderNegatesOnlyWhatFollowsIt) {
    EXPECT_TRUE(CodesOf(SuggestIndicators("Hij werkt zonder pauze van 6 tot 21 uur.")).contains("ARB-02"));
    EXPECT_FALSE(CodesOf(SuggestIndicators("Ze werken zonder lange dagen.")).contains("ARB-02"));
}

// The concept layer: a fact worded in a way no phrase pattern names is still found from the concepts it is made
// of, with the phrase from the text as evidence and a lower score than a pattern would give.
TEST(SuggestionsTest, ConceptsFindNewWordings) {
    const struct {
        const char* text;
        const char* code;
    } cases[] = {
        {"Haar identiteitsbewijs is in bezit van haar vriend.", "ALG-01"},
        {"In de werkgeverswoning verblijven veertien Polen op stapelbedden.", "ARB-13"},
        {"Hij slaapt met zijn collega's in een garagebox achter het bedrijf.", "ARB-13"},
        {"Een collega vertelde dat de mannen met bestrijdingsmiddelen werken zonder mondkapjes.", "ARB-01"},
        {"Ze oogde verwaarloosd en ziek.", "ALG-14"},
        {"Hij wordt door een oudere jongen gebruikt als geldezel.", "CRI-06"},
        {"De vrouw bedelt bij het station; een man in een busje neemt het geld 's avonds mee.", "ALG-08"},
    };
    for (const auto& example : cases) {
        SCOPED_TRACE(example.text);
        const std::vector<Suggestion> suggestions = SuggestIndicators(example.text);
        ExpectWellFormed(example.text, suggestions);
        EXPECT_NE(FindSuggestion(suggestions, example.code), nullptr) << example.code;
    }
    const std::vector<Suggestion> passport = SuggestIndicators("Haar identiteitsbewijs is in bezit van haar vriend.");
    ASSERT_NE(FindSuggestion(passport, "ALG-01"), nullptr);
    EXPECT_LE(FindSuggestion(passport, "ALG-01")->score, 0.5);
}

// A fact told in two short sentences: the question, then who has it.
TEST(SuggestionsTest, ConceptsMayReachIntoTheNextSentence) {
    const std::string text = "Waar is zijn paspoort? Dat heeft de baas.";
    const std::vector<Suggestion> suggestions = SuggestIndicators(text);
    ExpectWellFormed(text, suggestions);
    EXPECT_TRUE(CodesOf(suggestions).contains("ALG-01") || CodesOf(suggestions).contains("ARB-04"));
}

// Concepts obey the negation rules, and words of an innocent sentence do not meet as a fact.
TEST(SuggestionsTest, ConceptsKeepNegationsAndInnocentUses) {
    for (const char* text : {
             "De werkgever heeft zijn paspoort niet ingenomen.",
             "Hij heeft een contract en krijgt elke maand een loonstrook.",
             "Ze heeft haar paspoort verloren en een nieuwe aangevraagd bij de gemeente.",
             "Ze stuurt elke maand een deel van haar loon naar haar familie in Polen.",
             "Huisbezoek bij een oudere man; zijn dochter regelt zijn bankzaken en hij heeft geen klachten.",
             "Meneer woont al twintig jaar in de wijk en heeft een vaste baan bij de gemeente.",
             "De jongen heeft een bijbaan bij de supermarkt en koopt van zijn eigen geld een nieuwe telefoon.",
         }) {
        SCOPED_TRACE(text);
        EXPECT_TRUE(SuggestIndicators(text).empty());
    }
}

// Money handed over counts for the form the narrative is about: labour, not prostitution, without a sex context.
TEST(SuggestionsTest, ConceptsFollowTheNarrativesContext) {
    const std::set<std::string> labour =
        CodesOf(SuggestIndicators("De arbeiders moeten de helft van hun salaris afstaan aan de voorman."));
    EXPECT_TRUE(labour.contains("ARB-10"));
    EXPECT_FALSE(labour.contains("SEK-02"));
    const std::set<std::string> sex = CodesOf(SuggestIndicators(
        "Ze heeft seksdates in verschillende steden en moet elke avond een bedrag inleveren."));
    EXPECT_TRUE(sex.contains("SEK-02"));
    EXPECT_FALSE(sex.contains("ARB-10"));
}

// A debt the narrative explains (debt counselling, a payment plan) is not an unexplained debt; one it cannot
// explain still is.
TEST(SuggestionsTest, ExplainedDebtIsNotASignal) {
    EXPECT_FALSE(CodesOf(SuggestIndicators("Hij heeft schulden door een gokverslaving en is aangemeld bij de "
                                           "schuldhulpverlening."))
                     .contains("ALG-07"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Ze heeft grote schulden maar weet niet hoe die zijn ontstaan."))
                    .contains("ALG-07"));
}

// A document the text itself explains (lost, at the embassy for a visa) is no signal; without the reason, with a
// holder named beside it, or with the reason in doubting quotes it still is.
TEST(SuggestionsTest, ExplainedMissingDocumentIsNotASignal) {
    for (const char* text : {
             "Hij kon geen paspoort tonen; het ligt bij de ambassade voor een visumaanvraag.",
             "Ze kon haar paspoort niet laten zien. Ze heeft het verloren op vakantie.",
             "Bij de controle kon hij zijn paspoort niet tonen omdat hij het thuis had laten liggen.",
             "Het uitzendbureau heeft een kopie van het paspoort gemaakt voor de loonadministratie.",
             "De werkgever heeft zijn paspoort gekopieerd voor de loonadministratie.",
             "Er zit een scan van het paspoort in het dossier van het uitzendbureau.",
         }) {
        SCOPED_TRACE(text);
        const std::set<std::string> codes = CodesOf(SuggestIndicators(text));
        EXPECT_FALSE(codes.contains("ALG-01"));
        EXPECT_FALSE(codes.contains("ARB-04"));
    }
    for (const char* text : {
             "Hij kon geen paspoort tonen.",
             "Hij kon geen paspoort tonen; het ligt bij de ambassade, zegt de werkgever die het bewaart.",
             "Ze kon haar paspoort niet laten zien. Het zou steeds 'kwijt' zijn.",
             "Ze heeft haar paspoort niet bij zich, een landgenoot heeft het. Ze is vergeten hoe hij heet.",
         }) {
        SCOPED_TRACE(text);
        const std::set<std::string> codes = CodesOf(SuggestIndicators(text));
        EXPECT_TRUE(codes.contains("ALG-01") || codes.contains("ARB-04"));
    }
}

// The concept layer reads someone else, named by their role, taking the cup of a beggar as money handed over,
// without the learned layer (which has learned the same from the labelled narratives); the beggar's own cup, a cup
// from a coffee machine or a bus ride home are not.
TEST(SuggestionsTest, BeggingCupTakenBySomeoneElseIsMoneyHandedOver) {
    const auto patterns_only = [](const char* text) { return CodesOf(SuggestIndicators(text, nullptr)); };
    for (const char* text : {
             "Een man met een kruk bedelt elke dag bij de supermarkt. 's Avonds haalt een busje hem op en de "
             "chauffeur neemt het bekertje mee.",
             "Ze bedelt bij de Jumbo en drinkt koffie. Om 18 uur neemt haar oom het bakje met geld mee.",
             "Het meisje bedelt bij het station; haar oom haalt het bekertje leeg en geeft haar alleen water.",
         }) {
        SCOPED_TRACE(text);
        EXPECT_TRUE(patterns_only(text).contains("ALG-08"));
    }
    for (const char* text : {
             "Hij zit te bedelen bij de Jumbo. Om 18 uur pakt hij zijn bekertje en fietst naar huis.",
             "Een man bedelt en pakt om zes uur zijn bekertje.",
             "Hij bedelt met een bekertje bij het station en neemt daarna de bus naar huis.",
             "De chauffeur pakt een bekertje uit de automaat en gaat weer rijden.",
             "Na de koffie in de kantine neemt de chauffeur zijn bekertje mee.",
         }) {
        SCOPED_TRACE(text);
        EXPECT_FALSE(patterns_only(text).contains("ALG-08"));
    }
}

// Long days in one's own business are no signal; the same days under an employer are.
TEST(SuggestionsTest, LongDaysAsOwnBossAreNotASignal) {
    EXPECT_FALSE(CodesOf(SuggestIndicators("Hij maakt extreem lange dagen in zijn eigen bedrijf.")).contains("ARB-02"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Hij maakt extreem lange dagen.")).contains("ARB-02"));
    EXPECT_TRUE(CodesOf(SuggestIndicators(
                            "Hij maakt extreem lange dagen in zijn eigen bedrijf, maar de werkgever bepaalt alles."))
                    .contains("ARB-02"));
    // The owner the narrative names is the person: an own business named by its trade, or "zelf eigenaar".
    const auto long_days = [](const char* text) { return CodesOf(SuggestIndicators(text)).contains("ARB-02"); };
    EXPECT_FALSE(long_days("Eigenaar van de snackbar op de hoek. Hij staat 15 uur per dag in zijn eigen zaak, dat wil "
                           "hij zelf."));
    EXPECT_FALSE(long_days("Mw. heeft een eigen kapsalon en werkt 15 uur per dag."));
    EXPECT_FALSE(long_days("Hij heeft een sneakerzaakje met een eigen webshop en werkt 15 uur per dag."));
    EXPECT_FALSE(long_days("Ze heeft een eenmanszaak in schoonmaak en werkt 15 uur per dag."));
    EXPECT_TRUE(long_days("De eigenaar van de snackbar laat hem 15 uur per dag werken."));
    EXPECT_TRUE(long_days("Hij moest zich als zzp'er inschrijven; de eigenaar bepaalt zijn uren, 70 uur per week."));
}

// Housing the writer found in order, wages paid through the bank and money sent home to the family are no signal,
// unless the order is denied, said of something else, or money is given away or a holder named beside them; a
// denied reason ("niet kwijt") explains nothing away.
TEST(SuggestionsTest, OrdinaryConditionsAndMoneyAreNotASignal) {
    const auto codes = [](const char* text) { return CodesOf(SuggestIndicators(text)); };
    EXPECT_FALSE(codes("De seizoenswerkers wonen in units op het erf van de teler; de units zijn in orde.")
                     .contains("ARB-13"));
    EXPECT_TRUE(codes("De seizoenswerkers wonen in units op het erf van de teler; de units zijn niet in orde.")
                    .contains("ARB-13"));
    EXPECT_TRUE(codes("De seizoenswerkers wonen in units op het erf van de teler; de units zijn niet meer in orde.")
                    .contains("ARB-13"));
    EXPECT_TRUE(codes("Zijn verblijfsvergunning is in orde, maar hij woont in een caravan op het erf van de teler.")
                    .contains("ARB-13"));
    EXPECT_TRUE(codes("Hij woont in een caravan op het erf van de teler, zijn verblijfsvergunning is in orde.")
                    .contains("ARB-13"));
    EXPECT_TRUE(codes("Ze werken acht uur per dag en het loon gaat via de bank.").empty());
    EXPECT_TRUE(codes("Ze werken acht uur per dag en het loon gaat naar de voorman.").contains("ARB-10"));
    EXPECT_TRUE(codes("Het loon gaat via de bank, maar hij moet het elke week contant aan de voorman geven.")
                    .contains("ARB-10"));
    EXPECT_TRUE(codes("Het loon komt via de bank binnen, maar zijn bankpas is ingenomen door de voorman.")
                    .contains("ARB-11"));
    EXPECT_TRUE(codes("Ze stuurt elke maand een deel van haar loon naar haar familie in Polen.").empty());
    EXPECT_TRUE(codes("Ze moet alles afgeven aan een man. Ze wil naar huis.").contains("ALG-08"));
    EXPECT_TRUE(
        codes("Ze moet de helft van haar verdiensten afgeven en mag niet naar haar familie.").contains("ALG-08"));
    EXPECT_TRUE(codes("Ze moet de helft van haar verdiensten afgeven, ook als ze naar haar familie wil.")
                    .contains("ALG-08"));
    EXPECT_TRUE(codes("Het loon gaat via de bank, maar hij moet het meteen afgeven.").contains("ALG-08"));
    EXPECT_TRUE(codes("Haar paspoort is niet kwijt: een ander bewaart het voor haar.").contains("ALG-01"));
    EXPECT_FALSE(codes("Haar paspoort is kwijt: een ander bewaart het voor haar.").contains("ALG-01"));
}

// Fatigue with an ordinary cause told beside it (night shifts behind her) is no signal; told in doubting quotes
// it still is.
TEST(SuggestionsTest, FatigueWithAnOrdinaryCauseIsNotASignal) {
    const std::set<std::string> explained =
        CodesOf(SuggestIndicators("Ze zag er erg moe uit. Ze had net een reeks nachtdiensten achter de rug."));
    EXPECT_FALSE(explained.contains("ALG-14"));
    EXPECT_FALSE(explained.contains("ARB-17"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Ze zag er erg moe uit.")).contains("ALG-14"));
    EXPECT_TRUE(
        CodesOf(SuggestIndicators("Ze zag er erg moe uit. Ze zegt dat ze 'nachtdiensten' draait.")).contains("ALG-14"));
    // Exams and a baby's night feeds are ordinary causes of tiredness too, and studying late is no long working day.
    for (const char* text : {"Vrijwilliger (17) viel bijna in slaap. Het is eindexamenweek, hij leert tot "
                             "2 uur 's nachts.",
                             "Moeder oogt erg moe, vooral door de nachtvoedingen."}) {
        const std::set<std::string> codes = CodesOf(SuggestIndicators(text));
        EXPECT_FALSE(codes.contains("ALG-14")) << text;
        EXPECT_FALSE(codes.contains("ARB-17")) << text;
        EXPECT_FALSE(codes.contains("ALG-02")) << text;
    }
    // But not bruises, not beside long working days, not with a contrast, not a word that only begins like one.
    EXPECT_TRUE(CodesOf(SuggestIndicators("Leerling (16) heeft blauwe plekken in haar nek. Ze zit deze week in de "
                                          "toetsweek."))
                    .contains("ALG-14"));
    for (const char* text : {"Meneer werkt 70 uur per week in de kas en is volledig uitgeput. Thuis doet hij de "
                             "nachtvoeding.",
                             "Ze is doodmoe. Ze heeft tentamens, zegt ze, maar ze wordt elke avond opgehaald.",
                             "Jongen (15) is doodmoe. Zijn zus zit in de examenklas."}) {
        EXPECT_TRUE(CodesOf(SuggestIndicators(text)).contains("ARB-17") ||
                    CodesOf(SuggestIndicators(text)).contains("ALG-14"))
            << text;
    }
}

// "Luxe verzuim" is the legal term for school missed for a holiday taken early: no signal; absence alone still is.
TEST(SuggestionsTest, HolidayAbsenceIsNotASignal) {
    EXPECT_FALSE(CodesOf(SuggestIndicators("Luxe verzuim: de leerling is twee dagen niet op school geweest."))
                     .contains("SEK-10"));
    EXPECT_TRUE(CodesOf(SuggestIndicators("Melding verzuim: de leerling is twee dagen niet op school geweest."))
                    .contains("SEK-10"));
}

TEST(SuggestionsTest, LongTextIsHandledQuickly) {
    const std::string sentence =
        "In de loods slapen twaalf arbeiders, ze werken 14 uur per dag en de baas heeft hun paspoorten. ";
    std::string text;
    while (text.size() < 20000) text += sentence;
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Suggestion> suggestions = SuggestIndicators(text);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ExpectWellFormed(text, suggestions);
    EXPECT_TRUE(CodesOf(suggestions).contains("ARB-13"));
    // Generous: the bound only catches accidental quadratic behaviour, also under sanitizers.
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 5000);

    // Many conclusions that nothing is wrong: each would read the text after it again (a first version did, and took
    // minutes on 20 KB); only the last is read, once. The fact after the last one stays.
    std::string concluded = "Meneer oogt moe. ";
    while (concluded.size() < 20000) concluded += "Geen aanwijzingen voor uitbuiting. ";
    const auto concluded_start = std::chrono::steady_clock::now();
    EXPECT_TRUE(SuggestIndicators(concluded).empty());
    const std::set<std::string> with_fact = CodesOf(SuggestIndicators(concluded + "Hij slaapt in de loods."));
    const auto concluded_elapsed = std::chrono::steady_clock::now() - concluded_start;
    EXPECT_TRUE(with_fact.contains("ARB-13"));
    EXPECT_TRUE(with_fact.contains("ALG-14"));
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(concluded_elapsed).count(), 5000);
}

// One realistic narrative with the codes it must and must not yield.
struct Narrative {
    std::string_view text;
    std::vector<std::string_view> expected;
    std::vector<std::string_view> unexpected;
};

const std::vector<Narrative>& Narratives() {
    static const std::vector<Narrative> narratives = {
        {"Meneer vertelt dat de baas zijn paspoort heeft ingenomen en zijn bankpas beheert. Hij is bang om "
         "uitgezet te worden en durft niet naar de politie.",
         {"ALG-01", "ARB-04", "ARB-11", "ARB-09"},
         {}},
        {"Mevrouw werkt in een nagelstudio en slaapt in de zaak. Ze krijgt 3 euro per uur, cash uitbetaald, en "
         "heeft geen contract.",
         {"ARB-03", "ARB-12", "ARB-13"},
         {}},
        {"Ze is 15 en heeft ineens een veel oudere vriend. Volgens school spijbelt ze vaak. Ze heeft een tweede "
         "telefoon en draagt uitdagende kleding.",
         {"ALG-03", "SEK-10", "SEK-08", "SEK-06"},
         {"ARB-13"}},
        {"Haar vriend dwingt haar om seks te hebben met zijn vrienden, tegen haar zin.",
         {"SEK-04", "SEK-01"},
         {"ARB-03"}},
        {"Ze zegt dat ze de schulden van haar vriend moet terugbetalen door seks met vreemde mannen.",
         {"SEK-05"},
         {}},
        {"Er zijn naaktfoto's van haar gemaakt en hij dreigt die te verspreiden als ze niet meewerkt.",
         {"SEK-03", "ARB-15"},
         {}},
        // In a sex-work narrative without any labour fact the money handed over is SEK-02, not also ARB-10.
        {"Ze werkt in de prostitutie en moet al het geld van de klanten afdragen aan een man.",
         {"SEK-02", "ALG-08"},
         {"ARB-10"}},
        {"Hij werkt in een loods en moet al zijn loon afdragen aan zijn oom.", {"ARB-10", "ALG-08"}, {"SEK-02"}},
        {"Ze slaapt boven de zaak waar ze de hele dag werkt.", {"ARB-13"}, {}},
        {"Ze heeft goed contact met haar ouders en er is geen sprake van dwang.", {}, {"ALG-05"}},
        {"Hij haalde school niet vanwege een zware griep; er ligt een verklaring van de huisarts.", {}, {"SEK-10", "CRI-08"}},
        // Paraphrases the phrase patterns do not know (issue 3, point 4).
        {"Van zijn loon ziet hij niets: het gaat rechtstreeks naar de man die hem hierheen bracht.", {"ALG-08"}, {}},
        {"Hij werkt van tien uur 's ochtends tot middernacht in de keuken.", {"ALG-02", "ARB-02"}, {}},
        {"Ze werkt in de zorg en maakt soms lange diensten.", {}, {"ALG-02", "ARB-02"}},
        {"Hij durft niets te zeggen uit angst om uitgezet te worden.", {"ARB-09"}, {}},
        {"Ze gaat nergens heen zonder dat de eigenaar meegaat.", {"ARB-14"}, {}},
        {"Als zijn vrienden langskomen, moet ze met hen naar bed, of ze wil of niet.", {"SEK-04"}, {}},
        {"De studente woont op een kamer boven een winkel, met een eigen huurcontract.", {}, {"ARB-13"}},
        {"Een jongen van 16 heeft sinds kort een dure scooter, gekocht van zijn spaargeld.", {}, {"CRI-04", "CRI-05"}},
        {"De jongen van 16 heeft dure merkkleding en veel cash op zak, terwijl hij geen bijbaan heeft. Hij "
         "gaat om met criminele jongens uit de wijk en blowt dagelijks.",
         {"CRI-04", "CRI-06", "CRI-07"},
         {"ARB-12"}},
        {"Hij wordt gedwongen om mensen op straat te beroven en moet de buit afgeven aan een oudere man.",
         {"CRI-01"},
         {}},
        {"Een vrouw bedelt elke dag bij de supermarkt en moet het geld 's avonds afgeven aan een man die haar "
         "ophaalt.",
         {"CRI-02"},
         {}},
        {"Een man met een kruk zit elke dag met een bekertje bij de supermarkt. 's Avonds haalt een busje hem op "
         "en de chauffeur neemt het bekertje mee.",
         {"ALG-08"},
         {}},
        {"Mevrouw zat met een bekertje koffie in de wachtkamer en nam het bekertje mee naar buiten.", {}, {"ALG-08"}},
        {"Mevrouw zat met een bekertje in de wachtkamer en nam het bekertje mee naar buiten.", {}, {"ALG-08"}},
        {"Hij zit te bedelen bij de Jumbo. Om 18 uur pakt hij zijn bekertje en fietst naar huis.", {}, {"ALG-08"}},
        {"Ze werkt als escort en houdt het geld zelf.", {}, {"ALG-08"}},
        {"Hij doet seksdates en houdt het geld zelf.", {}, {"SEK-02", "ALG-08"}},
        {"Mw. ontvangt een uitkering en woont samen met haar partner.", {}, {"ALG-08"}},
        {"Hij is vaak afwezig op school en geeft veel meer geld uit dan je met een bijbaan kan verdienen.",
         {"CRI-05", "CRI-08"},
         {}},
        {"Bij het gesprek was een man aanwezig die steeds voor haar antwoordde. Ze wist niet waar ze woont en "
         "heeft geen sleutel.",
         {"ALG-12", "ALG-13"},
         {}},
        {"Hij ziet er uitgeput uit, is erg vermagerd en heeft blauwe plekken op zijn armen.",
         {"ALG-14", "ARB-17"},
         {}},
        {"Ze spreekt geen Nederlands en geen Engels, er is een taalbarrière. Ze mag niet zelf naar de huisarts.",
         {"ALG-10", "ALG-11"},
         {}},
        {"De arbeiders werken in de kas met gevaarlijke bestrijdingsmiddelen, zonder handschoenen of mondkapje.",
         {"ARB-01"},
         {}},
        {"Ze kwamen naar Nederland omdat hun een goede baan was beloofd, maar het werk is heel anders dan "
         "afgesproken. Hij verblijft hier illegaal, zijn visum is verlopen.",
         {"ARB-05", "ARB-08"},
         {}},
        {"Ze mag nooit alleen naar buiten en wordt elke dag gebracht en gehaald. De werkgever dreigt met "
         "ontslag als ze klaagt.",
         {"ARB-14", "ARB-16"},
         {}},
        {"Hij is mishandeld en bedreigd door zijn baas. Hij moet een groot deel van zijn loon afdragen.",
         {"ARB-06", "ARB-10"},
         {}},
        {"Ze is heel stil en onderdanig, kijkt steeds naar de grond en is angstig. Ze gaat niet naar een dokter, "
         "ook niet bij pijn.",
         {"SEK-07", "SEK-11"},
         {}},
        {"Hij heeft ineens veel nieuwe vrienden die veel ouder zijn en hij wil niets vertellen over die vrienden. "
         "Zijn ouders weten niet wie het zijn.",
         {"ALG-03", "ALG-04", "SEK-09"},
         {}},
        {"Ze heeft geen contact meer met haar familie en haar antwoorden klinken ingestudeerd. Thuis is ze stil "
         "en bang, maar op straat is ze heel anders.",
         {"ALG-05", "ALG-06"},
         {}},
        {"Hij heeft hoge schulden maar kan niet uitleggen waar die vandaan komen. Zijn broer beheert zijn "
         "bankpas.",
         {"ALG-07", "ALG-08"},
         {}},
        {"Hij werkt op een afgelegen boerderij in slechte omstandigheden, van 's ochtends vroeg tot 's avonds "
         "laat, zeven dagen per week.",
         {"ALG-09", "ALG-02", "ARB-02"},
         {}},
        {"De uitzendkrachten werken zwart en zijn niet verzekerd. Ze wonen met tien man in een kleine woning.",
         {"ARB-12", "ARB-13"},
         {}},
        {"Hij wordt gechanteerd door de bemiddelaar en heeft last van rugklachten door het zware werk.",
         {"ARB-15", "ARB-17"},
         {}},
        {"Ze moet werken tot ze de schuld bij de werkgever voor de reis heeft afbetaald. Ze krijgt al drie "
         "maanden geen loon.",
         {"ARB-07", "ARB-03"},
         {}},
        {"De werkgever heeft alle paspoorten van de werknemers in zijn kluis liggen.",
         {"ARB-04", "ALG-01"},
         {}},
        {"Hij gebruikt cocaïne en is vaak onder invloed.", {"CRI-07", "ALG-10"}, {}},
        {"Ze heeft wel een eigen paspoort, beheert zelf haar geld en heeft geen schulden.",
         {},
         {"ALG-01", "ARB-04", "ALG-07", "ARB-07", "ALG-08", "ARB-11"}},
        {"Meneer woont al twintig jaar in de wijk en heeft een vaste baan bij de gemeente.",
         {},
         {"ARB-13", "ARB-02", "ALG-02"}},
    };
    return narratives;
}

TEST(SuggestionsTest, NarrativeTable) {
    for (const Narrative& narrative : Narratives()) {
        const std::vector<Suggestion> suggestions = SuggestIndicators(narrative.text);
        ExpectWellFormed(narrative.text, suggestions);
        const std::set<std::string> codes = CodesOf(suggestions);
        for (std::string_view code : narrative.expected) {
            EXPECT_TRUE(codes.contains(std::string(code))) << code << " missing for: " << narrative.text;
        }
        for (std::string_view code : narrative.unexpected) {
            EXPECT_FALSE(codes.contains(std::string(code))) << code << " unexpected for: " << narrative.text;
        }
    }
}

// Together the narratives reach every indicator of the catalog, so no code is left without patterns.
TEST(SuggestionsTest, NarrativesCoverEveryIndicator) {
    std::set<std::string> reached;
    for (const Narrative& narrative : Narratives()) {
        for (const Suggestion& suggestion : SuggestIndicators(narrative.text)) reached.insert(suggestion.code);
    }
    for (const Indicator& indicator : Indicators()) {
        EXPECT_TRUE(reached.contains(indicator.code)) << indicator.code;
    }
}

}  // namespace
}  // namespace meldroute::domain
