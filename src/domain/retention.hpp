// Retention terms (AVG art. 5(1)(e)): how long a closed case, or a signal never taken into a case, is kept
// before its personal data is destroyed. Pure: parsing a term and computing when it runs out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/time.hpp"

namespace meldroute::domain {

struct RetentionTerm {
    int amount = 0;
    char unit = 'y';  // 'y' years, 'm' months, 'd' days

    bool operator==(const RetentionTerm&) const = default;
};

//! "5y", "18m", "30d", "0d" (amount 0 to 100 years, 1200 months, 36500 days); nullopt otherwise.
std::optional<RetentionTerm> ParseRetentionTerm(std::string_view text);

//! The term as written: "5y", "18m", "30d".
std::string ToString(const RetentionTerm& term);

//! The term in Dutch words for pages and exports: "5 jaar", "18 maanden", "30 dagen".
std::string DutchLabel(const RetentionTerm& term);

//! The moment `term` after `since`; calendar arithmetic for years and months (31 January + 1 month is the last
//! day of February).
TimePoint AddTerm(TimePoint since, const RetentionTerm& term);

//! A moment no later than a few days after `now` minus `term` such that whatever started at `since` with
//! AddTerm(since, term) <= now started before it: the bound of a scan for what is due, so only what may be due
//! is read (the few days cover the month ends that calendar arithmetic shifts). Each candidate is still weighed
//! with AddTerm.
TimePoint DueIfStartedBefore(TimePoint now, const RetentionTerm& term);

}  // namespace meldroute::domain
