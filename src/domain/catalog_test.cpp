// Tests for the indicator catalog of seed Bijlage 3.
#include "domain/catalog.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace meldroute::domain {
namespace {

// Expected codes "PREFIX-01" .. "PREFIX-NN".
std::vector<std::string> ExpectedCodes(const std::string& prefix, std::size_t count) {
    std::vector<std::string> codes;
    for (std::size_t number = 1; number <= count; ++number) {
        codes.push_back(prefix + (number < 10 ? "-0" : "-") + std::to_string(number));
    }
    return codes;
}

std::vector<std::string> CodesOf(const IndicatorGroup& group) {
    std::vector<std::string> codes;
    for (const Indicator& indicator : group.indicators) {
        codes.push_back(indicator.code);
    }
    return codes;
}

std::string TextOf(std::string_view code) {
    const Indicator* indicator = FindIndicator(code);
    return indicator == nullptr ? std::string("<missing>") : indicator->text;
}

TEST(CatalogTest, GroupsAreInSeedOrderWithExpectedCounts) {
    const std::vector<IndicatorGroup>& groups = IndicatorGroups();
    ASSERT_EQ(groups.size(), 4u);
    EXPECT_EQ(groups[0].category, "algemeen");
    EXPECT_EQ(groups[1].category, "seksueel");
    EXPECT_EQ(groups[2].category, "crimineel");
    EXPECT_EQ(groups[3].category, "arbeid");
    EXPECT_EQ(groups[0].indicators.size(), 14u);
    EXPECT_EQ(groups[1].indicators.size(), 11u);
    EXPECT_EQ(groups[2].indicators.size(), 8u);
    EXPECT_EQ(groups[3].indicators.size(), 17u);
    EXPECT_EQ(Indicators().size(), 50u);
}

TEST(CatalogTest, GroupTitlesAndLeads) {
    const std::vector<IndicatorGroup>& groups = IndicatorGroups();
    ASSERT_EQ(groups.size(), 4u);
    EXPECT_EQ(groups[0].title, "Algemene signalen");
    EXPECT_EQ(groups[1].title, "Signalen van seksuele uitbuiting");
    EXPECT_EQ(groups[2].title, "Signalen van criminele uitbuiting");
    EXPECT_EQ(groups[3].title, "Signalen van arbeidsuitbuiting");
    EXPECT_EQ(groups[0].lead, "Iemand is (vermoedelijk) slachtoffer van een uitbuitingssituatie als de persoon:");
    EXPECT_EQ(groups[1].lead, "Iemand is (vermoedelijk) slachtoffer van seksuele uitbuiting als de persoon:");
    EXPECT_EQ(groups[2].lead, "Iemand is (vermoedelijk) slachtoffer van criminele uitbuiting als:");
    EXPECT_EQ(groups[3].lead, "Iemand is (vermoedelijke) slachtoffer van arbeidsuitbuiting als de persoon:");
}

TEST(CatalogTest, CodesAreNumberedInSeedOrder) {
    const std::vector<IndicatorGroup>& groups = IndicatorGroups();
    ASSERT_EQ(groups.size(), 4u);
    EXPECT_EQ(CodesOf(groups[0]), ExpectedCodes("ALG", 14));
    EXPECT_EQ(CodesOf(groups[1]), ExpectedCodes("SEK", 11));
    EXPECT_EQ(CodesOf(groups[2]), ExpectedCodes("CRI", 8));
    EXPECT_EQ(CodesOf(groups[3]), ExpectedCodes("ARB", 17));
}

TEST(CatalogTest, IndicatorsIsTheConcatenationOfGroups) {
    std::vector<std::string> expected;
    for (const IndicatorGroup& group : IndicatorGroups()) {
        for (const Indicator& indicator : group.indicators) {
            EXPECT_EQ(indicator.category, group.category) << indicator.code;
            expected.push_back(indicator.code);
        }
    }
    std::vector<std::string> actual;
    for (const Indicator& indicator : Indicators()) {
        actual.push_back(indicator.code);
    }
    EXPECT_EQ(actual, expected);
    EXPECT_EQ(std::set<std::string>(actual.begin(), actual.end()).size(), actual.size());
}

TEST(CatalogTest, SpotCheckSeedTexts) {
    EXPECT_EQ(TextOf("ALG-01"), "geen beschikking heeft over eigen paspoort of identiteitskaart");
    EXPECT_EQ(TextOf("ALG-08"), "geen beschikking heeft over eigen bankrekening, moet veel geld afstaan.");
    EXPECT_EQ(TextOf("ALG-09"), "op geïsoleerde plekken en in slechte omstandigheden werkt");
    EXPECT_EQ(TextOf("ALG-10"), "niet aanspreekbaar is (taalbarrière, onder invloed, wilsonbekwaam, analfabeet)");
    EXPECT_EQ(TextOf("ALG-12"),
              "in een gesprek met een professional iemand bij zich aanwezig heeft die controle uitoefent (over het "
              "gesprek, de financiën, officiële documenten)");
    EXPECT_EQ(TextOf("ALG-14"), "er ongezonder uit ziet (moe, vermagerd, zelfverwonding, sporen van mishandeling)");
    EXPECT_EQ(TextOf("SEK-01"),
              "wordt gedwongen om seks te hebben of seksuele handelingen te verrichten tegen de zin in");
    EXPECT_EQ(TextOf("SEK-05"),
              "door de partner wordt gedwongen om 'schulden' af te lossen door seks te hebben met vreemden");
    EXPECT_EQ(TextOf("SEK-08"), "een tweede telefoon bezit");
    EXPECT_EQ(TextOf("SEK-11"), "bij gezondheidsproblemen geen medische hulp inschakelt");
    EXPECT_EQ(TextOf("CRI-01"),
              "wordt gedwongen om mensen te beroven of zakken te rollen, en daarna de buit moet afstaan");
    EXPECT_EQ(TextOf("CRI-02"), "wordt gedwongen om te bedelen, en daarna de buit moet afstaan");
    EXPECT_EQ(TextOf("CRI-08"), "verzuimt op school");
    EXPECT_EQ(TextOf("ARB-01"), "gevaarlijk en ongezond werk moet doen");
    EXPECT_EQ(TextOf("ARB-13"),
              "in een bedrijfspand of op het bedrijfsterrein woont, of op een andere manier slecht is gehuisvest");
    EXPECT_EQ(TextOf("ARB-17"), "signalen van vermoeidheid, uitputting en/of gezondheidsklachten vertoont");
}

TEST(CatalogTest, EveryIndicatorHasTextAndHelp) {
    for (const Indicator& indicator : Indicators()) {
        EXPECT_FALSE(indicator.text.empty()) << indicator.code;
        EXPECT_FALSE(indicator.help.empty()) << indicator.code;
        EXPECT_NE(indicator.help, indicator.text) << indicator.code;
    }
}

TEST(CatalogTest, FindIndicatorFindsEveryCode) {
    for (const Indicator& indicator : Indicators()) {
        const Indicator* found = FindIndicator(indicator.code);
        ASSERT_NE(found, nullptr) << indicator.code;
        EXPECT_EQ(found, &indicator) << indicator.code;
        EXPECT_EQ(found->code, indicator.code);
    }
}

TEST(CatalogTest, FindIndicatorRejectsUnknownCodes) {
    EXPECT_EQ(FindIndicator("ALG-15"), nullptr);
    EXPECT_EQ(FindIndicator("alg-01"), nullptr);
    EXPECT_EQ(FindIndicator(""), nullptr);
    EXPECT_EQ(FindIndicator("ALG-1"), nullptr);
    EXPECT_EQ(FindIndicator("ARB-18"), nullptr);
    EXPECT_EQ(FindIndicator("ALG-01 "), nullptr);
}

TEST(CatalogTest, FormOfCategory) {
    EXPECT_EQ(FormOfCategory("seksueel"), std::optional<std::string>("seksueel"));
    EXPECT_EQ(FormOfCategory("arbeid"), std::optional<std::string>("arbeid"));
    EXPECT_EQ(FormOfCategory("crimineel"), std::optional<std::string>("crimineel"));
    EXPECT_EQ(FormOfCategory("algemeen"), std::nullopt);
    EXPECT_EQ(FormOfCategory("orgaan"), std::nullopt);
    EXPECT_EQ(FormOfCategory("Seksueel"), std::nullopt);
    EXPECT_EQ(FormOfCategory(""), std::nullopt);
}

TEST(CatalogTest, CatalogVersion) {
    EXPECT_EQ(kCatalogVersion, "2024.1");
}

}  // namespace
}  // namespace meldroute::domain
