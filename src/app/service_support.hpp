// What the service's translation units share (not part of the service's interface): the audit outcome words,
// the current time as stored, and the two errors every use case returns.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "base/time.hpp"

namespace meldroute::app::support {

// The outcome of an audited call, as the audit trail records it.
inline constexpr const char* kAllowed = "toegestaan";
inline constexpr const char* kRefused = "geweigerd";

//! Now, as the store keeps times (UTC, ISO 8601).
inline std::string NowText() { return FormatTime(Now()); }

//! A record that does not exist or that the caller may not see (one message for both: no existence oracle).
inline Error NotFound(const std::string& what) {
    return MakeError(ErrorCode::kNotFound, what + " bestaat niet of is niet zichtbaar.");
}

//! Input refused field by field; nothing was changed.
inline Error Invalid(std::vector<InvalidParam> problems) {
    return MakeError(ErrorCode::kInvalidArgument, "De invoer is niet geldig.", std::move(problems));
}

}  // namespace meldroute::app::support
