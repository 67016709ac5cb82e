#include "base/time.hpp"

#include <gtest/gtest.h>

namespace meldroute {
namespace {

TEST(TimeTest, FormatsAndParsesRoundTrip) {
    auto at = ParseTime("2024-04-15T09:30:05Z");
    ASSERT_TRUE(at.has_value());
    EXPECT_EQ(FormatTime(*at), "2024-04-15T09:30:05Z");
    EXPECT_EQ(FormatDate(DayOf(*at)), "2024-04-15");
}

TEST(TimeTest, RejectsMalformedAndImpossibleDates) {
    for (const char* text : {"", "2024-4-15", "2024-02-30", "2023-02-29", "2024-13-01", "abcd-ef-gh", "2024-04-15x"}) {
        EXPECT_FALSE(ParseDate(text).has_value()) << text;
    }
    EXPECT_TRUE(ParseDate("2024-02-29").has_value());
    for (const char* text : {"2024-04-15T24:00:00Z", "2024-04-15 09:30:00Z", "2024-04-15T09:30:00"}) {
        EXPECT_FALSE(ParseTime(text).has_value()) << text;
    }
}

}  // namespace
}  // namespace meldroute
