#include "base/time.hpp"

#include <charconv>
#include <cstdio>

namespace meldroute {

namespace {

bool ParseInt(std::string_view text, int& out) {
    if (text.empty()) return false;
    for (char character : text) {
        if (character < '0' || character > '9') return false;
    }
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

TimePoint Now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::string FormatDate(std::chrono::sys_days day) {
    std::chrono::year_month_day ymd{day};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

std::string FormatTime(TimePoint at) {
    auto day = std::chrono::floor<std::chrono::days>(at);
    std::chrono::hh_mm_ss clock{at - day};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02dZ", static_cast<int>(clock.hours().count()),
                  static_cast<int>(clock.minutes().count()), static_cast<int>(clock.seconds().count()));
    return FormatDate(day) + buffer;
}

std::optional<std::chrono::sys_days> ParseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int year = 0, month = 0, day = 0;
    if (!ParseInt(text.substr(0, 4), year) || !ParseInt(text.substr(5, 2), month) ||
        !ParseInt(text.substr(8, 2), day)) {
        return std::nullopt;
    }
    std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                    std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd};
}

std::optional<TimePoint> ParseTime(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    auto day = ParseDate(text.substr(0, 10));
    int hours = 0, minutes = 0, seconds = 0;
    if (!day || !ParseInt(text.substr(11, 2), hours) || !ParseInt(text.substr(14, 2), minutes) ||
        !ParseInt(text.substr(17, 2), seconds) || hours > 23 || minutes > 59 || seconds > 59) {
        return std::nullopt;
    }
    return TimePoint{*day} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
           std::chrono::seconds{seconds};
}

std::chrono::sys_days DayOf(TimePoint at) { return std::chrono::floor<std::chrono::days>(at); }

}  // namespace meldroute
