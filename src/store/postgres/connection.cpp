#include "store/postgres/connection.hpp"

#include <charconv>

#include "store/postgres/pg_store.hpp"

namespace meldroute::store::postgres {

namespace {

constexpr unsigned kTextOid = 25;
constexpr unsigned kBigintOid = 20;
constexpr unsigned kBooleanOid = 16;

// Commits are acknowledged only once durable (whatever the server's default), times in UTC, notices quiet, and
// the bounds of SessionTimeouts.
std::string SessionSettings(const SessionTimeouts& timeouts) {
    return "SET synchronous_commit = on; SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'; "
           "SET client_min_messages = warning; SET lock_timeout = " +
           std::to_string(timeouts.lock_wait.count()) + "; SET idle_in_transaction_session_timeout = " +
           std::to_string(timeouts.idle_in_transaction.count());
}

// PostgreSQL's own words for what failed: the primary message and SQLSTATE, never the DETAIL line, which can
// repeat the values of a row (e.g. the key of a duplicate).
std::string Describe(const PGresult* result, PGconn* connection) {
    const char* primary = result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = primary != nullptr ? primary : PQerrorMessage(connection);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (state != nullptr) message += std::string{" (SQLSTATE "} + state + ")";
    return message;
}

}  // namespace

void CheckResult(const PGresult* result, PGconn* connection, std::string_view what) {
    const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    throw StoreFailure("postgresql " + std::string{what} + ": " + Describe(result, connection));
}

int TranslatePlaceholders(std::string_view sql, std::string& out) {
    out.clear();
    out.reserve(sql.size() + 8);
    int highest = 0;
    char quote = 0;
    for (std::size_t index = 0; index < sql.size(); ++index) {
        const char character = sql[index];
        if (quote != 0) {
            if (character == quote) quote = 0;
            out += character;
            continue;
        }
        if (character == '\'' || character == '"') {
            quote = character;
            out += character;
            continue;
        }
        if (character != '?') {
            out += character;
            continue;
        }
        // Like SQLite: `?N` is parameter N, a bare `?` the next one after the highest so far.
        std::size_t end = index + 1;
        while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
        int number = highest + 1;
        if (end > index + 1) std::from_chars(sql.data() + index + 1, sql.data() + end, number);
        highest = std::max(highest, number);
        out += '$';
        out += std::to_string(number);
        index = end - 1;
    }
    return highest;
}

Statement::Parameter& Statement::At(int index) {
    const auto position = static_cast<std::size_t>(index - 1);
    if (index < 1) throw StoreFailure("postgresql bind: parameter index " + std::to_string(index));
    if (position >= parameters_.size()) parameters_.resize(position + 1);
    return parameters_[position];
}

Statement& Statement::Bind(int index, std::string_view value) {
    At(index) = Parameter{std::string{value}, kTextOid};
    return *this;
}

Statement& Statement::Bind(int index, std::int64_t value) {
    At(index) = Parameter{std::to_string(value), kBigintOid};
    return *this;
}

Statement& Statement::Bind(int index, const std::optional<std::string>& value) {
    At(index) = Parameter{value, kTextOid};
    return *this;
}

Statement& Statement::Bind(int index, const std::optional<int>& value) {
    At(index) = Parameter{value ? std::optional<std::string>{std::to_string(*value)} : std::nullopt, kBigintOid};
    return *this;
}

Statement& Statement::BindNull(int index) {
    At(index) = Parameter{std::nullopt, 0};
    return *this;
}

void Statement::Execute(bool needs_result, const std::shared_ptr<ResultPtr>& slot) {
    std::vector<const char*> values;
    std::vector<unsigned> types;
    values.reserve(parameters_.size());
    types.reserve(parameters_.size());
    for (const Parameter& parameter : parameters_) {
        values.push_back(parameter.value ? parameter.value->c_str() : nullptr);
        types.push_back(parameter.type);
    }
    result_ = connection_.Run(*sql_, values, types, needs_result, slot);
    executed_ = true;
    row_ = -1;
}

void Statement::Send() {
    if (executed_) return;
    sent_ = std::make_shared<ResultPtr>();
    Execute(false, sent_);
}

bool Statement::Step() {
    if (!executed_) Execute(true);
    if (sent_) {
        // Sent ahead: collected with everything else on its way at the first Step (a failure throws there).
        if (!*sent_) connection_.Settle();
        result_ = std::move(*sent_);
        sent_.reset();
        if (!result_) throw StoreFailure("postgresql statement: a statement sent ahead had no result");
    }
    ++row_;
    return row_ < PQntuples(result_.get());
}

void Statement::Run() {
    if (!executed_) Execute(false);
}

std::string Statement::Text(int column) const {
    if (PQgetisnull(result_.get(), row_, column)) return {};
    return std::string(PQgetvalue(result_.get(), row_, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
}

std::optional<std::string_view> Statement::TextView(int column) const {
    if (PQgetisnull(result_.get(), row_, column)) return std::nullopt;
    return std::string_view(PQgetvalue(result_.get(), row_, column),
                            static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
}

std::optional<std::string> Statement::OptionalText(int column) const {
    if (PQgetisnull(result_.get(), row_, column)) return std::nullopt;
    return Text(column);
}

std::int64_t Statement::Int(int column) const {
    if (PQgetisnull(result_.get(), row_, column)) return 0;
    const char* text = PQgetvalue(result_.get(), row_, column);
    if (PQftype(result_.get(), column) == kBooleanOid) return text[0] == 't' ? 1 : 0;
    std::int64_t value = 0;
    std::from_chars(text, text + PQgetlength(result_.get(), row_, column), value);
    return value;
}

std::optional<int> Statement::OptionalInt(int column) const {
    if (PQgetisnull(result_.get(), row_, column)) return std::nullopt;
    return static_cast<int>(Int(column));
}

Connection::Connection(const std::string& url, SessionTimeouts timeouts)
    : url_(url), session_settings_(SessionSettings(timeouts)) {
    connection_ = PQconnectdb(url.c_str());
    if (PQstatus(connection_) != CONNECTION_OK) {
        std::string message = PQerrorMessage(connection_);
        while (!message.empty() && message.back() == '\n') message.pop_back();
        PQfinish(connection_);
        connection_ = nullptr;
        throw StoreFailure("cannot connect to PostgreSQL: " + message);
    }
    Execute(session_settings_);
}

Connection::~Connection() {
    if (connection_ != nullptr) PQfinish(connection_);
}

void Connection::EnsureOpen() {
    // A connection left in a transaction or in pipeline mode (a failure midway that could not be cleaned up) is
    // started afresh too: the server then rolls back whatever it held, the write lock included.
    if (!broken_ && PQstatus(connection_) == CONNECTION_OK && PQtransactionStatus(connection_) == PQTRANS_IDLE &&
        PQpipelineStatus(connection_) == PQ_PIPELINE_OFF) {
        return;
    }
    PQreset(connection_);
    broken_ = false;
    prepared_.clear();
    prepared_ahead_.clear();
    awaiting_.clear();
    pipelined_ = false;
    in_write_ = false;
    if (PQstatus(connection_) != CONNECTION_OK) throw StoreFailure("the connection to PostgreSQL was lost");
    Execute(session_settings_);
}

void Connection::BeginWrite() {
    EnsureOpen();
    Execute("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
    in_write_ = true;
}

void Connection::BeginRead() {
    EnsureOpen();
    // Sent ahead: it travels with the transaction's first statement (one round trip fewer per read), and a
    // failure to begin is thrown there.
    SendAhead([&] {
        return PQsendQueryParams(connection_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, nullptr, nullptr,
                                 nullptr, nullptr, 0);
    });
}

Statement Connection::Prepare(const std::string& sql) {
    auto found = translated_.find(sql);
    if (found == translated_.end()) {
        Translated translated;
        translated.parameter_count = TranslatePlaceholders(sql, translated.sql);
        found = translated_.emplace(sql, std::move(translated)).first;
    }
    return Statement{*this, &found->second.sql, found->second.parameter_count};
}

ResultPtr Connection::Run(const std::string& sql, const std::vector<const char*>& values,
                          const std::vector<unsigned>& types, bool needs_result,
                          const std::shared_ptr<ResultPtr>& slot) {
    CheckUsable();
    std::string key = sql;
    key += '\0';
    for (unsigned type : types) key += std::to_string(type) + ",";
    // Sent ahead when asked to (a slot), when its result is not needed in a write transaction, or when others are
    // on their way already (it then collects them).
    const bool ahead = slot != nullptr || (in_write_ && !needs_result) || pipelined_;
    auto found = prepared_.find(key);
    if (found == prepared_.end()) {
        std::string name = "s" + std::to_string(++statement_names_);
        if (ahead) {
            auto prepared = std::make_shared<ResultPtr>();
            SendAhead(
                [&] {
                    return PQsendPrepare(connection_, name.c_str(), sql.c_str(), static_cast<int>(types.size()),
                                         types.data());
                },
                prepared);
            prepared_ahead_.emplace_back(key, std::move(prepared));
        } else {
            ResultPtr prepared{PQprepare(connection_, name.c_str(), sql.c_str(), static_cast<int>(types.size()),
                                         types.data())};
            CheckResult(prepared.get(), connection_, "prepare");
        }
        found = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    if (ahead) {
        // Collected here only when the caller waits for the rows (Step of a statement not sent ahead).
        const bool collect_now = slot == nullptr && needs_result;
        auto result = collect_now ? std::make_shared<ResultPtr>() : slot;
        SendAhead(
            [&] {
                return PQsendQueryPrepared(connection_, found->second.c_str(), static_cast<int>(values.size()),
                                           values.data(), nullptr, nullptr, 0);
            },
            result);
        if (!collect_now) return nullptr;
        Collect();
        return std::move(*result);
    }
    ResultPtr result{PQexecPrepared(connection_, found->second.c_str(), static_cast<int>(values.size()),
                                    values.data(), nullptr, nullptr, 0)};
    CheckResult(result.get(), connection_, "statement");
    const char* tuples = PQcmdTuples(result.get());
    changes_ = 0;
    if (tuples != nullptr && *tuples != '\0') std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), changes_);
    return result;
}

void Connection::SendAhead(const std::function<int()>& send, std::shared_ptr<ResultPtr> slot) {
    if (!pipelined_) {
        if (PQenterPipelineMode(connection_) != 1) {
            throw StoreFailure("postgresql pipeline: " + Describe(nullptr, connection_));
        }
        pipelined_ = true;
    }
    if (send() != 1) {
        // libpq could not queue it (the connection is gone): nothing sent ahead can be trusted any more.
        std::string message = Describe(nullptr, connection_);
        LeavePipeline(true);
        throw StoreFailure("postgresql statement: " + message);
    }
    awaiting_.push_back(std::move(slot));
}

void Connection::Collect() {
    if (PQpipelineSync(connection_) != 1) {
        std::string message = Describe(nullptr, connection_);
        LeavePipeline(true);
        throw StoreFailure("postgresql pipeline: " + message);
    }
    std::optional<std::string> failure;
    // Each command's one result is followed by a null; the sync's own result ends the lot. The results come in
    // the order the commands were sent, so each goes to the next slot waiting.
    for (;;) {
        ResultPtr result{PQgetResult(connection_)};
        if (!result) {
            if (PQstatus(connection_) != CONNECTION_OK) {
                failure = failure.value_or("the connection to PostgreSQL was lost");
                break;
            }
            continue;
        }
        const ExecStatusType status = PQresultStatus(result.get());
        if (status == PGRES_PIPELINE_SYNC) break;
        std::shared_ptr<ResultPtr> slot;
        if (!awaiting_.empty()) {
            slot = std::move(awaiting_.front());
            awaiting_.pop_front();
        }
        if (status == PGRES_PIPELINE_ABORTED) continue;  // skipped after an earlier failure
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            if (!failure) failure = Describe(result.get(), connection_);
            continue;
        }
        const char* tuples = PQcmdTuples(result.get());
        changes_ = 0;
        if (tuples != nullptr && *tuples != '\0') {
            std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), changes_);
        }
        if (slot) *slot = std::move(result);
    }
    LeavePipeline(failure.has_value());
    if (failure) throw StoreFailure("postgresql statement: " + *failure);
}

void Connection::CheckUsable() const {
    if (broken_) throw StoreFailure("postgresql: the connection lost track of its pipeline and is reset at next use");
}

void Connection::LeavePipeline(bool failed) {
    // libpq stays in pipeline mode while commands sent are unanswered (a send that failed half-way): their results
    // would then land in the next commands' slots. Nothing more is sent on it until EnsureOpen has reset it.
    if (PQexitPipelineMode(connection_) != 1) broken_ = true;
    pipelined_ = false;
    awaiting_.clear();
    // After a failure, a PREPARE sent ahead may have been skipped or failed and made no statement: those (no
    // result in their slot) are prepared again when next used; those that made one are kept, or every failed
    // read would leave its statements behind on the server under names never used again.
    if (failed) {
        for (const auto& [key, prepared] : prepared_ahead_) {
            if (!*prepared) prepared_.erase(key);
        }
    }
    prepared_ahead_.clear();
}

void Connection::Settle() {
    if (pipelined_) Collect();
}

void Connection::Execute(const std::string& sql) {
    CheckUsable();
    if (in_write_) {
        if (sql.starts_with("ROLLBACK TO ") && pipelined_) {
            // Undoing a job that failed with something still on its way (it threw before the writer settled):
            // that is undone too, and must not reach the next job. Sent into an aborted pipeline, the ROLLBACK
            // TO itself would be skipped.
            try {
                Collect();
            } catch (const StoreFailure&) {
            }
        }
        const bool savepoint = sql.starts_with("SAVEPOINT ") || sql.starts_with("RELEASE ") ||
                               sql.starts_with("ROLLBACK TO ");
        if (savepoint || (sql == "COMMIT" && pipelined_)) {
            auto result = savepoint ? nullptr : std::make_shared<ResultPtr>();
            SendAhead([&] { return PQsendQueryParams(connection_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0); },
                      result);
            if (savepoint) return;
            in_write_ = false;
            Collect();
            ResultPtr committed = std::move(*result);
            // PostgreSQL answers COMMIT in a failed transaction with ROLLBACK, not with an error.
            if (!committed || std::string_view{PQcmdStatus(committed.get())} != "COMMIT") {
                throw StoreFailure("postgresql commit: the transaction was rolled back");
            }
            return;
        }
        if (sql == "COMMIT" || sql == "ROLLBACK") in_write_ = false;
    }
    if (sql == "ROLLBACK" && pipelined_) {
        // Rolling back after a failure: whatever is still on its way is undone with the rest.
        try {
            Collect();
        } catch (const StoreFailure&) {
        }
    }
    Settle();
    ResultPtr result{PQexec(connection_, sql.c_str())};
    CheckResult(result.get(), connection_, "command");
    if (sql == "COMMIT" && std::string_view{PQcmdStatus(result.get())} != "COMMIT") {
        throw StoreFailure("postgresql commit: the transaction was rolled back");
    }
}

void Connection::CopyIn(const std::string& copy, const std::function<bool(std::string& buffer)>& produce) {
    CheckUsable();
    Settle();
    ResultPtr started{PQexec(connection_, copy.c_str())};
    if (started == nullptr || PQresultStatus(started.get()) != PGRES_COPY_IN) {
        CheckResult(started.get(), connection_, "copy");
        throw StoreFailure("postgresql copy: the server did not start the copy");
    }
    std::string buffer;
    bool more = true;
    bool sent = true;
    while (more && sent) {
        buffer.clear();
        more = produce(buffer);
        if (!buffer.empty()) sent = PQputCopyData(connection_, buffer.data(), static_cast<int>(buffer.size())) == 1;
    }
    // Ends the copy (or aborts it when sending failed); the result says whether the server took every row.
    PQputCopyEnd(connection_, sent ? nullptr : "sending failed");
    ResultPtr finished{PQgetResult(connection_)};
    while (ResultPtr rest{PQgetResult(connection_)}) {
    }
    CheckResult(finished.get(), connection_, "copy");
}

std::int64_t Connection::LastInsertRowid() {
    auto statement = Prepare("SELECT lastval()");
    statement.Step();
    return statement.Int(0);
}

}  // namespace meldroute::store::postgres
