// A thin RAII layer over the SQLite C API: one connection, cached prepared statements, typed binding.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sql/binder.hpp"
#include "store/store.hpp"

namespace meldroute::store::sqlite {

//! A prepared statement, reset on destruction so it can be reused from the cache.
class Statement : public sql::Binder<Statement> {
public:
    using Binder::Bind;

    explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
    ~Statement() {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& Bind(int index, std::string_view value);
    Statement& Bind(int index, std::int64_t value);
    Statement& Bind(int index, const std::optional<std::string>& value);
    Statement& Bind(int index, const std::optional<int>& value);
    Statement& BindNull(int index);

    //! Nothing to send: SQLite runs a statement in this process when it is stepped (PostgreSQL sends statements
    //! read together ahead in one round trip, see postgres::Statement::Send).
    void Send() {}
    //! Steps once; true when a row is available, false when done. Throws StoreFailure on error.
    bool Step();
    //! Steps to completion (for INSERT/UPDATE/DELETE).
    void Run();

    std::string Text(int column) const;
    std::optional<std::string> OptionalText(int column) const;
    //! The text of a column without copying it (nullopt for NULL); valid until the next Step.
    std::optional<std::string_view> TextView(int column) const;
    std::int64_t Int(int column) const;
    std::optional<int> OptionalInt(int column) const;
    double Real(int column) const;

private:
    sqlite3_stmt* statement_;
};

//! One SQLite connection configured for durability (WAL, synchronous=FULL, foreign keys).
class Connection {
public:
    // The few spellings where the shared SQL (store/sql/) differs between the engines.
    //! A join that keeps the order written (SQLite's planner takes CROSS JOIN as an instruction).
    static constexpr std::string_view kJoinInOrder = "CROSS JOIN";
    //! The index a search's filters read (migration 15); SQLite would otherwise pick the narrower one.
    static constexpr std::string_view kSearchIndexHint = " INDEXED BY signals_for_search";
    //! The index the inbox's page is read from (migration 21); SQLite would otherwise walk signals_by_case's
    //! entries without a case and visit every row.
    static constexpr std::string_view kInboxIndexHint = " INDEXED BY signals_inbox";
    //! Empty: LastInsertRowid() answers without a round trip (sql/sealing.hpp IndexInsertedNarrative).
    static constexpr std::string_view kInsertedSignalSequence = "";
    //! The elements of a JSON array (of strings, or of numbers) bound as one parameter, as rows with a column `value`.
    static constexpr std::string_view kJsonTextArray = "json_each(?)";
    //! FROM the rows of `table` (as `alias`) whose text `column` is one of a JSON array of strings bound as one
    //! parameter (a bare `?`, the statement's only one): the array first, then a seek in the column's index per
    //! element, as before PostgreSQL needed its own spelling (`column IN (SELECT value FROM json_each(?))` has the
    //! same plan after sorting the list into a temporary tree, and measured no faster).
    static std::string FromAmongJsonTextArray(std::string_view table, std::string_view alias, std::string_view column) {
        return "FROM " + std::string{kJsonTextArray} + " among CROSS JOIN " + std::string{table} + " " +
               std::string{alias} + " ON " + std::string{alias} + "." + std::string{column} + " = among.value";
    }
    static constexpr std::string_view kPosition = "instr";  // (text, part): where part starts, 0 when absent

    //! Opens (and creates) the database file; throws StoreFailure with a clear message on failure.
    Connection(const std::string& path, bool read_only);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    //! A cached prepared statement for `sql`.
    Statement Prepare(const std::string& sql);
    //! Runs one or more statements without results.
    void Execute(const std::string& sql);
    std::int64_t Changes() const { return sqlite3_changes64(db_); }
    std::int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
    //! A write transaction: takes the write lock at once, so a batch never fails half-way on a busy lock.
    void BeginWrite() { Execute("BEGIN IMMEDIATE"); }
    //! A read transaction: one snapshot from its first read on.
    void BeginRead() { Execute("BEGIN"); }
    //! Every statement ran when it was stepped (PostgreSQL sends some ahead, see postgres::Connection).
    void Settle() {}
    //! Zeroes freed space while on (destroying personal data); off in normal operation.
    void SetSecureDelete(bool on) { Execute(on ? "PRAGMA secure_delete = ON" : "PRAGMA secure_delete = OFF"); }
    sqlite3* handle() { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

//! Throws StoreFailure naming the SQLite error when `code` is not OK/ROW/DONE.
void Check(sqlite3* db, int code, std::string_view what);

}  // namespace meldroute::store::sqlite
