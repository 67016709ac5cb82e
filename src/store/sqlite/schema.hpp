// Versioned, forward-only schema migrations for the SQLite store. Migration N brings user_version N-1 to N.
#pragma once

#include <string>
#include <vector>

namespace meldroute::store::sqlite {

//! "MRTE" in ASCII: marks a file as a meldroute database so a foreign file is refused, not changed.
inline constexpr int kApplicationId = 0x4D525445;

const std::vector<std::string>& Migrations();

}  // namespace meldroute::store::sqlite
