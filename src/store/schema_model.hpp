// The one definition of the stored model: every table of the current schema with its columns (logical types),
// keys, indexes and append-only rules. The PostgreSQL schema is generated from it; the SQLite schema is built by
// its historical migrations (store/sqlite/schema.cpp) and a unit test checks that the result matches this
// description column for column. A new migration changes this description and both stores.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace meldroute::store {

//! The schema version both stores are at (SQLite: PRAGMA user_version; PostgreSQL: meldroute_schema.version).
inline constexpr int kSchemaVersion = 21;

enum class LogicalType {
    kText,      // plain text: codes, ids, ISO times
    kInteger,   // a 64-bit integer
    kSequence,  // an integer key the store assigns (SQLite INTEGER PRIMARY KEY, PostgreSQL identity)
    kSealed,    // personal data sealed through the FieldCipher: text of the form "<key id>.<base64url>"
};

struct ColumnSpec {
    std::string_view name;
    LogicalType type = LogicalType::kText;
    bool not_null = false;
    std::string_view default_sql = {};  // an SQL literal, e.g. "0" or "''"
    std::string_view references = {};   // "table (column)"
    bool unique = false;
    std::string_view sqlite_type = {};  // SQLite's declared type when history left another than the logical one
};

struct IndexSpec {
    std::string_view name;
    std::string_view columns;  // "a, b"
    std::string_view where = {};
    bool unique = false;
};

struct TableSpec {
    std::string_view name;
    std::vector<ColumnSpec> columns;
    std::vector<std::string_view> primary_key;
    std::vector<IndexSpec> indexes;
    std::string_view refuse_update = {};  // when set, updates are refused with this message
    std::string_view refuse_delete = {};  // when set, deletes are refused with this message
};

//! Every table, in an order in which each table follows those it references.
const std::vector<TableSpec>& SchemaTables();

//! The rows a new store starts with (codes, the action plan, yearly figures of the seed), as INSERT statements
//! both engines run; `migration` is the SQLite migration that added them.
std::string SeedSql(int migration);
//! Every seed, in order.
std::string AllSeedSql();

//! The SQLite column type of a column as its migration declared it.
std::string SqliteType(const ColumnSpec& column);

enum class Dialect { kSqlite, kPostgres };

//! The triggers that keep case_figures exact: every insert, change and delete of a case or of a row its figures
//! are computed from (signals, weighings, referrals and their feedback, reporter feedback, closures,
//! reopenings) recomputes that case's row. PostgreSQL's come with their functions. These and the backfill are
//! what migration 18 runs (and the backfill migration 20 once more), on databases of any age: a later change to
//! what case_figures holds is a new migration that replaces them, never a change here (a unit test pins their
//! text).
std::string CaseFiguresTriggersSql(Dialect dialect);
//! PostgreSQL: switches those triggers off or on again (a bulk copy fills case_figures once at its end).
std::string CaseFiguresTriggersEnabledSql(bool enabled);
//! Fills an empty case_figures from the cases there are (migration 18, which adds it, and migration 20).
std::string CaseFiguresBackfillSql(Dialect dialect);

//! Migration 21 on both engines: the inbox's page read from signals_inbox alone (store/sqlite/schema.cpp).
inline constexpr std::string_view kInboxFromItsIndexSql =
    "DROP INDEX signals_inbox;\n"
    "CREATE INDEX signals_inbox ON signals (sequence, id, reporter, channel, indicator_codes, catalog_version, "
    "observed_on, created_at, case_id, destroyed_at) WHERE case_id IS NULL AND destroyed_at IS NULL;\n";

//! One table of the model as PostgreSQL DDL: the table, its indexes and its append-only triggers.
std::string PostgresTableSql(const TableSpec& table);
//! The table of the model named `name`.
const TableSpec& ModelTable(std::string_view name);

//! The PostgreSQL schema of the current version: tables, indexes, append-only triggers and the seeds.
std::string PostgresSchemaSql();

}  // namespace meldroute::store
