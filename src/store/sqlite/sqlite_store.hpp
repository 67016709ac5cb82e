// The embedded store: one SQLite file in WAL mode with synchronous=FULL.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/field_cipher.hpp"
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
    Status Check() override;

    //! Copies the live database into `target` consistently (online backup API).
    Status Backup(const std::string& target);

    //! Re-seals every value not sealed under the cipher's current key, in short write transactions of `batch`
    //! values, so a server on the same file keeps running (`meldroute keys rotate`).
    Result<ResealReport> Reseal(int batch);

    //! Waits until no write is queued or running and checkpoints the WAL into the database file (shutdown).
    Status Flush();

    const StoreMetrics& metrics() const { return metrics_; }

    //! Tunes the writer connection for a bulk load (bench_generate), before the first write: a page cache of
    //! `cache_kib` KiB, so large transactions stay in memory; savepoint journals in temporary files, since SQLite
    //! walks an in-memory one from its start; and commits without fsync (a crash loses the load, which is made
    //! again). Never for a store that serves.
    void TuneForBulkLoad(int cache_kib);

private:
    struct WriteJob;

    //! Takes the writer connection for the current thread alone, as a batch leader does, until destroyed:
    //! queued writes wait (they are not lost) and run after it (Reseal, Backup).
    class ExclusiveWriter {
    public:
        explicit ExclusiveWriter(SqliteStore& store);
        ~ExclusiveWriter();
        ExclusiveWriter(const ExclusiveWriter&) = delete;
        ExclusiveWriter& operator=(const ExclusiveWriter&) = delete;

    private:
        SqliteStore& store_;
    };

    SqliteStore() = default;
    Status Migrate();
    //! Runs a batch of jobs in one transaction, each in its own savepoint, and commits once.
    void RunBatch(const std::vector<WriteJob*>& batch);

    std::string path_;
    std::shared_ptr<const FieldCipher> cipher_;
    // Group commit: writers queue their work; one of them (the leader) runs everything queued so far in one
    // transaction with one fsync, then wakes the others. A job that fails is rolled back to its savepoint
    // and does not affect the rest of the batch.
    std::mutex write_mutex_;  // guards queue_ and leader_active_; the leader alone touches writer_
    std::condition_variable write_done_;
    std::vector<WriteJob*> queue_;
    bool leader_active_ = false;
    std::unique_ptr<Connection> writer_;
    std::mutex readers_mutex_;
    std::condition_variable readers_available_;
    std::vector<std::unique_ptr<Connection>> idle_readers_;
    StoreMetrics metrics_;
};

//! Copies the meldroute database at `database_path` into `target` while other processes may be writing to it:
//! a read-only connection and the online backup API in one read transaction, so the copy is one consistent
//! snapshot. The copy is a single file (journal mode DELETE) and passes `PRAGMA integrity_check`.
Status BackupDatabaseFile(const std::string& database_path, const std::string& target);

//! Checks a database file that is not in use: a meldroute file (application id), a schema version this
//! program knows, and `PRAGMA integrity_check`.
Status CheckDatabaseFile(const std::string& path);

}  // namespace meldroute::store::sqlite
