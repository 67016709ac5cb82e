// The one description of the model (schema_model.cpp) against the SQLite schema that migrations 1-13 build:
// same tables, same columns in the same order with the same declared types, nullability, defaults and keys,
// same indexes. A migration added to one without the other fails here.
#include "store/schema_model.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "app/crypto.hpp"
#include "app/keyring.hpp"
#include "store/sealed_columns.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace meldroute::store {
namespace {

struct Rows {
    std::vector<std::vector<std::string>> rows;
};

Rows Query(sqlite3* db, const std::string& sql) {
    Rows result;
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int column = 0; column < sqlite3_column_count(statement); ++column) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
            row.emplace_back(text != nullptr ? text : "<null>");
        }
        result.rows.push_back(std::move(row));
    }
    sqlite3_finalize(statement);
    return result;
}

TEST(SchemaModel, VersionIsTheNumberOfSqliteMigrations) {
    EXPECT_EQ(static_cast<std::size_t>(kSchemaVersion), sqlite::Migrations().size());
}

// Migration 18 runs the generated triggers and backfill of case_figures on every database older than 18, and
// migration 20 the backfill once more; a change to their text would give those databases something else at those
// steps than the ones migrated before.
TEST(SchemaModel, MigrationEighteensGeneratedSqlIsPinned) {
    const std::string sql = CaseFiguresTriggersSql(Dialect::kSqlite) + CaseFiguresBackfillSql(Dialect::kSqlite) +
                            CaseFiguresTriggersSql(Dialect::kPostgres) + CaseFiguresBackfillSql(Dialect::kPostgres);
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
    for (unsigned char byte : sql) hash = (hash ^ byte) * 1099511628211ULL;
    EXPECT_EQ(hash, 4904095065690171181ULL) << "migration 18's SQL changed: add a migration that replaces it instead";
}

TEST(SchemaModel, SealedColumnsAreTheSealedOnesOfTheModel) {
    std::set<std::string> sealed;
    for (const SealedColumn& column : SealedColumns()) sealed.insert(std::string{column.table} + "." + column.column);
    std::set<std::string> modelled;
    for (const TableSpec& table : SchemaTables()) {
        for (const ColumnSpec& column : table.columns) {
            if (column.type == LogicalType::kSealed) modelled.insert(std::string{table.name} + "." + std::string{column.name});
        }
    }
    EXPECT_EQ(sealed, modelled);
}

TEST(SchemaModel, SqliteSchemaAfterAllMigrationsMatchesTheModel) {
    const auto directory = std::filesystem::temp_directory_path() / ("meldroute-schema-" + std::to_string(::getpid()));
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    const auto path = directory / "meldroute.db";
    {
        app::InitCrypto();
        auto store = sqlite::SqliteStore::Open(path.string(), app::Keyring::Ephemeral());
        ASSERT_TRUE(store.has_value()) << store.error().detail;
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);

    std::set<std::string> tables;
    for (const auto& row : Query(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").rows) {
        tables.insert(row[0]);
    }
    std::set<std::string> modelled_tables;
    for (const TableSpec& table : SchemaTables()) modelled_tables.insert(std::string{table.name});
    EXPECT_EQ(tables, modelled_tables);

    for (const TableSpec& table : SchemaTables()) {
        SCOPED_TRACE(std::string{table.name});
        // cid, name, type, notnull, dflt_value, pk
        auto columns = Query(db, "PRAGMA table_info(" + std::string{table.name} + ")").rows;
        ASSERT_EQ(columns.size(), table.columns.size());
        for (std::size_t index = 0; index < columns.size(); ++index) {
            const ColumnSpec& column = table.columns[index];
            SCOPED_TRACE(std::string{column.name});
            EXPECT_EQ(columns[index][1], column.name);
            EXPECT_EQ(columns[index][2], SqliteType(column));
            EXPECT_EQ(columns[index][3], column.not_null ? "1" : "0");
            EXPECT_EQ(columns[index][4], column.default_sql.empty() ? "<null>" : std::string{column.default_sql});
            auto key = std::find(table.primary_key.begin(), table.primary_key.end(), column.name);
            const std::string position =
                key == table.primary_key.end() ? "0" : std::to_string(key - table.primary_key.begin() + 1);
            EXPECT_EQ(columns[index][5], position);
        }
        // The indexes made by CREATE INDEX (origin "c"), each with whether it is unique.
        std::set<std::string> indexes;
        for (const auto& row : Query(db, "SELECT name, \"unique\" FROM pragma_index_list('" + std::string{table.name} +
                                             "') WHERE origin = 'c'")
                                   .rows) {
            indexes.insert(row[0] + (row[1] == "1" ? " unique" : ""));
        }
        std::set<std::string> modelled_indexes;
        for (const IndexSpec& index : table.indexes)
            modelled_indexes.insert(std::string{index.name} + (index.unique ? " unique" : ""));
        EXPECT_EQ(indexes, modelled_indexes);
        // Foreign keys: (table, from, to) per referencing column.
        std::set<std::string> references;
        for (const auto& row : Query(db, "PRAGMA foreign_key_list(" + std::string{table.name} + ")").rows) {
            references.insert(row[3] + " -> " + row[2] + " (" + row[4] + ")");
        }
        std::set<std::string> modelled_references;
        for (const ColumnSpec& column : table.columns) {
            if (!column.references.empty()) {
                modelled_references.insert(std::string{column.name} + " -> " + std::string{column.references});
            }
        }
        EXPECT_EQ(references, modelled_references);
    }
    sqlite3_close(db);
    std::filesystem::remove_all(directory);
}

}  // namespace
}  // namespace meldroute::store
