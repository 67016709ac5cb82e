#include "store/postgres/pg_store.hpp"

#include "store/postgres/connection.hpp"
#include "store/schema_model.hpp"
#include "store/sql/engine.hpp"
#include "store/sql/sealing.hpp"

namespace meldroute::store::postgres {

namespace {

// The table that marks a database as meldroute's and holds its schema version.
constexpr const char* kMarkerTable = "meldroute_schema";
constexpr const char* kApplication = "meldroute";
// The version the PostgreSQL store was introduced with: a database at an older version cannot exist.
constexpr int kFirstPostgresVersion = 15;

// What takes a PostgreSQL database from version N - 1 to N: the same change as SQLite's migration N
// (store/sqlite/schema.cpp), to the schema the model (store/schema_model.cpp) describes at N.
std::string MigrationSql(int version) {
    switch (version) {
        case 16:
            // Each match key keeps its signal's sequence, for the related signals of a case (newest first along
            // signal_keys_newest_first). Added at the end, as the model has it.
            return "ALTER TABLE signal_keys ADD COLUMN signal_sequence bigint REFERENCES signals (sequence);\n"
                   "UPDATE signal_keys k SET signal_sequence = s.sequence FROM signals s WHERE s.id = k.signal_id;\n"
                   "ALTER TABLE signal_keys ALTER COLUMN signal_sequence SET NOT NULL;\n"
                   "CREATE INDEX signal_keys_newest_first ON signal_keys (key_hash, signal_sequence, kind);\n";
        case 17:
            // The retention job's scan: only what is not destroyed yet, along its `since`.
            return "CREATE INDEX cases_for_retention ON cases (closed_at, sequence) "
                   "WHERE closed_at IS NOT NULL AND destroyed_at IS NULL;\n"
                   "CREATE INDEX signals_for_retention ON signals (created_at, sequence) "
                   "WHERE case_id IS NULL AND destroyed_at IS NULL;\n";
        case 18:
            // What the figures read of each case, one row per case kept by triggers; the period's activity read
            // from its date indexes without visiting the rows.
            return "DROP INDEX referrals_by_at;\nCREATE INDEX referrals_by_at ON referrals (at, case_id);\n"
                   "DROP INDEX case_closures_by_at;\nCREATE INDEX case_closures_by_at ON case_closures (at, case_id);\n"
                   "DROP INDEX case_reopenings_by_at;\n"
                   "CREATE INDEX case_reopenings_by_at ON case_reopenings (at, case_id);\n"
                   "CREATE TABLE case_figures (\n"
                   "    created_at text COLLATE \"C\" NOT NULL,\n    case_id text COLLATE \"C\" NOT NULL,\n"
                   "    case_sequence bigint NOT NULL,\n    status text COLLATE \"C\" NOT NULL,\n"
                   "    urgency text COLLATE \"C\",\n    forms text COLLATE \"C\" NOT NULL,\n"
                   "    weighed_at text COLLATE \"C\",\n    outcome text COLLATE \"C\",\n"
                   "    closed_at text COLLATE \"C\",\n    first_signal_at text COLLATE \"C\",\n"
                   "    has_reachable_reporter bigint NOT NULL,\n    first_weighed_at text COLLATE \"C\",\n"
                   "    first_reporter_feedback_at text COLLATE \"C\",\n"
                   "    latest_reporter_feedback_at text COLLATE \"C\",\n    referrals text COLLATE \"C\",\n"
                   "    closures text COLLATE \"C\",\n    reopenings text COLLATE \"C\",\n"
                   "    PRIMARY KEY (created_at, case_id)\n);\n"
                   "CREATE INDEX case_figures_by_case ON case_figures (case_id);\n" +
                   CaseFiguresTriggersSql(Dialect::kPostgres) + CaseFiguresBackfillSql(Dialect::kPostgres);
        case 19:
            // A new signal's blind-index terms as one pending row, folded into signal_terms in sorted batches.
            return PostgresTableSql(ModelTable("signal_terms_pending"));
        case 20:
            // One row per case in case_figures by the database's own rule, the rows computed afresh first (TRUNCATE
            // leaves no dead rows behind) and the index built once over them.
            return "TRUNCATE case_figures;\nDROP INDEX case_figures_by_case;\n" +
                   CaseFiguresBackfillSql(Dialect::kPostgres) +
                   "CREATE UNIQUE INDEX case_figures_by_case ON case_figures (case_id);\n";
        case 21:
            // The inbox's page of summaries read from signals_inbox alone.
            return std::string{kInboxFromItsIndexSql};
        default:
            return {};
    }
}

}  // namespace

bool HoldsNoTables(Connection& connection) {
    auto tables = connection.Prepare(
        "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p')");
    tables.Step();
    return tables.Int(0) == 0;
}

void CreateSchema(Connection& connection) {
    connection.Execute(PostgresSchemaSql());
    connection.Execute(std::string{"CREATE TABLE "} + kMarkerTable +
                       " (application text NOT NULL, version bigint NOT NULL)");
    connection.Prepare(std::string{"INSERT INTO "} + kMarkerTable + " (application, version) VALUES (?, ?)")
        .BindAll(std::string_view{kApplication}, static_cast<std::int64_t>(kSchemaVersion))
        .Run();
}

bool IsPostgresUrl(std::string_view text) {
    return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url, std::shared_ptr<const FieldCipher> cipher,
                                               int reader_count, SessionTimeouts timeouts) {
    if (!cipher) return MakeError(ErrorCode::kFailedPrecondition, "no field cipher: personal data must be sealed");
    if (!IsPostgresUrl(url)) return MakeError(ErrorCode::kInvalidArgument, "--store: expected postgresql://…");
    std::unique_ptr<PgStore> store{new PgStore()};
    try {
        store->engine_ =
            std::make_unique<sql::Engine<Connection>>(std::move(cipher), std::make_unique<Connection>(url, timeouts));
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, failure.what());
    }
    MR_TRY(store->CreateOrCheckSchema());
    try {
        for (int index = 0; index < reader_count; ++index) {
            store->engine_->AddReader(std::make_unique<Connection>(url, timeouts));
        }
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, failure.what());
    }
    return store;
}

PgStore::~PgStore() = default;

Status PgStore::CreateOrCheckSchema() {
    Connection& writer = engine_->writer();
    try {
        // Under the write lock, so two instances starting on an empty database create the schema once.
        writer.BeginWrite();
        std::string refused;
        try {
            auto marker = writer.Prepare("SELECT to_regclass(?) IS NOT NULL");
            marker.Bind(1, std::string{"public."} + kMarkerTable);
            marker.Step();
            const bool ours = marker.Int(0) != 0;
            if (ours) {
                auto version = writer.Prepare(std::string{"SELECT application, version FROM "} + kMarkerTable);
                if (!version.Step() || version.Text(0) != kApplication) {
                    refused = "the database is not a meldroute database; refusing to change it";
                } else if (version.Int(1) > kSchemaVersion) {
                    refused = "database schema version " + std::to_string(version.Int(1)) +
                              " is newer than this program knows (" + std::to_string(kSchemaVersion) +
                              "); upgrade meldroute";
                } else if (version.Int(1) < kFirstPostgresVersion) {
                    refused = "database schema version " + std::to_string(version.Int(1)) + " has no migration";
                } else if (version.Int(1) < kSchemaVersion) {
                    // Forward only, in the write transaction: all of it or nothing.
                    for (int next = static_cast<int>(version.Int(1)) + 1; next <= kSchemaVersion; ++next) {
                        writer.Execute(MigrationSql(next));
                    }
                    writer.Prepare(std::string{"UPDATE "} + kMarkerTable + " SET version = ?")
                        .Bind(1, static_cast<std::int64_t>(kSchemaVersion))
                        .Run();
                }
            } else {
                if (!HoldsNoTables(writer)) {
                    refused = "the database holds tables but is not a meldroute database; refusing to change it";
                } else {
                    CreateSchema(writer);
                }
            }
        } catch (const StoreFailure&) {
            writer.Execute("ROLLBACK");
            throw;
        }
        writer.Execute(refused.empty() ? "COMMIT" : "ROLLBACK");
        if (!refused.empty()) return MakeError(ErrorCode::kFailedPrecondition, refused);
        if (Status keys = sql::CheckKeys(writer, engine_->cipher()); !keys) {
            return MakeError(ErrorCode::kFailedPrecondition, keys.error().detail + "; refusing to serve it");
        }
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, std::string{"opening the PostgreSQL store failed: "} + failure.what());
    }
    return Ok();
}

Status PgStore::Write(const std::function<Status(Transaction&)>& work) { return engine_->Write(work); }

Status PgStore::Read(const std::function<Status(Transaction&)>& work) { return engine_->Read(work); }

IndexTerms PgStore::IndexTermsOf(std::string_view narrative) const {
    return {sql::NarrativeTermKeys(engine_->cipher(), narrative)};
}

void PgStore::WriteDeferred(std::function<Status(Transaction&)> work, std::function<void(Status)> done) {
    engine_->WriteDeferred(std::move(work), std::move(done));
}

Status PgStore::Check() {
    return Read([](Transaction& transaction) -> Status {
        transaction.IsEmpty();
        return Ok();
    });
}

Status PgStore::Flush() {
    engine_->WaitIdle();
    return Ok();
}

const StoreMetrics& PgStore::metrics() const { return engine_->metrics(); }

}  // namespace meldroute::store::postgres
