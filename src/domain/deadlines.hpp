// Deadlines of the route that show as overdue work on the case list.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"

namespace meldroute::domain {

struct DeadlineSettings {
    int reporter_feedback_days = 14;  // days from recording to telling the reporter what was done
};

//! Why a case is overdue today (Dutch, one line each); empty when nothing is late.
//! - acuut: a partner must be contacted the same day the case was weighed;
//! - a partner's feedback date has passed without feedback;
//! - the reporter has not been told within the configured number of days.
std::vector<std::string> OverdueReasons(const CaseSummary& summary, std::chrono::sys_days today,
                                        const DeadlineSettings& settings);

//! The next date something is due on this case, if any ("YYYY-MM-DD").
std::optional<std::string> NextDeadline(const CaseSummary& summary, const DeadlineSettings& settings);

}  // namespace meldroute::domain
