// The JSON writer against the Json tree's own dump: the same bytes for nested documents and awkward strings, so a
// list written with JsonWriter reads exactly as one written through JsonResponse.
#include "http/json_writer.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace meldroute::http
