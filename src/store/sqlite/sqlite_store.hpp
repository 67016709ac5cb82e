// The embedded store: one SQLite file in WAL mode with synchronous=FULL.
#pragma once

#include <memory>
#include <string>

#include "store/field_cipher.hpp"
#include "store/sql/engine_fwd.hpp"
#include "store/sqlite/sealed_columns.hpp"
#include "store/store.hpp"

namespace meldroute::store::sqlite {

class Connection;

class SqliteStore final : public Store {
public:
    //! Opens or creates `path`, refuses a foreign or newer-versioned file, and migrates forward. Personal-data
    //! columns are sealed and opened through `cipher`; a database whose key check does not open with it (a
    //! copy without its keys) is refused.
    static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                     std::shared_ptr<const FieldCipher> cipher, int reader_count = 4);
    ~SqliteStore() override;

    Status Write(const std::function<Status(Transaction&)>& work) override;
    Status Read(const std::function<Status(Transaction&)>& work) override;
    void WriteDeferred(std::function<Status(Transaction&)> work, std::function<void(Status)> done) override;
    IndexTerms IndexTermsOf(std::string_view narrative) const override;
    Status Check() override;

    //! Copies the live database into `target` consistently (online backup API).
    Status Backup(const std::string& target);

    //! Re-seals every value not sealed under the cipher's current key, in short write transactions of `batch`
    //! values, so a server on the same file keeps running (`meldroute keys rotate`).
    Result<ResealReport> Reseal(int batch);

    //! Also checkpoints the WAL into the database file.
    Status Flush() override;

    const StoreMetrics& metrics() const override;

    //! Tunes the writer connection for a bulk load (bench_generate), before the first write: a page cache of
    //! `cache_kib` KiB, so large transactions stay in memory; savepoint journals in temporary files, since SQLite
    //! walks an in-memory one from its start; and commits without fsync (a crash loses the load, which is made
    //! again). Never for a store that serves.
    void TuneForBulkLoad(int cache_kib);

private:
    SqliteStore() = default;
    Status Migrate();

    std::string path_;
    std::unique_ptr<sql::Engine<Connection>> engine_;
};

//! Copies the meldroute database at `database_path` into `target` while other processes may be writing to it:
//! a read-only connection and the online backup API in one read transaction, so the copy is one consistent
//! snapshot. The copy is a single file (journal mode DELETE) and passes `PRAGMA integrity_check`.
Status BackupDatabaseFile(const std::string& database_path, const std::string& target);

//! Checks a database file that is not in use: a meldroute file (application id), a schema version this
//! program knows, and `PRAGMA integrity_check`.
Status CheckDatabaseFile(const std::string& path);

}  // namespace meldroute::store::sqlite
