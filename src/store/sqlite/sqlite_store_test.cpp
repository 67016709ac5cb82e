// The SQLite store on real files: migrations from every older version, refusals, backup.
#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/crypto.hpp"
#include "app/keyring.hpp"
#include "store/sealed_columns.hpp"
#include "store/schema_model.hpp"
#include "store/sql/transaction.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/schema.hpp"

namespace meldroute::store::sqlite {
namespace {

class SqliteStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        directory_ = std::filesystem::temp_directory_path() /
                     ("meldroute-store-test-" + std::to_string(::getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(directory_);
        std::filesystem::create_directories(directory_);
    }
    void TearDown() override { std::filesystem::remove_all(directory_); }

    // The keys of this test's databases (the store test borrows the app's keyring: the real cipher).
    std::shared_ptr<app::Keyring> keyring_ = (app::InitCrypto(), app::Keyring::Ephemeral());

    static void Exec(const std::filesystem::path& path, const std::string& sql) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        char* error = nullptr;
        int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
        std::string message = error != nullptr ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(code, SQLITE_OK) << message;
    }

    static std::int64_t Pragma(const std::filesystem::path& path, const std::string& name) {
        return Scalar(path, "PRAGMA " + name);
    }

    //! The first column of the first row `sql` gives, read straight from the file.
    static std::int64_t Scalar(const std::filesystem::path& path, const std::string& sql) {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
        sqlite3_step(statement);
        std::int64_t value = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
        sqlite3_close(db);
        return value;
    }

    //! A database file at `path` as migrations 1 to `version` left it, marked as meldroute's at that version.
    static void CreateAtVersion(const std::filesystem::path& path, std::size_t version) {
        std::string sql;
        for (std::size_t index = 0; index < version; ++index) sql += Migrations()[index].sql;
        sql += "PRAGMA application_id = " + std::to_string(kApplicationId) + ";";
        sql += "PRAGMA user_version = " + std::to_string(version) + ";";
        Exec(path, sql);
    }

    //! A store at DIR/store.db holding one user, "kopie"; null when it cannot be opened or written.
    std::unique_ptr<SqliteStore> OpenWithOneUser() {
        auto store = SqliteStore::Open((directory_ / "store.db").string(), keyring_);
        if (!store) return nullptr;
        Status written = (*store)->Write([](Transaction& transaction) -> Status {
            transaction.InsertUser({"kopie", "hash", {domain::Role::kAuditor}, true, "2024-01-01T00:00:00Z"});
            return Ok();
        });
        return written ? std::move(*store) : nullptr;
    }

    std::filesystem::path directory_;
};

TEST_F(SqliteStoreTest, MigratesForwardFromEveryOlderVersion) {
    const auto& migrations = Migrations();
    for (std::size_t version = 0; version <= migrations.size(); ++version) {
        auto path = directory_ / ("v" + std::to_string(version) + ".db");
        if (version > 0) {
            ASSERT_NO_FATAL_FAILURE(CreateAtVersion(path, version));
            Exec(path, "INSERT INTO users (username, password_hash, roles, created_at) "
                       "VALUES ('oud', 'x', 'melder', '2024-01-01T00:00:00Z');");
        }
        auto store = SqliteStore::Open(path.string(), keyring_);
        ASSERT_TRUE(store.has_value()) << "from version " << version << ": " << store.error().detail;
        EXPECT_EQ(Pragma(path, "user_version"), static_cast<std::int64_t>(migrations.size()));
        EXPECT_EQ(Pragma(path, "application_id"), kApplicationId);
        Status read = (*store)->Read([&](Transaction& transaction) -> Status {
            EXPECT_EQ(transaction.ListCodes("partner").size(), 10u);
            if (version > 0) {
                EXPECT_TRUE(transaction.FindUser("oud").has_value()) << "data kept across migration";
            }
            EXPECT_FALSE(transaction.AccountLockedUntil("oud").has_value());
            return Ok();
        });
        EXPECT_TRUE(read.has_value());
    }
}

// Migration 16 gives every match key its signal's sequence, so a store's existing keys still find the related
// signals of a case, newest first.
TEST_F(SqliteStoreTest, MigrationKeepsTheSequenceOfEveryMatchKey) {
    auto path = directory_ / "v15.db";
    ASSERT_NO_FATAL_FAILURE(CreateAtVersion(path, 15));
    std::string rows = "INSERT INTO cases (id, status, created_at, updated_at) VALUES "
                       "('c1', 'vastgelegd', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');";
    for (int number = 1; number <= 3; ++number) {
        const std::string id = "'s" + std::to_string(number) + "'";
        rows += "INSERT INTO signals (sequence, id, channel, narrative, indicator_codes, catalog_version, created_at, "
                "case_id) VALUES (" + std::to_string(number * 10) + ", " + id + ", 'anoniem', '" +
                SealCell(*keyring_, "signals", "s" + std::to_string(number), "narrative", "Tekst.") + "', '', '2024.1', "
                "'2024-01-0" + std::to_string(number) + "T00:00:00Z', " + (number == 1 ? "'c1'" : "NULL") + ");"
                "INSERT INTO signal_keys (key_hash, signal_id, kind) VALUES ('k', " + id + ", 'adres');";
    }
    Exec(path, rows);
    auto store = SqliteStore::Open(path.string(), keyring_);
    ASSERT_TRUE(store.has_value()) << store.error().detail;
    EXPECT_EQ(Scalar(path, "SELECT sum(signal_sequence) FROM signal_keys"), 60);
    Status read = (*store)->Read([&](Transaction& transaction) -> Status {
        auto record = transaction.LoadCase("c1");
        EXPECT_TRUE(record.has_value());
        auto related = record ? record->related_signals : std::vector<domain::RelatedSignal>{};
        EXPECT_EQ(related.size(), 2u);
        if (!related.empty()) {
            EXPECT_EQ(related[0].signal_id, "s3");
        }
        return Ok();
    });
    EXPECT_TRUE(read.has_value()) << read.error().detail;
}

// Migration 20 computes case_figures afresh and makes one row per case the database's rule: a row that a fault
// had left wrong or doubled in a version 19 store is gone after opening, and a second row is refused from then on.
TEST_F(SqliteStoreTest, MigrationTwentyRecomputesTheFiguresAndKeepsOneRowPerCase) {
    auto path = directory_ / "v19.db";
    ASSERT_NO_FATAL_FAILURE(CreateAtVersion(path, 19));
    Exec(path, "INSERT INTO cases (id, status, created_at, updated_at) VALUES "
               "('c1', 'vastgelegd', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
               "UPDATE case_figures SET status = 'verkeerd';"
               "INSERT INTO case_figures SELECT '2023-12-31T00:00:00Z', case_id, case_sequence, status, urgency, forms, "
               "weighed_at, outcome, closed_at, first_signal_at, has_reachable_reporter, first_weighed_at, "
               "first_reporter_feedback_at, latest_reporter_feedback_at, referrals, closures, reopenings "
               "FROM case_figures;");
    ASSERT_EQ(Scalar(path, "SELECT count(*) FROM case_figures WHERE case_id = 'c1'"), 2);
    {
        auto store = SqliteStore::Open(path.string(), keyring_);
        ASSERT_TRUE(store.has_value()) << store.error().detail;
    }
    EXPECT_EQ(Pragma(path, "user_version"), store::kSchemaVersion);
    EXPECT_EQ(Scalar(path, "SELECT count(*) FROM case_figures WHERE case_id = 'c1' AND status = 'vastgelegd' AND "
                           "created_at = '2024-01-01T00:00:00Z'"),
              1);
    EXPECT_EQ(Scalar(path, "SELECT count(*) FROM case_figures"), 1);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db,
                           "INSERT INTO case_figures (created_at, case_id, case_sequence, status, forms, "
                           "has_reachable_reporter) VALUES ('2025-01-01T00:00:00Z', 'c1', 1, 'vastgelegd', '', 0)",
                           nullptr, nullptr, nullptr),
              SQLITE_CONSTRAINT);
    sqlite3_close(db);
}

// Migration 21 makes the inbox's page of summaries a read of signals_inbox alone, and keeps what each list holds.
TEST_F(SqliteStoreTest, MigrationTwentyOneReadsTheInboxFromItsIndexAlone) {
    auto path = directory_ / "v20.db";
    ASSERT_NO_FATAL_FAILURE(CreateAtVersion(path, 20));
    std::string rows = "INSERT INTO cases (id, status, created_at, updated_at) VALUES "
                       "('c1', 'vastgelegd', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');";
    for (int number = 1; number <= 4; ++number) {
        const std::string id = "s" + std::to_string(number);
        rows += "INSERT INTO signals (id, channel, narrative, indicator_codes, catalog_version, created_at, case_id, "
                "destroyed_at) VALUES ('" + id + "', 'telefoon', '" +
                SealCell(*keyring_, "signals", id, "narrative", "Tekst.") + "', 'ALG-01', '2024.1', "
                "'2024-01-0" + std::to_string(number) + "T00:00:00Z', " + (number == 1 ? "'c1'" : "NULL") + ", " +
                (number == 3 ? "'2025-01-01T00:00:00Z'" : "NULL") + ");";
    }
    Exec(path, rows);
    auto store = SqliteStore::Open(path.string(), keyring_);
    ASSERT_TRUE(store.has_value()) << store.error().detail;
    EXPECT_EQ(Pragma(path, "user_version"), store::kSchemaVersion);
    SignalFilter inbox;
    inbox.status = "gemeld";
    inbox.limit = 10;
    inbox.columns = SignalColumns::kPlain;
    ASSERT_TRUE((*store)->Read([&](Transaction& transaction) -> Status {
        std::vector<std::string> ids;
        for (const auto& signal : transaction.ListSignals(inbox).signals) ids.push_back(signal.id);
        EXPECT_EQ(ids, (std::vector<std::string>{"s4", "s2"})) << "newest first; not the one in a case nor the "
                                                                  "destroyed one";
        auto record = transaction.LoadCase("c1");
        EXPECT_EQ(record ? record->file.signals.size() : 0u, 1u) << "the case's signal";
        return Ok();
    }).has_value());
    // The page, and the page after it, as the store asks for them: from the index, no table row visited.
    for (std::optional<std::int64_t> before : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{4}}) {
        inbox.before = before;
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        sqlite3_stmt* plan = nullptr;
        const std::string sql = "EXPLAIN QUERY PLAN " + sql::SignalListSql(inbox, Connection::kInboxIndexHint);
        ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &plan, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
        std::string steps;
        while (sqlite3_step(plan) == SQLITE_ROW) steps += reinterpret_cast<const char*>(sqlite3_column_text(plan, 3));
        sqlite3_finalize(plan);
        sqlite3_close(db);
        EXPECT_NE(steps.find("COVERING INDEX signals_inbox"), std::string::npos) << steps;
    }
}

// Migration 9 seals what version 8 stored in plaintext (and re-seals the TOTP secret for its cell), builds the
// blind index, drops the FTS5 index, and leaves no plaintext in the file.
TEST_F(SqliteStoreTest, MigrationSealsPlaintextOfAnOlderDatabase) {
    const auto path = directory_ / "v8.db";
    ASSERT_NO_FATAL_FAILURE(CreateAtVersion(path, 8));
    const std::string key = app::RandomKey();
    const std::string totp = app::Seal("k1", key, "totp/oud", "TOTPGEHEIMPJE");
    Exec(path,
         "INSERT INTO users (username, password_hash, roles, created_at) VALUES ('oud', 'x', 'melder', "
         "'2024-01-01T00:00:00Z');"
         "INSERT INTO signals (id, reporter, channel, narrative, indicator_codes, catalog_version, has_location, "
         "street, house_number, postcode, city, created_at) VALUES ('s1', 'oud', 'email', "
         "'Vrouwen werken in de Plaintextkelder van Bakkerij Oudgeheim.', 'ARB-01', '2024.1', 1, "
         "'Oudgeheimstraat', '3', '1234 AB', 'Oudstad', '2024-01-01T00:00:00Z');"
         "INSERT INTO persons (signal_id, position, role, name, birth_year, phone) VALUES "
         "('s1', 0, 'slachtoffer', 'Oudgeheim Persoonsnaam', 1970, '0612398765');"
         "INSERT INTO user_mfa (username, secret_sealed) VALUES ('oud', '" + totp + "');");
    auto keyring = app::Keyring::FromKeys({{"k1", key}}, "k1", app::RandomKey());
    {
        auto store = SqliteStore::Open(path.string(), keyring);
        ASSERT_TRUE(store.has_value()) << store.error().detail;
        ASSERT_TRUE((*store)->Read([&](Transaction& transaction) -> Status {
            auto signal = transaction.FindSignal("s1");
            EXPECT_TRUE(signal.has_value());
            if (!signal) return Ok();
            EXPECT_EQ(signal->narrative, "Vrouwen werken in de Plaintextkelder van Bakkerij Oudgeheim.");
            EXPECT_EQ(signal->location->street, "Oudgeheimstraat");
            EXPECT_EQ(signal->persons.at(0).name, "Oudgeheim Persoonsnaam");
            EXPECT_EQ(signal->persons.at(0).birth_year, 1970);
            EXPECT_EQ(transaction.FindMfa("oud")->secret, "TOTPGEHEIMPJE");
            EXPECT_EQ(transaction.SearchSignals("plaintextkelders", {}, 10, 10).size(), 1u);
            EXPECT_EQ(transaction.SearchSignals("plaintext", {}, 10, 10).size(), 0u) << "no prefix match";
            return Ok();
        }));
    }
    std::ifstream file{path, std::ios::binary};
    std::string raw{std::istreambuf_iterator<char>(file), {}};
    for (const char* plaintext : {"Plaintextkelder", "plaintextkelder", "Oudgeheim", "oudgeheim", "0612398765",
                                  "TOTPGEHEIMPJE", "signals_fts"}) {
        EXPECT_EQ(raw.find(plaintext), std::string::npos) << plaintext;
    }
    EXPECT_FALSE(std::filesystem::exists(directory_ / "v5.db-wal") &&
                 std::filesystem::file_size(directory_ / "v5.db-wal") > 0);
    // The right field key with another search key is refused too (searches would silently find nothing).
    auto other_search = SqliteStore::Open(path.string(), app::Keyring::FromKeys({{"k1", key}}, "k1", app::RandomKey()));
    ASSERT_FALSE(other_search.has_value());
    EXPECT_NE(other_search.error().detail.find("search key"), std::string::npos) << other_search.error().detail;
    // The same file with another key is refused, not served.
    auto other = SqliteStore::Open(path.string(), app::Keyring::Ephemeral());
    ASSERT_FALSE(other.has_value());
    EXPECT_NE(other.error().detail.find("not the key this database was sealed with"), std::string::npos);
}

// Rotation: values re-sealed under the new key still read back; search still finds them.
TEST_F(SqliteStoreTest, ResealMovesEveryValueToTheCurrentKey) {
    const auto path = directory_ / "store.db";
    auto store = SqliteStore::Open(path.string(), keyring_);
    ASSERT_TRUE(store.has_value());
    domain::Signal signal;
    signal.id = "s1";
    signal.channel = "email";
    signal.narrative = "Mannen slapen in de Rotatieloods.";
    signal.catalog_version = "2024.1";
    signal.created_at = "2024-01-01T00:00:00Z";
    signal.persons.push_back({"slachtoffer", "Roos Rotatie", 1980, "", "0611111111"});
    ASSERT_TRUE((*store)->Write([&](Transaction& transaction) -> Status {
        transaction.InsertSignal(signal);
        return Ok();
    }));
    ASSERT_EQ(*keyring_->AddKey(), "k2");
    auto report = (*store)->Reseal(1);
    ASSERT_TRUE(report.has_value()) << report.error().detail;
    EXPECT_EQ(report->values, 4) << "narrative, name, birth year, phone";
    EXPECT_EQ(report->batches, 4);
    EXPECT_EQ((*store)->Reseal(100)->values, 0);
    ASSERT_TRUE((*store)->Read([&](Transaction& transaction) -> Status {
        EXPECT_EQ(transaction.FindSignal("s1")->persons.at(0).name, "Roos Rotatie");
        EXPECT_EQ(transaction.SearchSignals("rotatieloods", {}, 10, 10).size(), 1u);
        return Ok();
    }));
    // Without k2 the database is refused.
    auto only_k1 = SqliteStore::Open(path.string(), app::Keyring::Ephemeral());
    EXPECT_FALSE(only_k1.has_value());
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromANewerVersion) {
    auto path = directory_ / "newer.db";
    {
        auto store = SqliteStore::Open(path.string(), keyring_);
        ASSERT_TRUE(store.has_value());
    }
    Exec(path, "PRAGMA user_version = 999;");
    auto store = SqliteStore::Open(path.string(), keyring_);
    ASSERT_FALSE(store.has_value());
    EXPECT_NE(store.error().detail.find("newer"), std::string::npos);
    EXPECT_EQ(Pragma(path, "user_version"), 999);
}

TEST_F(SqliteStoreTest, AFailedWriteLeavesNothingBehind) {
    auto store = SqliteStore::Open((directory_ / "store.db").string(), keyring_);
    ASSERT_TRUE(store.has_value());
    Status failed = (*store)->Write([](Transaction& transaction) -> Status {
        transaction.InsertUser({"half", "x", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z"});
        return MakeError(ErrorCode::kInvalidArgument, "refused after the insert");
    });
    EXPECT_FALSE(failed.has_value());
    Status engine_failure = (*store)->Write([](Transaction& transaction) -> Status {
        transaction.InsertUser({"twice", "x", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z"});
        transaction.InsertUser({"twice", "x", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z"});
        return Ok();
    });
    ASSERT_FALSE(engine_failure.has_value());
    EXPECT_EQ(engine_failure.error().code, ErrorCode::kUnavailable);
    Status read = (*store)->Read([](Transaction& transaction) -> Status {
        EXPECT_FALSE(transaction.FindUser("half").has_value());
        EXPECT_FALSE(transaction.FindUser("twice").has_value());
        return Ok();
    });
    EXPECT_TRUE(read.has_value());
}

// Concurrent writers share commits (group commit); a job that fails is undone alone, the others all land.
TEST_F(SqliteStoreTest, ConcurrentWritesCommitTogetherAndFailuresStayIsolated) {
    auto store = SqliteStore::Open((directory_ / "store.db").string(), keyring_);
    ASSERT_TRUE(store.has_value());
    constexpr int kThreads = 8;
    constexpr int kWritesPerThread = 40;
    std::atomic<int> acknowledged{0};
    std::vector<std::thread> threads;
    for (int thread = 0; thread < kThreads; ++thread) {
        threads.emplace_back([&, thread] {
            for (int write = 0; write < kWritesPerThread; ++write) {
                std::string name = "u" + std::to_string(thread) + "-" + std::to_string(write);
                bool fail = write % 3 == 0;
                Status status = (*store)->Write([&](Transaction& transaction) -> Status {
                    transaction.InsertUser({name, "x", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z"});
                    if (fail) return MakeError(ErrorCode::kInvalidArgument, "refused");
                    return Ok();
                });
                if (status.has_value()) ++acknowledged;
                EXPECT_EQ(status.has_value(), !fail) << name;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    Status read = (*store)->Read([&](Transaction& transaction) -> Status {
        EXPECT_EQ(static_cast<int>(transaction.ListUsers().size()), acknowledged.load());
        for (int thread = 0; thread < kThreads; ++thread) {
            EXPECT_FALSE(transaction.FindUser("u" + std::to_string(thread) + "-0").has_value());
            EXPECT_TRUE(transaction.FindUser("u" + std::to_string(thread) + "-1").has_value());
        }
        return Ok();
    });
    EXPECT_TRUE(read.has_value());
    EXPECT_EQ(acknowledged.load(), kThreads * (kWritesPerThread - (kWritesPerThread + 2) / 3));
}

TEST_F(SqliteStoreTest, BackupRoundTripsToIdenticalContent) {
    auto store = OpenWithOneUser();
    ASSERT_TRUE(store);
    auto backup_path = directory_ / "backup.db";
    ASSERT_TRUE(store->Backup(backup_path.string()).has_value());
    auto restored = SqliteStore::Open(backup_path.string(), keyring_);
    ASSERT_TRUE(restored.has_value());
    Status read = (*restored)->Read([](Transaction& transaction) -> Status {
        auto user = transaction.FindUser("kopie");
        EXPECT_TRUE(user.has_value());
        if (user) {
            EXPECT_EQ(user->password_hash, "hash");
            EXPECT_EQ(user->roles, std::vector<domain::Role>{domain::Role::kAuditor});
        }
        return Ok();
    });
    EXPECT_TRUE(read.has_value());
}

TEST_F(SqliteStoreTest, FileBackupIsASingleCheckedFileWhileTheStoreIsOpen) {
    auto path = directory_ / "store.db";
    auto store = OpenWithOneUser();
    ASSERT_TRUE(store);
    auto backup_path = directory_ / "backup.db";
    Status backed_up = BackupDatabaseFile(path.string(), backup_path.string());
    ASSERT_TRUE(backed_up.has_value()) << backed_up.error().detail;
    EXPECT_FALSE(std::filesystem::exists(directory_ / "backup.db-wal"));
    EXPECT_EQ(Pragma(backup_path, "user_version"), static_cast<std::int64_t>(Migrations().size()));
    EXPECT_TRUE(CheckDatabaseFile(backup_path.string()).has_value());
    // The store counted its work, and Flush leaves an empty WAL behind.
    EXPECT_GE(store->metrics().write_batches.load(), 1u);
    EXPECT_EQ(store->metrics().write_queue_depth.load(), 0);
    ASSERT_TRUE(store->Flush().has_value());
    EXPECT_EQ(std::filesystem::file_size(directory_ / "store.db-wal"), 0u);

    auto foreign = directory_ / "foreign.db";
    Exec(foreign, "CREATE TABLE notes (text TEXT);");
    EXPECT_FALSE(CheckDatabaseFile(foreign.string()).has_value());
    EXPECT_FALSE(BackupDatabaseFile(foreign.string(), (directory_ / "foreign-copy.db").string()).has_value());
}

TEST_F(SqliteStoreTest, CatalogVersionsRoundTripAndStayImmutable) {
    const auto path = directory_ / "store.db";
    auto store = SqliteStore::Open(path.string(), keyring_);
    ASSERT_TRUE(store);
    domain::Catalog next = domain::BuiltinCatalog();
    next.version = "2026.1";
    next.published_at = "2026-11-28T10:00:00Z";
    next.published_by = "beheer";
    next.groups[3].indicators.push_back({"ARB-18", "arbeid", "betaalt voor vervoer naar het werk", "", false});
    next.groups[0].indicators[0].retired = true;
    ASSERT_TRUE((*store)->Write([&](Transaction& transaction) -> Status {
        EXPECT_EQ(transaction.LatestCatalogVersion(), std::nullopt);
        transaction.InsertCatalog(next);
        return Ok();
    }));
    ASSERT_TRUE((*store)->Read([&](Transaction& transaction) -> Status {
        EXPECT_EQ(transaction.LatestCatalogVersion(), "2026.1");
        auto loaded = transaction.LoadCatalog("2026.1");
        EXPECT_TRUE(loaded.has_value());
        if (!loaded) return Ok();
        EXPECT_EQ(loaded->published_by, "beheer");
        EXPECT_EQ(loaded->All().size(), next.All().size());
        EXPECT_EQ(loaded->Find("ARB-18")->text, "betaalt voor vervoer naar het werk");
        EXPECT_TRUE(loaded->Find("ALG-01")->retired);
        EXPECT_EQ(loaded->groups[0].title, next.groups[0].title);
        EXPECT_EQ(transaction.LoadCatalog("1999.1"), std::nullopt);
        EXPECT_EQ(transaction.ListCatalogVersions().size(), 1u);
        return Ok();
    }));
    // A published version cannot be edited afterwards, not even with SQL.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "UPDATE catalog_indicators SET text = 'x'", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

// Shared state of several instances (migration 14): rate-limit events count until their own expiry and expired
// ones go as new ones arrive, so the table stays bounded.
TEST_F(SqliteStoreTest, RateEventsCountUntilTheyExpireAndArePrunedAsNewOnesArrive) {
    const auto path = directory_ / "store.db";
    auto store = SqliteStore::Open(path.string(), keyring_);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->Write([](Transaction& transaction) -> Status {
        for (int event = 0; event < 3; ++event) {
            transaction.RecordRateEvent("sign-in-failure", "hash-a", "2026-01-01T10:00:00Z", "2026-01-01T10:15:00Z");
        }
        transaction.RecordRateEvent("sign-in-failure", "hash-b", "2026-01-01T10:00:00Z", "2026-01-01T10:15:00Z");
        transaction.RecordRateEvent("anonymous-api", "hash-a", "2026-01-01T10:00:00Z", "2026-01-01T10:30:00Z");
        return Ok();
    }));
    ASSERT_TRUE((*store)->Read([](Transaction& transaction) -> Status {
        EXPECT_EQ(transaction.CountRateEvents("sign-in-failure", "hash-a", "2026-01-01T10:14:59Z"), 3);
        EXPECT_EQ(transaction.CountRateEvents("sign-in-failure", "hash-b", "2026-01-01T10:14:59Z"), 1);
        EXPECT_EQ(transaction.CountRateEvents("anonymous-api", "hash-a", "2026-01-01T10:14:59Z"), 1);
        EXPECT_EQ(transaction.CountRateEvents("anonymous-api", "hash-b", "2026-01-01T10:14:59Z"), 0);
        EXPECT_EQ(transaction.CountRateEvents("sign-in-failure", "hash-a", "2026-01-01T10:15:00Z"), 0);
        EXPECT_EQ(transaction.CountRateEvents("anonymous-api", "hash-a", "2026-01-01T10:15:00Z"), 1);
        return Ok();
    }));
    ASSERT_TRUE((*store)->Write([](Transaction& transaction) -> Status {
        transaction.RecordRateEvent("sign-in-failure", "hash-c", "2026-01-01T10:20:00Z", "2026-01-01T10:35:00Z");
        return Ok();
    }));
    store->reset();
    EXPECT_EQ(Scalar(path, "SELECT count(*) FROM rate_events"), 2) << "the expired events are gone, the others kept";
}

// A ticket is sealed at rest, found only by its kind and key, given back once, and not after it expired.
TEST_F(SqliteStoreTest, TicketsAreSealedAndTakenOnceBeforeTheyExpire) {
    const auto path = directory_ / "store.db";
    auto store = SqliteStore::Open(path.string(), keyring_);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->Write([](Transaction& transaction) -> Status {
        transaction.InsertTicket({"oidc-login", "key-1", "verifier-Zeldzaam-Geheim", "2026-01-01T10:10:00Z"},
                                 "2026-01-01T10:00:00Z");
        transaction.InsertTicket({"oidc-login", "key-2", "tweede", "2026-01-01T10:10:00Z"}, "2026-01-01T10:00:00Z");
        transaction.InsertTicket({"oidc-login", "key-3", "derde", "2026-01-01T10:01:00Z"}, "2026-01-01T10:00:00Z");
        return Ok();
    }));
    ASSERT_TRUE((*store)->Write([](Transaction& transaction) -> Status {
        EXPECT_EQ(transaction.TakeTicket("other-kind", "key-1", "2026-01-01T10:05:00Z"), std::nullopt);
        auto taken = transaction.TakeTicket("oidc-login", "key-1", "2026-01-01T10:05:00Z");
        EXPECT_TRUE(taken.has_value());
        EXPECT_EQ(taken.value_or(TicketRecord{}).payload, "verifier-Zeldzaam-Geheim");
        EXPECT_EQ(transaction.TakeTicket("oidc-login", "key-1", "2026-01-01T10:05:00Z"), std::nullopt) << "used once";
        EXPECT_EQ(transaction.TakeTicket("oidc-login", "key-2", "2026-01-01T10:10:00Z"), std::nullopt) << "expired";
        EXPECT_EQ(transaction.TakeTicket("oidc-login", "key-2", "2026-01-01T10:05:00Z"), std::nullopt)
            << "an expired ticket is removed when asked for";
        return Ok();
    }));
    // A new ticket removes the expired ones nobody came back for.
    ASSERT_TRUE((*store)->Write([](Transaction& transaction) -> Status {
        transaction.InsertTicket({"oidc-login", "key-4", "vierde", "2026-01-01T10:20:00Z"}, "2026-01-01T10:10:00Z");
        return Ok();
    }));
    store->reset();
    EXPECT_EQ(Scalar(path, "SELECT count(*) FROM tickets"), 1);
    EXPECT_EQ(Scalar(path, "SELECT count(*) FROM tickets WHERE key_hash = 'key-4' AND payload LIKE 'k1.%'"), 1)
        << "only the live ticket is left, sealed";
    std::ifstream file{path, std::ios::binary};
    const std::string bytes{std::istreambuf_iterator<char>{file}, {}};
    EXPECT_EQ(bytes.find("Zeldzaam-Geheim"), std::string::npos);
}

// A lease is taken only when free, by one taker, and is still held after the store is opened again.
TEST_F(SqliteStoreTest, ALeaseIsTakenOnlyWhenFreeAndOutlivesTheProcess) {
    const auto path = directory_ / "store.db";
    auto take = [](Store& store, const char* holder, const char* now, const char* until) {
        bool taken = false;
        EXPECT_TRUE(store.Write([&](Transaction& transaction) -> Status {
            taken = transaction.AcquireLease("retention", holder, now, until);
            return Ok();
        }));
        return taken;
    };
    {
        auto store = SqliteStore::Open(path.string(), keyring_);
        ASSERT_TRUE(store);
        EXPECT_TRUE(take(**store, "a", "2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z"));
        EXPECT_FALSE(take(**store, "b", "2026-01-01T11:00:00Z", "2026-01-02T11:00:00Z"));
        EXPECT_FALSE(take(**store, "a", "2026-01-01T11:00:00Z", "2026-01-02T11:00:00Z")) << "not even by its holder";
        EXPECT_FALSE(take(**store, "b", "2026-01-01T10:00:00Z", "2026-01-01T10:05:00Z")) << "nor by a shorter one";
        bool other_name = false;
        ASSERT_TRUE((*store)->Write([&](Transaction& transaction) -> Status {
            other_name = transaction.AcquireLease("other-job", "b", "2026-01-01T11:00:00Z", "2026-01-01T12:00:00Z");
            return Ok();
        }));
        EXPECT_TRUE(other_name) << "leases are per name";
    }
    auto reopened = SqliteStore::Open(path.string(), keyring_);
    ASSERT_TRUE(reopened);
    EXPECT_FALSE(take(**reopened, "c", "2026-01-02T09:59:59Z", "2026-01-03T09:59:59Z")) << "held across a restart";
    EXPECT_TRUE(take(**reopened, "c", "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z")) << "free when its time ran out";
}

// Two stores on one file (two instances) racing for one lease: exactly one takes it.
TEST_F(SqliteStoreTest, OfManyInstancesRacingForALeaseExactlyOneTakesIt) {
    const auto path = directory_ / "store.db";
    auto first = SqliteStore::Open(path.string(), keyring_);
    ASSERT_TRUE(first);
    auto second = SqliteStore::Open(path.string(), keyring_);
    ASSERT_TRUE(second);
    std::atomic<int> taken{0};
    std::vector<std::thread> racers;
    for (int racer = 0; racer < 8; ++racer) {
        Store& store = racer % 2 == 0 ? **first : **second;
        racers.emplace_back([&store, &taken, racer] {
            const std::string holder = "instance-" + std::to_string(racer);
            EXPECT_TRUE(store.Write([&](Transaction& transaction) -> Status {
                if (transaction.AcquireLease("retention", holder, "2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z")) {
                    ++taken;
                }
                return Ok();
            }));
        });
    }
    for (std::thread& racer : racers) racer.join();
    EXPECT_EQ(taken.load(), 1);
}

}  // namespace
}  // namespace meldroute::store::sqlite
