#include "store/sqlite/sqlite_store.hpp"

#include "store/sql/engine.hpp"
#include "store/sql/sealing.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/sealed_columns.hpp"

namespace meldroute::store::sqlite {
namespace {

constexpr int kCheckpointPages = 10000;
constexpr std::int64_t kLogBytesKept = 64 * 1024 * 1024;

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       std::shared_ptr<const FieldCipher> cipher, int reader_count) {
    if (!cipher) return MakeError(ErrorCode::kFailedPrecondition, "no field cipher: personal data must be sealed");
    std::unique_ptr<SqliteStore> store{new SqliteStore()};
    store->path_ = path;
    try {
        store->engine_ = std::make_unique<sql::Engine<Connection>>(std::move(cipher), std::make_unique<Connection>(path, false));
        Connection& writer = store->engine_->writer();
        auto check = writer.Prepare("PRAGMA application_id");
        check.Step();
        std::int64_t application_id = check.Int(0);
        auto tables = writer.Prepare("SELECT count(*) FROM sqlite_schema");
        tables.Step();
        std::int64_t table_count = tables.Int(0);
        if (application_id != kApplicationId && table_count > 0) {
            return MakeError(ErrorCode::kFailedPrecondition,
                             path + " is not a meldroute database; refusing to change it");
        }
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, failure.what());
    }
    MR_TRY(store->Migrate());
    try {
        // SQLite checkpoints in the connection that commits, after its commit, so every request of a batch waits
        // for it. At the default of 1,000 pages the writer copied the log into the database file and fsync'd it
        // after nearly every batch of a busy intake, writing the same hot pages (the newest signals, the audit
        // chain's end, the figures) again each time. At 10,000 pages (40 MiB of log) they are copied once per
        // ten times as many commits. Measured (intake, 64 clients, 5 s, interleaved): 10k signals 4,490-5,170
        // -> 5,790-5,930 req/s and 67 -> 38 KiB written per signal; 1M signals 3,490-3,720 -> 3,860-3,970 req/s.
        // A checkpoint on a thread of its own was slower: racing the commits, it never finished the log,
        // so the log was not restarted and the same pages were copied again and again (94-128 KiB per signal).
        // A crash leaves about this much log to read back at the next start. Readers holding an old snapshot can
        // keep a checkpoint from restarting the log, so it may grow past it for a while; the size limit has the
        // file cut back to 64 MiB whenever the log restarts.
        store->engine_->writer().Execute("PRAGMA wal_autocheckpoint = " + std::to_string(kCheckpointPages) +
                                         "; PRAGMA journal_size_limit = " + std::to_string(kLogBytesKept));
        for (int index = 0; index < reader_count; ++index) {
            store->engine_->AddReader(std::make_unique<Connection>(path, true));
        }
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, failure.what());
    }
    return store;
}

SqliteStore::~SqliteStore() = default;

void SqliteStore::TuneForBulkLoad(int cache_kib) {
    engine_->writer().Execute("PRAGMA cache_size = -" + std::to_string(cache_kib) +
                              "; PRAGMA temp_store = FILE; PRAGMA synchronous = OFF");
}

Status SqliteStore::Migrate() {
    Connection& writer = engine_->writer();
    const FieldCipher& cipher = engine_->cipher();
    try {
        // WAL persists in the file; it lets readers run while one writer commits.
        writer.Execute("PRAGMA journal_mode = WAL");
        std::size_t version = 0;
        {
            // Scoped: an unfinished statement would keep migration 9 from dropping a table.
            auto version_statement = writer.Prepare("PRAGMA user_version");
            version_statement.Step();
            version = static_cast<std::size_t>(version_statement.Int(0));
        }
        const auto& migrations = Migrations();
        if (version > migrations.size()) {
            return MakeError(ErrorCode::kFailedPrecondition,
                             "database schema version " + std::to_string(version) +
                                 " is newer than this program knows (" + std::to_string(migrations.size()) +
                                 "); upgrade meldroute");
        }
        bool sealed_existing = false;
        // While migrating, overwritten and deleted content is zeroed, so no plaintext an older version wrote
        // lingers in free space (the VACUUM below rebuilds the file anyway). In normal operation only sealed
        // values are ever overwritten, so the extra work is not needed.
        writer.Execute("PRAGMA secure_delete = ON");
        for (std::size_t next = version; next < migrations.size(); ++next) {
            writer.Execute("BEGIN IMMEDIATE");
            try {
                writer.Execute(migrations[next].sql);
                if (migrations[next].step != nullptr) {
                    migrations[next].step(writer, cipher);
                    sealed_existing = sealed_existing || version > 0;
                }
                writer.Execute("PRAGMA application_id = " + std::to_string(kApplicationId));
                writer.Execute("PRAGMA user_version = " + std::to_string(next + 1));
                writer.Execute("COMMIT");
            } catch (const StoreFailure&) {
                writer.Execute("ROLLBACK");
                throw;
            }
        }
        if (sealed_existing) {
            // The plaintext an older version wrote is gone from the tables, but may linger in free pages and
            // in the write-ahead log: rebuild the file and empty the log.
            writer.Execute("VACUUM");
            writer.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        writer.Execute("PRAGMA secure_delete = OFF");
        if (Status keys = sql::CheckKeys(writer, cipher); !keys) {
            return MakeError(ErrorCode::kFailedPrecondition, keys.error().detail + "; refusing to serve it");
        }
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, std::string{"migration failed: "} + failure.what());
    }
    return Ok();
}

Result<ResealReport> SqliteStore::Reseal(int batch) {
    // Exclusive, so no batch of this process runs on the writer connection meanwhile.
    return engine_->Exclusive([&](Connection& writer) -> Result<ResealReport> {
        try {
            // A key made current since the store was opened gets its check value first.
            MR_TRY(sql::CheckKeys(writer, engine_->cipher()));
            ResealReport report = ResealAll(writer, engine_->cipher(), batch);
            if (!report.failure.empty()) return MakeError(ErrorCode::kFailedPrecondition, report.failure);
            return report;
        } catch (const StoreFailure& failure) {
            return MakeError(ErrorCode::kUnavailable, failure.what());
        }
    });
}

Status SqliteStore::Write(const std::function<Status(Transaction&)>& work) { return engine_->Write(work); }

Status SqliteStore::Read(const std::function<Status(Transaction&)>& work) { return engine_->Read(work); }

IndexTerms SqliteStore::IndexTermsOf(std::string_view narrative) const {
    return {sql::NarrativeTermKeys(engine_->cipher(), narrative)};
}

void SqliteStore::WriteDeferred(std::function<Status(Transaction&)> work, std::function<void(Status)> done) {
    engine_->WriteDeferred(std::move(work), std::move(done));
}

const StoreMetrics& SqliteStore::metrics() const { return engine_->metrics(); }

Status SqliteStore::Check() {
    return Read([](Transaction& transaction) -> Status {
        transaction.IsEmpty();
        return Ok();
    });
}

namespace {

// Copies the main database of `source` into a new file `target` in one step (one read transaction, so one
// consistent snapshot), as a single file without a WAL beside it.
Status CopyDatabase(sqlite3* source, const std::string& target) {
    sqlite3* destination = nullptr;
    if (sqlite3_open(target.c_str(), &destination) != SQLITE_OK) {
        sqlite3_close(destination);
        return MakeError(ErrorCode::kUnavailable, "cannot open backup target " + target);
    }
    sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
    int code = SQLITE_ERROR;
    if (backup != nullptr) {
        code = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
    }
    // The copy carries the WAL flag of the source; a backup file is better as one self-contained file.
    if (code == SQLITE_DONE &&
        sqlite3_exec(destination, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr) != SQLITE_OK) {
        code = SQLITE_ERROR;
    }
    sqlite3_close(destination);
    if (code != SQLITE_DONE) return MakeError(ErrorCode::kUnavailable, "backup to " + target + " failed");
    return Ok();
}

}  // namespace

Status SqliteStore::Backup(const std::string& target) {
    // Exclusive, so no batch runs on the writer connection during the copy.
    return engine_->Exclusive([&](Connection& writer) { return CopyDatabase(writer.handle(), target); });
}

Status SqliteStore::Flush() {
    engine_->WaitIdle();
    // Exclusive: the checkpoint runs on the writer connection, which a batch queued meanwhile would use too.
    return engine_->Exclusive([](Connection& writer) -> Status {
        try {
            // Everything committed is durable already (synchronous=FULL); this folds the WAL into the database
            // file so a stopped server leaves one file behind.
            writer.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const StoreFailure& failure) {
            return MakeError(ErrorCode::kUnavailable, failure.what());
        }
        return Ok();
    });
}

Status CheckDatabaseFile(const std::string& path) {
    try {
        Connection connection{path, true};
        auto id = connection.Prepare("PRAGMA application_id");
        id.Step();
        if (id.Int(0) != kApplicationId) return MakeError(ErrorCode::kFailedPrecondition, path + " is not a meldroute database");
        auto version = connection.Prepare("PRAGMA user_version");
        version.Step();
        if (static_cast<std::size_t>(version.Int(0)) > Migrations().size()) {
            return MakeError(ErrorCode::kFailedPrecondition,
                             path + " was written by a newer meldroute (schema " + std::to_string(version.Int(0)) + ")");
        }
        auto integrity = connection.Prepare("PRAGMA integrity_check");
        integrity.Step();
        if (integrity.Text(0) != "ok") {
            return MakeError(ErrorCode::kFailedPrecondition, path + " fails the integrity check: " + integrity.Text(0));
        }
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kFailedPrecondition, path + ": " + failure.what());
    }
    return Ok();
}

Status BackupDatabaseFile(const std::string& database_path, const std::string& target) {
    try {
        Connection source{database_path, true};
        auto id = source.Prepare("PRAGMA application_id");
        id.Step();
        if (id.Int(0) != kApplicationId) {
            return MakeError(ErrorCode::kFailedPrecondition, database_path + " is not a meldroute database");
        }
        MR_TRY(CopyDatabase(source.handle(), target));
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, failure.what());
    }
    return CheckDatabaseFile(target);
}

}  // namespace meldroute::store::sqlite
