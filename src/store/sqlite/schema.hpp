// Versioned, forward-only schema migrations for the SQLite store. Migration N brings user_version N-1 to N.
#pragma once

#include <string>
#include <vector>

#include "store/field_cipher.hpp"

namespace meldroute::store::sqlite {

//! "MRTE" in ASCII: marks a file as a meldroute database so a foreign file is refused, not changed.
inline constexpr int kApplicationId = 0x4D525445;

class Connection;

//! One migration: SQL, then optionally a step in C++ for what SQL cannot do alone (e.g. sealing existing
//! values, which needs the key). Both run in the same transaction as the version bump.
struct Migration {
    std::string sql;
    void (*step)(Connection& connection, const FieldCipher& cipher) = nullptr;
};

const std::vector<Migration>& Migrations();

}  // namespace meldroute::store::sqlite
