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

}  // namespace

bool IsPostgresUrl(std::string_view text) {
    return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url, std::shared_ptr<const FieldCipher> cipher,
                                               int reader_count) {
    if (!cipher) return MakeError(ErrorCode::kFailedPrecondition, "no field cipher: personal data must be sealed");
    if (!IsPostgresUrl(url)) return MakeError(ErrorCode::kInvalidArgument, "--store: expected postgresql://…");
    std::unique_ptr<PgStore> store{new PgStore()};
    try {
        store->engine_ =
            std::make_unique<sql::Engine<Connection>>(std::move(cipher), std::make_unique<Connection>(url));
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, failure.what());
    }
    MR_TRY(store->CreateOrCheckSchema());
    try {
        for (int index = 0; index < reader_count; ++index) store->engine_->AddReader(std::make_unique<Connection>(url));
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
                } else if (version.Int(1) < kSchemaVersion) {
                    // The PostgreSQL store starts at the version it was introduced with; later migrations are
                    // added here and in store/sqlite/schema.cpp from the same change to store/schema_model.cpp.
                    refused = "database schema version " + std::to_string(version.Int(1)) + " has no migration";
                }
            } else {
                auto tables = writer.Prepare(
                    "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                    "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p')");
                tables.Step();
                if (tables.Int(0) > 0) {
                    refused = "the database holds tables but is not a meldroute database; refusing to change it";
                } else {
                    writer.Execute(PostgresSchemaSql());
                    writer.Execute(std::string{"CREATE TABLE "} + kMarkerTable +
                                   " (application text NOT NULL, version bigint NOT NULL)");
                    writer.Prepare(std::string{"INSERT INTO "} + kMarkerTable + " (application, version) VALUES (?, ?)")
                        .BindAll(std::string_view{kApplication}, static_cast<std::int64_t>(kSchemaVersion))
                        .Run();
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
