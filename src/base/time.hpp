// Wall-clock time as the contract formats it: ISO-8601 UTC, second precision.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace meldroute {

using TimePoint = std::chrono::sys_seconds;

//! The current time, truncated to seconds.
TimePoint Now();

//! "2024-04-15T09:30:00Z".
std::string FormatTime(TimePoint at);

//! "2024-04-15".
std::string FormatDate(std::chrono::sys_days day);

//! Parses "YYYY-MM-DD" (a real calendar date), or nullopt.
std::optional<std::chrono::sys_days> ParseDate(std::string_view text);

//! Parses "YYYY-MM-DDTHH:MM:SSZ", or nullopt.
std::optional<TimePoint> ParseTime(std::string_view text);

//! The calendar day of a time point (UTC).
std::chrono::sys_days DayOf(TimePoint at);

}  // namespace meldroute
