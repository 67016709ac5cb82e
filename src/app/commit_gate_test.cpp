#include "app/commit_gate.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "app/keyring.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/writer_hold_testing.hpp"

namespace meldroute::app {
namespace {

class CommitGateTest : public ::testing::Test {
protected:
    void SetUp() override {
        directory_ = std::filesystem::temp_directory_path() / ("meldroute-gate-" + std::to_string(::getpid()));
        std::filesystem::remove_all(directory_);
        std::filesystem::create_directories(directory_);
        auto opened = store::sqlite::SqliteStore::Open((directory_ / "meldroute.db").string(), Keyring::Ephemeral());
        ASSERT_TRUE(opened.has_value()) << opened.error().detail;
        store_ = std::move(*opened);
    }
    void TearDown() override {
        store_.reset();
        std::filesystem::remove_all(directory_);
    }

    // A write adding user `name`, or failing with `failure` (after adding it, so a failure must roll it back).
    static std::function<Status(store::Transaction&)> AddUser(const std::string& name, bool fail = false,
                                                              ErrorCode failure = ErrorCode::kInvalidArgument) {
        return [name, fail, failure](store::Transaction& transaction) -> Status {
            transaction.InsertUser({name, "h", {domain::Role::kMelder}, true, "2024-05-01T10:00:00Z"});
            if (fail) return MakeError(failure, "refused on purpose");
            return Ok();
        };
    }

    bool HasUser(const std::string& name) {
        bool found = false;
        EXPECT_TRUE(store_->Read([&](store::Transaction& transaction) -> Status {
            found = transaction.FindUser(name).has_value();
            return Ok();
        }).has_value());
        return found;
    }

    std::filesystem::path directory_;
    std::unique_ptr<store::Store> store_;
};

// What Settled's callback received, for the test thread to wait on.
struct Outcome {
    std::mutex mutex;
    std::condition_variable arrived;
    std::optional<Status> status;
    int calls = 0;

    std::function<void(Status)> Callback() {
        return [this](Status settled) {
            std::lock_guard lock{mutex};
            status = std::move(settled);
            ++calls;
            arrived.notify_all();
        };
    }
    bool Wait() {
        std::unique_lock lock{mutex};
        return arrived.wait_for(lock, std::chrono::seconds(20), [this] { return status.has_value(); });
    }
    bool Arrived() {
        std::lock_guard lock{mutex};
        return status.has_value();
    }
};

TEST_F(CommitGateTest, OutsideAGateAWriteWaitsAndReturnsItsOwnResult) {
    EXPECT_TRUE(CommitGate::Write(*store_, AddUser("a")).has_value());
    EXPECT_TRUE(HasUser("a")) << "committed when Write returned";
    Status failed = CommitGate::Write(*store_, AddUser("b", true));
    ASSERT_FALSE(failed.has_value());
    EXPECT_EQ(failed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_FALSE(HasUser("b"));
    Status answered = CommitGate::WriteAnswered(*store_, AddUser("c", true));
    EXPECT_FALSE(answered.has_value());
}

// The answer waits for the commit, not the thread: Write returns at once with the writer busy elsewhere, and
// Settled's callback runs only once what was queued is committed and visible to readers.
TEST_F(CommitGateTest, InsideAGateWritesAreQueuedAndSettledOnlyAfterTheirCommit) {
    store::WriterHold hold{*store_};
    CommitGate gate{false};
    {
        CommitGate::Scope scope{gate};
        EXPECT_TRUE(CommitGate::Write(*store_, AddUser("queued-1")).has_value());
        EXPECT_TRUE(CommitGate::Write(*store_, AddUser("queued-2")).has_value());
    }
    EXPECT_EQ(store_->metrics().write_queue_depth.load(), 2) << "both queued, neither run";
    bool visible_when_settled = false;
    Outcome outcome;
    gate.Settled([&, callback = outcome.Callback()](Status settled) {
        visible_when_settled = HasUser("queued-1") && HasUser("queued-2");
        callback(std::move(settled));
    });
    EXPECT_FALSE(outcome.Arrived()) << "settled before the writes committed";
    hold.Release();
    ASSERT_TRUE(outcome.Wait());
    EXPECT_TRUE(outcome.status->has_value());
    EXPECT_TRUE(visible_when_settled);
    EXPECT_EQ(outcome.calls, 1);
}

TEST_F(CommitGateTest, SettledReportsTheFirstFailureAndTheRestStillCommit) {
    store::WriterHold hold{*store_};
    CommitGate gate{false};
    {
        CommitGate::Scope scope{gate};
        EXPECT_TRUE(CommitGate::Write(*store_, AddUser("first")).has_value());
        EXPECT_TRUE(CommitGate::Write(*store_, AddUser("refused", true)).has_value()) << "queued, so not known yet";
        EXPECT_TRUE(CommitGate::Write(*store_, AddUser("refused-too", true, ErrorCode::kFailedPrecondition)).has_value());
        EXPECT_TRUE(CommitGate::Write(*store_, AddUser("last")).has_value());
    }
    Outcome outcome;
    gate.Settled(outcome.Callback());
    hold.Release();
    ASSERT_TRUE(outcome.Wait());
    ASSERT_FALSE(outcome.status->has_value());
    EXPECT_EQ(outcome.status->error().code, ErrorCode::kInvalidArgument);
    EXPECT_TRUE(HasUser("first"));
    EXPECT_FALSE(HasUser("refused"));
    EXPECT_FALSE(HasUser("refused-too"));
    EXPECT_TRUE(HasUser("last"));
}

// A write whose failure the client must hear is queued only by a gate whose holder answers with that failure.
TEST_F(CommitGateTest, WriteAnsweredIsQueuedOnlyWhereTheGateAnswersFailures) {
    CommitGate page_gate{false};
    {
        CommitGate::Scope scope{page_gate};
        Status waited = CommitGate::WriteAnswered(*store_, AddUser("page", true));
        ASSERT_FALSE(waited.has_value()) << "the page sees the failure itself";
        EXPECT_EQ(waited.error().code, ErrorCode::kInvalidArgument);
    }
    Outcome page_outcome;
    page_gate.Settled(page_outcome.Callback());
    ASSERT_TRUE(page_outcome.Arrived()) << "nothing was queued, so settled at once";
    EXPECT_TRUE(page_outcome.status->has_value());

    CommitGate api_gate{true};
    {
        CommitGate::Scope scope{api_gate};
        EXPECT_TRUE(CommitGate::WriteAnswered(*store_, AddUser("api", true)).has_value());
    }
    Outcome api_outcome;
    api_gate.Settled(api_outcome.Callback());
    ASSERT_TRUE(api_outcome.Wait());
    ASSERT_FALSE(api_outcome.status->has_value());
    EXPECT_EQ(api_outcome.status->error().code, ErrorCode::kInvalidArgument);
    EXPECT_FALSE(HasUser("api"));
}

TEST_F(CommitGateTest, ScopesNestAndEndWithTheirBlock) {
    store::WriterHold hold{*store_};
    CommitGate outer{false};
    CommitGate inner{false};
    {
        CommitGate::Scope outer_scope{outer};
        {
            CommitGate::Scope inner_scope{inner};
            EXPECT_TRUE(CommitGate::Write(*store_, AddUser("inner")).has_value());
        }
        EXPECT_TRUE(CommitGate::Write(*store_, AddUser("outer")).has_value());
    }
    Outcome inner_outcome;
    Outcome outer_outcome;
    inner.Settled(inner_outcome.Callback());
    outer.Settled(outer_outcome.Callback());
    EXPECT_FALSE(inner_outcome.Arrived());
    EXPECT_FALSE(outer_outcome.Arrived());
    hold.Release();
    ASSERT_TRUE(inner_outcome.Wait());
    ASSERT_TRUE(outer_outcome.Wait());
    // Outside every scope again: a write waits for its commit.
    EXPECT_TRUE(CommitGate::Write(*store_, AddUser("after")).has_value());
    EXPECT_TRUE(HasUser("after"));
    EXPECT_TRUE(HasUser("inner"));
    EXPECT_TRUE(HasUser("outer"));
}

}  // namespace
}  // namespace meldroute::app
