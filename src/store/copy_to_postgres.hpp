// Copies an embedded store (the SQLite file) into an empty PostgreSQL database, for a municipality that moves
// to a regional deployment (docs/operations.md, "Moving the embedded store to PostgreSQL"). Sealed values are
// copied as they are: the data directory's keys open them on PostgreSQL as they did on SQLite.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace meldroute::store {

struct CopyReport {
    std::vector<std::pair<std::string, std::int64_t>> rows;  // per table, in the model's order
    std::int64_t total = 0;
};

//! Copies every table of the SQLite store at `sqlite_path` (at the current schema version; open it once with
//! SqliteStore first to migrate it) into the PostgreSQL database at `postgres_url`, which must hold no tables.
//! One PostgreSQL transaction creates the schema and copies the rows (COPY), sets the identity sequences past
//! the copied keys and checks that every table holds as many rows as the source, and the kept day counts the
//! same sums: either the whole store arrives or nothing does. The source is read on one snapshot.
Result<CopyReport> CopySqliteToPostgres(const std::string& sqlite_path, const std::string& postgres_url);

}  // namespace meldroute::store
