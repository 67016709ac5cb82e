#include "store/sqlite/connection.hpp"

#include <algorithm>
#include <iterator>

namespace meldroute::store::sqlite {

void Check(sqlite3* db, int code, std::string_view what) {
    if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE) return;
    std::string message = std::string{what} + ": " + sqlite3_errstr(code);
    if (db != nullptr) message += " (" + std::string{sqlite3_errmsg(db)} + ")";
    throw StoreFailure(message);
}

Statement& Statement::Bind(int index, std::string_view value) {
    Check(sqlite3_db_handle(statement_),
          sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT),
          "bind");
    return *this;
}

Statement& Statement::Bind(int index, std::int64_t value) {
    Check(sqlite3_db_handle(statement_), sqlite3_bind_int64(statement_, index, value), "bind");
    return *this;
}

Statement& Statement::Bind(int index, const std::optional<std::string>& value) {
    return value ? Bind(index, std::string_view{*value}) : BindNull(index);
}

Statement& Statement::Bind(int index, const std::optional<int>& value) {
    return value ? Bind(index, static_cast<std::int64_t>(*value)) : BindNull(index);
}

Statement& Statement::BindNull(int index) {
    Check(sqlite3_db_handle(statement_), sqlite3_bind_null(statement_, index), "bind");
    return *this;
}

bool Statement::Step() {
    int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    Check(sqlite3_db_handle(statement_), code, "step");
    return false;
}

void Statement::Run() {
    while (Step()) {
    }
}

std::string Statement::Text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (text == nullptr) return {};
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

std::optional<std::string_view> Statement::TextView(int column) const {
    if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (text == nullptr) return std::string_view{};
    return std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

std::optional<std::string> Statement::OptionalText(int column) const {
    if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
    return Text(column);
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(statement_, column); }

std::optional<int> Statement::OptionalInt(int column) const {
    if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
    return static_cast<int>(sqlite3_column_int64(statement_, column));
}

double Statement::Real(int column) const { return sqlite3_column_double(statement_, column); }

Connection::Connection(const std::string& path, bool read_only) {
    // SQLite counts its memory under one process-wide mutex unless told not to; every connection's allocations
    // then contend for it (in a profile of 64 clients reading cases: a tenth of the CPU in sqlite3Malloc, much
    // of it waiting). meldroute reads none of those counts. This must precede SQLite's initialisation, so it
    // is done before the first connection opens; when something opened one earlier it is refused, harmlessly.
    static const bool kMemoryCountsOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    (void)kMemoryCountsOff;
    int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (code != SQLITE_OK) {
        std::string message = "cannot open database " + path + ": " + sqlite3_errstr(code);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw StoreFailure(message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    // A foreign or corrupt file fails here, before anything is written to it.
    Execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;");
}

Connection::~Connection() {
    for (auto& [sql, statement] : cache_) sqlite3_finalize(statement);
    sqlite3_close_v2(db_);
}

Statement Connection::Prepare(const std::string& sql) {
    auto found = cache_.find(sql);
    if (found != cache_.end()) return Statement{found->second};
    sqlite3_stmt* statement = nullptr;
    Check(db_, sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                  &statement, nullptr),
          "prepare");
    cache_.emplace(sql, statement);
    return Statement{statement};
}

void Connection::Execute(const std::string& sql) {
    // Transaction control (BEGIN, SAVEPOINT, RELEASE, COMMIT, ROLLBACK) runs several times per request: those
    // single statements stay prepared instead of being parsed again by sqlite3_exec each time.
    constexpr std::string_view kControl[] = {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT ", "RELEASE "};
    const bool control = sql.find(';') == std::string::npos &&
                         std::any_of(std::begin(kControl), std::end(kControl),
                                     [&sql](std::string_view word) { return sql.starts_with(word); });
    if (control) {
        Prepare(sql).Run();
        return;
    }
    char* error = nullptr;
    int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (code != SQLITE_OK) {
        std::string message = error != nullptr ? error : sqlite3_errstr(code);
        sqlite3_free(error);
        throw StoreFailure("sqlite: " + message);
    }
}

}  // namespace meldroute::store::sqlite
