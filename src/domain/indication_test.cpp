#include "domain/indication.hpp"

#include <gtest/gtest.h>

namespace meldroute::domain {
namespace {

Level LevelOf(const Indication& indication, const std::string& form) {
    for (const auto& item : indication.forms) {
        if (item.form == form) return item.level;
    }
    ADD_FAILURE() << "no form " << form;
    return Level::kGeen;
}

const FormIndication& FormOf(const Indication& indication, const std::string& form) {
    for (const auto& item : indication.forms) {
        if (item.form == form) return item;
    }
    throw std::runtime_error("no form " + form);
}

TEST(IndicationTest, NothingTickedIsGeenForEveryForm) {
    Indication indication = ComputeIndication({});
    ASSERT_EQ(indication.forms.size(), 3u);
    for (const auto& form : indication.forms) EXPECT_EQ(form.level, Level::kGeen);
}

TEST(IndicationTest, RuleThreeSpecificIsSterk) {
    auto indication = ComputeIndication({"ARB-01", "ARB-02", "ARB-03"});
    EXPECT_EQ(LevelOf(indication, "arbeid"), Level::kSterk);
    EXPECT_NE(FormOf(indication, "arbeid").explanation.find("minstens 3 specifieke signalen"), std::string::npos);
}

TEST(IndicationTest, RuleTwoSpecificTwoGeneralIsSterk) {
    auto indication = ComputeIndication({"SEK-01", "SEK-02", "ALG-01", "ALG-07"});
    EXPECT_EQ(LevelOf(indication, "seksueel"), Level::kSterk);
}

TEST(IndicationTest, RuleTwoSpecificIsAanwezig) {
    EXPECT_EQ(LevelOf(ComputeIndication({"CRI-01", "CRI-02"}), "crimineel"), Level::kAanwezig);
}

TEST(IndicationTest, RuleOneSpecificTwoGeneralIsAanwezig) {
    EXPECT_EQ(LevelOf(ComputeIndication({"CRI-01", "ALG-01", "ALG-02"}), "crimineel"), Level::kAanwezig);
}

TEST(IndicationTest, RuleOneSpecificIsZwak) {
    EXPECT_EQ(LevelOf(ComputeIndication({"ARB-08"}), "arbeid"), Level::kZwak);
}

TEST(IndicationTest, GeneralIndicatorsAloneNeverExceedZwak) {
    std::vector<std::string> all_general;
    for (int number = 1; number <= 14; ++number) {
        all_general.push_back((number < 10 ? "ALG-0" : "ALG-") + std::to_string(number));
    }
    for (const auto& form : ComputeIndication(all_general).forms) EXPECT_EQ(form.level, Level::kZwak) << form.form;
}

TEST(IndicationTest, ExplanationNamesTheIndicators) {
    auto indication = ComputeIndication({"ARB-13", "ALG-01"});
    const auto& arbeid = FormOf(indication, "arbeid");
    EXPECT_NE(arbeid.explanation.find("ARB-13"), std::string::npos);
    EXPECT_NE(arbeid.explanation.find("ALG-01"), std::string::npos);
    EXPECT_EQ(arbeid.indicators, (std::vector<std::string>{"ARB-13", "ALG-01"}));
}

TEST(IndicationTest, DuplicatesAcrossSignalsCountOnce) {
    EXPECT_EQ(LevelOf(ComputeIndication({"ARB-01", "ARB-01", "ARB-01"}), "arbeid"), Level::kZwak);
}

TEST(IndicationTest, MalformedCodesAreIgnored) {
    EXPECT_EQ(LevelOf(ComputeIndication({"XYZ-01", "ARB-1", "arb-01"}), "arbeid"), Level::kGeen);
}

TEST(IndicationTest, CodesAddedInALaterCatalogVersionCountByTheirList) {
    // ARB-99 is not in the built-in catalog, but a published version may add it: its prefix names its form.
    EXPECT_EQ(LevelOf(ComputeIndication({"ARB-99"}), "arbeid"), Level::kZwak);
}

// A table over many combinations: the level is monotone in the number of specific indicators.
TEST(IndicationTest, MoreSpecificIndicatorsNeverLowerTheLevel) {
    std::vector<std::string> codes;
    Level previous = Level::kGeen;
    for (int number = 1; number <= 11; ++number) {
        codes.push_back((number < 10 ? "SEK-0" : "SEK-") + std::to_string(number));
        Level level = LevelOf(ComputeIndication(codes), "seksueel");
        EXPECT_GE(static_cast<int>(level), static_cast<int>(previous));
        previous = level;
    }
    EXPECT_EQ(previous, Level::kSterk);
}

}  // namespace
}  // namespace meldroute::domain
