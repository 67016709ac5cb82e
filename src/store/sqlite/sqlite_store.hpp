// The embedded store: one SQLite file in WAL mode with synchronous=FULL.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace meldroute::store::sqlite {

class Connection;

class SqliteStore final : public Store {
public:
    //! Opens or creates `path`, refuses a foreign or newer-versioned file, and migrates forward.
    static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, int reader_count = 4);
    ~SqliteStore() override;

    Status Write(const std::function<Status(Transaction&)>& work) override;
    Status Read(const std::function<Status(Transaction&)>& work) override;
    Status Check() override;

    //! Copies the live database into `target` consistently (online backup API).
    Status Backup(const std::string& target);

private:
    SqliteStore() = default;
    Status Migrate();

    std::string path_;
    std::mutex write_mutex_;
    std::unique_ptr<Connection> writer_;
    std::mutex readers_mutex_;
    std::condition_variable readers_available_;
    std::vector<std::unique_ptr<Connection>> idle_readers_;
};

}  // namespace meldroute::store::sqlite
