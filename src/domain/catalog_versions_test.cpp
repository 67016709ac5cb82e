#include "domain/catalog_versions.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/indication.hpp"
#include "domain/validation.hpp"

namespace meldroute::domain {
namespace {

// The built-in catalog as a proposal that changes nothing.
std::vector<IndicatorProposal> Unchanged(const Catalog& catalog) {
    std::vector<IndicatorProposal> rows;
    for (const Indicator* indicator : catalog.All()) {
        rows.push_back({indicator->code, indicator->category, indicator->text, indicator->help, indicator->retired});
    }
    return rows;
}

IndicatorProposal& Row(std::vector<IndicatorProposal>& rows, std::string_view code) {
    return *std::find_if(rows.begin(), rows.end(), [&](const IndicatorProposal& row) { return row.code == code; });
}

bool Names(const Error& error, std::string_view name) {
    return std::any_of(error.invalid_params.begin(), error.invalid_params.end(),
                       [&](const InvalidParam& param) { return param.name == name; });
}

Result<Catalog> Build(const std::vector<IndicatorProposal>& rows) {
    return BuildNextCatalog(BuiltinCatalog(), rows, "2026.1", "2026-11-28T10:00:00Z", "beheer");
}

TEST(CatalogVersions, LabelsCountUpWithinAYear) {
    EXPECT_EQ(NextCatalogVersionLabel({}, 2026), "2026.1");
    EXPECT_EQ(NextCatalogVersionLabel({"2024.1", "2026.1", "2026.2"}, 2026), "2026.3");
    EXPECT_EQ(NextCatalogVersionLabel({"2025.4"}, 2026), "2026.1");
    EXPECT_EQ(NextCatalogVersionLabel({"2026.x", "2026.10"}, 2026), "2026.11");
}

TEST(CatalogVersions, RewordingKeepsTheCodeAndTheOldVersion) {
    auto rows = Unchanged(BuiltinCatalog());
    Row(rows, "ALG-01").text = "  heeft geen eigen identiteitsbewijs in bezit  ";
    auto next = Build(rows);
    ASSERT_TRUE(next) << next.error().detail;
    EXPECT_EQ(next->version, "2026.1");
    EXPECT_EQ(next->Find("ALG-01")->text, "heeft geen eigen identiteitsbewijs in bezit");
    EXPECT_NE(BuiltinCatalog().Find("ALG-01")->text, next->Find("ALG-01")->text);
}

TEST(CatalogVersions, AddingAssignsTheNextNumberOfTheList) {
    auto rows = Unchanged(BuiltinCatalog());
    rows.push_back({"", "arbeid", "moet betalen voor een plek in een busje naar het werk", "", false});
    auto next = Build(rows);
    ASSERT_TRUE(next) << next.error().detail;
    const Indicator* added = next->Find("ARB-18");
    ASSERT_NE(added, nullptr);
    EXPECT_EQ(added->category, "arbeid");
    EXPECT_TRUE(next->Offers("ARB-18"));
    EXPECT_EQ(BuiltinCatalog().Find("ARB-18"), nullptr);
    // An added code counts for its form like any other.
    const Indication indication = ComputeIndication({"ARB-18", "ARB-01", "ARB-02"});
    EXPECT_EQ(indication.forms[1].form, "arbeid");
    EXPECT_EQ(indication.forms[1].level, Level::kSterk);
}

TEST(CatalogVersions, RetiredIndicatorsStayReadableButAreNotOffered) {
    auto rows = Unchanged(BuiltinCatalog());
    Row(rows, "SEK-11").retired = true;
    auto next = Build(rows);
    ASSERT_TRUE(next) << next.error().detail;
    ASSERT_NE(next->Find("SEK-11"), nullptr);
    EXPECT_FALSE(next->Offers("SEK-11"));
    SignalDraft draft;
    draft.channel = "formulier";
    draft.narrative = "Iets gezien.";
    draft.indicator_codes = {"SEK-11"};
    const auto today = std::chrono::sys_days{std::chrono::year{2026} / 11 / 28};
    EXPECT_TRUE(ValidateSignalDraft(draft, today).empty());  // filed under the built-in version: fine
    const auto problems = ValidateSignalDraft(draft, today, false, *next);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].name, "indicatorCodes[0]");
}

TEST(CatalogVersions, AnIndicatorCanNeverBeDropped) {
    auto rows = Unchanged(BuiltinCatalog());
    rows.erase(rows.begin() + 2);  // ALG-03
    auto next = Build(rows);
    ASSERT_FALSE(next);
    EXPECT_EQ(next.error().code, ErrorCode::kInvalidArgument);
    ASSERT_TRUE(Names(next.error(), "indicators"));
    EXPECT_NE(next.error().invalid_params[0].reason.find("ALG-03"), std::string::npos);
}

TEST(CatalogVersions, EachRowIsChecked) {
    auto rows = Unchanged(BuiltinCatalog());
    rows[0].text = "   ";
    rows[1].help = std::string(kMaxIndicatorHelp + 1, 'x');
    rows[2].category = "arbeid";  // ALG-03 cannot move
    rows.push_back({"ALG-99", "", "nieuw", "", false});
    rows.push_back({"", "overig", "nieuw", "", false});
    rows.push_back(rows[4]);  // ALG-05 twice
    auto next = Build(rows);
    ASSERT_FALSE(next);
    EXPECT_TRUE(Names(next.error(), "indicators[0].text"));
    EXPECT_TRUE(Names(next.error(), "indicators[1].help"));
    EXPECT_TRUE(Names(next.error(), "indicators[2].category"));
    EXPECT_TRUE(Names(next.error(), "indicators[50].code"));
    EXPECT_TRUE(Names(next.error(), "indicators[51].category"));
    EXPECT_TRUE(Names(next.error(), "indicators[52].code"));
}

TEST(CatalogVersions, LengthsCountCharactersNotBytes) {
    auto rows = Unchanged(BuiltinCatalog());
    std::string long_dutch;
    for (std::size_t count = 0; count < kMaxIndicatorText / 3; ++count) long_dutch += "één";
    Row(rows, "ALG-02").text = long_dutch;  // 300 characters, 500 bytes
    EXPECT_TRUE(Build(rows));
}

TEST(CatalogVersions, NothingChangedIsRefused) {
    auto next = Build(Unchanged(BuiltinCatalog()));
    ASSERT_FALSE(next);
    EXPECT_EQ(next.error().code, ErrorCode::kUnprocessable);
}

TEST(CatalogVersions, AListKeepsAtLeastOneLiveIndicator) {
    auto rows = Unchanged(BuiltinCatalog());
    for (auto& row : rows) {
        if (row.category == "crimineel") row.retired = true;
    }
    auto next = Build(rows);
    ASSERT_FALSE(next);
    EXPECT_EQ(next.error().code, ErrorCode::kUnprocessable);
}

TEST(CatalogVersions, CategoryFollowsThePrefix) {
    EXPECT_EQ(CategoryOfCode("ALG-01"), "algemeen");
    EXPECT_EQ(CategoryOfCode("ARB-42"), "arbeid");
    EXPECT_EQ(CategoryOfCode("SEK-1"), std::nullopt);
    EXPECT_EQ(CategoryOfCode("XYZ-01"), std::nullopt);
    EXPECT_EQ(CategoryOfCode("CRI-0a"), std::nullopt);
}

}  // namespace
}  // namespace meldroute::domain
