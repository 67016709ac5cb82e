#include "domain/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "base/time.hpp"

namespace meldroute::domain {

namespace {

bool InPeriod(const std::optional<std::string>& at, const std::string& from_time, const std::string& to_time) {
    // ISO-8601 UTC times of one format compare as text.
    return at && *at >= from_time && *at < to_time;
}

Breakdown ToBreakdown(const std::map<std::string, std::int64_t>& counts) { return {counts.begin(), counts.end()}; }

std::optional<std::string> EarliestReferralAt(const CaseForFigures& facts) {
    std::optional<std::string> earliest;
    for (const auto& referral : facts.referrals) {
        if (!earliest || referral.at < *earliest) earliest = referral.at;
    }
    return earliest;
}

// The overdue reasons of domain::OverdueReasons as codes, for keys of a breakdown.
std::string OverdueCode(const std::string& reason) {
    if (reason.starts_with("Acuut")) return "acuut-partnercontact";
    if (reason.find("partner") != std::string::npos) return "terugkoppeling-partner";
    return "terugkoppeling-melder";
}

CaseSummary SummaryOf(const CaseForFigures& facts) {
    CaseSummary summary;
    summary.header.status = facts.status;
    summary.header.urgency = facts.urgency;
    summary.header.created_at = facts.created_at;
    summary.header.weighed_at = facts.weighed_at;
    summary.referral_count = static_cast<int>(facts.referrals.size());
    for (const auto& referral : facts.referrals) {
        if (referral.first_feedback_at) continue;
        ++summary.referrals_without_feedback;
        if (!summary.earliest_open_feedback_due || referral.feedback_due < *summary.earliest_open_feedback_due) {
            summary.earliest_open_feedback_due = referral.feedback_due;
        }
    }
    // After a reopening the reporter is owed new feedback: only feedback since the latest reopening counts.
    if (!facts.reopenings.empty()) summary.header.reopened_at = facts.reopenings.back();
    summary.has_reporter_feedback =
        facts.latest_reporter_feedback_at.has_value() &&
        (facts.reopenings.empty() || *facts.latest_reporter_feedback_at > facts.reopenings.back());
    summary.has_reachable_reporter = facts.has_reachable_reporter;
    return summary;
}

// Months ("YYYY-MM") of every year that has activity, clipped to the period.
std::vector<PeriodCounts> MonthsOf(const std::set<std::string>& years, const std::string& from_time,
                                   const std::string& to_time) {
    std::vector<PeriodCounts> months;
    for (const std::string& year : years) {
        for (int month = 1; month <= 12; ++month) {
            std::string period = year + (month < 10 ? "-0" : "-") + std::to_string(month);
            // A month is inside the period when any of its days is: [month start, next month start) ∩ [from, to).
            std::string start = period + "-01T00:00:00Z";
            std::string next = month == 12 ? std::to_string(std::stoi(year) + 1) + "-01-01T00:00:00Z"
                                           : year + (month + 1 < 10 ? "-0" : "-") + std::to_string(month + 1) +
                                                 "-01T00:00:00Z";
            if (next <= from_time || start >= to_time) continue;
            months.push_back({period, 0, 0, 0, 0});
        }
    }
    return months;
}

PeriodCounts* Find(std::vector<PeriodCounts>& periods, const std::string& key) {
    for (auto& period : periods) {
        if (period.period == key) return &period;
    }
    return nullptr;
}

}  // namespace

std::optional<double> DaysBetween(const std::optional<std::string>& from, const std::optional<std::string>& to) {
    if (!from || !to) return std::nullopt;
    auto start = ParseTime(*from);
    auto end = ParseTime(*to);
    if (!start || !end) return std::nullopt;
    double seconds = std::chrono::duration<double>(*end - *start).count();
    return std::max(0.0, seconds / 86400.0);
}

LeadTimeSummary SummariseDays(std::vector<double> days) {
    LeadTimeSummary summary;
    summary.count = static_cast<std::int64_t>(days.size());
    if (days.empty()) return summary;
    std::sort(days.begin(), days.end());
    auto quantile = [&days](double fraction) {
        auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(days.size())));
        double value = days[std::clamp<std::size_t>(rank, 1, days.size()) - 1];
        return std::round(value * 10.0) / 10.0;
    };
    summary.median = quantile(0.5);
    summary.p90 = quantile(0.9);
    return summary;
}

StatisticsTally::StatisticsTally(std::string from_time, std::string to_time, std::chrono::sys_days today,
                                 DeadlineSettings settings)
    : from_time_(std::move(from_time)), to_time_(std::move(to_time)), today_(today), settings_(settings) {}

PeriodCounts& StatisticsTally::YearOf(const std::string& at) {
    std::string year = at.substr(0, 4);
    auto& counts = years_[year];
    counts.period = year;
    return counts;
}

// Month counts are gathered by key and laid out over whole years at the end.
PeriodCounts& StatisticsTally::MonthOf(const std::string& at) { return month_counts_[at.substr(0, 7)]; }

void StatisticsTally::Add(const SignalForFigures& signal) {
    if (!InPeriod(signal.created_at, from_time_, to_time_)) return;
    report_.signals += signal.count;
    by_channel_[signal.channel] += signal.count;
    by_department_[signal.department.empty() ? "onbekend" : signal.department] += signal.count;
    YearOf(signal.created_at).signals += signal.count;
    MonthOf(signal.created_at).signals += signal.count;
    if (auto days = DaysBetween(signal.created_at, signal.recorded_at)) {
        signal_to_recorded_.insert(signal_to_recorded_.end(), static_cast<std::size_t>(signal.count), *days);
    }
}

void StatisticsTally::Add(const CaseForFigures& facts) {
    if (InPeriod(facts.created_at, from_time_, to_time_)) {
        ++report_.cases;
        for (const std::string& form : facts.forms) ++by_form_[form];
        ++by_urgency_[facts.urgency.value_or(kNotWeighed)];
        ++YearOf(facts.created_at).cases;
        ++MonthOf(facts.created_at).cases;
        if (auto days = DaysBetween(facts.created_at, facts.first_reporter_feedback_at)) {
            recorded_to_feedback_.push_back(*days);
        }
        if (auto days = DaysBetween(facts.first_signal_at, facts.first_weighed_at)) to_weighed_.push_back(*days);
        if (auto days = DaysBetween(facts.first_signal_at, EarliestReferralAt(facts))) to_partner_.push_back(*days);
        if (auto days = DaysBetween(facts.first_signal_at, facts.first_reporter_feedback_at)) {
            to_reporter_.push_back(*days);
        }
        auto reasons = OverdueReasons(SummaryOf(facts), today_, settings_);
        if (!reasons.empty()) ++report_.overdue_cases;
        for (const std::string& reason : reasons) ++overdue_by_reason_[OverdueCode(reason)];
    }
    for (const ReferralForFigures& referral : facts.referrals) {
        if (!InPeriod(referral.at, from_time_, to_time_)) continue;
        ++report_.referrals;
        ++by_partner_[referral.partner];
    }
    // Every closure counts in the month it was made, with the outcome it was given then: a case closed in
    // 2024, reopened and closed again in 2025 counts once in each year, and 2024's figures never change.
    for (const ClosureForFigures& closure : facts.closures) {
        if (!InPeriod(closure.at, from_time_, to_time_)) continue;
        ++report_.closures;
        ++by_outcome_[closure.outcome];
        if (closure.outcome == "zorgtraject") {
            ++report_.care_trajectories;
            ++YearOf(closure.at).care_trajectories;
            ++MonthOf(closure.at).care_trajectories;
        }
    }
    for (const std::string& reopened_at : facts.reopenings) {
        if (!InPeriod(reopened_at, from_time_, to_time_)) continue;
        ++report_.reopenings;
        ++YearOf(reopened_at).reopenings;
        ++MonthOf(reopened_at).reopenings;
    }
}

StatisticsReport StatisticsTally::Finish() && {
    StatisticsReport report = std::move(report_);
    report.by_form = ToBreakdown(by_form_);
    report.by_channel = ToBreakdown(by_channel_);
    report.by_department = ToBreakdown(by_department_);
    report.by_partner = ToBreakdown(by_partner_);
    report.by_outcome = ToBreakdown(by_outcome_);
    report.by_urgency = ToBreakdown(by_urgency_);
    report.overdue_by_reason = ToBreakdown(overdue_by_reason_);
    std::set<std::string> active_years;
    for (auto& [year, counts] : years_) {
        report.per_year.push_back(counts);
        active_years.insert(year);
    }
    report.per_month = MonthsOf(active_years, from_time_, to_time_);
    for (const auto& [month, counts] : month_counts_) {
        if (PeriodCounts* target = Find(report.per_month, month)) {
            target->signals = counts.signals;
            target->cases = counts.cases;
            target->care_trajectories = counts.care_trajectories;
            target->reopenings = counts.reopenings;
        }
    }
    report.signal_to_recorded = SummariseDays(std::move(signal_to_recorded_));
    report.recorded_to_reporter_feedback = SummariseDays(std::move(recorded_to_feedback_));
    report.signal_to_weighed = SummariseDays(std::move(to_weighed_));
    report.signal_to_partner_contact = SummariseDays(std::move(to_partner_));
    report.signal_to_reporter_feedback = SummariseDays(std::move(to_reporter_));
    return report;
}

StatisticsReport ComputeStatistics(const std::vector<SignalForFigures>& signals, const std::vector<CaseForFigures>& cases,
                                   const std::string& from_time, const std::string& to_time,
                                   std::chrono::sys_days today, const DeadlineSettings& settings) {
    StatisticsTally tally{from_time, to_time, today, settings};
    for (const SignalForFigures& signal : signals) tally.Add(signal);
    for (const CaseForFigures& facts : cases) tally.Add(facts);
    return std::move(tally).Finish();
}

// ------------------------------------------------------------------------------------------ care evaluation

CareEvaluation BuildCareEvaluation(const std::vector<CaseForFigures>& cases, int year) {
    CareEvaluation evaluation;
    evaluation.year = year;
    const std::string year_text = std::to_string(year);
    std::vector<std::pair<std::string, const CaseForFigures*>> started;
    std::vector<const ReferralForFigures*> first_referrals;
    for (const CaseForFigures& facts : cases) {
        const ReferralForFigures* first = nullptr;
        for (const ReferralForFigures& referral : facts.referrals) {
            if (referral.partner == kCareCoordinator && (first == nullptr || referral.at < first->at)) first = &referral;
        }
        if (first == nullptr || !first->at.starts_with(year_text)) continue;
        started.emplace_back(first->at, &facts);
        first_referrals.push_back(first);
    }
    std::vector<std::size_t> order(started.size());
    for (std::size_t index = 0; index < order.size(); ++index) order[index] = index;
    std::stable_sort(order.begin(), order.end(),
                     [&started](std::size_t left, std::size_t right) { return started[left].first < started[right].first; });
    std::vector<double> to_recorded, to_weighed, to_referral, to_feedback, to_reporter;
    auto keep = [](std::vector<double>& values, const std::optional<double>& days) {
        if (days) values.push_back(*days);
    };
    for (std::size_t index : order) {
        const CaseForFigures& facts = *started[index].second;
        const ReferralForFigures& referral = *first_referrals[index];
        CareTrajectory trajectory;
        trajectory.number = static_cast<int>(evaluation.trajectories.size()) + 1;
        trajectory.started_month = referral.at.substr(0, 7);
        trajectory.urgency = facts.urgency.value_or(kNotWeighed);
        trajectory.forms = facts.forms;
        trajectory.status = facts.status;
        trajectory.outcome = facts.outcome;
        trajectory.reopen_count = static_cast<int>(facts.reopenings.size());
        trajectory.signal_to_recorded_days = DaysBetween(facts.first_signal_at, facts.created_at);
        trajectory.signal_to_weighed_days = DaysBetween(facts.first_signal_at, facts.first_weighed_at);
        trajectory.signal_to_referral_days = DaysBetween(facts.first_signal_at, referral.at);
        trajectory.referral_to_feedback_days = DaysBetween(referral.at, referral.first_feedback_at);
        trajectory.signal_to_reporter_feedback_days =
            DaysBetween(facts.first_signal_at, facts.first_reporter_feedback_at);
        keep(to_recorded, trajectory.signal_to_recorded_days);
        keep(to_weighed, trajectory.signal_to_weighed_days);
        keep(to_referral, trajectory.signal_to_referral_days);
        keep(to_feedback, trajectory.referral_to_feedback_days);
        keep(to_reporter, trajectory.signal_to_reporter_feedback_days);
        ++evaluation.started;
        if (!facts.reopenings.empty()) ++evaluation.reopened;
        if (facts.status != CaseStatus::kAfgesloten) {
            ++evaluation.open;
        } else if (facts.outcome == "zorgtraject") {
            ++evaluation.led_to_care;
        } else {
            ++evaluation.closed_otherwise;
        }
        evaluation.trajectories.push_back(std::move(trajectory));
    }
    evaluation.signal_to_recorded = SummariseDays(std::move(to_recorded));
    evaluation.signal_to_weighed = SummariseDays(std::move(to_weighed));
    evaluation.signal_to_referral = SummariseDays(std::move(to_referral));
    evaluation.referral_to_feedback = SummariseDays(std::move(to_feedback));
    evaluation.signal_to_reporter_feedback = SummariseDays(std::move(to_reporter));
    return evaluation;
}

// ------------------------------------------------------------------------------------------ suppression

bool GroupProtected(const std::vector<std::int64_t>& cells, const std::vector<Visibility>& visibility,
                    std::int64_t threshold) {
    // What a reader knows of the hidden cells: their sum (total minus the shown cells), that a "< k" cell
    // is 1 … k-1 and that an "x" cell is at least k (else it would be "< k"). A small cell is safe when
    // that still allows every value 1 … k-1 for it.
    std::int64_t small = 0, large = 0, hidden_sum = 0;
    for (std::size_t index = 0; index < cells.size(); ++index) {
        if (visibility[index] == Visibility::kShown) continue;
        hidden_sum += cells[index];
        (visibility[index] == Visibility::kBelowThreshold ? small : large) += 1;
    }
    if (small == 0) return true;
    std::int64_t highest = hidden_sum - (small - 1) - large * threshold;
    if (highest < threshold - 1) return false;
    if (large > 0) return true;
    std::int64_t lowest = hidden_sum - (small - 1) * (threshold - 1);
    return lowest <= 1;
}

std::vector<Visibility> SuppressGroup(const std::vector<std::int64_t>& cells, std::int64_t total, bool total_known,
                                      std::int64_t threshold) {
    (void)total;  // the hidden sum follows from the cells; `total` documents what the group adds up to
    std::vector<Visibility> visibility(cells.size(), Visibility::kShown);
    for (std::size_t index = 0; index < cells.size(); ++index) {
        if (cells[index] > 0 && cells[index] < threshold) visibility[index] = Visibility::kBelowThreshold;
    }
    if (!total_known) return visibility;
    while (!GroupProtected(cells, visibility, threshold)) {
        std::optional<std::size_t> smallest;
        for (std::size_t index = 0; index < cells.size(); ++index) {
            if (visibility[index] != Visibility::kShown || cells[index] == 0) continue;
            if (!smallest || cells[index] < cells[*smallest]) smallest = index;
        }
        if (!smallest) {
            // Nothing left to hide and still a small cell can be worked out: the group is withheld whole.
            for (std::size_t index = 0; index < cells.size(); ++index) visibility[index] = Visibility::kHidden;
            return visibility;
        }
        visibility[*smallest] = Visibility::kHidden;
    }
    return visibility;
}

Visibility Suppression::Of(const std::string& path) const {
    auto found = hidden.find(path);
    return found == hidden.end() ? Visibility::kShown : found->second;
}

namespace {

Visibility Primary(std::int64_t value, std::int64_t threshold) {
    return value > 0 && value < threshold ? Visibility::kBelowThreshold : Visibility::kShown;
}

bool TotalKnown(std::int64_t total, std::int64_t threshold) { return total == 0 || total >= threshold; }

void Record(Suppression& suppression, const std::string& path, Visibility visibility) {
    if (visibility == Visibility::kShown) return;
    auto& current = suppression.hidden[path];
    current = std::max(current, visibility);
}

void SuppressBreakdown(Suppression& suppression, const std::string& name, const Breakdown& breakdown,
                       std::optional<std::int64_t> total) {
    std::vector<std::int64_t> cells;
    for (const auto& [key, value] : breakdown) cells.push_back(value);
    bool known = total && TotalKnown(*total, suppression.threshold);
    auto visibility = SuppressGroup(cells, total.value_or(0), known, suppression.threshold);
    bool all_hidden = !cells.empty() && std::all_of(visibility.begin(), visibility.end(),
                                                    [](Visibility v) { return v == Visibility::kHidden; });
    if (all_hidden) suppression.withheld.insert(name);
    for (std::size_t index = 0; index < breakdown.size(); ++index) {
        Record(suppression, name + "/" + breakdown[index].first, visibility[index]);
    }
}

std::int64_t ValueAt(const Breakdown& breakdown, const std::string& key) {
    for (const auto& [name, value] : breakdown) {
        if (name == key) return value;
    }
    return -1;
}

}  // namespace

Suppression SuppressReport(const StatisticsReport& report, std::int64_t threshold) {
    Suppression suppression;
    suppression.threshold = threshold;
    const std::int64_t k = threshold;
    Record(suppression, "signals", Primary(report.signals, k));
    Record(suppression, "cases", Primary(report.cases, k));
    Record(suppression, "careTrajectories", Primary(report.care_trajectories, k));
    Record(suppression, "referrals", Primary(report.referrals, k));
    Record(suppression, "closures", Primary(report.closures, k));
    Record(suppression, "reopenings", Primary(report.reopenings, k));
    Record(suppression, "overdue/total", Primary(report.overdue_cases, k));

    // Breakdowns that add up to a shown total get complementary suppression; the others only the primary rule.
    SuppressBreakdown(suppression, "byChannel", report.by_channel, report.signals);
    SuppressBreakdown(suppression, "byDepartment", report.by_department, report.signals);
    SuppressBreakdown(suppression, "byUrgency", report.by_urgency, report.cases);
    SuppressBreakdown(suppression, "byPartner", report.by_partner, report.referrals);
    SuppressBreakdown(suppression, "byForm", report.by_form, std::nullopt);
    SuppressBreakdown(suppression, "byOutcome", report.by_outcome, report.closures);
    SuppressBreakdown(suppression, "overdue/byReason", report.overdue_by_reason, std::nullopt);

    // Years add up to the totals; the months of a year add up to that year, and are withheld when it is hidden.
    using Measure = std::pair<const char*, std::function<std::int64_t(const PeriodCounts&)>>;
    const std::vector<Measure> measures{
        {"signals", [](const PeriodCounts& counts) { return counts.signals; }},
        {"cases", [](const PeriodCounts& counts) { return counts.cases; }},
        {"careTrajectories", [](const PeriodCounts& counts) { return counts.care_trajectories; }},
        {"reopenings", [](const PeriodCounts& counts) { return counts.reopenings; }}};
    const std::vector<std::int64_t> totals{report.signals, report.cases, report.care_trajectories, report.reopenings};
    for (std::size_t measure = 0; measure < measures.size(); ++measure) {
        const auto& [name, value_of] = measures[measure];
        std::vector<std::int64_t> year_cells;
        for (const auto& year : report.per_year) year_cells.push_back(value_of(year));
        auto years = SuppressGroup(year_cells, totals[measure], TotalKnown(totals[measure], k), k);
        for (std::size_t index = 0; index < report.per_year.size(); ++index) {
            const std::string& year = report.per_year[index].period;
            Record(suppression, "perYear/" + year + "/" + name, years[index]);
            std::vector<std::int64_t> month_cells;
            std::vector<std::string> month_keys;
            for (const auto& month : report.per_month) {
                if (!month.period.starts_with(year)) continue;
                month_cells.push_back(value_of(month));
                month_keys.push_back(month.period);
            }
            std::vector<Visibility> months;
            if (years[index] == Visibility::kShown) {
                months = SuppressGroup(month_cells, year_cells[index], TotalKnown(year_cells[index], k), k);
            } else {
                months.assign(month_cells.size(), Visibility::kHidden);
            }
            for (std::size_t month = 0; month < month_keys.size(); ++month) {
                Record(suppression, "perMonth/" + month_keys[month] + "/" + name, months[month]);
            }
        }
    }

    // A lead time over fewer than k measurements is withheld.
    const std::vector<std::pair<const char*, const LeadTimeSummary*>> leads{
        {"signalToRecordedDays", &report.signal_to_recorded},
        {"recordedToReporterFeedbackDays", &report.recorded_to_reporter_feedback},
        {"signalToWeighedDays", &report.signal_to_weighed},
        {"signalToPartnerContactDays", &report.signal_to_partner_contact},
        {"signalToReporterFeedbackDays", &report.signal_to_reporter_feedback}};
    for (const auto& [name, lead] : leads) Record(suppression, std::string{"leadTimes/"} + name, Primary(lead->count, k));

    // The same count shown twice is hidden the same way in both places.
    const std::vector<std::pair<std::string, std::string>> links{
        {"careTrajectories", "byOutcome/zorgtraject"}, {"byChannel/anoniem", std::string{"byDepartment/"} + kResidentDepartment}};
    bool same_anonymous = ValueAt(report.by_channel, "anoniem") == ValueAt(report.by_department, kResidentDepartment);
    // A breakdown withheld whole shows no cell, so its "x" is not carried over: in the other place the count
    // keeps its own marking (an "x" there would claim at least the threshold for a small count).
    auto shown_as = [&suppression](const std::string& path) {
        return suppression.withheld.contains(path.substr(0, path.find('/'))) ? Visibility::kShown : suppression.Of(path);
    };
    for (const auto& [first, second] : links) {
        if (first == "byChannel/anoniem" && !same_anonymous) continue;
        Visibility strongest = std::max(shown_as(first), shown_as(second));
        Record(suppression, first, strongest);
        Record(suppression, second, strongest);
    }
    return suppression;
}

Suppression SuppressEvaluation(const CareEvaluation& evaluation, std::int64_t threshold) {
    Suppression suppression;
    suppression.threshold = threshold;
    Record(suppression, "started", Primary(evaluation.started, threshold));
    Record(suppression, "reopened", Primary(evaluation.reopened, threshold));
    const std::vector<std::int64_t> cells{evaluation.led_to_care, evaluation.closed_otherwise, evaluation.open};
    auto visibility = SuppressGroup(cells, evaluation.started, TotalKnown(evaluation.started, threshold), threshold);
    const std::vector<std::string> names{"ledToCare", "closedOtherwise", "open"};
    for (std::size_t index = 0; index < names.size(); ++index) Record(suppression, names[index], visibility[index]);
    if (std::all_of(visibility.begin(), visibility.end(), [](Visibility v) { return v == Visibility::kHidden; })) {
        suppression.withheld.insert("status");
    }
    const std::vector<std::pair<const char*, const LeadTimeSummary*>> leads{
        {"signalToRecordedDays", &evaluation.signal_to_recorded},
        {"signalToWeighedDays", &evaluation.signal_to_weighed},
        {"signalToReferralDays", &evaluation.signal_to_referral},
        {"referralToFeedbackDays", &evaluation.referral_to_feedback},
        {"signalToReporterFeedbackDays", &evaluation.signal_to_reporter_feedback}};
    for (const auto& [name, lead] : leads) {
        Record(suppression, std::string{"leadTimes/"} + name, Primary(lead->count, threshold));
    }
    suppression.withheld.insert("trajectories");
    return suppression;
}

}  // namespace meldroute::domain
