#include "domain/retention.hpp"

#include <charconv>

namespace meldroute::domain {

std::optional<RetentionTerm> ParseRetentionTerm(std::string_view text) {
    if (text.size() < 2) return std::nullopt;
    char unit = text.back();
    int limit = unit == 'y' ? 100 : unit == 'm' ? 1200 : unit == 'd' ? 36500 : -1;
    if (limit < 0) return std::nullopt;
    std::string_view digits = text.substr(0, text.size() - 1);
    if (digits.size() > 5) return std::nullopt;
    int amount = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), amount);
    if (error != std::errc{} || end != digits.data() + digits.size() || amount < 0 || amount > limit) {
        return std::nullopt;
    }
    return RetentionTerm{amount, unit};
}

std::string ToString(const RetentionTerm& term) { return std::to_string(term.amount) + term.unit; }

std::string DutchLabel(const RetentionTerm& term) {
    std::string amount = std::to_string(term.amount);
    switch (term.unit) {
        case 'y': return amount + " jaar";
        case 'm': return amount + (term.amount == 1 ? " maand" : " maanden");
        default: return amount + (term.amount == 1 ? " dag" : " dagen");
    }
}

TimePoint AddTerm(TimePoint since, const RetentionTerm& term) {
    using namespace std::chrono;
    if (term.unit == 'd') return since + days{term.amount};
    sys_days day = floor<days>(since);
    auto time_of_day = since - day;
    year_month_day date{day};
    year_month_day moved = term.unit == 'y' ? date + years{term.amount} : date + months{term.amount};
    if (!moved.ok()) moved = moved.year() / moved.month() / last;
    return TimePoint{sys_days{moved} + time_of_day};
}

TimePoint DueIfStartedBefore(TimePoint now, const RetentionTerm& term) {
    using namespace std::chrono;
    // Subtracting a term clamps to the month's last day like adding one does, so the exact bound may lie up to
    // three days later than the subtraction gives; four days of margin cover it.
    return AddTerm(now, RetentionTerm{-term.amount, term.unit}) + days{4};
}

}  // namespace meldroute::domain
