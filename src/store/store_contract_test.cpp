// The store contract: one typed suite that every store implementation passes, so SQLite and PostgreSQL keep one
// behaviour. The PostgreSQL variant runs when MELDROUTE_TEST_PG is set (make test sets it) and fails, not skips,
// when that server cannot be reached.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <filesystem>
#include <set>
#include <thread>

#include "app/audit.hpp"
#include "app/crypto.hpp"
#include "app/keyring.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/test_database.hpp"
#include "store/sql/sealing.hpp"
#include "store/sql/transaction.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/writer_hold_testing.hpp"

namespace meldroute::store {
namespace {

using domain::CaseStatus;

// The embedded store on a file in a fresh directory.
class SqliteBackend {
public:
    static constexpr const char* kName = "Sqlite";
    std::unique_ptr<Store> Open(std::shared_ptr<const FieldCipher> cipher) {
        directory_ = std::filesystem::temp_directory_path() /
                     ("meldroute-contract-" + std::to_string(::getpid()) + "-" + std::to_string(++counter_));
        std::filesystem::remove_all(directory_);
        std::filesystem::create_directories(directory_);
        auto store = sqlite::SqliteStore::Open((directory_ / "meldroute.db").string(), std::move(cipher));
        EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().detail);
        return store ? std::unique_ptr<Store>{std::move(*store)} : nullptr;
    }
    ~SqliteBackend() {
        if (!directory_.empty()) std::filesystem::remove_all(directory_);
    }

private:
    static inline int counter_ = 0;
    std::filesystem::path directory_;
};

// A new database on the test server.
class PostgresBackend {
public:
    static constexpr const char* kName = "Postgres";
    std::unique_ptr<Store> Open(std::shared_ptr<const FieldCipher> cipher) {
        database_ = std::make_unique<postgres::TestDatabase>();
        auto store = postgres::PgStore::Open(database_->url(), std::move(cipher));
        EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().detail);
        return store ? std::unique_ptr<Store>{std::move(*store)} : nullptr;
    }

private:
    std::unique_ptr<postgres::TestDatabase> database_;
};

template <typename Backend>
class StoreContractTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (std::string_view{Backend::kName} == "Postgres" && !postgres::TestDatabase::Requested()) {
            GTEST_SKIP() << "MELDROUTE_TEST_PG is not set (make test sets it)";
        }
        store_ = backend_.Open(keyring_);
        ASSERT_NE(store_, nullptr);
    }
    void TearDown() override { store_.reset(); }

    //! Runs `work` in a write transaction and expects it to commit.
    void Write(const std::function<void(Transaction&)>& work) {
        Status status = store_->Write([&](Transaction& transaction) -> Status {
            work(transaction);
            return Ok();
        });
        ASSERT_TRUE(status.has_value()) << status.error().detail;
    }
    //! Runs `work` in a read transaction.
    void Read(const std::function<void(Transaction&)>& work) {
        Status status = store_->Read([&](Transaction& transaction) -> Status {
            work(transaction);
            return Ok();
        });
        ASSERT_TRUE(status.has_value()) << status.error().detail;
    }
    //! The ids of what a search shows, newest first.
    std::vector<std::string> SearchIds(const std::string& text, int candidates, const domain::SignalSearch& search,
                                       int limit) {
        std::vector<std::string> found;
        Read([&](Transaction& transaction) {
            for (const auto& signal : transaction.SearchSignals(text, search, candidates, limit)) {
                found.push_back(signal.id);
            }
        });
        return found;
    }

    static domain::Signal MakeSignal(const std::string& id, const std::string& at, const std::string& narrative) {
        domain::Signal signal;
        signal.id = id;
        signal.reporter = "melder";
        signal.channel = "formulier";
        signal.narrative = narrative;
        signal.indicator_codes = {"ALG-01", "ARB-03"};
        signal.catalog_version = "2024.1";
        signal.observed_on = "2024-03-01";
        signal.location = domain::Location{"Dorpsstraat", "12", "6901 AB", "Zevenaar"};
        signal.persons = {{"slachtoffer", "Anna Jansen", 1990, "Pools", "0612345678"},
                          {"verdachte", "Piet", std::nullopt, "", ""}};
        signal.business = domain::Business{"12345678", "Bakkerij Zonneschijn"};
        signal.created_at = at;
        return signal;
    }

    // The reporter "melder" (publiekszaken), their signal s1 of 2024-12-30 and an anonymous one, s2 of 2025-01-02.
    static void InsertReporterAndTwoSignals(Transaction& transaction) {
        transaction.InsertUser({"melder", "h", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z", "publiekszaken"});
        transaction.InsertSignal(MakeSignal("s1", "2024-12-30T10:00:00Z", "Tekst."));
        domain::Signal anonymous = MakeSignal("s2", "2025-01-02T10:00:00Z", "Tekst.");
        anonymous.reporter.clear();
        transaction.InsertSignal(anonymous);
    }

    //! The case's whole record as LoadCase gives it; an empty one, and a failed test, when there is no such case.
    static CaseRecord RecordOf(Transaction& transaction, std::string_view case_id) {
        auto record = transaction.LoadCase(case_id);
        EXPECT_TRUE(record.has_value()) << case_id;
        return record ? std::move(*record) : CaseRecord{};
    }

    static domain::Case MakeCase(const std::string& id, const std::string& at) {
        domain::Case header;
        header.id = id;
        header.created_at = at;
        header.updated_at = at;
        return header;
    }

    //! A case of `forms` (and `urgency`) made at `at`, holding the signals `signal_ids`.
    static void PutInCase(Transaction& transaction, const std::string& id, const std::string& at,
                          std::vector<std::string> forms, const std::vector<std::string>& signal_ids,
                          std::optional<std::string> urgency = std::nullopt) {
        domain::Case header = MakeCase(id, at);
        header.forms = std::move(forms);
        header.urgency = std::move(urgency);
        transaction.InsertCase(header);
        for (const std::string& signal_id : signal_ids) transaction.SetSignalCase(signal_id, id);
    }

    std::shared_ptr<app::Keyring> keyring_ = (app::InitCrypto(), app::Keyring::Ephemeral());
    Backend backend_;
    std::unique_ptr<Store> store_;
};

struct BackendNames {
    template <typename Backend>
    static std::string GetName(int) {
        return Backend::kName;
    }
};

using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;
TYPED_TEST_SUITE(StoreContractTest, Backends, BackendNames);

TYPED_TEST(StoreContractTest, UsersAndLockout) {
    this->Read([](Transaction& transaction) { EXPECT_TRUE(transaction.IsEmpty()); });
    this->Write([](Transaction& transaction) {
        transaction.InsertUser({"zora", "h1", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z", "toezicht"});
        transaction.InsertUser({"adam", "h2", {domain::Role::kAandachtfunctionaris, domain::Role::kBeleid}, true,
                                "2024-01-02T00:00:00Z", "onbekend"});
        transaction.UpdatePasswordHash("zora", "h3");
        transaction.UpdateUserRoles("zora", {domain::Role::kAuditor});
        transaction.RecordLoginFailure("zora", "2024-02-01T10:00:00Z");
        transaction.RecordLoginFailure("zora", "2024-02-01T10:05:00Z");
        transaction.RecordLoginFailure("niemand", "2024-02-01T10:05:00Z");
        transaction.LockAccount("zora", "2024-02-01T10:20:00Z");
        transaction.LockAccount("zora", "2024-02-01T10:30:00Z");
    });
    this->Read([](Transaction& transaction) {
        EXPECT_FALSE(transaction.IsEmpty());
        auto users = transaction.ListUsers();
        ASSERT_EQ(users.size(), 2u);
        EXPECT_EQ(users[0].username, "adam");
        EXPECT_EQ(users[0].roles.size(), 2u);
        auto zora = transaction.FindUser("zora");
        ASSERT_TRUE(zora.has_value());
        EXPECT_EQ(zora->password_hash, "h3");
        EXPECT_EQ(zora->roles, std::vector<domain::Role>{domain::Role::kAuditor});
        EXPECT_EQ(zora->department, "toezicht");
        EXPECT_TRUE(zora->active);
        EXPECT_FALSE(transaction.FindUser("onbekend").has_value());
        EXPECT_EQ(transaction.CountLoginFailuresSince("zora", "2024-02-01T10:01:00Z"), 1);
        EXPECT_EQ(transaction.CountLoginFailuresSince("zora", "2024-01-01T00:00:00Z"), 2);
        EXPECT_EQ(transaction.AccountLockedUntil("zora"), "2024-02-01T10:30:00Z");
        EXPECT_FALSE(transaction.AccountLockedUntil("adam").has_value());
    });
    this->Write([](Transaction& transaction) { transaction.ClearLoginFailures("zora"); });
    this->Read([](Transaction& transaction) {
        EXPECT_EQ(transaction.CountLoginFailuresSince("zora", "2024-01-01T00:00:00Z"), 0);
        EXPECT_EQ(transaction.CountLoginFailuresSince("niemand", "2024-01-01T00:00:00Z"), 1);
    });
}

TYPED_TEST(StoreContractTest, SessionsSecondFactorAndFederatedIdentities) {
    this->Write([](Transaction& transaction) {
        transaction.InsertUser({"af", "h", {domain::Role::kAandachtfunctionaris}, true, "2024-01-01T00:00:00Z"});
        transaction.InsertSession({"t1", "af", "c1", "2024-01-01T08:00:00Z", "2024-01-01T08:00:00Z", true});
        transaction.InsertSession({"t2", "af", "c2", "2024-01-01T09:00:00Z", "2024-01-01T09:00:00Z", false});
        transaction.TouchSession("t2", "2024-01-01T09:10:00Z");
        transaction.ClearMustEnrol("af");
        transaction.UpsertMfa({"af", "GEHEIM-TOTP", std::nullopt, 0});
        transaction.UpsertMfa({"af", "GEHEIM-TOTP-2", "2024-01-01T09:11:00Z", 42});
        transaction.ReplaceRecoveryCodes("af", {"r1", "r2", "r3"});
        transaction.UpsertFederatedIdentity(
            {"https://idp", "sub-1", "af", "Anne Fonds", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"});
        transaction.UpsertFederatedIdentity(
            {"https://idp", "sub-1", "af", "Anne Fonds-Smit", "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"});
    });
    this->Read([](Transaction& transaction) {
        auto session = transaction.FindSession("t1");
        ASSERT_TRUE(session.has_value());
        EXPECT_EQ(session->csrf_token, "c1");
        EXPECT_FALSE(session->must_enrol);
        EXPECT_EQ(transaction.FindSession("t2")->last_seen_at, "2024-01-01T09:10:00Z");
    });
    // Read together, the session and its user, as the first statements of a read (as a request reads them);
    // neither for an unknown token.
    this->Read([](Transaction& transaction) {
        auto [found, user] = transaction.FindSessionAndUser("t2");
        ASSERT_TRUE(found.has_value());
        EXPECT_EQ(found->csrf_token, "c2");
        ASSERT_TRUE(user.has_value());
        EXPECT_EQ(user->username, "af");
        EXPECT_EQ(user->roles, std::vector<domain::Role>{domain::Role::kAandachtfunctionaris});
        auto [none, nobody] = transaction.FindSessionAndUser("t9");
        EXPECT_FALSE(none.has_value());
        EXPECT_FALSE(nobody.has_value());
    });
    this->Read([](Transaction& transaction) {
        auto mfa = transaction.FindMfa("af");
        ASSERT_TRUE(mfa.has_value());
        EXPECT_EQ(mfa->secret, "GEHEIM-TOTP-2");
        EXPECT_EQ(mfa->confirmed_at, "2024-01-01T09:11:00Z");
        EXPECT_EQ(mfa->last_step, 42);
        EXPECT_EQ(transaction.CountUnusedRecoveryCodes("af"), 3);
        auto identity = transaction.FindFederatedIdentity("https://idp", "sub-1");
        ASSERT_TRUE(identity.has_value());
        EXPECT_EQ(identity->display_name, "Anne Fonds-Smit");
        EXPECT_EQ(identity->last_sign_in_at, "2024-02-01T00:00:00Z");
        EXPECT_FALSE(transaction.FindFederatedIdentity("https://idp", "sub-2").has_value());
    });
    bool first = false;
    bool second = true;
    this->Write([&](Transaction& transaction) {
        first = transaction.UseRecoveryCode("af", "r2", "2024-01-02T00:00:00Z");
        second = transaction.UseRecoveryCode("af", "r2", "2024-01-02T00:00:01Z");
        transaction.DeleteSession("t1");
    });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    this->Read([](Transaction& transaction) {
        EXPECT_EQ(transaction.CountUnusedRecoveryCodes("af"), 2);
        EXPECT_FALSE(transaction.FindSession("t1").has_value());
        EXPECT_TRUE(transaction.FindSession("t2").has_value());
    });
    this->Write([](Transaction& transaction) {
        transaction.DeleteSessionsOf("af");
        transaction.DeleteMfa("af");
    });
    this->Read([](Transaction& transaction) {
        EXPECT_FALSE(transaction.FindSession("t2").has_value());
        EXPECT_FALSE(transaction.FindMfa("af").has_value());
        EXPECT_EQ(transaction.CountUnusedRecoveryCodes("af"), 0);
    });
}

// A new signal's search terms wait in signal_terms_pending until a write batch folds them into signal_terms
// (sql::FoldPendingTerms); a search finds a signal either way, newest first across both, and destroying a signal
// removes its terms wherever they are.
TYPED_TEST(StoreContractTest, SearchFindsSignalsWhoseTermsAreFoldedOrPending) {
    int next = 0;
    auto insert = [&](int count) {
        this->Write([&](Transaction& transaction) {
            if (next == 0) transaction.InsertUser({"melder", "h", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z"});
            for (int i = 0; i < count; ++i, ++next) {
                char id[16];
                std::snprintf(id, sizeof id, "s%04d", next);
                transaction.InsertSignal(this->MakeSignal(id, "2024-03-01T10:00:00Z",
                                                          next % 2 == 0 ? "Arbeiders slapen in een loods."
                                                                        : "Arbeiders werken in de kas."));
            }
        });
    };
    auto expected = [&](int parity) {
        std::vector<std::string> ids;
        for (int i = next - 1; i >= 0; --i) {
            char id[16];
            std::snprintf(id, sizeof id, "s%04d", i);
            if (parity < 0 || i % 2 == parity) ids.push_back(id);
        }
        return ids;
    };
    const std::uint64_t folded_before = this->store_->metrics().terms_folded.load();
    insert(20);  // the first batch of a store folds what is pending, these 20 among it
    EXPECT_EQ(this->store_->metrics().terms_folded.load(), folded_before + 20);
    insert(10);  // pending: fewer than sql::kFoldPendingTermsAt since the fold
    EXPECT_EQ(this->store_->metrics().terms_folded.load(), folded_before + 20);
    EXPECT_EQ(this->SearchIds("arbeiders", 2000, {}, 100), expected(-1));
    EXPECT_EQ(this->SearchIds("loods arbeiders", 2000, {}, 100), expected(0));
    const std::vector<std::string> in_greenhouse = expected(1);
    EXPECT_EQ(this->SearchIds("kas", 2000, {}, 7), std::vector<std::string>(in_greenhouse.begin(), in_greenhouse.begin() + 7));
    // Fewer than the pending matches: the newest, all pending.
    EXPECT_EQ(this->SearchIds("kas", 2000, {}, 3), std::vector<std::string>(in_greenhouse.begin(), in_greenhouse.begin() + 3));
    // With a filter, found and filtered in rounds across both.
    domain::SignalSearch unlinked;
    unlinked.status = "gemeld";
    EXPECT_EQ(this->SearchIds("kas", 2000, unlinked, 100), in_greenhouse);
    EXPECT_TRUE(this->SearchIds("loods kas", 2000, {}, 100).empty());
    // Destroying one pending and one folded signal takes them out of the search.
    this->Write([&](Transaction& transaction) {
        EXPECT_FALSE(transaction.DestroySignal("s0028", "2024-04-01T00:00:00Z").empty());
        EXPECT_FALSE(transaction.DestroySignal("s0004", "2024-04-01T00:00:00Z").empty());
    });
    auto without_destroyed = [&](std::vector<std::string> ids) {
        std::erase_if(ids, [](const std::string& id) { return id == "s0028" || id == "s0004"; });
        return ids;
    };
    EXPECT_EQ(this->SearchIds("loods", 2000, {}, 100), without_destroyed(expected(0)));
    // Enough signals for a fold: everything pending is moved, and found as before.
    insert(static_cast<int>(sql::kFoldPendingTermsAt));
    EXPECT_EQ(this->store_->metrics().terms_folded.load(),
              folded_before + 20 + 9 + static_cast<std::uint64_t>(sql::kFoldPendingTermsAt));
    EXPECT_EQ(this->SearchIds("loods arbeiders", 2000, {}, 1000), without_destroyed(expected(0)));
    EXPECT_EQ(this->SearchIds("kas", 2000, {}, 1000), expected(1));
}

TYPED_TEST(StoreContractTest, SignalsRoundTripListAndSearch) {
    this->Write([&](Transaction& transaction) {
        transaction.InsertUser({"melder", "h", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z"});
        transaction.InsertSignal(this->MakeSignal("s1", "2024-03-01T10:00:00Z",
                                                  "Vrouwen werken in de massagesalons tot middernacht."));
        domain::Signal anonymous = this->MakeSignal("s2", "2024-03-02T10:00:00Z", "Twaalf arbeiders slapen in een loods.");
        anonymous.reporter.clear();
        anonymous.channel = "anoniem";
        anonymous.location.reset();
        anonymous.persons.clear();
        anonymous.business.reset();
        anonymous.observed_on.reset();
        // Its search terms worked out by the store before the write, as intake does: the same as the transaction's.
        IndexTerms terms = this->store_->IndexTermsOf(anonymous.narrative);
        EXPECT_EQ(terms.keys, transaction.IndexTermsOf(anonymous.narrative).keys);
        EXPECT_NE(terms.keys, transaction.IndexTermsOf("Vrouwen werken in de massagesalons.").keys);
        transaction.InsertSignal(anonymous, terms);
    });
    this->Read([](Transaction& transaction) {
        auto signal = transaction.FindSignal("s1");
        ASSERT_TRUE(signal.has_value());
        EXPECT_EQ(signal->narrative, "Vrouwen werken in de massagesalons tot middernacht.");
        EXPECT_EQ(signal->indicator_codes, (std::vector<std::string>{"ALG-01", "ARB-03"}));
        EXPECT_EQ(signal->status, "gemeld");
        ASSERT_TRUE(signal->location.has_value());
        EXPECT_EQ(signal->location->postcode, "6901 AB");
        ASSERT_EQ(signal->persons.size(), 2u);
        EXPECT_EQ(signal->persons[0].name, "Anna Jansen");
        EXPECT_EQ(signal->persons[0].birth_year, 1990);
        EXPECT_FALSE(signal->persons[1].birth_year.has_value());
        ASSERT_TRUE(signal->business.has_value());
        EXPECT_EQ(signal->business->trade_name, "Bakkerij Zonneschijn");
        auto anonymous = transaction.FindSignal("s2");
        ASSERT_TRUE(anonymous.has_value());
        EXPECT_TRUE(anonymous->reporter.empty());
        EXPECT_FALSE(anonymous->location.has_value());
        EXPECT_FALSE(anonymous->business.has_value());
        EXPECT_FALSE(transaction.FindSignal("s9").has_value());

        auto inbox = transaction.ListSignals({std::nullopt, "gemeld", 10, std::nullopt}).signals;
        ASSERT_EQ(inbox.size(), 2u);
        EXPECT_EQ(inbox[0].id, "s2");  // newest first
        EXPECT_EQ(transaction.ListSignals({"melder", std::nullopt, 10, std::nullopt}).signals.size(), 1u);
        // Keyset pages: each page names where the next starts, and exactly a full last page names none.
        auto first = transaction.ListSignals({std::nullopt, "gemeld", 1, std::nullopt});
        ASSERT_EQ(first.signals.size(), 1u);
        EXPECT_EQ(first.signals[0].id, "s2");
        ASSERT_TRUE(first.next_before.has_value());
        auto second = transaction.ListSignals({std::nullopt, "gemeld", 1, first.next_before});
        ASSERT_EQ(second.signals.size(), 1u);
        EXPECT_EQ(second.signals[0].id, inbox[1].id);
        EXPECT_FALSE(second.next_before.has_value());
        EXPECT_FALSE(transaction.ListSignals({std::nullopt, "gemeld", 2, std::nullopt}).next_before.has_value());
        // Summaries: the same signals, order and pages, with the plain fields only; no sealed cell is opened.
        SignalFilter summaries{std::nullopt, "gemeld", 1, std::nullopt, SignalColumns::kPlain};
        auto summary_page = transaction.ListSignals(summaries);
        ASSERT_EQ(summary_page.signals.size(), 1u);
        EXPECT_EQ(summary_page.next_before, first.next_before);
        summaries.limit = 10;
        auto summarised = transaction.ListSignals(summaries).signals;
        ASSERT_EQ(summarised.size(), 2u);
        const domain::Signal& whole = inbox[1];
        const domain::Signal& summary = summarised[1];
        ASSERT_EQ(summary.id, "s1");
        EXPECT_EQ(summary.reporter, whole.reporter);
        EXPECT_EQ(summary.channel, whole.channel);
        EXPECT_EQ(summary.indicator_codes, whole.indicator_codes);
        EXPECT_EQ(summary.catalog_version, whole.catalog_version);
        EXPECT_EQ(summary.observed_on, whole.observed_on);
        EXPECT_EQ(summary.created_at, whole.created_at);
        EXPECT_EQ(summary.status, "gemeld");
        EXPECT_EQ(summary.case_id, whole.case_id);
        EXPECT_TRUE(whole.location.has_value() && !whole.persons.empty() && whole.business.has_value());
        EXPECT_TRUE(summary.narrative.empty());
        EXPECT_FALSE(summary.location.has_value());
        EXPECT_TRUE(summary.persons.empty());
        EXPECT_FALSE(summary.business.has_value());
        // With the narrative: that one sealed cell opened, still no location, person or business.
        summaries.columns = SignalColumns::kPlainAndNarrative;
        auto overview = transaction.ListSignals(summaries).signals;
        ASSERT_EQ(overview.size(), 2u);
        EXPECT_EQ(overview[1].narrative, whole.narrative);
        EXPECT_EQ(overview[1].indicator_codes, whole.indicator_codes);
        EXPECT_FALSE(overview[1].location.has_value());
        EXPECT_TRUE(overview[1].persons.empty());
        EXPECT_FALSE(overview[1].business.has_value());

        auto found = transaction.SearchSignals("massagesalon", {}, 2000, 10);
        ASSERT_EQ(found.size(), 1u);
        EXPECT_EQ(found[0].id, "s1");
        EXPECT_TRUE(transaction.SearchSignals("massagesalon loods", {}, 2000, 10).empty());
        auto in_shed = transaction.SearchSignals("arbeiders loods", {}, 2000, 10);
        ASSERT_EQ(in_shed.size(), 1u);
        EXPECT_EQ(in_shed[0].id, "s2");
        EXPECT_EQ(transaction.SearchSignals("", {}, 2000, 10).size(), 2u);
        domain::SignalSearch recent;
        recent.from = "2024-03-02T00:00:00Z";
        EXPECT_EQ(transaction.SearchSignals("", recent, 2000, 10).size(), 1u);
    });
}

// Lists read the persons of all their signals at once; each signal must still get its own, in their order.
TYPED_TEST(StoreContractTest, ListsGiveEverySignalItsOwnPersonsInOrder) {
    this->Write([&](Transaction& transaction) {
        transaction.InsertUser({"melder", "h", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z"});
        for (int index = 0; index < 4; ++index) {
            domain::Signal signal = this->MakeSignal("s" + std::to_string(index),
                                                     "2024-03-0" + std::to_string(index + 1) + "T10:00:00Z",
                                                     "Arbeiders slapen in een loods.");
            signal.persons.clear();
            // s0 has none; s1 one; s2 two; s3 eleven (positions 0-10, so text order and number order differ).
            const int count = index == 3 ? 11 : index;
            for (int person = 0; person < count; ++person) {
                signal.persons.push_back({person % 2 == 0 ? "slachtoffer" : "verdachte",
                                          "Persoon " + std::to_string(index) + "." + std::to_string(person),
                                          1980 + person, "", ""});
            }
            transaction.InsertSignal(signal);
        }
    });
    this->Read([](Transaction& transaction) {
        auto check = [](const std::vector<domain::Signal>& signals) {
            ASSERT_EQ(signals.size(), 4u);
            for (const domain::Signal& signal : signals) {
                const int index = signal.id.back() - '0';
                const std::size_t count = index == 3 ? 11 : static_cast<std::size_t>(index);
                ASSERT_EQ(signal.persons.size(), count) << signal.id;
                for (std::size_t person = 0; person < count; ++person) {
                    EXPECT_EQ(signal.persons[person].name,
                              "Persoon " + std::to_string(index) + "." + std::to_string(person))
                        << signal.id;
                    EXPECT_EQ(signal.persons[person].birth_year, 1980 + static_cast<int>(person)) << signal.id;
                }
            }
        };
        check(transaction.ListSignals({std::nullopt, "gemeld", 10, std::nullopt}).signals);
        check(transaction.SearchSignals("loods", {}, 2000, 10));
        check(transaction.SearchSignals("", {}, 2000, 10));
    });
}

TYPED_TEST(StoreContractTest, CaseRouteRecordsAndSummaries) {
    this->Write([&](Transaction& transaction) {
        transaction.InsertUser({"melder", "h", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z"});
        transaction.InsertSignal(this->MakeSignal("s1", "2024-03-01T10:00:00Z", "Paspoort ingenomen door werkgever."));
        transaction.InsertCase(this->MakeCase("c1", "2024-03-02T10:00:00Z"));
        transaction.SetSignalCase("s1", "c1");
        transaction.InsertEnrichment({"e1", "c1", "brp", "Inschrijving nagaan", "Niets gevonden", "2024-03-02T11:00:00Z", "af"});
        transaction.InsertAssessment({"a1", "c1", "hoog", {"arbeid"}, "Meerdere signalen.", "2024-03-02T12:00:00Z", "af"});
        domain::Case header = *transaction.FindCase("c1");
        header.status = CaseStatus::kGewogen;
        header.urgency = "hoog";
        header.forms = {"arbeid", "seksueel"};
        header.rationale = "Meerdere signalen.";
        header.weighed_at = "2024-03-02T12:00:00Z";
        header.updated_at = "2024-03-02T12:00:00Z";
        header.version = 2;
        transaction.UpdateCase(header);
        transaction.InsertReferral({"r1", "c1", "moviera", "signalenoverleg", "2024-03-09", "Graag snel contact",
                                    "2024-03-02T13:00:00Z", "af", {}});
        transaction.InsertReferral({"r2", "c1", "politie", std::nullopt, "2024-03-05", std::nullopt,
                                    "2024-03-02T13:05:00Z", "af", {}});
        transaction.InsertPartnerFeedback({"f1", "r1", "Contact gelegd.", "2024-03-03T09:00:00Z", "af"});
        transaction.InsertReporterFeedback("m1", "c1", {"Dank, we pakken het op.", "2024-03-03T10:00:00Z", "af"});
        transaction.InsertTimelineEntry("c1", {"2024-03-02T10:00:00Z", "af", "record", "Casus vastgelegd"});
        transaction.InsertTimelineEntry("c1", {"2024-03-02T12:00:00Z", "af", "weigh", "Gewogen: hoog"});
    });
    this->Read([this](Transaction& transaction) {
        auto header = transaction.FindCase("c1");
        ASSERT_TRUE(header.has_value());
        EXPECT_EQ(header->status, CaseStatus::kGewogen);
        EXPECT_EQ(header->forms, (std::vector<std::string>{"arbeid", "seksueel"}));
        EXPECT_EQ(header->rationale, "Meerdere signalen.");
        EXPECT_EQ(header->version, 2);
        EXPECT_EQ(transaction.FindSignal("s1")->status, "gewogen");
        EXPECT_EQ(transaction.ListSignalsOfCase("c1").size(), 1u);
        EXPECT_TRUE(transaction.ListSignals({std::nullopt, "gemeld", 10, std::nullopt}).signals.empty());
        EXPECT_EQ(transaction.ListSignals({std::nullopt, "gewogen", 10, std::nullopt}).signals.size(), 1u);
        // A summary of a signal in a case carries the case and its status.
        auto weighed = transaction.ListSignals({std::nullopt, "gewogen", 10, std::nullopt, SignalColumns::kPlain}).signals;
        ASSERT_EQ(weighed.size(), 1u);
        EXPECT_EQ(weighed[0].id, "s1");
        EXPECT_EQ(weighed[0].status, "gewogen");
        EXPECT_EQ(weighed[0].case_id, std::optional<std::string>{"c1"});
        EXPECT_TRUE(weighed[0].narrative.empty());
        const CaseRecord record = this->RecordOf(transaction, "c1");
        const auto& enrichments = record.file.enrichments;
        ASSERT_EQ(enrichments.size(), 1u);
        EXPECT_EQ(enrichments[0].content, "Niets gevonden");
        ASSERT_EQ(record.file.assessments.size(), 1u);
        EXPECT_EQ(record.file.assessments[0].forms, std::vector<std::string>{"arbeid"});
        const auto& referrals = record.file.referrals;
        ASSERT_EQ(referrals.size(), 2u);
        EXPECT_EQ(referrals[0].note, "Graag snel contact");
        ASSERT_EQ(referrals[0].feedback.size(), 1u);
        EXPECT_EQ(referrals[0].feedback[0].summary, "Contact gelegd.");
        EXPECT_FALSE(referrals[1].forum.has_value());
        EXPECT_EQ(transaction.FindReferral("r2")->partner, "politie");
        EXPECT_FALSE(transaction.FindReferral("r9").has_value());
        ASSERT_EQ(transaction.ListReporterFeedback("c1").size(), 1u);
        ASSERT_EQ(record.file.reporter_feedback.size(), 1u);
        EXPECT_EQ(record.file.reporter_feedback[0].message, "Dank, we pakken het op.");
        const auto& timeline = record.file.timeline;
        ASSERT_EQ(timeline.size(), 2u);
        EXPECT_EQ(timeline[1].action, "weigh");
        auto summaries = transaction.ListCaseSummaries(10);
        ASSERT_EQ(summaries.size(), 1u);
        EXPECT_EQ(summaries[0].signal_count, 1);
        EXPECT_EQ(summaries[0].referral_count, 2);
        EXPECT_EQ(summaries[0].referrals_without_feedback, 1);
        EXPECT_EQ(summaries[0].earliest_open_feedback_due, "2024-03-05");
        EXPECT_TRUE(summaries[0].has_reporter_feedback);
        EXPECT_TRUE(summaries[0].has_reachable_reporter);
    });
}

// A case's whole file read in one go (on PostgreSQL, statements sent together in its pipeline): every field of it,
// sealed ones included, persons in order and related signals included, the first statements of a read or among others; inside
// a write, it sees the job's own writes still on their way; an unknown case is none.
TYPED_TEST(StoreContractTest, LoadCaseGivesTheWholeFile) {
    this->Write([&](Transaction& transaction) {
        transaction.InsertUser({"melder", "h", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z"});
        domain::Signal first = this->MakeSignal("s1", "2024-03-01T10:00:00Z", "Paspoort ingenomen.");
        domain::Signal second = this->MakeSignal("s2", "2024-03-01T11:00:00Z", "Slapen in de loods.");
        second.persons = {{"getuige", "Karel", 1970, "", ""}, {"slachtoffer", "Ewa", 2001, "Pools", "0687654321"},
                          {"verdachte", "Jan", std::nullopt, "", ""}};
        transaction.InsertSignal(first);
        transaction.InsertSignal(second);
        transaction.InsertSignal(this->MakeSignal("s3", "2024-03-02T10:00:00Z", "Elders gemeld."));
        transaction.InsertCase(this->MakeCase("c1", "2024-03-02T10:00:00Z"));
        transaction.SetSignalCase("s1", "c1");
        transaction.SetSignalCase("s2", "c1");
        transaction.InsertSignalKey("s1", "adres", "k-adres");
        transaction.InsertSignalKey("s3", "adres", "k-adres");
        transaction.InsertEnrichment({"e1", "c1", "brp", "Nagaan", "Niets gevonden", "2024-03-02T11:00:00Z", "af"});
        transaction.InsertAssessment({"a1", "c1", "hoog", {"arbeid"}, "Meerdere signalen.", "2024-03-02T12:00:00Z", "af"});
        transaction.InsertReferral({"r1", "c1", "moviera", "signalenoverleg", "2024-03-09", "Graag contact",
                                    "2024-03-02T13:00:00Z", "af", {}});
        transaction.InsertPartnerFeedback({"f1", "r1", "Contact gelegd.", "2024-03-03T09:00:00Z", "af"});
        transaction.InsertReporterFeedback("m1", "c1", {"Dank, we pakken het op.", "2024-03-03T10:00:00Z", "af"});
        transaction.InsertTimelineEntry("c1", {"2024-03-02T10:00:00Z", "af", "record", "Casus vastgelegd"});
        transaction.InsertClosure("c1", {"2024-03-04T10:00:00Z", "zorgtraject", "Afgerond.", "af"});
        transaction.InsertReopening("c1", {"2024-03-05T10:00:00Z", "Nieuw signaal.", "af"});
        transaction.SetLegalHold("c1", LegalHold{"Strafzaak loopt.", "af", "2024-03-06T10:00:00Z"});
        domain::Case header = *transaction.FindCase("c1");
        header.status = CaseStatus::kAfgesloten;
        header.urgency = "hoog";
        header.forms = {"arbeid"};
        header.rationale = "Meerdere signalen.";
        header.outcome = "zorgtraject";
        header.closure_note = "Afgerond met zorg.";
        header.weighed_at = "2024-03-02T12:00:00Z";
        header.updated_at = "2024-03-06T11:00:00Z";
        header.version = 7;
        header.reopen_count = 1;
        header.reopened_at = "2024-03-05T10:00:00Z";
        transaction.UpdateCase(header);
    });
    // Every field of the record, in order, as text.
    auto describe = [](const domain::CaseFile& file, const std::vector<domain::RelatedSignal>& related,
                       const RetentionState& retention) {
        const domain::Case& header = file.header;
        std::string forms;
        for (const std::string& form : header.forms) forms += (forms.empty() ? "" : ",") + form;
        std::string out = header.id + "|" + std::string{domain::ToString(header.status)} + "|" +
                          std::to_string(header.version) + "|" + header.urgency.value_or("-") + "|" +
                          forms + "|" + header.rationale.value_or("-") + "|" +
                          header.outcome.value_or("-") + "|" + header.closure_note.value_or("-") + "|" +
                          header.weighed_at.value_or("-") + "|" + std::to_string(header.reopen_count) + "|" +
                          header.reopened_at.value_or("-") + "|" + header.created_at + "|" + header.updated_at + "\n";
        const auto join = [](const std::vector<std::string>& values) {
            std::string joined;
            for (const std::string& value : values) joined += (joined.empty() ? "" : ",") + value;
            return joined;
        };
        for (const auto& signal : file.signals) {
            out += "signal " + signal.id + " " + signal.reporter + " " + signal.channel + " " + signal.narrative + " [" +
                   join(signal.indicator_codes) + "] " + signal.catalog_version + " " + signal.observed_on.value_or("-") +
                   " " +
                   (signal.location ? signal.location->street + " " + signal.location->house_number + ", " +
                                          signal.location->postcode + " " + signal.location->city
                                    : std::string{"-"}) +
                   " | " +
                   (signal.business ? signal.business->kvk_number + " " + signal.business->trade_name
                                    : std::string{"-"}) +
                   " " + signal.created_at + " " + signal.case_id.value_or("-") + " " + signal.status + "\n";
            for (const auto& person : signal.persons) {
                out += "  " + person.role + " " + person.name + " " + std::to_string(person.birth_year.value_or(0)) +
                       " " + person.nationality + " " + person.phone + "\n";
            }
        }
        for (const auto& row : file.enrichments) {
            out += "enrichment " + row.id + " " + row.case_id + " " + row.source + " " + row.purpose + " | " +
                   row.content + " " + row.at + " " + row.actor + "\n";
        }
        for (const auto& row : file.assessments) {
            out += "assessment " + row.id + " " + row.case_id + " " + row.urgency + " [" + join(row.forms) + "] " +
                   row.rationale + " " + row.at + " " + row.actor + "\n";
        }
        for (const auto& row : file.referrals) {
            out += "referral " + row.id + " " + row.case_id + " " + row.partner + " " + row.forum.value_or("-") + " " +
                   row.feedback_due + " " + row.note.value_or("-") + " " + row.at + " " + row.actor + "\n";
            for (const auto& feedback : row.feedback) {
                out += "  feedback " + feedback.id + " " + feedback.referral_id + " " + feedback.summary + " " +
                       feedback.at + " " + feedback.actor + "\n";
            }
        }
        for (const auto& row : file.reporter_feedback) {
            out += "to reporter " + row.message + " " + row.at + " " + row.actor + "\n";
        }
        for (const auto& row : file.timeline) {
            out += "timeline " + row.at + " " + row.actor + " " + row.action + " " + row.detail + "\n";
        }
        for (const auto& row : file.closures) {
            out += "closure " + row.at + " " + row.outcome + " " + row.note.value_or("-") + " " + row.actor + "\n";
        }
        for (const auto& row : file.reopenings) {
            out += "reopening " + row.at + " " + row.reason + " " + row.actor + "\n";
        }
        for (const auto& row : related) {
            out += "related " + row.signal_id + " " + row.case_id.value_or("-") + " " + row.created_at;
            for (const auto& kind : row.matched_on) out += " " + kind;
            out += "\n";
        }
        out += "hold " + (retention.hold ? retention.hold->reason + " " + retention.hold->set_by + " " + retention.hold->set_at : std::string{"-"}) +
               " closed " + retention.closed_at.value_or("-") + " destroyed " + retention.destroyed_at.value_or("-");
        return out;
    };
    const std::string expected =
        "c1|afgesloten|7|hoog|arbeid|Meerdere signalen.|zorgtraject|Afgerond met zorg.|2024-03-02T12:00:00Z|1|"
        "2024-03-05T10:00:00Z|2024-03-02T10:00:00Z|2024-03-06T11:00:00Z\n"
        "signal s1 melder formulier Paspoort ingenomen. [ALG-01,ARB-03] 2024.1 2024-03-01 Dorpsstraat 12, 6901 AB "
        "Zevenaar | 12345678 Bakkerij Zonneschijn 2024-03-01T10:00:00Z c1 afgesloten\n"
        "  slachtoffer Anna Jansen 1990 Pools 0612345678\n"
        "  verdachte Piet 0  \n"
        "signal s2 melder formulier Slapen in de loods. [ALG-01,ARB-03] 2024.1 2024-03-01 Dorpsstraat 12, 6901 AB "
        "Zevenaar | 12345678 Bakkerij Zonneschijn 2024-03-01T11:00:00Z c1 afgesloten\n"
        "  getuige Karel 1970  \n"
        "  slachtoffer Ewa 2001 Pools 0687654321\n"
        "  verdachte Jan 0  \n"
        "enrichment e1 c1 brp Nagaan | Niets gevonden 2024-03-02T11:00:00Z af\n"
        "assessment a1 c1 hoog [arbeid] Meerdere signalen. 2024-03-02T12:00:00Z af\n"
        "referral r1 c1 moviera signalenoverleg 2024-03-09 Graag contact 2024-03-02T13:00:00Z af\n"
        "  feedback f1 r1 Contact gelegd. 2024-03-03T09:00:00Z af\n"
        "to reporter Dank, we pakken het op. 2024-03-03T10:00:00Z af\n"
        "timeline 2024-03-02T10:00:00Z af record Casus vastgelegd\n"
        "closure 2024-03-04T10:00:00Z zorgtraject Afgerond. af\n"
        "reopening 2024-03-05T10:00:00Z Nieuw signaal. af\n"
        "related s3 - 2024-03-02T10:00:00Z adres\n"
        "hold Strafzaak loopt. af 2024-03-06T10:00:00Z closed 2024-03-06T11:00:00Z destroyed -";
    auto described = [&](const std::optional<CaseRecord>& record) {
        return record ? describe(record->file, record->related_signals, record->retention) : std::string{"none"};
    };
    // First the case alone, as a request reads it: its statements the first of the read (on PostgreSQL, sent in one
    // pipeline with the read's BEGIN and, the first time, their PREPAREs).
    std::optional<CaseRecord> alone;
    this->Read([&](Transaction& transaction) { alone = transaction.LoadCase("c1"); });
    EXPECT_EQ(described(alone), expected);
    this->Read([&](Transaction& transaction) { EXPECT_FALSE(transaction.LoadCase("c9").has_value()); });
    // Then after other statements of the same read, and twice in one read.
    this->Read([&](Transaction& transaction) {
        EXPECT_EQ(transaction.FindSignal("s3")->narrative, "Elders gemeld.");
        EXPECT_EQ(described(transaction.LoadCase("c1")), expected);
        EXPECT_EQ(described(transaction.LoadCase("c1")), expected);
        // The retention state is what CaseRetention gives.
        const RetentionState retention = transaction.CaseRetention("c1");
        EXPECT_EQ(described(CaseRecord{this->RecordOf(transaction, "c1").file, {}, retention}),
                  expected.substr(0, expected.find("related ")) + expected.substr(expected.find("hold ")));
        // The signals with their persons are what ListSignalsOfCase gives (the route's steps read them so).
        domain::CaseFile signals_only;
        signals_only.header = this->RecordOf(transaction, "c1").file.header;
        signals_only.signals = transaction.ListSignalsOfCase("c1");
        EXPECT_EQ(described(CaseRecord{signals_only, {}, retention}),
                  expected.substr(0, expected.find("enrichment ")) + expected.substr(expected.find("hold ")));
    });
    this->Write([&](Transaction& transaction) {
        transaction.InsertTimelineEntry("c1", {"2024-03-07T10:00:00Z", "af", "enrich", "Nog een stap"});
        auto with_step = expected;
        with_step.insert(with_step.find("closure "), "timeline 2024-03-07T10:00:00Z af enrich Nog een stap\n");
        EXPECT_EQ(described(transaction.LoadCase("c1")), with_step);
    });
}

TYPED_TEST(StoreContractTest, ClosuresReopeningsAndRetention) {
    this->Write([&](Transaction& transaction) {
        transaction.InsertSignal(this->MakeSignal("s1", "2024-01-01T10:00:00Z", "Uitbuiting in de kassen."));
        transaction.InsertSignal(this->MakeSignal("s2", "2024-01-02T10:00:00Z", "Losse melding zonder casus."));
        transaction.InsertCase(this->MakeCase("c1", "2024-01-03T10:00:00Z"));
        transaction.SetSignalCase("s1", "c1");
        transaction.InsertAssessment({"a1", "c1", "normaal", {"arbeid"}, "Rationale.", "2024-01-03T11:00:00Z", "af"});
        domain::Case header = *transaction.FindCase("c1");
        header.status = CaseStatus::kAfgesloten;
        header.outcome = "zorgtraject";
        header.closure_note = "Afgerond met zorg.";
        header.updated_at = "2024-01-10T10:00:00Z";
        transaction.UpdateCase(header);
        transaction.InsertClosure("c1", {"2024-01-10T10:00:00Z", "zorgtraject", "Afgerond met zorg.", "af"});
        transaction.InsertReopening("c1", {"2024-01-11T10:00:00Z", "Nieuw signaal.", "af"});
        transaction.InsertClosure("c1", {"2024-01-12T10:00:00Z", "zorgtraject", std::nullopt, "af"});
        transaction.SetLegalHold("c1", LegalHold{"Strafzaak loopt.", "af", "2024-01-13T10:00:00Z"});
    });
    this->Read([this](Transaction& transaction) {
        const CaseRecord record = this->RecordOf(transaction, "c1");
        const auto& closures = record.file.closures;
        ASSERT_EQ(closures.size(), 2u);
        EXPECT_EQ(closures[0].note, "Afgerond met zorg.");
        EXPECT_FALSE(closures[1].note.has_value());
        const auto& reopenings = record.file.reopenings;
        ASSERT_EQ(reopenings.size(), 1u);
        EXPECT_EQ(reopenings[0].reason, "Nieuw signaal.");
        auto cases = transaction.ListRetentionCandidates({"case", "2099-01-01T00:00:00Z", std::nullopt, 10});
        ASSERT_EQ(cases.size(), 1u);
        EXPECT_EQ(cases[0].kind, "case");
        EXPECT_TRUE(cases[0].on_hold);
        EXPECT_EQ(cases[0].since, "2024-01-10T10:00:00Z");
        auto signals = transaction.ListRetentionCandidates({"signal", "2099-01-01T00:00:00Z", std::nullopt, 10});
        ASSERT_EQ(signals.size(), 1u);
        EXPECT_EQ(signals[0].id, "s2");
        auto state = transaction.CaseRetention("c1");
        ASSERT_TRUE(state.hold.has_value());
        EXPECT_EQ(state.hold->reason, "Strafzaak loopt.");
    });
    std::vector<std::string> case_categories;
    std::vector<std::string> signal_categories;
    this->Write([&](Transaction& transaction) {
        transaction.SetLegalHold("c1", std::nullopt);
        transaction.InsertSignalKey("s2", "persoon", "k-persoon");
        case_categories = transaction.DestroyCase("c1", "2030-01-01T00:00:00Z");
        signal_categories = transaction.DestroySignal("s2", "2030-01-01T00:00:00Z");
        transaction.AppendDestructionRecord({0, "case", "c1", "2030-01-01T00:00:00Z", "5y", case_categories, "systeem"});
        transaction.AppendDestructionRecord({0, "signal", "s2", "2030-01-01T00:00:00Z", "1y", signal_categories, "systeem"});
    });
    EXPECT_NE(std::find(case_categories.begin(), case_categories.end(), "meldingstekst"), case_categories.end());
    EXPECT_NE(std::find(case_categories.begin(), case_categories.end(), "casusteksten"), case_categories.end());
    EXPECT_NE(std::find(signal_categories.begin(), signal_categories.end(), "koppelsleutels"), signal_categories.end());
    this->Read([this](Transaction& transaction) {
        EXPECT_TRUE(transaction.ListRetentionCandidates({"case", "2099-01-01T00:00:00Z", std::nullopt, 10}).empty());
        EXPECT_TRUE(transaction.ListRetentionCandidates({"signal", "2099-01-01T00:00:00Z", std::nullopt, 10}).empty());
        auto state = transaction.CaseRetention("c1");
        EXPECT_FALSE(state.hold.has_value());
        EXPECT_EQ(state.destroyed_at, "2030-01-01T00:00:00Z");
        auto signal = transaction.FindSignal("s1");
        ASSERT_TRUE(signal.has_value());
        EXPECT_TRUE(signal->narrative.empty());
        EXPECT_TRUE(signal->persons.empty());
        EXPECT_FALSE(signal->location.has_value());
        EXPECT_EQ(transaction.SignalDestroyedAt("s2"), "2030-01-01T00:00:00Z");
        EXPECT_FALSE(transaction.SignalDestroyedAt("s9").has_value());
        EXPECT_TRUE(transaction.SearchSignals("kassen", {}, 2000, 10).empty());
        EXPECT_TRUE(transaction.FindSignalIdsByKey("persoon", "k-persoon").empty());
        const CaseRecord record = this->RecordOf(transaction, "c1");
        ASSERT_EQ(record.file.closures.size(), 2u);
        EXPECT_FALSE(record.file.closures[0].note.has_value());
        ASSERT_EQ(record.file.reopenings.size(), 1u);
        EXPECT_TRUE(record.file.reopenings[0].reason.empty());
        ASSERT_EQ(record.file.assessments.size(), 1u);
        EXPECT_TRUE(record.file.assessments[0].rationale.empty());
        auto log = transaction.ListDestructionRecords(10);
        ASSERT_EQ(log.size(), 2u);
        EXPECT_EQ(log[0].object_id, "s2");  // newest first
    });
}

// The retention scan reads only what is before its bound, a page at a time in the order of `since` (the same
// moment ordered by the store's sequence), and never what is destroyed, in a case, or a case still open.
TYPED_TEST(StoreContractTest, RetentionScanReadsOnlyWhatIsBeforeItsBoundInPages) {
    this->Write([&](Transaction& transaction) {
        for (int day = 1; day <= 9; ++day) {
            const std::string at = "2024-05-0" + std::to_string(day) + "T10:00:00Z";
            transaction.InsertSignal(this->MakeSignal("s" + std::to_string(day), at, "Tekst."));
        }
        transaction.InsertSignal(this->MakeSignal("s3b", "2024-05-03T10:00:00Z", "Zelfde moment als s3."));
        transaction.DestroySignal("s2", "2024-06-01T00:00:00Z");
        transaction.InsertCase(this->MakeCase("c-open", "2024-05-01T11:00:00Z"));
        transaction.SetSignalCase("s4", "c-open");
        for (const char* id : {"c1", "c2", "c3"}) {
            transaction.InsertCase(this->MakeCase(id, "2024-05-01T12:00:00Z"));
            domain::Case header = *transaction.FindCase(id);
            header.status = CaseStatus::kAfgesloten;
            header.outcome = "zorgtraject";
            header.updated_at = std::string{"2024-05-0"} + id[1] + "T12:00:00Z";
            transaction.UpdateCase(header);
            transaction.InsertClosure(id, {header.updated_at, "zorgtraject", std::nullopt, "af"});
        }
        transaction.DestroyCase("c1", "2024-06-01T00:00:00Z");
    });
    this->Read([](Transaction& transaction) {
        auto ids = [](const std::vector<RetentionCandidate>& candidates) {
            std::vector<std::string> result;
            for (const RetentionCandidate& candidate : candidates) result.push_back(candidate.id);
            return result;
        };
        // Before the 7th: s1, s3, s3b, s5, s6 (s2 destroyed, s4 in a case), two per page.
        RetentionScan scan{"signal", "2024-05-07T00:00:00Z", std::nullopt, 2};
        auto first = transaction.ListRetentionCandidates(scan);
        EXPECT_EQ(ids(first), (std::vector<std::string>{"s1", "s3"}));
        scan.after = first.back();
        auto second = transaction.ListRetentionCandidates(scan);
        EXPECT_EQ(ids(second), (std::vector<std::string>{"s3b", "s5"}));
        scan.after = second.back();
        auto third = transaction.ListRetentionCandidates(scan);
        EXPECT_EQ(ids(third), (std::vector<std::string>{"s6"}));
        EXPECT_EQ(third[0].since, "2024-05-06T10:00:00Z");
        EXPECT_EQ(third[0].kind, "signal");
        scan.after = third.back();
        EXPECT_TRUE(transaction.ListRetentionCandidates(scan).empty());
        // Cases by the moment they were closed: c1 destroyed, c-open not closed, c3 closed after the bound.
        auto cases = transaction.ListRetentionCandidates({"case", "2024-05-03T00:00:00Z", std::nullopt, 10});
        ASSERT_EQ(ids(cases), (std::vector<std::string>{"c2"}));
        EXPECT_EQ(cases[0].outcome, "zorgtraject");
        EXPECT_EQ(cases[0].since, "2024-05-02T12:00:00Z");
        EXPECT_FALSE(cases[0].on_hold);
    });
}

TYPED_TEST(StoreContractTest, LinkingRectificationAndRecurrences) {
    this->Write([&](Transaction& transaction) {
        for (const char* id : {"s1", "s2", "s3"}) {
            transaction.InsertSignal(this->MakeSignal(id, std::string{"2024-02-0"} + id[1] + "T10:00:00Z", "Tekst."));
        }
        transaction.InsertCase(this->MakeCase("c1", "2024-02-05T10:00:00Z"));
        transaction.SetSignalCase("s1", "c1");
        for (const char* id : {"s1", "s2", "s3"}) transaction.InsertSignalKey(id, "adres", "k-adres");
        transaction.InsertSignalKey("s1", "adres", "k-adres");  // a duplicate is ignored
        transaction.InsertSignalKey("s1", "telefoon", "k-tel");
        transaction.InsertSignalKey("s2", "telefoon", "k-tel");
        transaction.UpdatePerson("s2", 0, {"slachtoffer", "Anna Jansen-de Boer", 1991, "Pools", ""});
        transaction.InsertRectification({"x1", "s2", 0, {"name", "birthYear"}, "Verkeerd gespeld.",
                                         "2024-02-06T10:00:00Z", "af"});
    });
    this->Read([this](Transaction& transaction) {
        const auto related = this->RecordOf(transaction, "c1").related_signals;
        ASSERT_EQ(related.size(), 2u);
        EXPECT_EQ(related[0].signal_id, "s3");
        EXPECT_EQ(related[1].matched_on, (std::vector<std::string>{"adres", "telefoon"}));
        auto recurrences = transaction.ListRecurrences(2, 10);
        ASSERT_EQ(recurrences.size(), 1u);
        EXPECT_EQ(recurrences[0].kind, "adres");
        EXPECT_EQ(recurrences[0].signal_count, 3);
        EXPECT_EQ(recurrences[0].label, "Dorpsstraat 12, 6901 AB Zevenaar");
        auto ids = transaction.FindSignalIdsByKey("telefoon", "k-tel");
        std::sort(ids.begin(), ids.end());
        EXPECT_EQ(ids, (std::vector<std::string>{"s1", "s2"}));
        auto person = transaction.FindSignal("s2")->persons[0];
        EXPECT_EQ(person.name, "Anna Jansen-de Boer");
        EXPECT_TRUE(person.phone.empty());
        auto rectifications = transaction.ListRectifications("s2");
        ASSERT_EQ(rectifications.size(), 1u);
        EXPECT_EQ(rectifications[0].reason, "Verkeerd gespeld.");
        EXPECT_EQ(rectifications[0].fields.size(), 2u);
    });
    this->Write([](Transaction& transaction) { transaction.DeleteSignalKeys("s2"); });
    this->Read([](Transaction& transaction) { EXPECT_EQ(transaction.FindSignalIdsByKey("telefoon", "k-tel").size(), 1u); });
}

// A case with more match keys than one statement asks for (8): every key is looked up, and each related signal
// comes back with the kinds it matched on.
TYPED_TEST(StoreContractTest, RelatedSignalsOverManyKeys) {
    constexpr int kKeys = 11;
    const std::vector<std::string> kinds{"adres", "telefoon", "persoon", "bedrijf"};
    this->Write([&](Transaction& transaction) {
        transaction.InsertSignal(this->MakeSignal("mine", "2024-03-01T10:00:00Z", "Tekst."));
        transaction.InsertCase(this->MakeCase("c1", "2024-03-02T10:00:00Z"));
        transaction.SetSignalCase("mine", "c1");
        for (int key = 0; key < kKeys; ++key) {
            const std::string other = "other" + std::to_string(10 + key);
            const std::string& kind = kinds[static_cast<std::size_t>(key) % kinds.size()];
            transaction.InsertSignal(this->MakeSignal(other, "2024-03-01T11:00:00Z", "Tekst."));
            transaction.InsertSignalKey("mine", kind, "k" + std::to_string(key));
            transaction.InsertSignalKey(other, kind, "k" + std::to_string(key));
        }
    });
    this->Read([&](Transaction& transaction) {
        const auto related = this->RecordOf(transaction, "c1").related_signals;
        ASSERT_EQ(related.size(), static_cast<std::size_t>(kKeys));
        for (int key = 0; key < kKeys; ++key) {
            // Newest first: the last inserted comes first.
            const domain::RelatedSignal& signal = related[static_cast<std::size_t>(kKeys - 1 - key)];
            EXPECT_EQ(signal.signal_id, "other" + std::to_string(10 + key));
            EXPECT_EQ(signal.matched_on, (std::vector<std::string>{kinds[static_cast<std::size_t>(key) % kinds.size()]}));
        }
    });
}

// A key shared by more signals than the bound: the newest related ones come back, newest first, each with every
// kind it matched on, and never the case's own signals, however many share the key.
TYPED_TEST(StoreContractTest, RelatedSignalsAreBoundedNewestFirst) {
    constexpr int kSharing = 130;  // more than the bound of 100
    auto id_of = [](int number) { return "s" + std::to_string(1000 + number); };
    this->Write([&](Transaction& transaction) {
        for (int number = 1; number <= kSharing; ++number) {
            transaction.InsertSignal(
                this->MakeSignal(id_of(number), "2024-03-01T10:00:00Z", "Tekst " + std::to_string(number) + "."));
            transaction.InsertSignalKey(id_of(number), "bedrijf", "k-bedrijf");
        }
        transaction.InsertCase(this->MakeCase("c1", "2024-03-02T10:00:00Z"));
        // The case holds the oldest signal and one of the newest: its own are never related, not even newest.
        transaction.SetSignalCase(id_of(1), "c1");
        transaction.SetSignalCase(id_of(kSharing), "c1");
        transaction.InsertSignalKey(id_of(1), "telefoon", "k-tel");
        transaction.InsertSignalKey(id_of(5), "telefoon", "k-tel");           // old: only through the phone
        transaction.InsertSignalKey(id_of(kSharing - 1), "telefoon", "k-tel");  // newest related: both kinds
        transaction.InsertSignalKey(id_of(kSharing - 1), "adres", "k-elders");  // a key the case does not have
    });
    this->Read([&](Transaction& transaction) {
        const auto related = this->RecordOf(transaction, "c1").related_signals;
        ASSERT_EQ(related.size(), 100u);
        EXPECT_EQ(related[0].signal_id, id_of(kSharing - 1));
        EXPECT_EQ(related[0].matched_on, (std::vector<std::string>{"bedrijf", "telefoon"}));
        EXPECT_EQ(related[1].signal_id, id_of(kSharing - 2));
        EXPECT_EQ(related[1].matched_on, (std::vector<std::string>{"bedrijf"}));
        EXPECT_FALSE(related[1].case_id.has_value());
        EXPECT_EQ(related[1].created_at, "2024-03-01T10:00:00Z");
        // The newest 100 besides the case's own: down to number 30; number 5 (phone) is older than those.
        EXPECT_EQ(related.back().signal_id, id_of(kSharing - 100));
        for (const domain::RelatedSignal& signal : related) {
            EXPECT_NE(signal.signal_id, id_of(1));
            EXPECT_NE(signal.signal_id, id_of(kSharing));
        }
    });
}

TYPED_TEST(StoreContractTest, CodesAndCatalogVersions) {
    this->Write([](Transaction& transaction) {
        transaction.UpsertCode("partner", {"gemeente-x", "Gemeente X"});
        transaction.UpsertCode("partner", {"moviera", "Moviera (zorgcoördinator)"});
        domain::Catalog catalog = domain::BuiltinCatalog();
        catalog.version = "2025.1";
        catalog.published_at = "2025-01-01T00:00:00Z";
        catalog.published_by = "beheer";
        transaction.InsertCatalog(catalog);
    });
    this->Read([](Transaction& transaction) {
        auto partners = transaction.ListCodes("partner");
        ASSERT_EQ(partners.size(), 11u);
        EXPECT_EQ(partners.front().name, "Moviera (zorgcoördinator)");
        EXPECT_EQ(partners.back().code, "gemeente-x");
        EXPECT_EQ(transaction.ListCodes("forum").size(), 4u);
        EXPECT_EQ(transaction.ListCodes("outcome").size(), 6u);
        EXPECT_EQ(transaction.LatestCatalogVersion(), "2025.1");
        ASSERT_EQ(transaction.ListCatalogVersions().size(), 1u);
        auto catalog = transaction.LoadCatalog("2025.1");
        ASSERT_TRUE(catalog.has_value());
        EXPECT_EQ(catalog->All().size(), domain::BuiltinCatalog().All().size());
        EXPECT_EQ(catalog->All().front()->code, "ALG-01");
        EXPECT_FALSE(transaction.LoadCatalog("1999.1").has_value());
    });
}

// A read or a write that throws (a bug) fails alone: the read's connection goes back to the pool, however often
// it happens, and a write job's exception of any kind becomes its error without touching the rest.
TYPED_TEST(StoreContractTest, WorkThatThrowsGivesItsConnectionBack) {
    for (int attempt = 0; attempt < 64; ++attempt) {
        auto throwing = [](Transaction& transaction) -> Status {
            transaction.ListUsers();
            throw std::runtime_error("a bug");
        };
        EXPECT_THROW(static_cast<void>(this->store_->Read(throwing)), std::runtime_error);
    }
    Status thrown = this->store_->Write([](Transaction& transaction) -> Status {
        transaction.InsertUser({"half", "h", {domain::Role::kMelder}, true, "2024-05-01T10:00:00Z"});
        throw 42;  // not a std::exception
    });
    ASSERT_FALSE(thrown.has_value());
    EXPECT_EQ(thrown.error().code, ErrorCode::kInternal);
    this->Write([](Transaction& transaction) {
        transaction.InsertUser({"whole", "h", {domain::Role::kMelder}, true, "2024-05-01T10:00:00Z"});
    });
    this->Read([](Transaction& transaction) {
        EXPECT_FALSE(transaction.FindUser("half").has_value());
        EXPECT_TRUE(transaction.FindUser("whole").has_value());
    });
}

// The jobs of one batch share a transaction, which remembers the end of the audit chain and the latest catalog
// version: a later job sees what an earlier one wrote, and nothing of one that was rolled back.
TYPED_TEST(StoreContractTest, JobsOfOneBatchSeeEachOthersWritesButNotRolledBackOnes) {
    auto publish = [](Transaction& transaction, const std::string& version) {
        domain::Catalog catalog = domain::BuiltinCatalog();
        catalog.version = version;
        catalog.published_at = "2025-01-01T00:00:00Z";
        catalog.published_by = "beheer";
        transaction.InsertCatalog(catalog);
    };
    this->Write([&](Transaction& transaction) {
        app::AppendAudit(transaction, {"beheer", "catalog.publish", "catalog/2025.1", "beheer", "toegestaan"},
                         "2025-01-01T00:00:00Z");
        EXPECT_EQ(transaction.LatestCatalogVersion(), std::nullopt);
        publish(transaction, "2025.1");
        EXPECT_EQ(transaction.LatestCatalogVersion(), "2025.1");
    });
    // Four jobs queue while a fifth holds the writer, so they run as one batch, in the order queued: the first
    // publishes and fails, the second sees the version before it, the third publishes and the fourth sees that.
    std::atomic<bool> holding{false};
    std::vector<std::optional<std::string>> seen(2);
    auto job = [&](int index) {
        return this->store_->Write([&, index](Transaction& transaction) -> Status {
            app::AppendAudit(transaction, {"beheer", "job", "job/" + std::to_string(index), "beheer", "toegestaan"},
                             "2025-01-02T00:00:00Z");
            if (index == 0) {
                publish(transaction, "2025.2");
                EXPECT_EQ(transaction.LatestCatalogVersion(), "2025.2");
                return MakeError(ErrorCode::kInvalidArgument, "refused on purpose");
            }
            if (index == 2) publish(transaction, "2025.3");
            if (index == 1 || index == 3) seen[static_cast<std::size_t>(index / 2)] = transaction.LatestCatalogVersion();
            return Ok();
        });
    };
    std::thread holder{[&] {
        EXPECT_TRUE(this->store_->Write([&](Transaction&) -> Status {
            holding.store(true);
            while (this->store_->metrics().write_queue_depth.load() < 4) std::this_thread::yield();
            return Ok();
        }).has_value());
    }};
    while (!holding.load()) std::this_thread::yield();
    std::vector<std::thread> jobs;
    for (int index = 0; index < 4; ++index) {
        jobs.emplace_back([&, index] { EXPECT_EQ(job(index).has_value(), index != 0) << index; });
        // Queued in order: each waits for the one before it. Not after the fourth: the holder then lets go, and
        // the batch takes all four off the queue at once.
        if (index < 3) {
            while (this->store_->metrics().write_queue_depth.load() < index + 1) std::this_thread::yield();
        }
    }
    holder.join();
    for (std::thread& thread : jobs) thread.join();
    EXPECT_EQ(seen[0], "2025.1");
    EXPECT_EQ(seen[1], "2025.3");
    this->Read([](Transaction& transaction) {
        EXPECT_EQ(transaction.ListCatalogVersions().size(), 2u);
        auto verification = app::VerifyAuditChain(transaction);
        EXPECT_TRUE(verification.valid);
        EXPECT_EQ(verification.count, 4);
    });
}

TYPED_TEST(StoreContractTest, AuditTrailAndProcessingRecords) {
    for (int index = 0; index < 3; ++index) {
        this->Write([&](Transaction& transaction) {
            app::AppendAudit(transaction, {"af", "case.read", "case/c" + std::to_string(index), "behandeling", "toegestaan"},
                             "2024-04-0" + std::to_string(index + 1) + "T10:00:00Z");
        });
    }
    this->Read([](Transaction& transaction) {
        auto last = transaction.LastAuditRecord();
        ASSERT_TRUE(last.has_value());
        EXPECT_EQ(last->sequence, 3);
        EXPECT_TRUE(app::VerifyAuditChain(transaction).valid);
        AuditFilter filter;
        filter.from = "2024-04-02T00:00:00Z";
        auto records = transaction.ListAuditRecords(filter);
        ASSERT_EQ(records.size(), 2u);
        EXPECT_EQ(records[0].sequence, 3);  // newest first
        std::int64_t visited = 0;
        transaction.ForEachAuditRecord([&](const AuditRecord& record) { EXPECT_EQ(record.sequence, ++visited); });
        EXPECT_EQ(visited, 3);
        auto processing = transaction.ListProcessingRecords({"2024-04-01T00:00:00Z", "2024-04-03T00:00:00Z", 0}, 10);
        ASSERT_EQ(processing.size(), 2u);
        EXPECT_EQ(processing[0].audit_sequence, 1);
    });
}

// Writers from many threads, each appending to the chain: the chain stays one valid chain without gaps, and a
// job that fails inside a batch leaves nothing behind while the others commit.
TYPED_TEST(StoreContractTest, ConcurrentWritesKeepOneChainAndFailedJobsRollBack) {
    // Twelve writers at once, and a flush waiting for the writer to be idle meanwhile: every job is woken when its
    // batch is done and the next leader takes over, so none of them hangs.
    constexpr int kThreads = 12;
    constexpr int kWritesPerThread = 25;
    std::atomic<int> refused{0};
    std::atomic<bool> writing{true};
    std::vector<std::thread> threads;
    for (int thread = 0; thread < kThreads; ++thread) {
        threads.emplace_back([&, thread] {
            for (int index = 0; index < kWritesPerThread; ++index) {
                const std::string name = "u" + std::to_string(thread) + "-" + std::to_string(index);
                Status status = this->store_->Write([&](Transaction& transaction) -> Status {
                    app::AppendAudit(transaction, {"systeem", "user.add", "user/" + name, "beheer", "toegestaan"},
                                     "2024-05-01T10:00:00Z");
                    transaction.InsertUser({name, "h", {domain::Role::kMelder}, true, "2024-05-01T10:00:00Z"});
                    if (index % 5 == 4) return MakeError(ErrorCode::kInvalidArgument, "refused on purpose");
                    return Ok();
                });
                if (!status) refused.fetch_add(1);
            }
        });
    }
    int flushes = 0;
    std::thread flusher{[&] {
        while (writing.load()) {
            EXPECT_TRUE(this->store_->Flush().has_value());
            ++flushes;
        }
    }};
    for (std::thread& thread : threads) thread.join();
    writing.store(false);
    flusher.join();
    EXPECT_GT(flushes, 0);
    static constexpr int kWritten = kThreads * kWritesPerThread * 4 / 5;
    EXPECT_EQ(refused.load(), kThreads * kWritesPerThread / 5);
    Status duplicate = this->store_->Write([](Transaction& transaction) -> Status {
        transaction.InsertUser({"u0-0", "h", {domain::Role::kMelder}, true, "2024-05-01T10:00:00Z"});
        return Ok();
    });
    ASSERT_FALSE(duplicate.has_value());
    EXPECT_EQ(duplicate.error().code, ErrorCode::kUnavailable);
    this->Read([](Transaction& transaction) {
        EXPECT_EQ(transaction.ListUsers().size(), static_cast<std::size_t>(kWritten));
        auto verification = app::VerifyAuditChain(transaction);
        EXPECT_TRUE(verification.valid);
        EXPECT_EQ(verification.count, kWritten);
        EXPECT_EQ(transaction.LastAuditRecord()->sequence, kWritten);
    });
    EXPECT_TRUE(this->store_->Check().has_value());
}

// Writes that do not wait (an audited read's record, the API's intake): each is told of its result once, after its
// batch has committed, so what it wrote is there for any reader by then; failures are their own; they share
// batches with waiting writes and keep the audit chain one chain.
TYPED_TEST(StoreContractTest, DeferredWritesAreToldOnceAfterTheirCommit) {
    constexpr int kThreads = 6;
    constexpr int kWritesPerThread = 20;
    std::atomic<int> told{0};
    std::atomic<int> told_ok{0};
    std::atomic<int> missing_when_told{0};
    std::mutex names_mutex;
    std::multiset<std::string> told_names;
    std::vector<std::thread> threads;
    for (int thread = 0; thread < kThreads; ++thread) {
        threads.emplace_back([&, thread] {
            for (int index = 0; index < kWritesPerThread; ++index) {
                const std::string name = "d" + std::to_string(thread) + "-" + std::to_string(index);
                auto work = [name, index](Transaction& transaction) -> Status {
                    app::AppendAudit(transaction, {"systeem", "user.add", "user/" + name, "beheer", "toegestaan"},
                                     "2024-05-01T10:00:00Z");
                    transaction.InsertUser({name, "h", {domain::Role::kMelder}, true, "2024-05-01T10:00:00Z"});
                    if (index % 5 == 4) return MakeError(ErrorCode::kInvalidArgument, "refused on purpose");
                    return Ok();
                };
                if (thread % 3 == 0) {  // a third of the writers wait, as the case actions do
                    EXPECT_EQ(this->store_->Write(work).has_value(), index % 5 != 4);
                    continue;
                }
                this->store_->WriteDeferred(work, [&, name, index](Status result) {
                    EXPECT_EQ(result.has_value(), index % 5 != 4) << name;
                    if (result) {
                        bool found = false;
                        (void)this->store_->Read([&](Transaction& transaction) -> Status {
                            found = transaction.FindUser(name).has_value();
                            return Ok();
                        });
                        if (!found) missing_when_told.fetch_add(1);
                        told_ok.fetch_add(1);
                    }
                    {
                        std::lock_guard lock{names_mutex};
                        told_names.insert(name);
                    }
                    told.fetch_add(1);
                });
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    ASSERT_TRUE(this->store_->Flush().has_value());  // waits for whatever is still queued
    constexpr int kDeferred = (kThreads - kThreads / 3) * kWritesPerThread;
    EXPECT_EQ(told.load(), kDeferred);
    EXPECT_EQ(told_ok.load(), kDeferred * 4 / 5);
    EXPECT_EQ(missing_when_told.load(), 0);
    // Each deferred write told once, by name (a count alone would not see one told twice and another never).
    for (int thread = 0; thread < kThreads; ++thread) {
        if (thread % 3 == 0) continue;
        for (int index = 0; index < kWritesPerThread; ++index) {
            const std::string name = "d" + std::to_string(thread) + "-" + std::to_string(index);
            EXPECT_EQ(told_names.count(name), 1u) << name;
        }
    }
    this->Read([](Transaction& transaction) {
        constexpr int kWritten = kThreads * kWritesPerThread * 4 / 5;
        EXPECT_EQ(transaction.ListUsers().size(), static_cast<std::size_t>(kWritten));
        auto verification = app::VerifyAuditChain(transaction);
        EXPECT_TRUE(verification.valid);
        EXPECT_EQ(verification.count, kWritten);
    });
}

// No request thread waits for a deferred write: when a waiting writer's batch ends with only deferred writes queued
// behind it, they still run (on the store's batch thread), and the waiting writer returns meanwhile.
TYPED_TEST(StoreContractTest, DeferredWritesQueuedBehindABatchRunWhenItEnds) {
    WriterHold hold{*this->store_};
    std::mutex mutex;
    std::condition_variable all_told;
    int told = 0;
    for (int index = 0; index < 3; ++index) {
        // The holder leads: this returns at once, the job queued.
        this->store_->WriteDeferred(
            [index](Transaction& transaction) -> Status {
                transaction.InsertUser({"q" + std::to_string(index), "h", {domain::Role::kMelder}, true,
                                        "2024-05-01T10:00:00Z"});
                return Ok();
            },
            [&](Status result) {
                EXPECT_TRUE(result.has_value());
                std::lock_guard lock{mutex};
                ++told;
                all_told.notify_all();
            });
    }
    EXPECT_EQ(this->store_->metrics().write_queue_depth.load(), 3);
    {
        std::lock_guard lock{mutex};
        EXPECT_EQ(told, 0) << "told before the batch that holds them ran";
    }
    hold.Release();  // returns once the holding write has: the deferred ones are not its to wait for
    {
        std::unique_lock lock{mutex};
        ASSERT_TRUE(all_told.wait_for(lock, std::chrono::seconds(20), [&] { return told == 3; }))
            << "deferred writes left queued with no thread to run them";
        EXPECT_EQ(this->store_->metrics().write_queue_depth.load(), 0);
    }
    this->Read([](Transaction& transaction) { EXPECT_EQ(transaction.ListUsers().size(), 3u); });
}

TYPED_TEST(StoreContractTest, FiguresFacts) {
    this->Write([&](Transaction& transaction) {
        this->InsertReporterAndTwoSignals(transaction);
        transaction.InsertCase(this->MakeCase("c1", "2025-01-03T10:00:00Z"));
        transaction.SetSignalCase("s1", "c1");
        transaction.InsertReferral({"r1", "c1", "moviera", std::nullopt, "2025-01-10", std::nullopt,
                                    "2025-01-04T10:00:00Z", "af", {}});
        transaction.InsertClosure("c1", {"2025-01-20T10:00:00Z", "zorgtraject", std::nullopt, "af"});
        transaction.UpsertYearlyFigures({2024, 120, std::nullopt, 7, "eigen telling", "2025-01-05T00:00:00Z", "beleid"});
        transaction.UpsertYearlyFigures({2023, 111, 49, 6, "correctie", "2025-01-05T00:00:00Z", "beleid"});
    });
    this->Read([](Transaction& transaction) {
        auto signals = transaction.SignalsForFiguresBetween("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        ASSERT_EQ(signals.size(), 1u);
        EXPECT_EQ(signals[0].department, domain::kResidentDepartment);
        auto last_year = transaction.SignalsForFiguresBetween("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        ASSERT_EQ(last_year.size(), 1u);
        EXPECT_EQ(last_year[0].department, "publiekszaken");
        auto cases = transaction.CasesForFiguresBetween("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        ASSERT_EQ(cases.size(), 1u);
        EXPECT_EQ(cases[0].first_signal_at, "2024-12-30T10:00:00Z");
        EXPECT_EQ(cases[0].referrals.size(), 1u);
        EXPECT_EQ(cases[0].closures.size(), 1u);
        EXPECT_TRUE(cases[0].has_reachable_reporter);
        // The counts per year of the yearly overview, counted by the store, are those the statistics compute.
        const std::string from = "2020-01-01T00:00:00Z";
        const std::string to = "2030-01-01T00:00:00Z";
        auto per_year = transaction.CountsPerYear(from, to);
        auto computed = domain::ComputeStatistics(transaction.SignalsForFiguresBetween(from, to),
                                                  transaction.CasesForFiguresBetween(from, to), from, to,
                                                  std::chrono::sys_days{std::chrono::year{2025} / 6 / 30},
                                                  domain::DeadlineSettings{});
        ASSERT_EQ(per_year.size(), 2u);
        ASSERT_EQ(computed.per_year.size(), 2u);
        for (std::size_t index = 0; index < per_year.size(); ++index) {
            EXPECT_EQ(per_year[index].period, computed.per_year[index].period);
            EXPECT_EQ(per_year[index].signals, computed.per_year[index].signals);
            EXPECT_EQ(per_year[index].cases, computed.per_year[index].cases);
            EXPECT_EQ(per_year[index].care_trajectories, computed.per_year[index].care_trajectories);
            EXPECT_EQ(per_year[index].reopenings, computed.per_year[index].reopenings);
        }
        EXPECT_EQ(per_year[0].period, "2024");
        EXPECT_EQ(per_year[1].care_trajectories, 1) << "the closure of c1 as a care trajectory, in 2025";
        auto figures = transaction.ListYearlyFigures();
        ASSERT_EQ(figures.size(), 6u);
        EXPECT_EQ(figures[4].year, 2023);
        EXPECT_EQ(figures[4].region_care_trajectories, 49);
        EXPECT_EQ(figures[5].year, 2024);
        EXPECT_FALSE(figures[5].region_care_trajectories.has_value());
        EXPECT_EQ(figures[5].municipality_count, 7);
    });
}

// What the figures read of each case is kept by triggers (case_figures); it follows every kind of change: a case
// recorded in the period, one recorded earlier with a referral and a reopening in it, a signal moved to another
// case, weighings, referrals with feedback, reporter feedback, closures and a case changed afterwards.
TYPED_TEST(StoreContractTest, FiguresFactsFollowEveryChange) {
    this->Write([&](Transaction& transaction) {
        this->InsertReporterAndTwoSignals(transaction);
        domain::Signal early = this->MakeSignal("s0", "2024-05-30T10:00:00Z", "Tekst.");
        early.reporter.clear();
        transaction.InsertSignal(early);
        transaction.InsertCase(this->MakeCase("c0", "2024-06-01T10:00:00Z"));
        transaction.SetSignalCase("s0", "c0");
        transaction.InsertClosure("c0", {"2024-07-01T10:00:00Z", "geen-mensenhandel", std::nullopt, "af"});
        transaction.InsertReopening("c0", {"2025-02-15T10:00:00Z", "Nieuw signaal.", "af"});
        transaction.InsertReferral({"r0", "c0", "politie", std::nullopt, "2025-03-15", std::nullopt,
                                    "2025-03-01T10:00:00Z", "af", {}});
        transaction.InsertPartnerFeedback({"p0", "r0", "Bekend.", "2025-03-05T10:00:00Z", "af"});

        transaction.InsertCase(this->MakeCase("c1", "2025-01-03T10:00:00Z"));
        transaction.SetSignalCase("s1", "c1");
        transaction.SetSignalCase("s2", "c1");
        transaction.InsertAssessment({"a1", "c1", "hoog", {"arbeid"}, "Reden.", "2025-01-04T09:00:00Z", "af"});
        transaction.InsertAssessment({"a2", "c1", "acuut", {"arbeid", "seksueel"}, "Reden.", "2025-01-05T09:00:00Z", "af"});
        transaction.InsertReferral({"r1", "c1", "moviera", std::nullopt, "2025-01-10", std::nullopt,
                                    "2025-01-04T10:00:00Z", "af", {}});
        transaction.InsertReferral({"r2", "c1", "riec", std::nullopt, "2025-01-12", std::nullopt,
                                    "2025-01-06T10:00:00Z", "af", {}});
        transaction.InsertPartnerFeedback({"p2", "r2", "Opgepakt.", "2025-01-09T10:00:00Z", "af"});
        transaction.InsertPartnerFeedback({"p1", "r2", "Eerder.", "2025-01-08T10:00:00Z", "af"});
        transaction.InsertReporterFeedback("f1", "c1", {"Dank.", "2025-01-07T10:00:00Z", "af"});
        transaction.InsertReporterFeedback("f2", "c1", {"Opgepakt.", "2025-01-05T10:00:00Z", "af"});
        transaction.InsertClosure("c1", {"2025-01-20T10:00:00Z", "zorgtraject", std::nullopt, "af"});
        domain::Case closed = this->MakeCase("c1", "2025-01-03T10:00:00Z");
        closed.status = domain::CaseStatus::kAfgesloten;
        closed.urgency = "acuut";
        closed.forms = {"arbeid", "seksueel"};
        closed.outcome = "zorgtraject";
        closed.weighed_at = "2025-01-05T09:00:00Z";
        closed.updated_at = "2025-01-20T10:00:00Z";
        transaction.UpdateCase(closed);

        // The anonymous signal turns out to belong to a case of its own.
        transaction.InsertCase(this->MakeCase("c2", "2025-01-10T10:00:00Z"));
        transaction.SetSignalCase("s2", "c2");
        // Recorded before the period and nothing in it.
        transaction.InsertCase(this->MakeCase("c3", "2023-01-10T10:00:00Z"));
        transaction.InsertReferral({"r3", "c3", "politie", std::nullopt, "2023-02-01", std::nullopt,
                                    "2023-01-11T10:00:00Z", "af", {}});
    });
    this->Read([](Transaction& transaction) {
        auto cases = transaction.CasesForFiguresBetween("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        ASSERT_EQ(cases.size(), 3u) << "c0 (a referral and a reopening in the period), c1 and c2; not c3";
        const auto& c0 = cases[0];
        EXPECT_EQ(c0.created_at, "2024-06-01T10:00:00Z");
        EXPECT_EQ(c0.first_signal_at, "2024-05-30T10:00:00Z");
        EXPECT_FALSE(c0.has_reachable_reporter);
        ASSERT_EQ(c0.closures.size(), 1u);
        EXPECT_EQ(c0.closures[0].outcome, "geen-mensenhandel");
        EXPECT_EQ(c0.reopenings, std::vector<std::string>{"2025-02-15T10:00:00Z"});
        ASSERT_EQ(c0.referrals.size(), 1u);
        EXPECT_EQ(c0.referrals[0].partner, "politie");
        EXPECT_EQ(c0.referrals[0].first_feedback_at, "2025-03-05T10:00:00Z");

        const auto& c1 = cases[1];
        EXPECT_EQ(c1.created_at, "2025-01-03T10:00:00Z");
        EXPECT_EQ(c1.status, domain::CaseStatus::kAfgesloten);
        EXPECT_EQ(c1.urgency, "acuut");
        EXPECT_EQ(c1.forms, (std::vector<std::string>{"arbeid", "seksueel"}));
        EXPECT_EQ(c1.weighed_at, "2025-01-05T09:00:00Z");
        EXPECT_EQ(c1.outcome, "zorgtraject");
        EXPECT_EQ(c1.first_signal_at, "2024-12-30T10:00:00Z");
        EXPECT_TRUE(c1.has_reachable_reporter);
        EXPECT_EQ(c1.first_weighed_at, "2025-01-04T09:00:00Z");
        EXPECT_EQ(c1.first_reporter_feedback_at, "2025-01-05T10:00:00Z");
        EXPECT_EQ(c1.latest_reporter_feedback_at, "2025-01-07T10:00:00Z");
        ASSERT_EQ(c1.referrals.size(), 2u);
        EXPECT_EQ(c1.referrals[0].partner, "moviera");
        EXPECT_EQ(c1.referrals[0].at, "2025-01-04T10:00:00Z");
        EXPECT_EQ(c1.referrals[0].feedback_due, "2025-01-10");
        EXPECT_FALSE(c1.referrals[0].first_feedback_at.has_value());
        EXPECT_EQ(c1.referrals[1].partner, "riec");
        EXPECT_EQ(c1.referrals[1].first_feedback_at, "2025-01-08T10:00:00Z");
        ASSERT_EQ(c1.closures.size(), 1u);
        EXPECT_EQ(c1.closures[0].at, "2025-01-20T10:00:00Z");
        EXPECT_EQ(c1.closures[0].outcome, "zorgtraject");

        const auto& c2 = cases[2];
        EXPECT_EQ(c2.first_signal_at, "2025-01-02T10:00:00Z");
        EXPECT_FALSE(c2.has_reachable_reporter) << "only the anonymous signal, moved here from c1";
        EXPECT_TRUE(c2.referrals.empty());
        EXPECT_TRUE(c2.closures.empty());
        EXPECT_TRUE(c2.reopenings.empty());
        EXPECT_EQ(c2.status, domain::CaseStatus::kVastgelegd);

        // A period that holds only c3's referral finds c3 by it.
        auto early = transaction.CasesForFiguresBetween("2023-01-11T00:00:00Z", "2023-01-12T00:00:00Z");
        ASSERT_EQ(early.size(), 1u);
        EXPECT_EQ(early[0].created_at, "2023-01-10T10:00:00Z");
    });
}

// Whole days are answered from the kept day counts, a bound inside a day from the signals themselves; both
// count every signal once, before and after signals are taken into a case (the triggers of both stores).
TYPED_TEST(StoreContractTest, DayCountsGiveTheSameSignalFiguresAsTheSignalsThemselves) {
    auto total = [this](const char* from, const char* to) {
        std::int64_t signals = 0;
        std::int64_t recorded = 0;
        this->Read([&](Transaction& transaction) {
            for (const auto& fact : transaction.SignalsForFiguresBetween(from, to)) {
                signals += fact.count;
                if (fact.recorded_at) recorded += fact.count;
            }
        });
        return std::pair{signals, recorded};
    };
    this->Write([&](Transaction& transaction) {
        transaction.InsertUser({"melder", "h", {domain::Role::kMelder}, true, "2024-01-01T00:00:00Z", "publiekszaken"});
        for (int index = 0; index < 6; ++index) {
            domain::Signal signal = this->MakeSignal("s" + std::to_string(index),
                                                     "2025-03-0" + std::to_string(index + 1) + "T10:00:00Z", "Tekst.");
            if (index % 2 == 1) signal.reporter.clear();
            transaction.InsertSignal(signal);
        }
    });
    EXPECT_EQ(total("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), (std::pair<std::int64_t, std::int64_t>{6, 0}));
    EXPECT_EQ(total("2024-12-31T23:59:59Z", "2026-01-01T00:00:00Z"), (std::pair<std::int64_t, std::int64_t>{6, 0}));
    this->Write([&](Transaction& transaction) {
        transaction.InsertCase(this->MakeCase("c1", "2025-03-10T10:00:00Z"));
        transaction.SetSignalCase("s1", "c1");
        transaction.SetSignalCase("s2", "c1");
    });
    EXPECT_EQ(total("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), (std::pair<std::int64_t, std::int64_t>{6, 2}));
    EXPECT_EQ(total("2024-12-31T23:59:59Z", "2026-01-01T00:00:00Z"), (std::pair<std::int64_t, std::int64_t>{6, 2}));
    EXPECT_EQ(total("2025-03-02T00:00:00Z", "2025-03-04T00:00:00Z"), (std::pair<std::int64_t, std::int64_t>{2, 2}));
    EXPECT_EQ(total("2025-03-04T00:00:00Z", "2025-03-06T00:00:00Z"), (std::pair<std::int64_t, std::int64_t>{2, 0}));
}

// A search matches signals holding every word, newest first; only the newest `candidates` matches go on to the
// filters, whichever word is the rarest.
TYPED_TEST(StoreContractTest, SearchMatchesEveryWordNewestFirstWithinTheCandidates) {
    this->Write([&](Transaction& transaction) {
        for (int index = 0; index < 12; ++index) {
            const std::string day = (index < 9 ? "0" : "") + std::to_string(index + 1);
            // Every signal names the kelder; every third also the fietsen.
            transaction.InsertSignal(this->MakeSignal(
                "s" + std::to_string(index), "2024-01-" + day + "T10:00:00Z",
                index % 3 == 0 ? "Arbeiders slapen in de kelder bij de fietsen." : "Arbeiders in de kelder."));
        }
    });
    auto ids = [this](const std::string& text, int candidates, const domain::SignalSearch& search = {},
                      int limit = 100) { return this->SearchIds(text, candidates, search, limit); };
    EXPECT_EQ(ids("fietsen kelder", 100), (std::vector<std::string>{"s9", "s6", "s3", "s0"}));
    EXPECT_EQ(ids("kelders fietsen arbeiders", 100), (std::vector<std::string>{"s9", "s6", "s3", "s0"}))
        << "any order of words, each through its stem";
    EXPECT_EQ(ids("kelder fietsen", 2), (std::vector<std::string>{"s9", "s6"})) << "bounded to the newest matches";
    EXPECT_EQ(ids("kelder", 3).size(), 3u);
    EXPECT_TRUE(ids("kelder paspoort", 100).empty()) << "a word no signal holds";
    domain::SignalSearch early;
    early.to = "2024-01-05T00:00:00Z";
    EXPECT_EQ(ids("kelder fietsen", 100, early), (std::vector<std::string>{"s3", "s0"})) << "filters after matching";
    EXPECT_TRUE(ids("kelder fietsen", 2, early).empty()) << "the filters see only the newest candidates";
    EXPECT_EQ(ids("", 100).size(), 12u) << "no words: no text condition";
    // Fewer shown than candidates: the newest that pass, whether the newest few candidates hold enough of them or
    // all candidates must be walked.
    EXPECT_EQ(ids("kelder", 100, {}, 2), (std::vector<std::string>{"s11", "s10"}));
    EXPECT_EQ(ids("kelder", 100, early, 2), (std::vector<std::string>{"s3", "s2"})) << "the newest 8 do not pass";
    domain::SignalSearch late;
    late.from = "2024-01-03T00:00:00Z";
    EXPECT_EQ(ids("kelder", 100, late, 2), (std::vector<std::string>{"s11", "s10"}));
    EXPECT_EQ(ids("kelder", 6, early, 2), (std::vector<std::string>{})) << "still within the candidates";

    // The case filters: a form is one of the case's forms (whole codes only), the status and urgency its own.
    this->Write([&](Transaction& transaction) {
        this->PutInCase(transaction, "c-both", "2024-02-01T10:00:00Z", {"seksueel", "arbeid"}, {"s9"}, "hoog");
        this->PutInCase(transaction, "c-other", "2024-02-01T11:00:00Z", {"crimineel"}, {"s6"});
    });
    domain::SignalSearch arbeid;
    arbeid.form = "arbeid";
    EXPECT_EQ(ids("kelder fietsen", 100, arbeid), std::vector<std::string>{"s9"}) << "the second of two forms";
    domain::SignalSearch seksueel;
    seksueel.form = "seksueel";
    EXPECT_EQ(ids("kelder", 100, seksueel), std::vector<std::string>{"s9"}) << "the first of two forms";
    domain::SignalSearch part;
    part.form = "arbei";
    EXPECT_TRUE(ids("kelder", 100, part).empty()) << "never a part of a form";
    domain::SignalSearch crimineel;
    crimineel.form = "crimineel";
    crimineel.urgency = "hoog";
    EXPECT_TRUE(ids("kelder", 100, crimineel).empty()) << "every filter must hold";
    domain::SignalSearch reported;
    reported.status = "gemeld";
    EXPECT_EQ(ids("kelder fietsen", 100, reported), (std::vector<std::string>{"s3", "s0"})) << "not in a case";
    EXPECT_EQ(ids("kelder", 100, reported, 1), std::vector<std::string>{"s11"});
    EXPECT_EQ(ids("kelder", 100, arbeid, 1), std::vector<std::string>{"s9"}) << "among the newest few";
    EXPECT_EQ(ids("kelder", 100, seksueel, 2), std::vector<std::string>{"s9"}) << "only one passes of all";
}

// The intersection of the words' posting lists holds across the chunks it reads them in: lists that run alike,
// a rare word that makes a common one jump, words that never meet, a bound on the candidates and filters over
// more candidates than one round looks at.
TYPED_TEST(StoreContractTest, SearchIntersectsLongPostingListsExactly) {
    constexpr int kSignals = 600;
    auto holds = [](int index, const std::string& word) {
        if (word == "kelder") return true;
        if (word == "fietsen") return index % 7 == 0;
        if (word == "arbeiders") return index % 3 == 0;
        if (word == "paspoort") return index == 5 || index == 150 || index == 290 || index == 587;
        if (word == "loods") return index < 64;  // exactly one first chunk: the read after it comes back empty
        return false;
    };
    this->Write([&](Transaction& transaction) {
        for (int index = 0; index < kSignals; ++index) {
            std::string narrative = "De kelder.";
            for (const char* word : {"fietsen", "arbeiders", "paspoort", "loods"}) {
                if (holds(index, word)) narrative += std::string{" "} + word + ".";
            }
            char at[32];
            std::snprintf(at, sizeof at, "2024-01-%02dT%02d:%02d:00Z", 1 + index / 1440, index / 60 % 24, index % 60);
            transaction.InsertSignal(this->MakeSignal("s" + std::to_string(index), at, narrative));
        }
    });
    auto ids = [this](const std::string& text, int candidates, const domain::SignalSearch& search = {},
                      int limit = 1000) { return this->SearchIds(text, candidates, search, limit); };
    // What a plain scan finds: the newest `candidates` signals holding every word.
    auto expected = [&](const std::vector<std::string>& words, int candidates) {
        std::vector<std::string> matches;
        for (int index = kSignals - 1; index >= 0 && static_cast<int>(matches.size()) < candidates; --index) {
            if (std::all_of(words.begin(), words.end(), [&](const std::string& word) { return holds(index, word); })) {
                matches.push_back("s" + std::to_string(index));
            }
        }
        return matches;
    };
    EXPECT_EQ(ids("kelder", 2000), expected({"kelder"}, 2000));
    EXPECT_EQ(ids("kelder arbeiders fietsen", 2000), expected({"kelder", "arbeiders", "fietsen"}, 2000));
    EXPECT_EQ(ids("fietsen arbeiders", 2000).size(), 29u);
    EXPECT_EQ(ids("paspoort kelder", 2000), (std::vector<std::string>{"s587", "s290", "s150", "s5"}));
    EXPECT_EQ(ids("paspoort arbeiders", 2000), std::vector<std::string>{"s150"});
    EXPECT_TRUE(ids("paspoort fietsen", 2000).empty()) << "words that never meet";
    EXPECT_EQ(ids("arbeiders kelder", 7), expected({"arbeiders"}, 7)) << "bounded to the newest candidates";
    // A filter that the newest 4 x limit matches do not pass: the older ones are filtered too, within the bound.
    domain::SignalSearch early;
    early.to = "2024-01-01T01:40:00Z";  // before signal 100
    const std::vector<std::string> before_100{"s99", "s98", "s97", "s96", "s95", "s94", "s93", "s92", "s91", "s90"};
    EXPECT_EQ(ids("kelder", 2000, early, 10), before_100);
    EXPECT_EQ(ids("arbeiders", 2000, early, 3), (std::vector<std::string>{"s99", "s96", "s93"}));
    EXPECT_TRUE(ids("kelder", 450, early, 10).empty()) << "the newest 450 are all from signal 150 on";
    EXPECT_EQ(ids("kelder", 510, early, 10), before_100) << "the newest 510 reach signal 90";
    EXPECT_EQ(ids("loods", 2000), expected({"loods"}, 2000));
    EXPECT_EQ(ids("loods kelder arbeiders", 2000), expected({"loods", "kelder", "arbeiders"}, 2000));
    // A case filter over several rounds: only two old signals are in a case of the form.
    this->Write([&](Transaction& transaction) {
        this->PutInCase(transaction, "c-arbeid", "2024-02-01T10:00:00Z", {"arbeid"}, {"s20", "s10"});
    });
    domain::SignalSearch arbeid;
    arbeid.form = "arbeid";
    EXPECT_EQ(ids("kelder", 2000, arbeid, 10), (std::vector<std::string>{"s20", "s10"}));
    EXPECT_EQ(ids("kelder", 2000, arbeid, 1), std::vector<std::string>{"s20"});
    EXPECT_TRUE(ids("kelder", 579, arbeid, 10).empty()) << "the newest 579 end at signal 21";
    EXPECT_EQ(ids("kelder", 585, arbeid, 10), std::vector<std::string>{"s20"}) << "the newest 585 end at signal 15";
}

// The state several instances share: rate-limit events, single-use tickets and job leases.
TYPED_TEST(StoreContractTest, RateEventsTicketsAndLeases) {
    this->Write([](Transaction& transaction) {
        std::set<std::int64_t> ids;
        for (int event = 0; event < 4; ++event) {
            ids.insert(transaction.RecordRateEvent("sign-in-failure", "hash-a", "2026-01-01T10:00:00Z",
                                                   "2026-01-01T10:15:00Z"));
        }
        EXPECT_EQ(ids.size(), 4U) << "each event its own id";
        transaction.DeleteRateEvent("anonymous-api", "hash-a", *ids.rbegin());  // another bucket's: kept
        transaction.DeleteRateEvent("sign-in-failure", "hash-b", *ids.rbegin());  // another key's: kept
        EXPECT_EQ(transaction.CountRateEvents("sign-in-failure", "hash-a", "2026-01-01T10:14:59Z"), 4);
        transaction.DeleteRateEvent("sign-in-failure", "hash-a", *ids.rbegin());
        transaction.DeleteRateEvent("sign-in-failure", "hash-a", *ids.rbegin());  // gone already: nothing happens
        transaction.RecordRateEvent("anonymous-api", "hash-a", "2026-01-01T10:00:00Z", "2026-01-01T10:30:00Z");
        transaction.InsertTicket({"oidc-login", "key-1", "verifier-geheim", "2026-01-01T10:10:00Z"},
                                 "2026-01-01T10:00:00Z");
        transaction.InsertTicket({"oidc-login", "key-2", "tweede", "2026-01-01T10:10:00Z"}, "2026-01-01T10:00:00Z");
    });
    this->Read([](Transaction& transaction) {
        EXPECT_EQ(transaction.CountRateEvents("sign-in-failure", "hash-a", "2026-01-01T10:14:59Z"), 3);
        EXPECT_EQ(transaction.CountRateEvents("anonymous-api", "hash-a", "2026-01-01T10:14:59Z"), 1);
        EXPECT_EQ(transaction.CountRateEvents("sign-in-failure", "hash-b", "2026-01-01T10:14:59Z"), 0);
        EXPECT_EQ(transaction.CountRateEvents("sign-in-failure", "hash-a", "2026-01-01T10:15:00Z"), 0);
    });
    this->Write([](Transaction& transaction) {
        EXPECT_EQ(transaction.TakeTicket("other-kind", "key-1", "2026-01-01T10:05:00Z"), std::nullopt);
        auto taken = transaction.TakeTicket("oidc-login", "key-1", "2026-01-01T10:05:00Z");
        EXPECT_EQ(taken.value_or(TicketRecord{}).payload, "verifier-geheim");
        EXPECT_EQ(transaction.TakeTicket("oidc-login", "key-1", "2026-01-01T10:05:00Z"), std::nullopt) << "used once";
        EXPECT_EQ(transaction.TakeTicket("oidc-login", "key-2", "2026-01-01T10:10:00Z"), std::nullopt) << "expired";
    });
    auto take = [this](const char* holder, const char* now, const char* until) {
        bool taken = false;
        this->Write([&](Transaction& transaction) { taken = transaction.AcquireLease("retention", holder, now, until); });
        return taken;
    };
    EXPECT_TRUE(take("a", "2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z"));
    EXPECT_FALSE(take("b", "2026-01-01T11:00:00Z", "2026-01-02T11:00:00Z"));
    EXPECT_FALSE(take("a", "2026-01-01T11:00:00Z", "2026-01-02T11:00:00Z")) << "not even by its holder";
    EXPECT_TRUE(take("c", "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z")) << "free when its time ran out";
}

TYPED_TEST(StoreContractTest, Registers) {
    bool first_completion = false;
    bool second_completion = true;
    this->Write([&](Transaction& transaction) {
        RegisterTransaction& registers = transaction.Registers();
        registers.InsertStaffMember({"m1", "E100", "Zeger Zwart", "publiekszaken", "publiekszaken", true, std::nullopt},
                                    "2024-01-01T00:00:00Z");
        registers.InsertStaffMember({"m2", "E101", "Anne Wit", "toezicht", "publiekszaken", true, std::nullopt},
                                    "2024-01-01T00:00:00Z");
        registers.InsertTrainingImport({"i1", "2024-02-01T00:00:00Z", "beheer", 2, 2, 0, 1});
        first_completion = registers.InsertCompletion("m1", "2024-01-15", "i1");
        second_completion = registers.InsertCompletion("m1", "2024-01-15", "i1");
        registers.UpdateStaffMember({"m2", "E101", "Anne Wit-Groen", "toezicht", "toezicht", false, std::nullopt},
                                    "2024-02-02T00:00:00Z");
        domain::TrainingSettings settings;
        settings.refresher_months = 12;
        settings.target_percent["publiekszaken"] = 80;
        registers.SaveTrainingSettings(settings);
        registers.InsertActivity({"act1", "Voorlichting", "2024-03-01", "Over signalen", {{"toezicht", 5}}, 3},
                                 "2024-03-01T00:00:00Z");
        registers.InsertOfficer({"o1", "Olga Oranje", "veiligheid", "0311-123456", "olga@zevenaar.nl", true},
                                "2024-01-01T00:00:00Z");
        domain::PlanAction action = *registers.FindAction("e-learning");
        action.status = "loopt";
        action.owner = "Team Veiligheid";
        action.updated_at = "2024-03-01T00:00:00Z";
        action.updated_by = "beleid";
        registers.UpdateAction(action);
    });
    EXPECT_TRUE(first_completion);
    EXPECT_FALSE(second_completion);
    this->Read([](Transaction& transaction) {
        RegisterTransaction& registers = transaction.Registers();
        auto members = registers.ListStaffMembers();
        ASSERT_EQ(members.size(), 2u);
        EXPECT_EQ(members[0].name, "Zeger Zwart");  // publiekszaken before toezicht
        EXPECT_EQ(members[0].last_completed_on, "2024-01-15");
        EXPECT_EQ(registers.FindStaffMemberByNumber("E101")->name, "Anne Wit-Groen");
        EXPECT_FALSE(registers.FindStaffMember("m9").has_value());
        EXPECT_EQ(registers.ListTrainingImports(10).size(), 1u);
        auto settings = registers.LoadTrainingSettings();
        EXPECT_EQ(settings.refresher_months, 12);
        EXPECT_EQ(settings.target_percent.at("publiekszaken"), 80);
        auto activities = registers.ListActivities();
        ASSERT_EQ(activities.size(), 1u);
        EXPECT_EQ(activities[0].attendees.at("toezicht"), 5);
        EXPECT_EQ(registers.FindOfficer("o1")->email, "olga@zevenaar.nl");
        EXPECT_EQ(registers.ListOfficers().size(), 1u);
        EXPECT_EQ(registers.ListObjectives().size(), 4u);
        auto actions = registers.ListActions();
        ASSERT_EQ(actions.size(), 8u);
        EXPECT_EQ(actions[0].id, "e-learning");
        EXPECT_EQ(actions[0].status, "loopt");
        EXPECT_EQ(registers.FindAction("e-learning")->owner, "Team Veiligheid");
    });
}

// The set of case ids a figures read remembers: canonical UUIDs as numbers, any other text as text, never one
// taken for the other.
TEST(IdSetTest, KnowsExactlyTheIdsAddedInEitherForm) {
    sql::IdSet ids;
    std::vector<std::string> added;
    for (int i = 0; i < 300; ++i) added.push_back(app::NewId());
    for (const std::string& id : added) ids.Add(id);
    ids.Add("c1");
    ids.Add("0190a1b2-0000-7000-8000-00000000000A");  // uppercase: not canonical, kept as text
    ids.Seal();
    for (const std::string& id : added) EXPECT_TRUE(ids.Contains(id)) << id;
    EXPECT_TRUE(ids.Contains("c1"));
    EXPECT_TRUE(ids.Contains("0190a1b2-0000-7000-8000-00000000000A"));
    EXPECT_FALSE(ids.Contains("0190a1b2-0000-7000-8000-00000000000a")) << "differs in case: another id";
    EXPECT_FALSE(ids.Contains("c2"));
    EXPECT_FALSE(ids.Contains(app::NewId()));
    std::string neighbour = added.front();
    neighbour.back() = neighbour.back() == '0' ? '1' : '0';
    EXPECT_FALSE(ids.Contains(neighbour)) << "one digit apart";
    EXPECT_FALSE(ids.Contains(added.front().substr(0, 35))) << "cut short";
    EXPECT_FALSE(ids.Contains(""));
}

}  // namespace
}  // namespace meldroute::store
