#include "store/postgres/connection.hpp"

#include <charconv>

#include "store/postgres/pg_store.hpp"

namespace meldroute::store::postgres {

namespace {

constexpr unsigned kTextOid = 25;
constexpr unsigned kBigintOid = 20;
constexpr unsigned kBooleanOid = 16;

// Commits are acknowledged only once durable (whatever the server's default), times in UTC, notices quiet.
constexpr const char* kSessionSettings =
    "SET synchronous_commit = on; SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'; "
    "SET client_min_messages = warning";

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

void Statement::Execute(bool needs_result) {
    std::vector<const char*> values;
    std::vector<unsigned> types;
    values.reserve(parameters_.size());
    types.reserve(parameters_.size());
    for (const Parameter& parameter : parameters_) {
        values.push_back(parameter.value ? parameter.value->c_str() : nullptr);
        types.push_back(parameter.type);
    }
    result_ = connection_.Run(*sql_, values, types, needs_result);
    executed_ = true;
    row_ = -1;
}

bool Statement::Step() {
    if (!executed_) Execute(true);
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

Connection::Connection(const std::string& url) : url_(url) {
    connection_ = PQconnectdb(url.c_str());
    if (PQstatus(connection_) != CONNECTION_OK) {
        std::string message = PQerrorMessage(connection_);
        while (!message.empty() && message.back() == '\n') message.pop_back();
        PQfinish(connection_);
        connection_ = nullptr;
        throw StoreFailure("cannot connect to PostgreSQL: " + message);
    }
    Execute(kSessionSettings);
}

Connection::~Connection() {
    if (connection_ != nullptr) PQfinish(connection_);
}

void Connection::EnsureOpen() {
    // A connection left in a transaction or in pipeline mode (a failure midway that could not be cleaned up) is
    // started afresh too: the server then rolls back whatever it held, the write lock included.
    if (PQstatus(connection_) == CONNECTION_OK && PQtransactionStatus(connection_) == PQTRANS_IDLE &&
        PQpipelineStatus(connection_) == PQ_PIPELINE_OFF) {
        return;
    }
    PQreset(connection_);
    prepared_.clear();
    prepared_ahead_.clear();
    pipelined_ = false;
    in_write_ = false;
    if (PQstatus(connection_) != CONNECTION_OK) throw StoreFailure("the connection to PostgreSQL was lost");
    Execute(kSessionSettings);
}

void Connection::BeginWrite() {
    EnsureOpen();
    Execute("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
    in_write_ = true;
}

void Connection::BeginRead() {
    EnsureOpen();
    Execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
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
                          const std::vector<unsigned>& types, bool needs_result) {
    std::string key = sql;
    key += '\0';
    for (unsigned type : types) key += std::to_string(type) + ",";
    // Sent ahead when its result is not needed, or when others are on their way already (it then collects them).
    const bool ahead = in_write_ && (!needs_result || pipelined_);
    auto found = prepared_.find(key);
    if (found == prepared_.end()) {
        std::string name = "s" + std::to_string(++statement_names_);
        if (ahead) {
            SendAhead([&] {
                return PQsendPrepare(connection_, name.c_str(), sql.c_str(), static_cast<int>(types.size()),
                                     types.data());
            });
            prepared_ahead_.push_back(key);
        } else {
            ResultPtr prepared{PQprepare(connection_, name.c_str(), sql.c_str(), static_cast<int>(types.size()),
                                         types.data())};
            CheckResult(prepared.get(), connection_, "prepare");
        }
        found = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    if (ahead) {
        SendAhead([&] {
            return PQsendQueryPrepared(connection_, found->second.c_str(), static_cast<int>(values.size()),
                                       values.data(), nullptr, nullptr, 0);
        });
        return needs_result ? Collect() : nullptr;
    }
    ResultPtr result{PQexecPrepared(connection_, found->second.c_str(), static_cast<int>(values.size()),
                                    values.data(), nullptr, nullptr, 0)};
    CheckResult(result.get(), connection_, "statement");
    const char* tuples = PQcmdTuples(result.get());
    changes_ = 0;
    if (tuples != nullptr && *tuples != '\0') std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), changes_);
    return result;
}

void Connection::SendAhead(const std::function<int()>& send) {
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
}

ResultPtr Connection::Collect() {
    if (PQpipelineSync(connection_) != 1) {
        std::string message = Describe(nullptr, connection_);
        LeavePipeline(true);
        throw StoreFailure("postgresql pipeline: " + message);
    }
    ResultPtr last;
    std::optional<std::string> failure;
    // Each statement's results end with a null; the sync's own result ends the lot.
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
        last = std::move(result);
    }
    LeavePipeline(failure.has_value());
    if (failure) throw StoreFailure("postgresql statement: " + *failure);
    return last;
}

void Connection::LeavePipeline(bool failed) {
    PQexitPipelineMode(connection_);
    pipelined_ = false;
    // After a failure, a PREPARE sent ahead may have been skipped or failed and made no statement: those are
    // prepared again when next used.
    if (failed) {
        for (const std::string& key : prepared_ahead_) prepared_.erase(key);
    }
    prepared_ahead_.clear();
}

void Connection::Settle() {
    if (pipelined_) Collect();
}

void Connection::Execute(const std::string& sql) {
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
            SendAhead([&] { return PQsendQueryParams(connection_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0); });
            if (savepoint) return;
            in_write_ = false;
            ResultPtr committed = Collect();
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
