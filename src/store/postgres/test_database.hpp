// For tests: a fresh PostgreSQL database per test on the server that MELDROUTE_TEST_PG names (a libpq URL to a
// server where the test may create databases; `make test` starts a throwaway one with tools/pg-cluster.sh).
#pragma once

#include <optional>
#include <string>

namespace meldroute::store::postgres {

class TestDatabase {
public:
    //! Whether the tests were asked to use PostgreSQL (MELDROUTE_TEST_PG set).
    static bool Requested();
    //! Creates a new, empty database; throws std::runtime_error when the server cannot be reached, so a test
    //! that asked for PostgreSQL fails instead of skipping.
    TestDatabase();
    //! Drops the database (closing what is still connected to it).
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    //! The libpq URL of the new database.
    const std::string& url() const { return url_; }
    //! Runs SQL on the new database as the server's administrator (to tamper with it, or to read raw rows);
    //! returns the first column of the first row, if any.
    std::optional<std::string> Query(const std::string& sql) const;

private:
    std::string admin_url_;
    std::string name_;
    std::string url_;
};

//! `url` with its database name replaced by `database`.
std::string WithDatabase(const std::string& url, const std::string& database);

}  // namespace meldroute::store::postgres
