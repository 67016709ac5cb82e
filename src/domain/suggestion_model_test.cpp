// Tests for the learned layer of the narrative suggestions: its features, its weights file and its training.
#include "domain/suggestion_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/suggestion_training.hpp"
#include "domain/suggestions.hpp"

namespace meldroute::domain {
namespace {

std::vector<std::string> FeatureNames(const std::string& text) {
    std::vector<std::string> names;
    for (const SentenceFeatures& sentence : ExtractSentenceFeatures(Tokenize(text))) {
        for (const Feature& feature : sentence.features) names.push_back(feature.name);
    }
    return names;
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// A model that knows two words: "paspoort" held by someone makes ALG-01 likely.
SuggestionModel PassportModel() {
    SuggestionModel model;
    model.set_threshold(0.6);
    model.SetBias("ALG-01", -2.0);
    model.SetWeight("ALG-01", "u:paspoort", 3.0);
    model.SetWeight("ALG-01", "u:hield", 1.0);
    return model;
}

TEST(SuggestionModelTest, WordsInANegatedScopeAreOtherFeatures) {
    const std::vector<std::string> plain = FeatureNames("Hij heeft schulden bij zijn baas.");
    EXPECT_TRUE(Contains(plain, "u:schuld"));
    const std::vector<std::string> negated = FeatureNames("Hij heeft geen schulden bij zijn baas.");
    EXPECT_TRUE(Contains(negated, "u:!schuld"));
    EXPECT_FALSE(Contains(negated, "u:schuld"));
    EXPECT_TRUE(Contains(FeatureNames("Ze heeft wel een eigen paspoort."), "u:!paspoort"));
}

TEST(SuggestionModelTest, FeaturesOfOneSentenceStayInIt) {
    const std::vector<SentenceFeatures> sentences =
        ExtractSentenceFeatures(Tokenize("Hij werkt veertien uur per dag. Zijn paspoort ligt bij de baas."));
    ASSERT_EQ(sentences.size(), 2u);
    const auto has = [](const SentenceFeatures& sentence, const std::string& name) {
        return std::any_of(sentence.features.begin(), sentence.features.end(),
                           [&](const Feature& feature) { return feature.name == name; });
    };
    EXPECT_TRUE(has(sentences[0], "u:#12-24"));
    EXPECT_TRUE(has(sentences[1], "u:paspoort"));
    EXPECT_FALSE(has(sentences[0], "u:paspoort"));
}

// Hours are counted in ranges a model can learn from: a working week of 40 hours is not one of 60, and "om 17 uur"
// is a time of day, not seventeen hours of work.
TEST(SuggestionModelTest, NumbersAreReadAsRangesAndTimesOfDay) {
    const std::vector<std::string> normal = FeatureNames("Hij werkt 40 uur per week en is om 17 uur thuis.");
    EXPECT_TRUE(Contains(normal, "u:#25-49"));
    EXPECT_TRUE(Contains(normal, "u:#tijdstip"));
    EXPECT_FALSE(Contains(normal, "u:#12-24"));
    EXPECT_TRUE(Contains(FeatureNames("Hij werkt 60 uur per week."), "u:#50-99"));
    EXPECT_TRUE(Contains(FeatureNames("Ze werkt 17 uur per dag."), "u:#12-24"));
    const std::vector<std::string> count = FeatureNames("Hij werkt tot 16 uur per dag, rond 60 uur per week.");
    EXPECT_TRUE(Contains(count, "u:#12-24"));
    EXPECT_TRUE(Contains(count, "u:#50-99"));
    EXPECT_FALSE(Contains(count, "u:#tijdstip"));
}

// A model that knows two short words (no stems) for one code: `code` is likely where both stand.
SuggestionModel TwoWordModel(const std::string& code, const std::string& first, const std::string& second) {
    SuggestionModel model;
    model.set_threshold(0.5);
    model.SetBias(code, -2.0);
    model.SetWeight(code, first, 2.0);
    model.SetWeight(code, second, 2.0);
    return model;
}

bool Suggests(const std::string& text, const SuggestionModel& model, const std::string& code) {
    const std::vector<Suggestion> suggestions = SuggestIndicators(text, &model);
    return std::any_of(suggestions.begin(), suggestions.end(),
                       [&](const Suggestion& suggestion) { return suggestion.code == code; });
}

// A model sure of `code` in both texts (two short words, no stems) may suggest it in `allowed` but not in `blocked`.
void ExpectGuard(const std::string& code, const std::string& first, const std::string& second,
                 const std::string& blocked, const std::string& allowed) {
    const SuggestionModel model = TwoWordModel(code, first, second);
    ASSERT_GT(model.Score(Tokenize(blocked))[0].probability, 0.5);
    EXPECT_FALSE(Suggests(blocked, model, code)) << blocked;
    EXPECT_TRUE(Suggests(allowed, model, code)) << allowed;
}

// A labour indicator of the model needs work somewhere in the narrative, as the concept rules do.
TEST(SuggestionModelTest, LabourCodesOfTheModelNeedWork) {
    ExpectGuard("ARB-03", "u:roze", "u:doos", "Hij kreeg een roze doos.", "Hij kreeg op zijn werk een roze doos.");
}

// A begging cup the model reads as money handed over needs someone who takes it, as the concept rule does.
TEST(SuggestionModelTest, ABeggarsOwnCupIsNoMoneyHandedOver) {
    ExpectGuard("ALG-08", "c:beg_cup", "u:pakt", "Om zes uur pakt hij zijn bekertje.",
                "Om zes uur pakt de chauffeur het bekertje.");
}

// Nor is begging itself money handed over: someone must take the money.
TEST(SuggestionModelTest, BeggingIsNoMoneyHandedOverWithoutATaker) {
    ExpectGuard("ALG-08", "c:beg", "u:" + StemOf("jumbo"), "Hij zit te bedelen bij de Jumbo.",
                "Hij zit te bedelen bij de Jumbo, de chauffeur komt elk uur langs.");
    // A friend named elsewhere takes nothing.
    const SuggestionModel model = TwoWordModel("ALG-08", "c:beg", "u:" + StemOf("jumbo"));
    EXPECT_FALSE(Suggests("Hij zit elke dag te bedelen bij de Jumbo. Zijn vriend woont ook in Zevenaar.", model,
                          "ALG-08"));
}

// Nor is buying something from one's own money spending beyond a job.
TEST(SuggestionModelTest, SpendingOwnMoneyIsNoSpendingBeyondAJob) {
    ExpectGuard("CRI-05", "u:koopt", "u:" + StemOf("telefoon"), "Hij koopt van zijn eigen geld een nieuwe telefoon.",
                "Hij koopt steeds een nieuwe telefoon.");
}

// Income the person receives is no money out of their hands unless the sentence says the money goes, is taken or
// demanded, or none of it arrives.
TEST(SuggestionModelTest, ReceivedIncomeIsNoMoneyOutOfHandsWithoutAWordOfIt) {
    ExpectGuard("ALG-08", "u:ontvangt", "u:" + StemOf("uitkering"),
                "Mevrouw ontvangt nog een uitkering en woont samen met haar partner.",
                "Ze ontvangt een uitkering, maar haar ex-partner eist iedere maand de helft op.");
    const SuggestionModel model = TwoWordModel("ALG-08", "u:ontvangt", "u:" + StemOf("uitkering"));
    EXPECT_TRUE(Suggests("Ze ontvangt een uitkering, maar ziet er niets van.", model, "ALG-08"));
    EXPECT_FALSE(Suggests("Mevrouw ontvangt een uitkering en heeft geen kinderen.", model, "ALG-08"));
}

// Money under a court's order is no money taken, but a card someone else holds beside it still is, whichever layer
// read it.
TEST(SuggestionModelTest, CourtOrderedAdministrationBesideAHeldCardIsStillASignal) {
    ExpectGuard("ALG-08", "u:mist", "u:leefgeld",
                "Dhr. mist zijn leefgeld. Er loopt beschermingsbewind via de kantonrechter.",
                "Zijn huisgenoot heeft zijn pinpas en dhr. mist zijn leefgeld. Er is beschermingsbewind aangevraagd "
                "bij de kantonrechter.");
}

// A working week the law allows is no long day, whatever the model learned of hours.
TEST(SuggestionModelTest, AnOrdinaryWorkingWeekIsNoLongDay) {
    ExpectGuard("ALG-02", "u:werkt", "u:uur", "Hij werkt 40 uur per week.", "Hij werkt 40 uur per dag.");
}

// An early pick-up the model reads as a long day is explained by a car-pool someone checked; a car-pool the person
// only names is not.
TEST(SuggestionModelTest, ACheckedCarPoolExplainsAnEarlyPickUp) {
    ExpectGuard("ALG-02", "u:" + StemOf("opgehaald"), "u:" + StemOf("busje"),
                "Hij wordt elke ochtend opgehaald door een busje. Uitgezocht: het is een collega die carpoolt.",
                "Hij wordt elke ochtend opgehaald door een busje. Hij zegt dat het een collega is die carpoolt.");
    const SuggestionModel model = TwoWordModel("ALG-02", "u:" + StemOf("opgehaald"), "u:" + StemOf("busje"));
    EXPECT_TRUE(Suggests("Hij wordt elke ochtend opgehaald door een busje. Nagevraagd of het een carpool is: nee, het "
                         "busje is van de koppelbaas.",
                         model, "ALG-02"));
    // A car-pool explains a pick-up, not the hours.
    const SuggestionModel hours = TwoWordModel("ALG-02", "u:" + StemOf("middernacht"), "u:thuis");
    EXPECT_TRUE(Suggests("Ze komt elke dag na middernacht thuis. Gecontroleerd: ze gaat met een carpool.", hours,
                         "ALG-02"));
}

// Unpaid work the writer names as the person's day care ("Dat is zijn dagbesteding") explains what the model guessed
// to be underpayment; day care named as a cover does not.
TEST(SuggestionModelTest, DayCareExplainsGuessedUnderpayment) {
    ExpectGuard("ARB-03", "u:roze", "u:doos", "Hij vouwt op zijn werk een roze doos. Dat is zijn dagbesteding via de Wmo.",
                "Hij vouwt op zijn werk een roze doos. De boer noemt het dagbesteding.");
    const SuggestionModel model = TwoWordModel("ARB-03", "u:roze", "u:doos");
    EXPECT_TRUE(Suggests("Hij vouwt op zijn werk een roze doos. Het is zijn dagbesteding, maar hij moet er 50 uur per week "
                         "werken via de Wmo.",
                         model, "ARB-03"));
    EXPECT_TRUE(Suggests("Hij vouwt op zijn werk een roze doos als dagbesteding, op de boerderij van een kennis.", model,
                         "ARB-03"));
}

// Nor is an ordinary working day of at most nine hours, where the text names no more work anywhere; more work in the
// next sentence, other hours or a contrast make it no ordinary day.
TEST(SuggestionModelTest, AnOrdinaryWorkingDayIsNoLongDay) {
    ExpectGuard("ALG-02", "u:werkt", "u:uur", "Hij werkt acht uur per dag met pauzes.",
                "Hij werkt tien uur per dag met pauzes.");
    const SuggestionModel model = TwoWordModel("ALG-02", "u:werkt", "u:uur");
    for (const char* text : {"Hij werkt 8 uur per dag in de kas. Na zijn dienst werkt hij tot 23.00 uur in de afwas.",
                             "Ze werkt 8 uur per dag in de kas. Daarna moet ze het huis van de baas schoonmaken.",
                             "Au pair werkt 8 uur per dag en moet alle nachten bij de baby opstaan.",
                             "Hij krijgt 8 uur per dag betaald, maar werkt er in werkelijkheid veertien."}) {
        EXPECT_TRUE(Suggests(text, model, "ALG-02")) << text;
    }
}

// Where the patterns read no form's core, the model's core of one form (here CRI-06) drops the generic indicators of
// another (a loose SEK-07), so the narrative points to one form; beside a core the patterns read, SEK-07 stays.
TEST(SuggestionModelTest, TheModelsCoreDecidesOnlyWhereThePatternsReadNone) {
    const SuggestionModel model = TwoWordModel("CRI-06", "u:roze", "u:doos");
    const std::string loose = "Hij is erg angstig en onderdanig. Hij brengt een roze doos weg.";
    ASSERT_TRUE(Suggests(loose, SuggestionModel{}, "SEK-07"));
    EXPECT_TRUE(Suggests(loose, model, "CRI-06"));
    EXPECT_FALSE(Suggests(loose, model, "SEK-07"));
    const std::string read = "Ze moet seks hebben met klanten en het geld afgeven. Ze is erg angstig en onderdanig. "
                             "Hij brengt een roze doos weg.";
    EXPECT_TRUE(Suggests(read, model, "CRI-06"));
    EXPECT_TRUE(Suggests(read, model, "SEK-07"));
}

// The interpreters' phone line is no second phone, whatever the model learned of phones and calls.
TEST(SuggestionModelTest, TheInterpretersPhoneLineIsNoSecondPhone) {
    ExpectGuard("SEK-08", "u:" + StemOf("apart"), "u:" + StemOf("gesproken"),
                "Via de tolkentelefoon heb ik apart met haar gesproken.", "Ik heb apart met haar gesproken.");
}

TEST(SuggestionModelTest, WeightsFileSkipsMalformedEntries) {
    const SuggestionModel parsed = SuggestionModel::Parse(
        "threshold\t0.5\nbias\tALG-01\t-1\nweights\tu:paspoort\tALG-01=2.5\tALG-01\tXYZ-9=1\tALG-07=abc\n"
        "weights\tu:leeg\nweight\tALG-01\tu:oud\t1.0\n");
    EXPECT_EQ(parsed.Serialize(), "threshold\t0.5000\nbias\tALG-01\t-1.0000\nweights\tu:paspoort\tALG-01=2.500\n");
}

TEST(SuggestionModelTest, WeightsFileRoundTrips) {
    const SuggestionModel model = PassportModel();
    const SuggestionModel parsed = SuggestionModel::Parse("# a comment\n" + model.Serialize() + "garbage line\n");
    EXPECT_EQ(parsed.Serialize(), model.Serialize());
    EXPECT_DOUBLE_EQ(parsed.threshold(), 0.6);
}

TEST(SuggestionModelTest, ScoreGivesTheBestSentenceAndItsEvidence) {
    const std::string text = "Ze kwam voor een uitkering. De man naast haar hield haar paspoort vast, zei ze.";
    const std::vector<ModelHit> hits = PassportModel().Score(Tokenize(text));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].code, "ALG-01");
    EXPECT_GT(hits[0].probability, 0.8);
}

// One word is a topic, not a fact: a sentence speaks for a code only with two words that each weigh for it.
TEST(SuggestionModelTest, OneWordAloneIsNoFact) {
    const std::vector<ModelHit> hits = PassportModel().Score(Tokenize("Ze heeft een nieuw paspoort nodig."));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].probability, 0.0);
}

TEST(SuggestionModelTest, ModelAddsWhatThePatternsMissWithEvidenceFromTheText) {
    const std::string text = "Ze kwam voor een uitkering. De man naast haar hield haar paspoort vast, zei ze.";
    const SuggestionModel model = PassportModel();
    const std::vector<Suggestion> suggestions = SuggestIndicators(text, &model);
    const auto found = std::find_if(suggestions.begin(), suggestions.end(),
                                    [](const Suggestion& suggestion) { return suggestion.code == "ALG-01"; });
    ASSERT_NE(found, suggestions.end());
    EXPECT_NE(text.find(found->evidence), std::string::npos);
    EXPECT_NE(found->evidence.find("paspoort"), std::string::npos);
    // Negated, the word is another feature and the model stays silent.
    const std::vector<Suggestion> denied = SuggestIndicators("Ze heeft wel een eigen paspoort.", &model);
    EXPECT_TRUE(std::none_of(denied.begin(), denied.end(),
                             [](const Suggestion& suggestion) { return suggestion.code == "ALG-01"; }));
}

TEST(SuggestionModelTest, TrainingIsDeterministic) {
    std::vector<LabelledNarrative> narratives;
    for (int index = 0; index < 6; ++index) {
        narratives.push_back(
            {0,
             "P" + std::to_string(index),
             "arbeid",
             {"ALG-01"},
             "De baas bewaart het paspoort van de man. Hij werkt in de kas nummer " + std::to_string(index) + "."});
        narratives.push_back({0,
                              "N" + std::to_string(index),
                              "geen",
                              {},
                              "Hij werkt in de kas en woont in het dorp nummer " + std::to_string(index) + "."});
    }
    const TrainingOptions options;
    const std::string first = TrainSuggestionModel(narratives, options).Serialize();
    EXPECT_EQ(first, TrainSuggestionModel(narratives, options).Serialize());
    const SuggestionModel model = SuggestionModel::Parse(first);
    const std::vector<ModelHit> hits = model.Score(Tokenize("Zijn paspoort ligt bij de baas."));
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0].code, "ALG-01");
    EXPECT_GE(hits[0].probability, model.threshold());
}

TEST(SuggestionModelTest, BuiltinModelIsCompiledIn) {
    const SuggestionModel& model = SuggestionModel::Builtin();
    EXPECT_GT(model.code_count(), 20u);
    EXPECT_GT(model.threshold(), 0.0);
    EXPECT_LT(model.threshold(), 1.0);
}

TEST(SuggestionTrainingTest, ParsesTheLabelledFormatAndReportsMalformedLines) {
    const ParsedNarratives parsed = ParseLabelledNarratives(
        "id\texpected_form\tcodes\tnarrative\nA1\tarbeid\tARB-02, ALG-02\tTekst.\r\nbroken "
        "line\n\nN1\tgeen\t\tNiets.\n");
    ASSERT_EQ(parsed.narratives.size(), 2u);
    EXPECT_EQ(parsed.narratives[0].codes, (std::vector<std::string>{"ARB-02", "ALG-02"}));
    EXPECT_EQ(parsed.narratives[0].text, "Tekst.");
    EXPECT_TRUE(parsed.narratives[1].codes.empty());
    ASSERT_EQ(parsed.errors.size(), 1u);
    EXPECT_EQ(parsed.errors[0].rfind("line 3:", 0), 0u);
}

}  // namespace
}  // namespace meldroute::domain
