#include "domain/retention.hpp"

#include <gtest/gtest.h>

namespace meldroute::domain {
namespace {

TEST(Retention, ParsesTerms) {
    EXPECT_EQ(ParseRetentionTerm("5y"), (RetentionTerm{5, 'y'}));
    EXPECT_EQ(ParseRetentionTerm("18m"), (RetentionTerm{18, 'm'}));
    EXPECT_EQ(ParseRetentionTerm("30d"), (RetentionTerm{30, 'd'}));
    EXPECT_EQ(ParseRetentionTerm("0d"), (RetentionTerm{0, 'd'}));
    for (const char* bad : {"", "5", "y", "5w", "-1y", "101y", "1.5y", "5 y", "999999d", "+5y"}) {
        EXPECT_FALSE(ParseRetentionTerm(bad)) << bad;
    }
}

TEST(Retention, AddsCalendarTerms) {
    auto at = *ParseTime("2024-01-31T10:00:00Z");
    EXPECT_EQ(FormatTime(AddTerm(at, {5, 'y'})), "2029-01-31T10:00:00Z");
    EXPECT_EQ(FormatTime(AddTerm(at, {1, 'm'})), "2024-02-29T10:00:00Z");
    EXPECT_EQ(FormatTime(AddTerm(at, {30, 'd'})), "2024-03-01T10:00:00Z");
    EXPECT_EQ(FormatTime(AddTerm(at, {0, 'd'})), "2024-01-31T10:00:00Z");
    EXPECT_EQ(FormatTime(AddTerm(*ParseTime("2024-02-29T00:00:00Z"), {1, 'y'})), "2025-02-28T00:00:00Z");
}

// Whatever is due started before the bound, and the bound is at most a few days late: checked hour by hour around
// it, for every day of two years (month ends and a leap day included) and terms of each unit.
TEST(Retention, DueCandidatesStartedBeforeTheScanBound) {
    using namespace std::chrono;
    for (const char* text : {"0d", "30d", "1m", "18m", "1y", "5y"}) {
        const RetentionTerm term = *ParseRetentionTerm(text);
        for (int day = 0; day < 730; ++day) {
            for (seconds time_of_day : {seconds{0}, seconds{hours{23} + minutes{59} + seconds{59}}}) {
                const TimePoint now = TimePoint{sys_days{2023y / January / 1} + days{day}} + time_of_day;
                const TimePoint bound = DueIfStartedBefore(now, term);
                for (int hour = -24 * 8; hour <= 24 * 8; hour += 3) {
                    const TimePoint since = bound + hours{hour};
                    if (AddTerm(since, term) <= now) {
                        ASSERT_LT(since, bound) << text << " at day " << day;
                    }
                }
                EXPECT_LE(AddTerm(bound - days{8}, term), now) << text << " at day " << day;
            }
        }
    }
}

TEST(Retention, WritesTermsInDutch) {
    EXPECT_EQ(DutchLabel({5, 'y'}), "5 jaar");
    EXPECT_EQ(DutchLabel({1, 'm'}), "1 maand");
    EXPECT_EQ(DutchLabel({18, 'm'}), "18 maanden");
    EXPECT_EQ(ToString({30, 'd'}), "30d");
}

}  // namespace
}  // namespace meldroute::domain
