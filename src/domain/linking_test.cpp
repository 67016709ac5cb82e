#include "domain/linking.hpp"

#include <gtest/gtest.h>

namespace meldroute::domain {
namespace {

std::vector<std::string> KeysOf(const Signal& signal) {
    std::vector<std::string> keys;
    for (const auto& key : MatchKeys(signal)) keys.push_back(key.key);
    return keys;
}

TEST(LinkingTest, AddressesMatchOnPostcodeAndNumberWhateverTheSpelling) {
    Signal first;
    first.location = Location{"Industrieweg", "12", "6902 aa", "Zevenaar"};
    Signal second;
    second.location = Location{"industrieweg", " 12 ", "6902AA", "ZEVENAAR"};
    EXPECT_EQ(KeysOf(first), KeysOf(second));
    EXPECT_EQ(KeysOf(first), std::vector<std::string>{"adres:6902aa|12"});
}

TEST(LinkingTest, AStreetWithoutNumberIsTooVagueToLink) {
    Signal signal;
    signal.location = Location{"Markt", "", "", "Zevenaar"};
    EXPECT_TRUE(MatchKeys(signal).empty());
}

TEST(LinkingTest, PersonsNeedNameAndBirthYearAndIgnoreDiacritics) {
    Signal first;
    first.persons = {Person{"slachtoffer", "Zoë  van Dijk", 1999, "", ""}};
    Signal second;
    second.persons = {Person{"overig", "zoe van dijk", 1999, "", ""}};
    EXPECT_EQ(KeysOf(first), KeysOf(second));
    Signal no_year;
    no_year.persons = {Person{"slachtoffer", "Zoë van Dijk", std::nullopt, "", ""}};
    EXPECT_TRUE(MatchKeys(no_year).empty());
}

TEST(LinkingTest, PhoneNumbersAreNormalisedToTheDutchForm) {
    EXPECT_EQ(NormalisePhone("+31 6 1234 5678"), "0612345678");
    EXPECT_EQ(NormalisePhone("0031612345678"), "0612345678");
    EXPECT_EQ(NormalisePhone("06-12345678"), "0612345678");
}

TEST(LinkingTest, BusinessesMatchOnKvkNumberOrTradeNameWithoutLegalForm) {
    Signal first;
    first.business = Business{"12345678", "Uitzendbureau Snel B.V."};
    Signal second;
    second.business = Business{"", "uitzendbureau snel bv"};
    auto first_keys = KeysOf(first);
    auto second_keys = KeysOf(second);
    EXPECT_EQ(first_keys.size(), 2u);
    ASSERT_EQ(second_keys.size(), 1u);
    EXPECT_NE(std::find(first_keys.begin(), first_keys.end(), second_keys[0]), first_keys.end());
}

TEST(LinkingTest, NormaliseTextFoldsAndCollapses) {
    EXPECT_EQ(NormaliseText("  Geïsoleerde,  PLEK! "), "geisoleerde plek");
    EXPECT_EQ(NormaliseText(""), "");
}

}  // namespace
}  // namespace meldroute::domain
