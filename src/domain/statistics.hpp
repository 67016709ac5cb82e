// Policy figures as a pure computation: facts about signals and cases (never a person's data) in, counts,
// lead times and overdue work out; and the suppression of small counts for sharing outside the organisation.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/deadlines.hpp"
#include "domain/route.hpp"

namespace meldroute::domain {

//! The partner code of the regional care coordinator (seed 3.5.2, 4.5.2).
inline constexpr const char* kCareCoordinator = "moviera";
//! The department of a signal from the residents' anonymous form (no account, no department).
inline constexpr const char* kResidentDepartment = "inwoner";
//! Urgency of a case that was not weighed (yet).
inline constexpr const char* kNotWeighed = "niet-gewogen";

//! What the figures need of one signal: when, how and from which department; no narrative, person or address.
//! A store may hand over several signals of one day, channel and department as one row with their `count`
//! (a kept aggregate instead of every signal); such a row stands for `count` signals alike in every field.
struct SignalForFigures {
    std::string created_at;
    std::string channel;
    std::string department;
    std::optional<std::string> recorded_at;  // when it was taken into a case
    std::int64_t count = 1;                  // how many signals this row stands for
};

struct ReferralForFigures {
    std::string partner;
    std::string at;
    std::string feedback_due;  // "YYYY-MM-DD"
    std::optional<std::string> first_feedback_at;
};

//! One closure of a case: when, and with which outcome.
struct ClosureForFigures {
    std::string at;
    std::string outcome;
};

//! What the figures need of one case.
struct CaseForFigures {
    std::string created_at;  // recorded
    CaseStatus status = CaseStatus::kVastgelegd;
    std::optional<std::string> urgency;  // of the latest weighing
    std::vector<std::string> forms;      // of the latest weighing
    std::optional<std::string> first_signal_at;
    std::optional<std::string> first_weighed_at;
    std::optional<std::string> weighed_at;  // the latest weighing
    std::vector<ReferralForFigures> referrals;    // in the order they were made
    std::optional<std::string> first_reporter_feedback_at;
    std::optional<std::string> latest_reporter_feedback_at;
    bool has_reachable_reporter = true;
    std::optional<std::string> outcome;    // of the current closure; none while open (also after a reopening)
    std::optional<std::string> closed_at;  // the current closure
    std::vector<ClosureForFigures> closures;  // every closure, oldest first; a reopened case has more than one
    std::vector<std::string> reopenings;      // when it was reopened, oldest first
};

//! Counts keyed by code, in key order.
using Breakdown = std::vector<std::pair<std::string, std::int64_t>>;

struct LeadTimeSummary {
    std::optional<double> median;  // days, nearest rank, rounded to tenths
    std::optional<double> p90;
    std::int64_t count = 0;
};

//! Counts of one month ("2024-03") or year ("2024").
struct PeriodCounts {
    std::string period;
    std::int64_t signals = 0;
    std::int64_t cases = 0;
    std::int64_t care_trajectories = 0;
    std::int64_t reopenings = 0;  // reopenings of closed cases in the month or year
};

//! The figures of one period [from, to). What each counts is written in docs/operations.md.
struct StatisticsReport {
    std::int64_t signals = 0;            // filed in the period
    std::int64_t cases = 0;              // recorded in the period
    std::int64_t care_trajectories = 0;  // closures in the period with outcome zorgtraject
    std::int64_t referrals = 0;          // made in the period
    std::int64_t closures = 0;           // closures in the period: a reopened case counts at each closure
    std::int64_t reopenings = 0;         // reopenings in the period: a case reopened twice counts twice
    Breakdown by_form;        // cases, by the forms of their latest weighing (a case may count for several)
    Breakdown by_channel;     // signals
    Breakdown by_department;  // signals, by the reporter's department
    Breakdown by_partner;     // referrals
    Breakdown by_outcome;     // closures in the period, by the outcome each was given (adds up to closures)
    Breakdown by_urgency;     // cases, by the urgency of their latest weighing or kNotWeighed
    std::vector<PeriodCounts> per_month;  // every month of each year with activity, within the period
    std::vector<PeriodCounts> per_year;   // years with activity
    LeadTimeSummary signal_to_recorded;             // per signal filed in the period and taken into a case
    LeadTimeSummary recorded_to_reporter_feedback;  // per case recorded in the period: recorded → first feedback
    LeadTimeSummary signal_to_weighed;              // per case: its first signal → its first weighing
    LeadTimeSummary signal_to_partner_contact;      // per case: its first signal → its first referral
    LeadTimeSummary signal_to_reporter_feedback;    // per case: its first signal → first feedback to the reporter
    std::int64_t overdue_cases = 0;  // open cases recorded in the period with work overdue today
    Breakdown overdue_by_reason;     // a case may be overdue for several reasons
};

//! Gathers the figures of [from_time, to_time) (ISO times) as of `today` one fact at a time, so a period's facts
//! need not be held at once; the order of the facts does not matter.
class StatisticsTally {
public:
    StatisticsTally(std::string from_time, std::string to_time, std::chrono::sys_days today, DeadlineSettings settings);
    void Add(const SignalForFigures& signal);
    void Add(const CaseForFigures& facts);
    StatisticsReport Finish() &&;

private:
    PeriodCounts& YearOf(const std::string& at);
    PeriodCounts& MonthOf(const std::string& at);

    std::string from_time_;
    std::string to_time_;
    std::chrono::sys_days today_;
    DeadlineSettings settings_;
    StatisticsReport report_;
    std::map<std::string, std::int64_t> by_form_, by_channel_, by_department_, by_partner_, by_outcome_, by_urgency_,
        overdue_by_reason_;
    std::map<std::string, PeriodCounts> years_;
    std::map<std::string, PeriodCounts> month_counts_;
    std::vector<double> signal_to_recorded_, recorded_to_feedback_, to_weighed_, to_partner_, to_reporter_;
};

//! Computes the figures of [from_time, to_time) (ISO times) as of `today`.
StatisticsReport ComputeStatistics(const std::vector<SignalForFigures>& signals, const std::vector<CaseForFigures>& cases,
                                   const std::string& from_time, const std::string& to_time,
                                   std::chrono::sys_days today, const DeadlineSettings& settings);

//! Nearest-rank median and 90th percentile of durations in days.
LeadTimeSummary SummariseDays(std::vector<double> days);

//! Days from `from` to `to` (ISO times), never negative; nullopt when either is missing or unreadable.
std::optional<double> DaysBetween(const std::optional<std::string>& from, const std::optional<std::string>& to);

// ------------------------------------------------------------------------------------------ care evaluation

//! One care trajectory of the yearly evaluation with the care coordinator (seed 4.5.2): no name, no case id,
//! only its number within the evaluation and the month it started.
struct CareTrajectory {
    int number = 0;
    std::string started_month;  // "2024-03": the first referral to the care coordinator
    std::string urgency;        // of the latest weighing, or kNotWeighed
    std::vector<std::string> forms;
    CaseStatus status = CaseStatus::kDoorgezet;
    std::optional<std::string> outcome;  // of the current closure (the latest); none while open again
    int reopen_count = 0;
    std::optional<double> signal_to_recorded_days;
    std::optional<double> signal_to_weighed_days;
    std::optional<double> signal_to_referral_days;     // to the first referral to the care coordinator
    std::optional<double> referral_to_feedback_days;   // that referral to the coordinator's first feedback
    std::optional<double> signal_to_reporter_feedback_days;
};

struct CareEvaluation {
    int year = 0;
    std::int64_t started = 0;           // trajectories started in the year
    std::int64_t led_to_care = 0;       // of those: closed with outcome zorgtraject
    std::int64_t closed_otherwise = 0;  // closed with another outcome
    std::int64_t open = 0;              // not closed yet, or open again after a reopening
    std::int64_t reopened = 0;          // of those started: reopened at least once (not part of the sum)
    LeadTimeSummary signal_to_recorded;
    LeadTimeSummary signal_to_weighed;
    LeadTimeSummary signal_to_referral;
    LeadTimeSummary referral_to_feedback;
    LeadTimeSummary signal_to_reporter_feedback;
    std::vector<CareTrajectory> trajectories;  // in the order they started
};

//! The trajectories whose first referral to the care coordinator falls in `year`, from `cases`.
CareEvaluation BuildCareEvaluation(const std::vector<CaseForFigures>& cases, int year);

// ------------------------------------------------------------------------------------------ suppression

//! How a count is shown when small counts are suppressed.
enum class Visibility {
    kShown,          // the exact number
    kBelowThreshold, // primary: 1 … threshold-1, shown as "< threshold"
    kHidden,         // complementary: hidden so that a total cannot give a small count away, shown as "x"
};

//! Hides cells of one group that adds up to `total`: first every cell 1 … threshold-1, then further cells,
//! smallest first, until no hidden small cell can be narrowed below 1 … threshold-1 by subtracting the shown
//! cells from the total; when that cannot be reached every non-zero cell is hidden. `total_known` is false
//! when the total itself is not shown exactly (then only the primary rule applies).
std::vector<Visibility> SuppressGroup(const std::vector<std::int64_t>& cells, std::int64_t total, bool total_known,
                                      std::int64_t threshold);

//! Whether the hidden cells of a group keep every small one fully uncertain (see SuppressGroup).
bool GroupProtected(const std::vector<std::int64_t>& cells, const std::vector<Visibility>& visibility,
                    std::int64_t threshold);

//! The visibility of every count of a report, by path ("signals", "byChannel/email", "perYear/2024/cases",
//! "perMonth/2024-03/signals", "leadTimes/signalToRecordedDays", "overdue/byReason/…"). Paths not listed are
//! shown. Counts that appear twice (care trajectories and byOutcome/zorgtraject; the anonymous channel and
//! the residents' department) get the same visibility.
struct Suppression {
    std::int64_t threshold = 5;
    std::map<std::string, Visibility> hidden;
    //! Breakdowns ("byChannel", …) that cannot be protected cell by cell: published without any cell, since
    //! even which keys occur would give a small count away.
    std::set<std::string> withheld;

    Visibility Of(const std::string& path) const;
};

//! Applies primary and complementary suppression to a report (see docs/operations.md for the rule).
Suppression SuppressReport(const StatisticsReport& report, std::int64_t threshold);

//! The same for an evaluation ("started", "ledToCare", "closedOtherwise", "open", "leadTimes/…"); the list of
//! single trajectories is not shared at all when suppressed.
Suppression SuppressEvaluation(const CareEvaluation& evaluation, std::int64_t threshold);

}  // namespace meldroute::domain
