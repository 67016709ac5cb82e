// The PostgreSQL store: the same transactions as the SQLite store (store/sql/), on a PostgreSQL 15 database, so
// several meldroute instances can share one store. Writes are grouped per process like SQLite's and serialised
// across processes by a transaction-level advisory lock, so the audit chain stays one chain.
#pragma once

#include <memory>
#include <string>

#include "store/field_cipher.hpp"
#include "store/postgres/timeouts.hpp"
#include "store/sql/engine_fwd.hpp"
#include "store/store.hpp"

namespace meldroute::store::postgres {

class Connection;

//! The advisory lock key every write transaction takes ("MRTE" like SQLite's application id).
inline constexpr long long kWriteLockKey = 0x4D525445;

//! Whether the database holds no tables of any kind (the only database meldroute creates its schema in).
bool HoldsNoTables(Connection& connection);
//! Creates the schema of the current version, its seeds and the marker, in the caller's transaction.
void CreateSchema(Connection& connection);

class PgStore final : public Store {
public:
    //! Connects to `url` (a libpq URL), refuses a database holding tables of something else or a newer schema,
    //! creates the schema in an empty database, and checks the keys like the SQLite store. Messages never repeat
    //! the URL (it may hold a password).
    static Result<std::unique_ptr<PgStore>> Open(const std::string& url, std::shared_ptr<const FieldCipher> cipher,
                                                 int reader_count = 4, SessionTimeouts timeouts = {});
    ~PgStore() override;

    Status Write(const std::function<Status(Transaction&)>& work) override;
    Status Read(const std::function<Status(Transaction&)>& work) override;
    void WriteDeferred(std::function<Status(Transaction&)> work, std::function<void(Status)> done) override;
    IndexTerms IndexTermsOf(std::string_view narrative) const override;
    Status Check() override;

    //! Every commit is durable already: waits until no write is queued or running.
    Status Flush() override;

    const StoreMetrics& metrics() const override;

private:
    PgStore() = default;
    Status CreateOrCheckSchema();

    std::unique_ptr<sql::Engine<Connection>> engine_;
};

//! Whether `text` names a PostgreSQL store (postgresql:// or postgres://).
bool IsPostgresUrl(std::string_view text);

}  // namespace meldroute::store::postgres
