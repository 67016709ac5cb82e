#include "store/postgres/test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace meldroute::store::postgres {

namespace {

struct ConnectionDeleter {
    void operator()(PGconn* connection) const { PQfinish(connection); }
};

std::unique_ptr<PGconn, ConnectionDeleter> Connect(const std::string& url) {
    std::unique_ptr<PGconn, ConnectionDeleter> connection{PQconnectdb(url.c_str())};
    if (PQstatus(connection.get()) != CONNECTION_OK) {
        throw std::runtime_error("MELDROUTE_TEST_PG is set but PostgreSQL cannot be reached: " +
                                 std::string{PQerrorMessage(connection.get())});
    }
    return connection;
}

std::optional<std::string> Run(const std::string& url, const std::string& sql) {
    auto connection = Connect(url);
    PGresult* result = PQexec(connection.get(), sql.c_str());
    const auto status = PQresultStatus(result);
    std::optional<std::string> value;
    if (status == PGRES_TUPLES_OK && PQntuples(result) > 0 && !PQgetisnull(result, 0, 0)) {
        value = PQgetvalue(result, 0, 0);
    }
    std::string error = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw std::runtime_error(sql + ": " + error);
    return value;
}

}  // namespace

std::string WithDatabase(const std::string& url, const std::string& database) {
    const std::size_t scheme = url.find("://");
    const std::size_t path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    const std::size_t query = url.find('?', path == std::string::npos ? 0 : path);
    const std::string base = path == std::string::npos ? url.substr(0, query) : url.substr(0, path);
    return base + "/" + database + (query == std::string::npos ? "" : url.substr(query));
}

bool TestDatabase::Requested() {
    const char* url = std::getenv("MELDROUTE_TEST_PG");
    return url != nullptr && *url != '\0';
}

TestDatabase::TestDatabase() {
    static std::atomic<int> counter{0};
    admin_url_ = std::getenv("MELDROUTE_TEST_PG");
    name_ = "meldroute_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    Run(admin_url_, "DROP DATABASE IF EXISTS " + name_);
    Run(admin_url_, "CREATE DATABASE " + name_ + " TEMPLATE template0 ENCODING 'UTF8'");
    url_ = WithDatabase(admin_url_, name_);
}

TestDatabase::~TestDatabase() {
    try {
        Run(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::runtime_error&) {
        // The server went away; its throwaway cluster goes with it.
    }
}

std::optional<std::string> TestDatabase::Query(const std::string& sql) const { return Run(url_, sql); }

}  // namespace meldroute::store::postgres
