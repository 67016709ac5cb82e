#include "domain/deadlines.hpp"

#include <algorithm>

#include "base/time.hpp"

namespace meldroute::domain {

namespace {

std::optional<std::chrono::sys_days> DayOfTimeText(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    auto at = ParseTime(*text);
    if (!at) return std::nullopt;
    return DayOf(*at);
}

std::optional<std::chrono::sys_days> ReporterFeedbackDue(const CaseSummary& summary,
                                                         const DeadlineSettings& settings) {
    if (!summary.has_reachable_reporter || summary.has_reporter_feedback) return std::nullopt;
    // A reopened case runs the route again: the reporter is to be told again within the term of the reopening.
    auto start = DayOfTimeText(summary.header.reopened_at ? summary.header.reopened_at : summary.header.created_at);
    if (!start) return std::nullopt;
    return *start + std::chrono::days{settings.reporter_feedback_days};
}

}  // namespace

std::vector<std::string> OverdueReasons(const CaseSummary& summary, std::chrono::sys_days today,
                                        const DeadlineSettings& settings) {
    std::vector<std::string> reasons;
    if (summary.header.status == CaseStatus::kAfgesloten) return reasons;
    if (summary.header.urgency == "acuut" && summary.referral_count == 0) {
        auto weighed = DayOfTimeText(summary.header.weighed_at);
        if (weighed && today >= *weighed) reasons.push_back("Acuut: partnercontact moet vandaag.");
    }
    if (summary.earliest_open_feedback_due) {
        auto due = ParseDate(*summary.earliest_open_feedback_due);
        if (due && today > *due) reasons.push_back("Terugkoppeling van partner te laat.");
    }
    auto reporter_due = ReporterFeedbackDue(summary, settings);
    if (reporter_due && today > *reporter_due) reasons.push_back("Terugkoppeling aan melder te laat.");
    return reasons;
}

std::optional<std::string> NextDeadline(const CaseSummary& summary, const DeadlineSettings& settings) {
    if (summary.header.status == CaseStatus::kAfgesloten) return std::nullopt;
    std::optional<std::chrono::sys_days> next;
    auto consider = [&next](std::optional<std::chrono::sys_days> day) {
        if (day && (!next || *day < *next)) next = day;
    };
    if (summary.header.urgency == "acuut" && summary.referral_count == 0) {
        consider(DayOfTimeText(summary.header.weighed_at));
    }
    if (summary.earliest_open_feedback_due) consider(ParseDate(*summary.earliest_open_feedback_due));
    consider(ReporterFeedbackDue(summary, settings));
    if (!next) return std::nullopt;
    return FormatDate(*next);
}

}  // namespace meldroute::domain
