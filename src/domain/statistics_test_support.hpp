// Checks shared by the tests of the figures: counts in a breakdown, and that every total equals the sum of
// its parts (channels, departments, urgencies, partners, outcomes, and the years and months of a report).
#pragma once

#include <gtest/gtest.h>

#include <numeric>
#include <string>

#include "domain/statistics.hpp"

namespace meldroute::domain::figures_test {

inline std::int64_t Sum(const Breakdown& breakdown) {
    return std::accumulate(breakdown.begin(), breakdown.end(), std::int64_t{0},
                           [](std::int64_t total, const auto& pair) { return total + pair.second; });
}

inline std::int64_t Count(const Breakdown& breakdown, const std::string& key) {
    for (const auto& [name, value] : breakdown) {
        if (name == key) return value;
    }
    return 0;
}

inline void ExpectTotalsAddUp(const StatisticsReport& report, const std::string& label) {
    SCOPED_TRACE(label);
    EXPECT_EQ(Sum(report.by_channel), report.signals);
    EXPECT_EQ(Sum(report.by_department), report.signals);
    EXPECT_EQ(Sum(report.by_urgency), report.cases);
    EXPECT_EQ(Sum(report.by_partner), report.referrals);
    EXPECT_EQ(Sum(report.by_outcome), report.closures);
    EXPECT_EQ(Count(report.by_outcome, "zorgtraject"), report.care_trajectories);
    PeriodCounts years{"years"};
    for (const PeriodCounts& year : report.per_year) {
        PeriodCounts months{year.period};
        std::int64_t month_count = 0;
        for (const PeriodCounts& month : report.per_month) {
            if (!month.period.starts_with(year.period)) continue;
            ++month_count;
            months.signals += month.signals;
            months.cases += month.cases;
            months.care_trajectories += month.care_trajectories;
            months.reopenings += month.reopenings;
        }
        EXPECT_LE(month_count, 12) << year.period;
        EXPECT_EQ(months.signals, year.signals) << year.period;
        EXPECT_EQ(months.cases, year.cases) << year.period;
        EXPECT_EQ(months.care_trajectories, year.care_trajectories) << year.period;
        EXPECT_EQ(months.reopenings, year.reopenings) << year.period;
        years.signals += year.signals;
        years.cases += year.cases;
        years.care_trajectories += year.care_trajectories;
        years.reopenings += year.reopenings;
    }
    EXPECT_EQ(years.signals, report.signals);
    EXPECT_EQ(years.cases, report.cases);
    EXPECT_EQ(years.care_trajectories, report.care_trajectories);
    EXPECT_EQ(years.reopenings, report.reopenings);
}

}  // namespace meldroute::domain::figures_test
