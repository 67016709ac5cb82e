// A thin RAII layer over libpq with the same shape as the SQLite layer (store/sqlite/connection.hpp), so the
// shared transaction code (store/sql/) runs on both: cached prepared statements, typed binding, rows stepped.
// Plain libpq rather than libpqxx 6.4: that release predates C++20 (std::basic_string<std::byte> and deprecated
// iterator warnings under -Werror), and only prepare, execute and read-as-text are needed here.
#pragma once

#include "store/postgres/timeouts.hpp"

#include <libpq-fe.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/sql/binder.hpp"
#include "store/store.hpp"

namespace meldroute::store::postgres {

class Connection;

//! Frees a PGresult.
struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

//! A statement with its bound parameters; runs at the first Step() or Run(). Parameters are sent as text with
//! their type (text or bigint), so PostgreSQL never has to guess one from a bare `$1 IS NULL`.
class Statement : public sql::Binder<Statement> {
public:
    using Binder::Bind;

    Statement(Connection& connection, const std::string* sql, int parameter_count)
        : connection_(connection), sql_(sql), parameters_(static_cast<std::size_t>(parameter_count)) {}

    Statement& Bind(int index, std::string_view value);
    Statement& Bind(int index, std::int64_t value);
    Statement& Bind(int index, const std::optional<std::string>& value);
    Statement& Bind(int index, const std::optional<int>& value);
    //! A NULL whose type PostgreSQL takes from where it is used (e.g. the column it is inserted into).
    Statement& BindNull(int index);

    //! Sends the statement ahead in libpq's pipeline mode without waiting for its rows: statements sent one after
    //! another travel together, and the first Step() of any of them collects all their results in one round trip
    //! (a read of several independent statements, e.g. a case's file). Bind everything first.
    void Send();
    //! Runs the statement at the first call (or collects it when sent ahead); true while a row is available.
    //! Throws StoreFailure on error.
    bool Step();
    //! Runs the statement (for INSERT/UPDATE/DELETE).
    void Run();

    std::string Text(int column) const;
    std::optional<std::string> OptionalText(int column) const;
    //! The text of a column without copying it (nullopt for NULL); valid until the next Step.
    std::optional<std::string_view> TextView(int column) const;
    //! An integer column; a boolean column reads as 1 or 0.
    std::int64_t Int(int column) const;
    std::optional<int> OptionalInt(int column) const;

private:
    struct Parameter {
        std::optional<std::string> value;
        unsigned type = 25;  // text
    };
    Parameter& At(int index);
    // Runs (or with a slot, sends ahead) the statement with its parameters.
    void Execute(bool needs_result, const std::shared_ptr<ResultPtr>& slot = nullptr);

    Connection& connection_;
    const std::string* sql_;  // translated to $n placeholders, owned by the connection's cache
    std::vector<Parameter> parameters_;
    ResultPtr result_;  // null for a statement sent ahead until it is collected
    std::shared_ptr<ResultPtr> sent_;  // Send(): where the connection puts the result once collected
    bool executed_ = false;
    int row_ = -1;
};

//! One libpq connection, configured for durable commits (synchronous_commit on) and UTC.
class Connection {
public:
    // The few spellings where the shared SQL (store/sql/) differs between the engines (see sqlite::Connection).
    static constexpr std::string_view kJoinInOrder = "JOIN";  // PostgreSQL's CROSS JOIN takes no ON
    static constexpr std::string_view kSearchIndexHint = "";   // the planner chooses; no hints
    static constexpr std::string_view kInboxIndexHint = "";
    // The sequence of the signal this session inserted last, in SQL (sql/sealing.hpp IndexInsertedNarrative).
    static constexpr std::string_view kInsertedSignalSequence = "currval(pg_get_serial_sequence('signals', 'sequence'))";
    static constexpr std::string_view kJsonTextArray = "json_array_elements_text(CAST(? AS json))";
    //! FROM the rows of `table` (as `alias`) whose text `column` is one of a JSON array of strings bound as one
    //! parameter (a bare `?`, the statement's only one). As an array, not a join with the function: the planner
    //! expects the 100 rows `json_array_elements_text` declares, and against a table of some thousands of rows
    //! (15,000 persons of 10,000 signals) it then hashes the whole table instead of seeking each value in the index
    //! (6.3 ms against 0.8 ms for a search's 100 signals).
    static std::string FromAmongJsonTextArray(std::string_view table, std::string_view alias, std::string_view column) {
        return "FROM " + std::string{table} + " " + std::string{alias} + " WHERE " + std::string{alias} + "." +
               std::string{column} + " = ANY(ARRAY(SELECT value FROM " + std::string{kJsonTextArray} + "))";
    }
    static constexpr std::string_view kPosition = "strpos";  // (text, part), like SQLite's instr

    //! Connects to `url`; throws StoreFailure with a message that never repeats the URL (it may hold a password).
    explicit Connection(const std::string& url, SessionTimeouts timeouts = {});
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    //! A statement for `sql`, written with SQLite's placeholders (`?`, `?N`), which become `$N`.
    Statement Prepare(const std::string& sql);
    //! Runs one or more statements without parameters or results. Inside a write transaction a savepoint's
    //! SAVEPOINT, RELEASE or ROLLBACK TO is sent ahead like a statement's Run(), and COMMIT goes with what is
    //! still on its way (one round trip); a COMMIT that did not commit throws.
    void Execute(const std::string& sql);
    //! Waits for every statement sent ahead (see BeginWrite) and throws StoreFailure with the first one that
    //! failed; after a failure the server skipped the rest. Nothing to do when nothing is on its way.
    void Settle();
    //! Runs `copy` (COPY … FROM STDIN, text format) and sends what `produce` appends to its (cleared) buffer,
    //! until it returns false. Throws StoreFailure when the server refuses the data.
    void CopyIn(const std::string& copy, const std::function<bool(std::string& buffer)>& produce);
    //! Rows changed by the last statement.
    std::int64_t Changes() {
        Settle();
        return changes_;
    }
    //! The value the last insert took from an identity column in this session.
    std::int64_t LastInsertRowid();
    //! A write transaction holding the store's advisory lock until it ends: writes of every process on this
    //! database run one after another, as on SQLite, so the audit chain's next record is always read after
    //! the previous one committed. Reconnects first when the connection was lost.
    //! Until COMMIT or ROLLBACK, statements run without reading their result (Statement::Run) are sent ahead in
    //! libpq's pipeline mode instead of each waiting for its round trip; the next statement that reads rows,
    //! Changes(), Settle() or the COMMIT collects their results in one round trip, and a failure among them is
    //! thrown there. The group-commit writer settles after each job, so a job's failure stays that job's.
    void BeginWrite();
    //! A read-only transaction on one snapshot (REPEATABLE READ), its BEGIN sent ahead with the first statement.
    void BeginRead();
    //! SQLite zeroes freed pages while destroying; PostgreSQL has no such switch (VACUUM reclaims dead rows).
    void SetSecureDelete(bool) {}
    //! Reconnects when the server closed the connection (a restart); prepared statements are made again.
    void EnsureOpen();
    PGconn* handle() { return connection_; }

private:
    friend class Statement;
    //! Runs `sql` with `parameters`, preparing it once per parameter type list. In a write transaction a
    //! statement whose result is not needed is only sent (its result is null); see BeginWrite. With `slot`, the
    //! statement is sent ahead and its result put there by the next Collect (Statement::Send); so is, in any
    //! transaction, a statement run while others are on their way (it then collects them all).
    ResultPtr Run(const std::string& sql, const std::vector<const char*>& values, const std::vector<unsigned>& types,
                  bool needs_result, const std::shared_ptr<ResultPtr>& slot = nullptr);
    //! Sends `send` in pipeline mode (entering it when needed); throws when libpq could not queue it. Its result
    //! goes to `slot` when collected (none: not wanted).
    void SendAhead(const std::function<int()>& send, std::shared_ptr<ResultPtr> slot = nullptr);
    // Ends pipeline mode; `failed`: what was prepared ahead is forgotten. When libpq cannot leave it (commands
    // still unanswered), the connection is marked broken.
    void LeavePipeline(bool failed);
    //! Throws StoreFailure when the connection is broken (until EnsureOpen resets it).
    void CheckUsable() const;
    //! Collects the results of everything sent ahead up to a sync, each into its slot; throws StoreFailure with
    //! the first failure (the server skipped the rest, and no slot is trusted then).
    void Collect();

    PGconn* connection_ = nullptr;
    std::string url_;
    std::string session_settings_;  // sent after every connect and reconnect
    struct Translated {
        std::string sql;
        int parameter_count = 0;
    };
    std::unordered_map<std::string, Translated> translated_;
    std::unordered_map<std::string, std::string> prepared_;  // sql + types -> statement name
    std::int64_t statement_names_ = 0;                        // names are never reused, even after a failure
    // prepared_ keys whose PREPARE is on its way, each with its result's slot (filled when it made the statement)
    std::vector<std::pair<std::string, std::shared_ptr<ResultPtr>>> prepared_ahead_;
    bool in_write_ = false;                                   // between BeginWrite and COMMIT/ROLLBACK
    bool pipelined_ = false;                                  // something was sent ahead and not yet collected
    std::deque<std::shared_ptr<ResultPtr>> awaiting_;         // per command sent ahead, in order: its result's slot
    bool broken_ = false;                                     // lost track of its pipeline: reset at EnsureOpen
    std::int64_t changes_ = 0;
};

//! Throws StoreFailure naming the failed step and PostgreSQL's primary message (no detail: it may hold values).
void CheckResult(const PGresult* result, PGconn* connection, std::string_view what);

//! Turns SQLite placeholders (`?`, `?N`) outside quotes into `$N`; returns the highest number used.
int TranslatePlaceholders(std::string_view sql, std::string& out);

}  // namespace meldroute::store::postgres
