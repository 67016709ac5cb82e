#include "domain/deadlines.hpp"

#include <gtest/gtest.h>

#include "base/time.hpp"

namespace meldroute::domain {
namespace {

CaseSummary OpenCase() {
    CaseSummary summary;
    summary.header.status = CaseStatus::kGewogen;
    summary.header.created_at = "2024-06-01T09:00:00Z";
    summary.has_reachable_reporter = true;
    return summary;
}

TEST(DeadlinesTest, AcuteCaseWithoutPartnerContactIsOverdueTheSameDay) {
    CaseSummary summary = OpenCase();
    summary.header.urgency = "acuut";
    summary.header.weighed_at = "2024-06-01T10:00:00Z";
    auto reasons = OverdueReasons(summary, *ParseDate("2024-06-01"), DeadlineSettings{});
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_NE(reasons[0].find("Acuut"), std::string::npos);
    summary.referral_count = 1;
    EXPECT_TRUE(OverdueReasons(summary, *ParseDate("2024-06-01"), DeadlineSettings{}).empty());
}

TEST(DeadlinesTest, PartnerFeedbackIsOverdueAfterItsDueDate) {
    CaseSummary summary = OpenCase();
    summary.earliest_open_feedback_due = "2024-06-10";
    EXPECT_TRUE(OverdueReasons(summary, *ParseDate("2024-06-10"), DeadlineSettings{}).empty());
    EXPECT_EQ(OverdueReasons(summary, *ParseDate("2024-06-11"), DeadlineSettings{}).size(), 1u);
}

TEST(DeadlinesTest, ReporterFeedbackIsDueAfterConfiguredDays) {
    CaseSummary summary = OpenCase();
    DeadlineSettings settings{7};
    EXPECT_TRUE(OverdueReasons(summary, *ParseDate("2024-06-08"), settings).empty());
    EXPECT_EQ(OverdueReasons(summary, *ParseDate("2024-06-09"), settings).size(), 1u);
    summary.has_reporter_feedback = true;
    EXPECT_TRUE(OverdueReasons(summary, *ParseDate("2024-06-09"), settings).empty());
    EXPECT_EQ(NextDeadline(OpenCase(), settings), "2024-06-08");
}

// A reopened case runs the route again: the reporter is to be told again, counted from the reopening.
TEST(DeadlinesTest, AfterAReopeningReporterFeedbackIsDueCountedFromTheReopening) {
    CaseSummary summary = OpenCase();
    summary.header.status = CaseStatus::kVastgelegd;
    summary.header.reopen_count = 1;
    summary.header.reopened_at = "2024-09-01T09:00:00Z";
    DeadlineSettings settings{7};
    EXPECT_EQ(NextDeadline(summary, settings), "2024-09-08");
    EXPECT_TRUE(OverdueReasons(summary, *ParseDate("2024-09-08"), settings).empty());
    EXPECT_EQ(OverdueReasons(summary, *ParseDate("2024-09-09"), settings).size(), 1u);
}

TEST(DeadlinesTest, ClosedCasesAreNeverOverdue) {
    CaseSummary summary = OpenCase();
    summary.header.status = CaseStatus::kAfgesloten;
    summary.earliest_open_feedback_due = "2000-01-01";
    EXPECT_TRUE(OverdueReasons(summary, *ParseDate("2024-06-30"), DeadlineSettings{}).empty());
    EXPECT_FALSE(NextDeadline(summary, DeadlineSettings{}).has_value());
}

}  // namespace
}  // namespace meldroute::domain
