// The PostgreSQL store's own behaviour beyond the contract suite (store_contract_test.cpp): the schema generated
// from the model, refusals (foreign database, newer schema, other keys, unreachable server), personal data sealed
// in the database, and one audit chain when two stores (two servers) write to one database at once.
#include "store/postgres/pg_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/audit.hpp"
#include "app/crypto.hpp"
#include "app/keyring.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/test_database.hpp"
#include "store/schema_model.hpp"

namespace meldroute::store::postgres {
namespace {

class PgStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!TestDatabase::Requested()) GTEST_SKIP() << "MELDROUTE_TEST_PG is not set (make test sets it)";
        database_ = std::make_unique<TestDatabase>();
    }

    std::shared_ptr<app::Keyring> keyring_ = (app::InitCrypto(), app::Keyring::Ephemeral());
    std::unique_ptr<TestDatabase> database_;
};

TEST(PgStoreUrl, ReplacesTheDatabaseAndTranslatesPlaceholders) {
    EXPECT_EQ(WithDatabase("postgresql://u@127.0.0.1:5432/postgres", "x"), "postgresql://u@127.0.0.1:5432/x");
    EXPECT_EQ(WithDatabase("postgresql://u@h:1/db?sslmode=disable", "x"), "postgresql://u@h:1/x?sslmode=disable");
    EXPECT_EQ(WithDatabase("postgresql://u@h:1", "x"), "postgresql://u@h:1/x");
    std::string out;
    EXPECT_EQ(TranslatePlaceholders("SELECT ?, '?', ?5, ? FROM t WHERE a = ?1", out), 6);
    EXPECT_EQ(out, "SELECT $1, '?', $5, $6 FROM t WHERE a = $1");
}

TEST_F(PgStoreTest, SchemaMatchesTheModel) {
    auto store = PgStore::Open(database_->url(), keyring_);
    ASSERT_TRUE(store.has_value()) << store.error().detail;
    std::string expected;
    for (const TableSpec& table : SchemaTables()) {
        for (const ColumnSpec& column : table.columns) {
            const bool integer = column.type == LogicalType::kInteger || column.type == LogicalType::kSequence;
            const bool nullable = !column.not_null && std::find(table.primary_key.begin(), table.primary_key.end(),
                                                                column.name) == table.primary_key.end();
            expected += std::string{table.name} + "." + std::string{column.name} + " " + (integer ? "bigint" : "text") +
                        (nullable ? " YES" : " NO") + "\n";
        }
    }
    // Every column of the public tables but the version table, in the model's order.
    auto actual = database_->Query(
        "SELECT string_agg(c.table_name || '.' || c.column_name || ' ' || c.data_type || ' ' || c.is_nullable, "
        "E'\\n' ORDER BY t.position, c.ordinal_position) || E'\\n' FROM information_schema.columns c "
        "JOIN (SELECT name, position FROM unnest(ARRAY[" + [] {
            std::string names;
            for (const TableSpec& table : SchemaTables()) {
                names += (names.empty() ? "'" : ", '") + std::string{table.name} + "'";
            }
            return names;
        }() + "]) WITH ORDINALITY AS n (name, position)) t ON t.name = c.table_name "
        "WHERE c.table_schema = 'public'");
    ASSERT_TRUE(actual.has_value());
    EXPECT_EQ(*actual, expected);
    // The indexes made by CREATE INDEX (not those of a key or UNIQUE constraint), each with whether it is unique.
    std::string expected_indexes;
    std::set<std::string> modelled_indexes;
    for (const TableSpec& table : SchemaTables()) {
        for (const IndexSpec& index : table.indexes)
            modelled_indexes.insert(std::string{index.name} + (index.unique ? " unique" : ""));
    }
    for (const std::string& index : modelled_indexes) expected_indexes += index + "\n";
    EXPECT_EQ(database_->Query("SELECT string_agg(c.relname || CASE WHEN i.indisunique THEN ' unique' ELSE '' END, "
                               "E'\\n' ORDER BY c.relname COLLATE \"C\") || E'\\n' FROM pg_index i "
                               "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                               "WHERE n.nspname = 'public' AND NOT EXISTS "
                               "(SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"),
              expected_indexes);
    EXPECT_EQ(database_->Query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
              std::to_string(SchemaTables().size() + 1));
    EXPECT_EQ(database_->Query("SELECT version FROM meldroute_schema"), std::to_string(kSchemaVersion));
    database_->Query("INSERT INTO audit_events VALUES (1, 'at', 'a', 'b', 'c', 'd', 'e', 'f', 'g')");
    EXPECT_THROW(database_->Query("UPDATE audit_events SET actor = 'x'"), std::runtime_error);
    EXPECT_THROW(database_->Query("DELETE FROM audit_events"), std::runtime_error);
    EXPECT_THROW(database_->Query("TRUNCATE audit_events"), std::runtime_error);
}

TEST_F(PgStoreTest, RefusesAForeignDatabaseAndLeavesItAlone) {
    database_->Query("CREATE TABLE klanten (naam text)");
    auto store = PgStore::Open(database_->url(), keyring_);
    ASSERT_FALSE(store.has_value());
    EXPECT_EQ(store.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_NE(store.error().detail.find("not a meldroute database"), std::string::npos);
    EXPECT_EQ(database_->Query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "1");
}

TEST_F(PgStoreTest, RefusesANewerSchema) {
    { ASSERT_TRUE(PgStore::Open(database_->url(), keyring_).has_value()); }
    database_->Query("UPDATE meldroute_schema SET version = 99");
    auto store = PgStore::Open(database_->url(), keyring_);
    ASSERT_FALSE(store.has_value());
    EXPECT_NE(store.error().detail.find("newer than this program knows"), std::string::npos);
}

// A database of version 15 (signal_keys without its signals' sequence) is migrated forward when opened, keeping
// its keys.
TEST_F(PgStoreTest, MigratesForwardFromTheFirstPostgresVersion) {
    {
        auto store = PgStore::Open(database_->url(), keyring_);
        ASSERT_TRUE(store.has_value()) << store.error().detail;
        Status written = (*store)->Write([](Transaction& transaction) -> Status {
            for (const char* id : {"s1", "s2"}) {
                domain::Signal signal;
                signal.id = id;
                signal.channel = "anoniem";
                signal.narrative = "Tekst.";
                signal.catalog_version = "2024.1";
                signal.created_at = "2024-01-01T00:00:00Z";
                transaction.InsertSignal(signal);
                transaction.InsertSignalKey(id, "adres", "k-adres");
            }
            domain::Case header;
            header.id = "c1";
            header.created_at = header.updated_at = "2024-01-02T00:00:00Z";
            transaction.InsertCase(header);
            transaction.SetSignalCase("s1", "c1");
            return Ok();
        });
        ASSERT_TRUE(written.has_value()) << written.error().detail;
    }
    // Back to version 15: undo migrations 20, 19, 18, 17 and 16 (the first batch folded the two signals' terms, so
    // none is pending; dropping case_figures undoes 20 too).
    EXPECT_EQ(database_->Query("SELECT count(*) FROM signal_terms_pending"), "0");
    database_->Query("DROP TABLE signal_terms_pending");
    database_->Query("DROP TABLE case_figures");
    database_->Query("DROP FUNCTION meldroute_case_figures_changed CASCADE");
    database_->Query("DROP FUNCTION meldroute_refresh_case_figures");
    for (const char* table : {"referrals", "case_closures", "case_reopenings"}) {
        database_->Query(std::string{"DROP INDEX "} + table + "_by_at");
        database_->Query(std::string{"CREATE INDEX "} + table + "_by_at ON " + table + " (at)");
    }
    database_->Query("DROP INDEX signal_keys_newest_first");
    database_->Query("DROP INDEX cases_for_retention");
    database_->Query("DROP INDEX signals_for_retention");
    database_->Query("ALTER TABLE signal_keys DROP COLUMN signal_sequence");
    database_->Query("UPDATE meldroute_schema SET version = 15");
    auto store = PgStore::Open(database_->url(), keyring_);
    ASSERT_TRUE(store.has_value()) << store.error().detail;
    EXPECT_EQ(database_->Query("SELECT version FROM meldroute_schema"), std::to_string(kSchemaVersion));
    EXPECT_EQ(database_->Query("SELECT count(*) FROM signal_keys k JOIN signals s ON s.sequence = k.signal_sequence "
                               "AND s.id = k.signal_id"),
              "2");
    EXPECT_EQ(database_->Query("SELECT count(*) FROM pg_indexes WHERE indexname = 'signal_keys_newest_first'"), "1");
    // Migration 18 keeps the figures of the case there was, and the triggers keep them from then on.
    EXPECT_EQ(database_->Query("SELECT first_signal_at FROM case_figures WHERE case_id = 'c1'"), "2024-01-01T00:00:00Z");
    EXPECT_EQ(database_->Query("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'case_figures_%'"), "24");
    // Migration 18 writes the table out as the model has it: the same columns, types, nullability and collation.
    for (const ColumnSpec& column : ModelTable("case_figures").columns) {
        SCOPED_TRACE(std::string{column.name});
        EXPECT_EQ(database_->Query("SELECT data_type || ' ' || is_nullable || ' ' || COALESCE(collation_name, '-') FROM "
                                   "information_schema.columns WHERE table_name = 'case_figures' AND column_name = '" +
                                   std::string{column.name} + "'"),
                  std::string{column.type == LogicalType::kInteger ? "bigint" : "text"} +
                      (column.not_null ? " NO" : " YES") + (column.type == LogicalType::kInteger ? " -" : " C"));
    }
    EXPECT_EQ(database_->Query("SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM pg_index i CROSS JOIN "
                               "unnest(i.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON "
                               "a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE i.indisprimary AND "
                               "i.indrelid = 'case_figures'::regclass"),
              "created_at,case_id");
    // Migration 20: one row per case is the database's rule.
    EXPECT_EQ(database_->Query("SELECT indexdef FROM pg_indexes WHERE indexname = 'case_figures_by_case'"),
              "CREATE UNIQUE INDEX case_figures_by_case ON public.case_figures USING btree (case_id)");
}

// Migration 20 computes case_figures afresh and makes one row per case the database's rule: a row that a fault had
// left wrong or doubled in a version 19 database is gone after opening, and a second row is refused from then on.
TEST_F(PgStoreTest, MigrationTwentyRecomputesTheFiguresAndKeepsOneRowPerCase) {
    {
        auto store = PgStore::Open(database_->url(), keyring_);
        ASSERT_TRUE(store.has_value()) << store.error().detail;
        Status written = (*store)->Write([](Transaction& transaction) -> Status {
            domain::Case header;
            header.id = "c1";
            header.created_at = header.updated_at = "2024-01-02T00:00:00Z";
            transaction.InsertCase(header);
            return Ok();
        });
        ASSERT_TRUE(written.has_value()) << written.error().detail;
    }
    // Back to version 19, with the index as it was and a wrong and a doubled row.
    database_->Query("DROP INDEX case_figures_by_case");
    database_->Query("CREATE INDEX case_figures_by_case ON case_figures (case_id)");
    database_->Query("UPDATE case_figures SET status = 'verkeerd'");
    database_->Query("INSERT INTO case_figures SELECT '2023-12-31T00:00:00Z', case_id, case_sequence, status, urgency, "
                     "forms, weighed_at, outcome, closed_at, first_signal_at, has_reachable_reporter, first_weighed_at, "
                     "first_reporter_feedback_at, latest_reporter_feedback_at, referrals, closures, reopenings "
                     "FROM case_figures");
    database_->Query("UPDATE meldroute_schema SET version = 19");
    ASSERT_EQ(database_->Query("SELECT count(*) FROM case_figures WHERE case_id = 'c1'"), "2");
    {
        auto store = PgStore::Open(database_->url(), keyring_);
        ASSERT_TRUE(store.has_value()) << store.error().detail;
    }
    EXPECT_EQ(database_->Query("SELECT version FROM meldroute_schema"), std::to_string(kSchemaVersion));
    EXPECT_EQ(database_->Query("SELECT count(*) FROM case_figures f JOIN cases c ON c.id = f.case_id AND "
                               "c.status = f.status AND c.created_at = f.created_at"),
              "1");
    EXPECT_EQ(database_->Query("SELECT count(*) FROM case_figures"), "1");
    EXPECT_THROW(database_->Query("INSERT INTO case_figures (created_at, case_id, case_sequence, status, forms, "
                                  "has_reachable_reporter) VALUES ('2025-01-01T00:00:00Z', 'c1', 1, 'vastgelegd', '', 0)"),
                 std::runtime_error);
}

TEST_F(PgStoreTest, RefusesADatabaseSealedUnderOtherKeys) {
    { ASSERT_TRUE(PgStore::Open(database_->url(), keyring_).has_value()); }
    auto store = PgStore::Open(database_->url(), app::Keyring::Ephemeral());
    ASSERT_FALSE(store.has_value());
    EXPECT_EQ(store.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_NE(store.error().detail.find("refusing to serve it"), std::string::npos);
}

TEST_F(PgStoreTest, UnreachableServerIsUnavailableWithoutRepeatingThePassword) {
    auto store = PgStore::Open("postgresql://meldroute:GeheimWachtwoord@127.0.0.1:1/meldroute?connect_timeout=2", keyring_);
    ASSERT_FALSE(store.has_value());
    EXPECT_EQ(store.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(store.error().detail.find("GeheimWachtwoord"), std::string::npos) << store.error().detail;
}

TEST_F(PgStoreTest, PersonalDataIsSealedInTheDatabase) {
    auto store = PgStore::Open(database_->url(), keyring_);
    ASSERT_TRUE(store.has_value()) << store.error().detail;
    Status written = (*store)->Write([](Transaction& transaction) -> Status {
        domain::Signal signal;
        signal.id = "s1";
        signal.channel = "anoniem";
        signal.narrative = "Zichtbaargeheim werkt in de kas.";
        signal.catalog_version = "2024.1";
        signal.created_at = "2024-01-01T00:00:00Z";
        signal.persons = {{"slachtoffer", "Persoonsnaamgeheim", 1980, "", "0612398765"}};
        transaction.InsertSignal(signal);
        return Ok();
    });
    ASSERT_TRUE(written.has_value()) << written.error().detail;
    auto narrative = database_->Query("SELECT narrative FROM signals WHERE id = 's1'");
    ASSERT_TRUE(narrative.has_value());
    EXPECT_EQ(narrative->find("Zichtbaargeheim"), std::string::npos);
    EXPECT_EQ(narrative->rfind(keyring_->CurrentKeyId() + ".", 0), 0u);
    EXPECT_EQ(database_->Query("SELECT count(*) FROM persons WHERE name LIKE '%Persoonsnaamgeheim%' OR "
                               "phone LIKE '%0612398765%' OR birth_year = '1980'"),
              "0");
}

// Two stores on one database stand for two server instances: their writes interleave, yet the audit trail is one
// chain without gaps, because every write transaction holds the advisory lock.
TEST_F(PgStoreTest, TwoStoresOnOneDatabaseKeepOneAuditChain) {
    auto first = PgStore::Open(database_->url(), keyring_);
    auto second = PgStore::Open(database_->url(), keyring_);
    ASSERT_TRUE(first.has_value() && second.has_value());
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 8; ++thread) {
        Store& store = thread % 2 == 0 ? **first : **second;
        threads.emplace_back([&store, thread] {
            for (int index = 0; index < 25; ++index) {
                Status status = store.Write([&](Transaction& transaction) -> Status {
                    app::AppendAudit(transaction,
                                     {"systeem", "test.write", "test/" + std::to_string(thread) + "/" + std::to_string(index),
                                      "test", "toegestaan"},
                                     "2024-06-01T10:00:00Z");
                    return Ok();
                });
                EXPECT_TRUE(status.has_value()) << status.error().detail;
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    Status read = (*first)->Read([](Transaction& transaction) -> Status {
        auto verification = app::VerifyAuditChain(transaction);
        EXPECT_TRUE(verification.valid);
        EXPECT_EQ(verification.count, 200);
        return Ok();
    });
    EXPECT_TRUE(read.has_value());
}

// One instance stuck in the middle of a write (paused, cut off) holds the write lock of every instance. The
// others' writes fail after the lock wait instead of hanging, and once the server has ended the stuck session
// (idle in its transaction too long) they go on.
TEST_F(PgStoreTest, AnInstanceStuckInAWriteHoldsTheOthersUpOnlyForAWhile) {
    const SessionTimeouts short_bounds{std::chrono::milliseconds{300}, std::chrono::milliseconds{1000}};
    auto store = PgStore::Open(database_->url(), keyring_, 1, short_bounds);
    ASSERT_TRUE(store.has_value()) << store.error().detail;
    auto write = [&] {
        return (*store)->Write([](Transaction& transaction) -> Status {
            app::AppendAudit(transaction, {"systeem", "test.write", "test/stuck", "test", "toegestaan"},
                             "2024-06-01T10:00:00Z");
            return Ok();
        });
    };
    Connection stuck{database_->url(), short_bounds};
    stuck.BeginWrite();  // takes the write lock, then never says another word

    Status waited = write();
    ASSERT_FALSE(waited.has_value());
    EXPECT_EQ(waited.error().code, ErrorCode::kUnavailable);
    Status later = MakeError(ErrorCode::kUnavailable, "not tried yet");
    for (int attempt = 0; attempt < 50 && !later.has_value(); ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds{200});
        later = write();
    }
    EXPECT_TRUE(later.has_value()) << later.error().detail;
    Status read = (*store)->Read([](Transaction& transaction) -> Status {
        auto verification = app::VerifyAuditChain(transaction);
        EXPECT_TRUE(verification.valid);
        EXPECT_EQ(verification.count, 1) << "the write that failed left nothing";
        return Ok();
    });
    EXPECT_TRUE(read.has_value());
}

// In a write transaction statements run without reading their result are sent ahead (pipeline mode): their
// results, failures included, arrive at the next read, Changes(), Settle() or COMMIT, in the order sent.
TEST_F(PgStoreTest, StatementsSentAheadReportTheirResultsAndFailuresInOrder) {
    Connection connection{database_->url()};
    connection.Execute("CREATE TABLE ahead (id bigint PRIMARY KEY, label text NOT NULL)");
    auto insert = [&](std::int64_t id, std::string_view label) {
        connection.Prepare("INSERT INTO ahead (id, label) VALUES (?, ?)").BindAll(id, label).Run();
    };
    auto count = [&] {
        auto statement = connection.Prepare("SELECT count(*) FROM ahead");
        statement.Step();
        return statement.Int(0);
    };

    // Sent ahead, then read back inside the same transaction (the read collects them), then committed.
    connection.BeginWrite();
    insert(1, "een");
    insert(2, "twee");
    EXPECT_EQ(count(), 2) << "a read sees what was sent ahead of it";
    connection.Prepare("UPDATE ahead SET label = 'meer' WHERE id >= ?").Bind(1, std::int64_t{1}).Run();
    EXPECT_EQ(connection.Changes(), 2) << "Changes() is the last statement's, once it has arrived";
    insert(3, "drie");
    connection.Execute("COMMIT");
    EXPECT_EQ(count(), 3);

    // A failure among statements sent ahead is thrown where they are collected; what came after it was skipped,
    // and a savepoint takes the transaction back to before it, as the group-commit writer does per job.
    connection.BeginWrite();
    connection.Execute("SAVEPOINT job");
    insert(4, "vier");
    insert(1, "dubbel");  // a duplicate key
    insert(5, "vijf");
    EXPECT_THROW(connection.Settle(), StoreFailure);
    connection.Execute("ROLLBACK TO job");
    connection.Execute("RELEASE job");
    connection.Execute("SAVEPOINT job");
    insert(6, "zes");
    connection.Settle();
    connection.Execute("RELEASE job");
    connection.Execute("COMMIT");
    auto ids = connection.Prepare("SELECT string_agg(id::text, ',' ORDER BY id) FROM ahead");
    ids.Step();
    EXPECT_EQ(ids.Text(0), "1,2,3,6") << "the failed job's rows are gone, the next job's committed";

    // A job that ends (throws) before the writer settles it: its failure is undone with it by ROLLBACK TO and
    // never reaches the next job.
    connection.BeginWrite();
    connection.Execute("SAVEPOINT job");
    insert(8, "acht");
    insert(3, "dubbel");
    connection.Execute("ROLLBACK TO job");
    connection.Execute("RELEASE job");
    connection.Execute("SAVEPOINT job");
    insert(9, "negen");
    EXPECT_NO_THROW(connection.Settle());
    connection.Execute("RELEASE job");
    connection.Execute("COMMIT");
    auto after = connection.Prepare("SELECT string_agg(id::text, ',' ORDER BY id) FROM ahead");
    after.Step();
    EXPECT_EQ(after.Text(0), "1,2,3,6,9");

    // A COMMIT sent with a failed statement ahead of it never commits: it throws, and nothing of it stays.
    connection.BeginWrite();
    insert(7, "zeven");
    insert(2, "dubbel");
    EXPECT_THROW(connection.Execute("COMMIT"), StoreFailure);
    connection.Execute("ROLLBACK");
    EXPECT_EQ(count(), 5);

    // A statement prepared while sent ahead and then skipped is prepared again when next used.
    connection.BeginWrite();
    insert(1, "dubbel");
    connection.Prepare("DELETE FROM ahead WHERE label = ?").Bind(1, std::string_view{"nooit"}).Run();
    EXPECT_THROW(connection.Settle(), StoreFailure);
    connection.Execute("ROLLBACK");
    connection.BeginWrite();
    connection.Prepare("DELETE FROM ahead WHERE label = ?").Bind(1, std::string_view{"meer"}).Run();
    EXPECT_EQ(connection.Changes(), 2);
    connection.Execute("COMMIT");
    EXPECT_EQ(count(), 3);
}

// Statements a read sends together (Statement::Send) travel with its BEGIN in one round trip, and each gets its
// own rows, whichever is stepped first; a failure among them is thrown at the first step, and the connection reads
// on afterwards.
TEST_F(PgStoreTest, StatementsSentTogetherInAReadGetEachTheirOwnRows) {
    Connection connection{database_->url()};
    connection.Execute("CREATE TABLE together (id bigint PRIMARY KEY, label text NOT NULL)");
    connection.BeginWrite();
    for (auto [id, label] : {std::pair<std::int64_t, const char*>{1, "een"}, {2, "twee"}, {3, "drie"}}) {
        connection.Prepare("INSERT INTO together (id, label) VALUES (?, ?)").BindAll(id, label).Run();
    }
    connection.Execute("COMMIT");

    connection.BeginRead();
    auto first = connection.Prepare("SELECT label FROM together WHERE id = ?");
    auto count = connection.Prepare("SELECT count(*) FROM together WHERE id >= ?");
    auto labels = connection.Prepare("SELECT label FROM together WHERE id <> ? ORDER BY id");
    for (Statement* statement : {&first, &count, &labels}) {
        statement->Bind(1, std::int64_t{2});
        statement->Send();
    }
    std::vector<std::string> others;
    while (labels.Step()) others.push_back(labels.Text(0));
    EXPECT_EQ(others, (std::vector<std::string>{"een", "drie"}));
    ASSERT_TRUE(count.Step());
    EXPECT_EQ(count.Int(0), 2);
    ASSERT_TRUE(first.Step());
    EXPECT_EQ(first.Text(0), "twee");
    EXPECT_FALSE(first.Step());
    // Stepped after the others were collected, a statement not sent runs on its own.
    auto after = connection.Prepare("SELECT label FROM together WHERE id = 3");
    ASSERT_TRUE(after.Step());
    EXPECT_EQ(after.Text(0), "drie");
    connection.Execute("COMMIT");

    auto failing_read = [&] {
        connection.BeginRead();
        auto fine = connection.Prepare("SELECT label FROM together WHERE id = ?");
        auto failing = connection.Prepare("SELECT 1 / (id - id) FROM together WHERE id = ?");
        for (Statement* statement : {&fine, &failing}) {
            statement->Bind(1, std::int64_t{1});
            statement->Send();
        }
        EXPECT_THROW(fine.Step(), StoreFailure);
        connection.Execute("ROLLBACK");
    };
    auto prepared_on_server = [&] {
        connection.BeginRead();
        auto statement = connection.Prepare("SELECT count(*) FROM pg_prepared_statements");
        EXPECT_TRUE(statement.Step());
        const std::int64_t count = statement.Int(0);
        connection.Execute("COMMIT");
        return count;
    };
    failing_read();
    const std::int64_t prepared = prepared_on_server();
    // The statements the failed read prepared are kept and used again, not prepared anew under other names.
    failing_read();
    EXPECT_EQ(prepared_on_server(), prepared);
    connection.BeginRead();
    auto again = connection.Prepare("SELECT count(*) FROM together");
    ASSERT_TRUE(again.Step());
    EXPECT_EQ(again.Int(0), 3);
    connection.Execute("COMMIT");
}

}  // namespace
}  // namespace meldroute::store::postgres
