// The JSON writer against the Json tree's own dump: the same bytes for nested documents and awkward strings, so a
// list written with JsonWriter reads exactly as one written through JsonResponse.
#include "http/json_writer.hpp"

#include <gtest/gtest.h>

#include "app/service.hpp"
#include "http/json_io.hpp"

namespace meldroute::http {
namespace {

std::string Dumped(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

TEST(JsonWriterTest, NestedDocumentMatchesTheTreesDump) {
    JsonWriter out;
    out.BeginArray();
    out.BeginObject()
        .Key("id").String("s1")
        .Key("codes").Strings({"ALG-01", "ARB-03"})
        .Key("none").Strings({})
        .Key("day").StringOrNull(std::nullopt)
        .Key("case").StringOrNull(std::string{"c1"})
        .Key("count").Int(-42)
        .Key("scores").BeginArray().Double(1.5).Double(3.0).Double(0.1).Double(-0.0).EndArray()
        .Key("open").Bool(true)
        .Key("closed").Bool(false)
        .Key("empty").BeginObject().EndObject()
        .Key("nothing").Null()
        .EndObject();
    out.BeginObject().EndObject();
    out.BeginArray().Int(1).BeginArray().EndArray().Int(2).EndArray();
    out.EndArray();
    Json expected = Json::array({Json{{"id", "s1"},
                                      {"codes", {"ALG-01", "ARB-03"}},
                                      {"none", Json::array()},
                                      {"day", nullptr},
                                      {"case", "c1"},
                                      {"count", -42},
                                      {"scores", {1.5, 3.0, 0.1, -0.0}},
                                      {"open", true},
                                      {"closed", false},
                                      {"empty", Json::object()},
                                      {"nothing", nullptr}},
                                 Json::object(), Json::array({1, Json::array(), 2})});
    EXPECT_EQ(std::move(out).Take(), Dumped(expected));
}

TEST(JsonWriterTest, StringsAreEscapedAsTheTreeEscapesThem) {
    const std::string awkward[] = {
        "aanhalingsteken \" en schuine streep \\",
        "regel\neinde\ttab\r\x01\x1f",
        "café Zoë — ‘Ω’ 😀",
        std::string{"ongeldig \xff\xfe utf-8 \xc3"},
        std::string{"nul\0byte", 8},
        "/api/v1/signals?status=gemeld",
        "\x7f",
        "",
        "\xc2\x80 \xdf\xbf \xe0\xa0\x80 \xef\xbf\xbf \xf0\x90\x80\x80 \xf4\x8f\xbf\xbf",  // the bounds of each length
        "overlong \xc0\xaf \xc1\xbf \xe0\x80\xaf \xf0\x80\x80\xaf",
        "surrogate \xed\xa0\x80 \xed\xbf\xbf",
        "beyond U+10FFFF \xf4\x90\x80\x80 \xf5\x80\x80\x80 \xff",
        "cut short \xe2\x82",
        "\xf0\x9f\x98",
        "lone continuation \x80 \xbf",
    };
    for (const std::string& text : awkward) {
        JsonWriter out;
        out.BeginObject().Key(text).String(text).EndObject();
        EXPECT_EQ(std::move(out).Take(), Dumped(Json{{text, text}})) << text;
    }
}

// Plain ASCII is checked eight bytes at a time: every byte value, at every place within and around such a word of
// a longer text, must come out as the tree writes it.
TEST(JsonWriterTest, EveryByteAtEveryPlaceOfALongTextIsEscapedAsTheTreeEscapesIt) {
    for (int byte = 0; byte < 256; ++byte) {
        for (std::size_t at = 0; at < 20; ++at) {
            std::string text(23, 'm');
            text[at] = static_cast<char>(byte);
            JsonWriter out;
            out.String(text);
            ASSERT_EQ(std::move(out).Take(), Dumped(Json(text))) << "byte " << byte << " at " << at;
        }
    }
    const std::string two_bytes = "abcdefg\xc3\xa9hijklmnopq";  // a sequence across the end of a word
    JsonWriter out;
    out.String(two_bytes);
    EXPECT_EQ(std::move(out).Take(), Dumped(Json(two_bytes)));
}

TEST(JsonWriterDeathTest, MisuseFailsWhereAssertionsAreOn) {
    EXPECT_DEBUG_DEATH(
        {
            JsonWriter out;
            out.BeginArray().Key("x");
        },
        "");
    EXPECT_DEBUG_DEATH(
        {
            JsonWriter out;
            out.BeginObject().EndArray();
        },
        "");
    EXPECT_DEBUG_DEATH(
        {
            JsonWriter out;
            out.BeginObject().String("no key");
        },
        "");
    EXPECT_DEBUG_DEATH(
        {
            JsonWriter out;
            out.BeginArray();
            static_cast<void>(std::move(out).Take());
        },
        "");
}

// A signal and a case with every member filled in (and the optional ones both ways), written as text by
// json_io.cpp: valid JSON in the tree's own form, every member under its name, in order, with its type.
domain::Signal FullSignal() {
    domain::Signal signal;
    signal.id = "s1";
    signal.reporter = "melder";
    signal.channel = "formulier";
    signal.narrative = "Zij werkt \"14 uur\" per dag,\nzegt Zoë.";
    signal.indicator_codes = {"ARB-02", "ALG-01"};
    signal.catalog_version = "2024.1";
    signal.observed_on = "2026-11-20";
    signal.location = domain::Location{"Dorpsstraat", "12", "6901 AB", "Zevenaar"};
    signal.persons = {{"slachtoffer", "Anna", 1990, "NL", "0612345678"}, {"verdachte", "", std::nullopt, "", ""}};
    signal.business = domain::Business{"12345678", "Nagelstudio"};
    signal.created_at = "2026-11-21T10:00:00Z";
    signal.case_id = "c1";
    signal.status = "gewogen";
    signal.feedback = {{"Dank u.", "2026-11-22T09:00:00Z", "af"}};
    signal.rectifications = {{"r1", "s1", 0, {"name"}, "Verkeerd gespeld.", "2026-11-23T08:00:00Z", "af"}};
    return signal;
}

std::vector<std::string> KeysOf(const Json& object) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items()) keys.push_back(key);
    return keys;
}

TEST(JsonIoTest, AWholeSignalAndItsSummaryHoldEveryMemberInOrder) {
    const std::string text = SignalJson(FullSignal());
    const Json json = Json::parse(text);
    EXPECT_EQ(Dumped(json), text);
    EXPECT_EQ(KeysOf(json), (std::vector<std::string>{"id", "status", "channel", "narrative", "indicatorCodes",
                                                      "catalogVersion", "observedOn", "location", "persons",
                                                      "business", "reporter", "caseId", "createdAt", "feedback",
                                                      "destroyedAt", "rectifications"}));
    EXPECT_EQ(json["narrative"], "Zij werkt \"14 uur\" per dag,\nzegt Zoë.");
    EXPECT_EQ(json["location"]["houseNumber"], "12");
    EXPECT_EQ(json["persons"][0]["birthYear"], 1990);
    EXPECT_TRUE(json["persons"][1]["birthYear"].is_null());
    EXPECT_EQ(json["business"]["kvkNumber"], "12345678");
    EXPECT_EQ(json["feedback"][0], (Json{{"message", "Dank u."}, {"at", "2026-11-22T09:00:00Z"}}));
    EXPECT_EQ(json["rectifications"][0]["position"], 0);
    EXPECT_EQ(json["rectifications"][0]["fields"], Json::array({"name"}));
    EXPECT_TRUE(json["destroyedAt"].is_null());

    domain::Signal anonymous = FullSignal();
    anonymous.reporter.clear();
    anonymous.location.reset();
    anonymous.business.reset();
    anonymous.case_id.reset();
    const Json bare = Json::parse(SignalJson(anonymous));
    EXPECT_TRUE(bare["reporter"].is_null());
    EXPECT_TRUE(bare["location"].is_null());
    EXPECT_TRUE(bare["business"].is_null());
    EXPECT_TRUE(bare["caseId"].is_null());

    const Json summaries = Json::parse(SummariesToJson({FullSignal(), anonymous}));
    ASSERT_EQ(summaries.size(), 2u);
    EXPECT_EQ(KeysOf(summaries[0]), (std::vector<std::string>{"id", "status", "channel", "indicatorCodes",
                                                              "catalogVersion", "observedOn", "reporter", "caseId",
                                                              "createdAt", "destroyedAt"}));
    EXPECT_EQ(summaries[0]["reporter"], "melder");
    EXPECT_TRUE(summaries[1]["reporter"].is_null());
}

TEST(JsonIoTest, ACaseHoldsEveryMemberInOrder) {
    app::CaseView view;
    domain::Case& header = view.file.header;
    header.id = "c1";
    header.status = domain::CaseStatus::kGewogen;
    header.urgency = "hoog";
    header.forms = {"arbeid"};
    header.created_at = "2026-11-21T11:00:00Z";
    header.updated_at = "2026-11-24T11:00:00Z";
    header.version = 7;
    header.reopen_count = 1;
    header.reopened_at = "2026-11-24T10:00:00Z";
    view.file.signals = {FullSignal()};
    view.file.enrichments = {{"e1", "c1", "BRP", "adres", "Ingeschreven.", "2026-11-22T11:00:00Z", "af"}};
    view.file.assessments = {{"a1", "c1", "hoog", {"arbeid"}, "Veel uren.", "2026-11-22T12:00:00Z", "af"}};
    view.file.referrals = {{"f1", "c1", "Moviera", std::nullopt, "2026-12-01", "Spoed.", "2026-11-23T11:00:00Z", "af",
                            {{"p1", "f1", "Opgepakt.", "2026-11-24T09:00:00Z", "moviera"}}}};
    view.file.reporter_feedback = {{"Wij pakken het op.", "2026-11-23T12:00:00Z", "af"}};
    view.file.timeline = {{"2026-11-21T11:00:00Z", "af", "create", "Casus aangemaakt."}};
    view.file.closures = {{"2026-11-23T13:00:00Z", "hulpverlening", std::nullopt, "af"}};
    view.file.reopenings = {{"2026-11-24T10:00:00Z", "Nieuwe melding.", "af"}};
    view.indication.forms = {{"arbeid", domain::Level::kAanwezig, 1.5, {"ARB-02", "ALG-01"}, "Eén specifiek signaal."}};
    view.allowed_actions = {domain::CaseAction::kEnrich, domain::CaseAction::kRefer};
    view.overdue_reasons = {"Terugkoppeling aan de melder is te laat."};
    view.referral_overdue = {{"f1", true}};
    view.related_signals = {{"s9", std::nullopt, "2026-11-19T10:00:00Z", {"adres", "telefoon"}}};
    view.retention.hold = store::LegalHold{"Strafzaak.", "af", "2026-11-24T12:00:00Z"};
    view.retain_until = "2031-11-23";

    const std::string text = CaseViewJson(view);
    const Json json = Json::parse(text);
    EXPECT_EQ(Dumped(json), text);
    EXPECT_EQ(KeysOf(json),
              (std::vector<std::string>{"id", "status", "urgency", "forms", "rationale", "signals", "enrichments",
                                        "assessments", "referrals", "reporterFeedback", "outcome", "closureNote",
                                        "closures", "reopenCount", "reopenedAt", "reopenings", "createdAt",
                                        "updatedAt", "version", "timeline", "indication", "allowedActions",
                                        "relatedSignals", "overdue", "overdueReasons", "retention"}));
    EXPECT_EQ(json["status"], "gewogen");
    EXPECT_TRUE(json["rationale"].is_null());
    EXPECT_EQ(json["signals"][0], Json::parse(SignalJson(FullSignal())));
    EXPECT_EQ(KeysOf(json["enrichments"][0]),
              (std::vector<std::string>{"id", "source", "purpose", "content", "at", "actor"}));
    EXPECT_EQ(json["assessments"][0]["forms"], Json::array({"arbeid"}));
    EXPECT_EQ(KeysOf(json["referrals"][0]), (std::vector<std::string>{"id", "partner", "forum", "feedbackDue", "note",
                                                                      "at", "actor", "overdue", "feedback"}));
    EXPECT_TRUE(json["referrals"][0]["forum"].is_null());
    EXPECT_EQ(json["referrals"][0]["overdue"], true);
    EXPECT_EQ(json["referrals"][0]["feedback"][0]["summary"], "Opgepakt.");
    EXPECT_EQ(KeysOf(json["reporterFeedback"][0]), (std::vector<std::string>{"message", "at", "actor"}));
    EXPECT_EQ(KeysOf(json["closures"][0]), (std::vector<std::string>{"at", "outcome", "note", "actor"}));
    EXPECT_TRUE(json["closures"][0]["note"].is_null());
    EXPECT_EQ(json["reopenCount"], 1);
    EXPECT_EQ(json["reopenings"][0]["reason"], "Nieuwe melding.");
    EXPECT_EQ(json["version"], 7);
    EXPECT_EQ(KeysOf(json["timeline"][0]), (std::vector<std::string>{"at", "actor", "action", "detail"}));
    EXPECT_EQ(KeysOf(json["indication"]), (std::vector<std::string>{"forms", "notice"}));
    EXPECT_EQ(json["indication"]["forms"][0]["level"], "aanwezig");
    EXPECT_EQ(json["indication"]["forms"][0]["score"], 1.5);
    EXPECT_EQ(Json::parse(IndicationJson(view.indication)), json["indication"]);
    EXPECT_EQ(json["allowedActions"], Json::array({"enrich", "refer"}));
    EXPECT_EQ(json["relatedSignals"][0],
              (Json{{"signalId", "s9"}, {"caseId", nullptr}, {"createdAt", "2026-11-19T10:00:00Z"},
                    {"matchedOn", {"adres", "telefoon"}}}));
    EXPECT_EQ(json["overdue"], true);
    EXPECT_EQ(json["retention"]["legalHold"]["setBy"], "af");
    EXPECT_EQ(json["retention"]["retainUntil"], "2031-11-23");
    EXPECT_TRUE(json["retention"]["destroyedAt"].is_null());
}

}  // namespace
}  // namespace meldroute::http
