// The policy figures against known signals and cases: period boundaries, a case spanning the turn of a year,
// a case weighed again and given a further signal after it was referred, lead times, overdue work, totals
// that equal the sum of their parts, and suppression that no total can undo.
#include "domain/statistics.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <numeric>
#include <set>

#include "base/time.hpp"
#include "domain/statistics_test_support.hpp"

namespace meldroute::domain {
namespace {

const std::string kFrom2024 = "2024-01-01T00:00:00Z";
const std::string kTo2024 = "2025-01-01T00:00:00Z";

std::chrono::sys_days Day(const std::string& date) { return *ParseDate(date); }

SignalForFigures Signal(const std::string& at, const std::string& channel, const std::string& department,
                   std::optional<std::string> recorded_at = std::nullopt) {
    return SignalForFigures{at, channel, department, std::move(recorded_at)};
}

using figures_test::Count;
using figures_test::Sum;

// A case recorded on 30 December 2023 from a signal of 28 December, weighed and referred to Moviera in
// January 2024 and closed as a care trajectory in February 2024.
CaseForFigures SpanningCase() {
    CaseForFigures facts;
    facts.created_at = "2023-12-30T10:00:00Z";
    facts.first_signal_at = "2023-12-28T10:00:00Z";
    facts.first_weighed_at = "2024-01-02T10:00:00Z";
    facts.weighed_at = facts.first_weighed_at;
    facts.urgency = "hoog";
    facts.forms = {"arbeid"};
    facts.referrals = {{"moviera", "2024-01-03T10:00:00Z", "2024-01-20", "2024-01-10T10:00:00Z"}};
    facts.first_reporter_feedback_at = "2024-01-11T10:00:00Z";
    facts.status = CaseStatus::kAfgesloten;
    facts.outcome = "zorgtraject";
    facts.closed_at = "2024-02-01T10:00:00Z";
    facts.closures = {{"2024-02-01T10:00:00Z", "zorgtraject"}};
    return facts;
}

// A case of March 2024 weighed twice (normaal → acuut, sexual → sexual + criminal), referred twice, with a
// second signal linked after the referral; still open, its partner feedback late.
CaseForFigures ReweighedCase() {
    CaseForFigures facts;
    facts.created_at = "2024-03-02T10:00:00Z";
    facts.first_signal_at = "2024-03-01T10:00:00Z";  // the later linked signal does not move the start
    facts.first_weighed_at = "2024-03-04T10:00:00Z";
    facts.weighed_at = "2024-03-20T10:00:00Z";
    facts.urgency = "acuut";
    facts.forms = {"crimineel", "seksueel"};
    facts.referrals = {{"politie", "2024-03-05T10:00:00Z", "2024-03-15", std::nullopt},
                       {"moviera", "2024-03-21T10:00:00Z", "2024-04-01", "2024-03-25T10:00:00Z"}};
    facts.status = CaseStatus::kDoorgezet;
    return facts;
}

std::vector<SignalForFigures> KnownSignals() {
    return {
        Signal("2023-12-28T10:00:00Z", "formulier", "toezicht", "2023-12-30T10:00:00Z"),  // before the period
        Signal("2023-12-31T23:59:59Z", "email", "gebiedsteam"),                          // last second of 2023
        Signal("2024-01-01T00:00:00Z", "telefoon", "publiekszaken"),                      // first second of 2024
        Signal("2024-03-01T10:00:00Z", "persoonlijk", "toezicht", "2024-03-02T10:00:00Z"),
        Signal("2024-03-10T10:00:00Z", "formulier", "toezicht", "2024-03-11T10:00:00Z"),  // linked later
        Signal("2024-06-01T10:00:00Z", "anoniem", kResidentDepartment),
        Signal("2024-12-31T23:59:59Z", "formulier", ""),                                  // no department known
        Signal("2025-01-01T00:00:00Z", "formulier", "toezicht"),                          // after the period
    };
}

// A store may hand over a day's signals of one channel and department as one row with their count: the figures
// are those of as many separate signals.
TEST(Statistics, ARowStandingForSeveralSignalsCountsAsThatMany) {
    std::vector<SignalForFigures> separate;
    for (int index = 0; index < 3; ++index) separate.push_back(Signal("2024-05-02T00:00:00Z", "email", "toezicht"));
    separate.push_back(Signal("2024-05-02T09:00:00Z", "email", "toezicht", "2024-05-04T09:00:00Z"));
    std::vector<SignalForFigures> counted{separate[0], separate[3]};
    counted[0].count = 3;
    auto one_by_one = ComputeStatistics(separate, {}, kFrom2024, kTo2024, Day("2024-06-30"), DeadlineSettings{});
    auto together = ComputeStatistics(counted, {}, kFrom2024, kTo2024, Day("2024-06-30"), DeadlineSettings{});
    EXPECT_EQ(together.signals, 4);
    EXPECT_EQ(together.signals, one_by_one.signals);
    EXPECT_EQ(together.by_channel, one_by_one.by_channel);
    EXPECT_EQ(together.by_department, one_by_one.by_department);
    EXPECT_EQ(together.per_month[4].signals, 4);
    EXPECT_EQ(together.per_year[0].signals, one_by_one.per_year[0].signals);
    EXPECT_EQ(together.signal_to_recorded.count, 1);
    EXPECT_EQ(together.signal_to_recorded.median, one_by_one.signal_to_recorded.median);
}

TEST(Statistics, CountsSignalsByFilingDateAndCasesByRecordingDateAcrossTheTurnOfTheYear) {
    auto report = ComputeStatistics(KnownSignals(), {SpanningCase(), ReweighedCase()}, kFrom2024, kTo2024,
                                    Day("2024-06-30"), DeadlineSettings{});
    EXPECT_EQ(report.signals, 5);
    EXPECT_EQ(report.cases, 1) << "the spanning case was recorded in 2023";
    EXPECT_EQ(report.care_trajectories, 1) << "and closed in 2024 as a care trajectory";
    EXPECT_EQ(Count(report.by_outcome, "zorgtraject"), 1);
    EXPECT_EQ(report.referrals, 3) << "the spanning case's referral was made in 2024";
    EXPECT_EQ(Count(report.by_partner, "moviera"), 2);
    EXPECT_EQ(Count(report.by_partner, "politie"), 1);
    EXPECT_EQ(Count(report.by_channel, "telefoon"), 1);
    EXPECT_EQ(Count(report.by_channel, "email"), 0) << "23:59:59 on 31 December belongs to 2023";
    EXPECT_EQ(Count(report.by_department, "onbekend"), 1);
    EXPECT_EQ(Count(report.by_department, kResidentDepartment), 1);
    EXPECT_EQ(Count(report.by_department, "toezicht"), 2);

    // The latest weighing decides forms and urgency.
    EXPECT_EQ(Count(report.by_urgency, "acuut"), 1);
    EXPECT_EQ(Count(report.by_urgency, "normaal"), 0);
    EXPECT_EQ(Count(report.by_form, "crimineel"), 1);
    EXPECT_EQ(Count(report.by_form, "seksueel"), 1);

    auto previous = ComputeStatistics(KnownSignals(), {SpanningCase(), ReweighedCase()}, "2023-01-01T00:00:00Z",
                                      kFrom2024, Day("2024-06-30"), DeadlineSettings{});
    EXPECT_EQ(previous.signals, 2);
    EXPECT_EQ(previous.cases, 1);
    EXPECT_EQ(previous.care_trajectories, 0);
    EXPECT_EQ(Count(previous.by_urgency, "hoog"), 1);
}

TEST(Statistics, TotalsEqualTheSumOfTheirParts) {
    auto report = ComputeStatistics(KnownSignals(), {SpanningCase(), ReweighedCase()}, "2023-01-01T00:00:00Z",
                                    "2026-01-01T00:00:00Z", Day("2024-06-30"), DeadlineSettings{});
    EXPECT_EQ(report.signals, 8);
    EXPECT_EQ(report.cases, 2);
    EXPECT_EQ(report.per_year.size(), 3u);
    EXPECT_EQ(report.per_month.size(), 36u) << "every month of every year with activity";
    figures_test::ExpectTotalsAddUp(report, "2023-2025");
}

TEST(Statistics, LeadTimesStartAtTheFirstSignalAsMedianAndNinetiethPercentile) {
    auto report = ComputeStatistics(KnownSignals(), {SpanningCase(), ReweighedCase()}, "2023-01-01T00:00:00Z",
                                    "2026-01-01T00:00:00Z", Day("2024-06-30"), DeadlineSettings{});
    // Signal → recorded: 2 days (28 → 30 Dec), 1 day (1 → 2 Mar), 1 day (the linked signal).
    EXPECT_EQ(report.signal_to_recorded.count, 3);
    EXPECT_DOUBLE_EQ(*report.signal_to_recorded.median, 1.0);
    EXPECT_DOUBLE_EQ(*report.signal_to_recorded.p90, 2.0);
    // Signal → weighed: 5 days and 3 days (the first weighing, not the second).
    EXPECT_EQ(report.signal_to_weighed.count, 2);
    EXPECT_DOUBLE_EQ(*report.signal_to_weighed.median, 3.0);
    EXPECT_DOUBLE_EQ(*report.signal_to_weighed.p90, 5.0);
    // Signal → first partner contact: 6 days and 4 days.
    EXPECT_DOUBLE_EQ(*report.signal_to_partner_contact.median, 4.0);
    EXPECT_DOUBLE_EQ(*report.signal_to_partner_contact.p90, 6.0);
    // Feedback to the reporter: only the spanning case, 14 days after its first signal, 12 after recording.
    EXPECT_EQ(report.signal_to_reporter_feedback.count, 1);
    EXPECT_DOUBLE_EQ(*report.signal_to_reporter_feedback.median, 14.0);
    EXPECT_DOUBLE_EQ(*report.recorded_to_reporter_feedback.median, 12.0);

    auto nine = SummariseDays({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    EXPECT_DOUBLE_EQ(*nine.median, 5.0);
    EXPECT_DOUBLE_EQ(*nine.p90, 9.0);
    EXPECT_FALSE(SummariseDays({}).median.has_value());
    EXPECT_DOUBLE_EQ(*DaysBetween("2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z"), 0.0) << "never negative";
}

TEST(Statistics, OverdueCountsOpenCasesByReason) {
    auto report = ComputeStatistics(KnownSignals(), {SpanningCase(), ReweighedCase()}, kFrom2024, kTo2024,
                                    Day("2024-06-30"), DeadlineSettings{});
    // The reweighed case: police feedback late and the reporter never told; closed cases are never overdue.
    EXPECT_EQ(report.overdue_cases, 1);
    EXPECT_EQ(Count(report.overdue_by_reason, "terugkoppeling-partner"), 1);
    EXPECT_EQ(Count(report.overdue_by_reason, "terugkoppeling-melder"), 1);
    EXPECT_EQ(Count(report.overdue_by_reason, "acuut-partnercontact"), 0) << "a partner was contacted";
    auto early = ComputeStatistics(KnownSignals(), {SpanningCase(), ReweighedCase()}, kFrom2024, kTo2024,
                                   Day("2024-03-10"), DeadlineSettings{});
    EXPECT_EQ(early.overdue_cases, 0);
}

TEST(CareEvaluation, CountsTrajectoriesByTheirFirstReferralToTheCareCoordinator) {
    auto evaluation = BuildCareEvaluation({ReweighedCase(), SpanningCase()}, 2024);
    ASSERT_EQ(evaluation.started, 2);
    EXPECT_EQ(evaluation.led_to_care, 1);
    EXPECT_EQ(evaluation.open, 1);
    EXPECT_EQ(evaluation.closed_otherwise, 0);
    EXPECT_EQ(evaluation.led_to_care + evaluation.open + evaluation.closed_otherwise, evaluation.started);
    ASSERT_EQ(evaluation.trajectories.size(), 2u);
    // In the order they started: the spanning case in January, the reweighed one (Moviera second) in March.
    EXPECT_EQ(evaluation.trajectories[0].number, 1);
    EXPECT_EQ(evaluation.trajectories[0].started_month, "2024-01");
    EXPECT_DOUBLE_EQ(*evaluation.trajectories[0].signal_to_referral_days, 6.0);
    EXPECT_DOUBLE_EQ(*evaluation.trajectories[0].referral_to_feedback_days, 7.0);
    EXPECT_EQ(evaluation.trajectories[1].started_month, "2024-03");
    EXPECT_DOUBLE_EQ(*evaluation.trajectories[1].signal_to_referral_days, 20.0);
    EXPECT_EQ(BuildCareEvaluation({ReweighedCase(), SpanningCase()}, 2023).started, 0) << "recorded in 2023, started in 2024";

    auto suppression = SuppressEvaluation(evaluation, 5);
    EXPECT_EQ(suppression.Of("started"), Visibility::kBelowThreshold);
    EXPECT_TRUE(suppression.withheld.contains("trajectories"));
}

// ------------------------------------------------------------------------------------------ suppression

// Every value a reader could hold possible for each hidden small cell, knowing the shown cells, the total,
// that "< k" is 1 … k-1, that "x" is at least k, or, when the whole group is hidden, at least 1.
std::vector<std::set<std::int64_t>> Feasible(const std::vector<std::int64_t>& cells,
                                             const std::vector<Visibility>& visibility, std::int64_t k) {
    bool withheld = std::all_of(visibility.begin(), visibility.end(), [&](Visibility v) { return v == Visibility::kHidden; });
    std::int64_t total = std::accumulate(cells.begin(), cells.end(), std::int64_t{0});
    std::int64_t hidden_sum = 0;
    std::vector<std::size_t> hidden;
    for (std::size_t index = 0; index < cells.size(); ++index) {
        if (visibility[index] == Visibility::kShown) continue;
        hidden.push_back(index);
        hidden_sum += cells[index];
    }
    std::vector<std::set<std::int64_t>> possible(cells.size());
    if (withheld) {
        // A withheld group is published without its cells: nothing about them can be worked out.
        for (auto& values : possible) {
            for (std::int64_t value = 1; value < k; ++value) values.insert(value);
        }
        return possible;
    }
    std::vector<std::int64_t> values(hidden.size());
    std::function<void(std::size_t, std::int64_t)> walk = [&](std::size_t position, std::int64_t rest) {
        if (position == hidden.size()) {
            if (rest != 0) return;
            for (std::size_t index = 0; index < hidden.size(); ++index) possible[hidden[index]].insert(values[index]);
            return;
        }
        Visibility v = visibility[hidden[position]];
        std::int64_t low = withheld ? 1 : v == Visibility::kBelowThreshold ? 1 : k;
        std::int64_t high = withheld ? total : v == Visibility::kBelowThreshold ? k - 1 : total;
        for (std::int64_t value = low; value <= std::min(high, rest); ++value) {
            values[position] = value;
            walk(position + 1, rest - value);
        }
    };
    walk(0, hidden_sum);
    return possible;
}

TEST(Suppression, SmallCellsShowAsBelowThresholdAndATotalCannotGiveThemAway) {
    using V = Visibility;
    EXPECT_EQ(SuppressGroup({1, 10}, 11, true, 5), (std::vector<V>{V::kBelowThreshold, V::kHidden}));
    EXPECT_EQ(SuppressGroup({2, 3, 20}, 25, true, 5),
              (std::vector<V>{V::kBelowThreshold, V::kBelowThreshold, V::kShown}))
        << "two small cells summing to 5 can each still be 1 … 4";
    EXPECT_EQ(SuppressGroup({1, 5}, 6, true, 5), (std::vector<V>{V::kHidden, V::kHidden})) << "withheld whole";
    EXPECT_EQ(SuppressGroup({0, 7, 9}, 16, true, 5), (std::vector<V>{V::kShown, V::kShown, V::kShown}));
    EXPECT_EQ(SuppressGroup({1, 2}, 3, false, 5), (std::vector<V>{V::kBelowThreshold, V::kBelowThreshold}));

    // Exhaustively: every group of up to four cells of 0 … 13 with a shown total; each small cell keeps
    // every value 1 … k-1 possible.
    const std::int64_t k = 5;
    std::vector<std::int64_t> cells;
    std::function<void(std::size_t)> each = [&](std::size_t size) {
        if (cells.size() == size) {
            std::int64_t total = std::accumulate(cells.begin(), cells.end(), std::int64_t{0});
            if (total != 0 && total < k) return;  // a total below k is itself hidden
            auto visibility = SuppressGroup(cells, total, true, k);
            auto possible = Feasible(cells, visibility, k);
            for (std::size_t index = 0; index < cells.size(); ++index) {
                if (cells[index] > 0 && cells[index] < k) {
                    ASSERT_NE(visibility[index], V::kShown);
                    for (std::int64_t value = 1; value < k; ++value) {
                        ASSERT_TRUE(possible[index].count(value)) << "cell " << index << " of a group of "
                                                                  << size << " with total " << total;
                    }
                }
            }
            return;
        }
        for (std::int64_t value = 0; value <= 13; ++value) {
            cells.push_back(value);
            each(size);
            cells.pop_back();
        }
    };
    for (std::size_t size = 1; size <= 4; ++size) each(size);
}

TEST(Suppression, ReportHidesConsistentlyAndWithholdsTheMonthsOfAHiddenYear) {
    StatisticsReport report;
    report.signals = 12;
    report.by_channel = {{"anoniem", 2}, {"formulier", 10}};
    report.by_department = {{kResidentDepartment, 2}, {"toezicht", 10}};
    report.cases = 3;
    report.care_trajectories = 2;
    report.by_outcome = {{"zorgtraject", 2}, {"doorverwezen", 7}};
    report.closures = 9;
    report.per_year = {{"2024", 12, 3, 2}};
    for (int month = 1; month <= 12; ++month) {
        report.per_month.push_back({std::string{"2024-"} + (month < 10 ? "0" : "") + std::to_string(month),
                                    month == 3 ? 1 : month == 4 ? 11 : 0, month == 3 ? 3 : 0, month == 5 ? 2 : 0});
    }
    report.signal_to_recorded.count = 4;
    report.signal_to_weighed.count = 9;
    auto suppression = SuppressReport(report, 5);
    EXPECT_EQ(suppression.Of("signals"), Visibility::kShown);
    EXPECT_EQ(suppression.Of("cases"), Visibility::kBelowThreshold);
    EXPECT_EQ(suppression.Of("byChannel/anoniem"), Visibility::kBelowThreshold);
    EXPECT_EQ(suppression.Of("byChannel/formulier"), Visibility::kHidden);
    EXPECT_EQ(suppression.Of("byDepartment/toezicht"), Visibility::kHidden);
    EXPECT_EQ(suppression.Of("careTrajectories"), suppression.Of("byOutcome/zorgtraject"));
    EXPECT_EQ(suppression.Of("byOutcome/zorgtraject"), Visibility::kBelowThreshold);
    EXPECT_EQ(suppression.Of("byOutcome/doorverwezen"), Visibility::kHidden)
        << "the closures (9) are shown: the other outcome would give the 2 away";
    EXPECT_EQ(suppression.Of("perMonth/2024-03/signals"), Visibility::kBelowThreshold);
    EXPECT_EQ(suppression.Of("perMonth/2024-04/signals"), Visibility::kHidden);
    EXPECT_EQ(suppression.Of("perMonth/2024-03/cases"), Visibility::kHidden) << "the year's cases are hidden";
    EXPECT_EQ(suppression.Of("perMonth/2024-01/cases"), Visibility::kHidden) << "zero months too";
    EXPECT_EQ(suppression.Of("leadTimes/signalToRecordedDays"), Visibility::kBelowThreshold);
    EXPECT_EQ(suppression.Of("leadTimes/signalToWeighedDays"), Visibility::kShown);
}

// Found by the store test: the anonymous channel's cell in a withheld channel breakdown must not make the
// residents' department "x" (which claims at least the threshold) in a breakdown that is shown.
TEST(Suppression, AWithheldBreakdownDoesNotMarkTheSameCountElsewhereAsLarge) {
    StatisticsReport report;
    report.signals = 7;
    report.by_channel = {{"anoniem", 1}, {"email", 1}, {"formulier", 3}, {"persoonlijk", 1}, {"telefoon", 1}};
    report.by_department = {{kResidentDepartment, 1}, {"publiekszaken", 4}, {"toezicht", 2}};
    auto suppression = SuppressReport(report, 5);
    EXPECT_TRUE(suppression.withheld.contains("byChannel"));
    EXPECT_FALSE(suppression.withheld.contains("byDepartment"));
    std::vector<Visibility> departments;
    for (const auto& [key, value] : report.by_department) {
        departments.push_back(suppression.Of("byDepartment/" + key));
        EXPECT_EQ(departments.back(), Visibility::kBelowThreshold) << key;
    }
    EXPECT_TRUE(GroupProtected({1, 4, 2}, departments, 5));
}

}  // namespace
}  // namespace meldroute::domain
