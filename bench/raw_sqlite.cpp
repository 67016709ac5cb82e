// The ceilings the server's durable intake is compared with: the same machine's raw SQLite rate for rows shaped
// like a signal (WAL, synchronous=FULL), at one fsync'd transaction per row or, with ROWS_PER_TRANSACTION, in
// batches of that many rows per transaction (what group commit can approach at best).
// Usage: bench_raw_sqlite DIRECTORY SECONDS [ROWS_PER_TRANSACTION]
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    std::string directory = argc > 1 ? argv[1] : "/tmp/meldroute-raw-sqlite";
    double seconds = argc > 2 ? std::stod(argv[2]) : 5.0;
    long rows_per_transaction = argc > 3 ? std::stol(argv[3]) : 1;
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    sqlite3* db = nullptr;
    if (sqlite3_open((directory + "/raw.db").c_str(), &db) != SQLITE_OK) return 1;
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE signals (sequence INTEGER PRIMARY KEY, id TEXT UNIQUE, reporter TEXT, channel TEXT,"
                 " narrative TEXT, indicator_codes TEXT, created_at TEXT);"
                 "CREATE TABLE audit (sequence INTEGER PRIMARY KEY, at TEXT, actor TEXT, action TEXT, object TEXT,"
                 " hash TEXT);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO signals (id, reporter, channel, narrative, indicator_codes, created_at)"
                       " VALUES (?, 'melder', 'formulier', ?, 'ARB-13,ARB-02', '2024-04-15T09:30:00Z')",
                       -1, &insert, nullptr);
    const std::string narrative =
        "Bij een controle troffen wij twaalf arbeiders aan die in het bedrijfspand slapen en veertien uur per dag "
        "werken; de werkgever houdt hun paspoorten in.";
    long rows = 0;
    auto start = std::chrono::steady_clock::now();
    auto deadline = start + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (long in_transaction = 0; in_transaction < rows_per_transaction; ++in_transaction) {
            std::string id = "raw-" + std::to_string(rows);
            sqlite3_bind_text(insert, 1, id.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(insert, 2, narrative.c_str(), -1, SQLITE_STATIC);
            sqlite3_step(insert);
            sqlite3_reset(insert);
            ++rows;
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%.1f\n", rows / elapsed);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    std::filesystem::remove_all(directory);
    return 0;
}
