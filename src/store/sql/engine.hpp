// How the SQL stores run transactions: group commit for writes on one writer connection, a pool of reader
// connections, the same for SQLite and PostgreSQL (`Db` begins its own transactions: BeginWrite, BeginRead).
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "store/sql/transaction.hpp"
#include "store/store.hpp"

namespace meldroute::store::sql {

inline Error StoreUnavailable(const StoreFailure& failure) {
    return MakeError(ErrorCode::kUnavailable, std::string{"De opslag is niet beschikbaar: "} + failure.what());
}

template <typename Db>
class Engine {
public:
    Engine(std::shared_ptr<const FieldCipher> cipher, std::unique_ptr<Db> writer)
        : cipher_(std::move(cipher)), writer_(std::move(writer)), batch_thread_([this] { RunDeferred(); }) {}

    ~Engine() {
        {
            std::lock_guard lock{write_mutex_};
            stopping_ = true;
        }
        batch_wake_.notify_all();
        batch_thread_.join();  // after running whatever deferred work is still queued
    }

    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    void AddReader(std::unique_ptr<Db> reader) { idle_readers_.push_back(std::move(reader)); }

    //! Group commit: writers queue their work; one of them (the leader) runs everything queued so far in one
    //! transaction with one durable commit, then wakes the others. A job that fails is rolled back to its
    //! savepoint and does not affect the rest of the batch. Each job waits on a condition of its own, so a finished
    //! batch wakes its own jobs and the next leader only, not every writer waiting (with 64 clients, waking them
    //! all cost more CPU than the batches: docs/performance.md).
    Status Write(const std::function<Status(Transaction&)>& work) {
        ScopedTimer timer{metrics_.write_wait_seconds};
        WriteJob job{&work};
        std::unique_lock lock{write_mutex_};
        queue_.push_back(&job);
        metrics_.write_queue_depth.fetch_add(1, std::memory_order_relaxed);
        while (!job.done) {
            if (leader_active_) {
                job.wake.wait(lock);
                continue;
            }
            leader_active_ = true;
            RunBatchLocked(lock);
            HandOverLocked();
        }
        return std::move(job.result);
    }

    //! Group commit without waiting: `work` joins the queue like a Write, and `done` is called with its result once
    //! the batch holding it has committed (or failed). No request thread runs a batch for it: a waiting Write that
    //! leads takes it along, or else the engine's own batch thread does (a request thread that kept leading while
    //! deferred work arrived would hold up the connection it serves). `done` runs on that thread and must be short.
    void WriteDeferred(std::function<Status(Transaction&)> work, std::function<void(Status)> done) {
        auto job = std::make_unique<WriteJob>(nullptr);
        job->owned_work = std::move(work);
        job->work = &job->owned_work;
        job->on_done = std::move(done);
        job->queued_at = std::chrono::steady_clock::now();
        bool wake = false;
        {
            std::lock_guard lock{write_mutex_};
            queue_.push_back(job.get());
            job.release();
            metrics_.write_queue_depth.fetch_add(1, std::memory_order_relaxed);
            wake = !leader_active_;
        }
        if (wake) batch_wake_.notify_one();
    }

    //! Runs `work` on a pooled reader connection, in one read transaction (a consistent snapshot).
    Status Read(const std::function<Status(Transaction&)>& work) {
        std::unique_ptr<Db> reader;
        {
            std::unique_lock lock{readers_mutex_};
            readers_available_.wait(lock, [this] { return !idle_readers_.empty(); });
            reader = std::move(idle_readers_.back());
            idle_readers_.pop_back();
        }
        // Back to the pool however the read ends: a read that throws (a bug the HTTP layer answers with 500) must
        // not take its connection with it, or the pool would run dry and every later read wait for ever.
        struct GiveBack {
            Engine* engine;
            std::unique_ptr<Db>& reader;
            ~GiveBack() {
                {
                    std::lock_guard lock{engine->readers_mutex_};
                    engine->idle_readers_.push_back(std::move(reader));
                }
                engine->readers_available_.notify_one();
            }
        } give_back{this, reader};
        ScopedTimer timer{metrics_.read_seconds};
        return RunRead(*reader, work);
    }

    //! Runs `action` on the writer connection while no batch of this process runs (backup, re-sealing).
    template <typename Action>
    auto Exclusive(Action action) {
        std::unique_lock lock{write_mutex_};
        write_done_.wait(lock, [this] { return !leader_active_; });
        leader_active_ = true;
        lock.unlock();
        struct Release {
            Engine* engine;
            ~Release() {
                std::lock_guard guard{engine->write_mutex_};
                engine->HandOverLocked();
            }
        } release{this};
        return action(*writer_);
    }

    //! Waits until no write is queued or running.
    void WaitIdle() {
        std::unique_lock lock{write_mutex_};
        write_done_.wait(lock, [this] { return !leader_active_ && queue_.empty(); });
    }

    //! The writer connection, for opening and migrating before the store is shared.
    Db& writer() { return *writer_; }
    const FieldCipher& cipher() const { return *cipher_; }
    StoreMetrics& metrics() { return metrics_; }
    const StoreMetrics& metrics() const { return metrics_; }

private:
    struct WriteJob {
        explicit WriteJob(const std::function<Status(Transaction&)>* job_work) : work(job_work) {}
        const std::function<Status(Transaction&)>* work;
        Status result = Ok();
        bool done = false;
        std::condition_variable wake;  // with write_mutex_: done, or no leader is active any more
        // A deferred job (WriteDeferred) owns its work and is told of its result; no thread waits for it.
        std::function<Status(Transaction&)> owned_work;
        std::function<void(Status)> on_done;
        std::chrono::steady_clock::time_point queued_at;
        bool deferred() const { return static_cast<bool>(on_done); }
    };
    static constexpr std::size_t kMaxBatch = 256;

    // Ends a waiting Write's (or Exclusive's) turn as leader (write_mutex_ held): the oldest Write still waiting
    // leads next; if only deferred work is queued, the batch thread runs it. Whoever waits for the writer to be
    // idle (Exclusive, WaitIdle) looks again.
    void HandOverLocked() {
        leader_active_ = false;
        auto waiting = std::find_if(queue_.begin(), queue_.end(), [](WriteJob* job) { return !job->deferred(); });
        if (waiting != queue_.end()) {
            (*waiting)->wake.notify_one();
        } else if (!queue_.empty() || stopping_) {
            batch_wake_.notify_one();
        }
        write_done_.notify_all();
    }

    // The batch thread: leads whenever work is queued and no Write leads, until the queue is empty (waiting Writes
    // that queue meanwhile are taken along and woken when done). At shutdown it first runs what is still queued.
    void RunDeferred() {
        std::unique_lock lock{write_mutex_};
        for (;;) {
            batch_wake_.wait(lock, [this] { return !leader_active_ && (stopping_ || !queue_.empty()); });
            if (queue_.empty()) return;  // stopping, and nothing left to run
            leader_active_ = true;
            while (!queue_.empty()) RunBatchLocked(lock);
            leader_active_ = false;
            write_done_.notify_all();
        }
    }

    // Runs one batch of what is queued (write_mutex_ held on entry and on return, released meanwhile): every job
    // in it is done after, waiting Writes are woken (the leader's own job among them needs no wake-up, but one
    // costs nothing when nobody waits), and deferred jobs hear of their result, in queue order, outside the lock.
    void RunBatchLocked(std::unique_lock<std::mutex>& lock) {
        std::vector<WriteJob*> batch;
        std::size_t take = std::min(queue_.size(), kMaxBatch);
        batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(take));
        queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(take));
        metrics_.write_queue_depth.fetch_sub(static_cast<std::int64_t>(take), std::memory_order_relaxed);
        lock.unlock();
        RunBatch(batch);
        lock.lock();
        std::vector<std::unique_ptr<WriteJob>> told;
        for (WriteJob* finished : batch) {
            finished->done = true;
            if (finished->deferred()) {
                told.emplace_back(finished);
            } else {
                finished->wake.notify_one();
            }
        }
        if (told.empty()) return;
        lock.unlock();
        auto now = std::chrono::steady_clock::now();
        for (auto& job : told) {
            metrics_.write_wait_seconds.Observe(std::chrono::duration_cast<std::chrono::nanoseconds>(now - job->queued_at));
            try {
                job->on_done(std::move(job->result));
            } catch (...) {
                // A callback that throws loses its own notice only, never the lead or the other jobs' notices.
            }
        }
        told.clear();
        lock.lock();
    }

    void RunBatch(const std::vector<WriteJob*>& batch) {
        Db& connection = *writer_;
        ScopedTimer timer{metrics_.write_batch_seconds};
        metrics_.write_batches.fetch_add(1, std::memory_order_relaxed);
        metrics_.write_jobs.fetch_add(batch.size(), std::memory_order_relaxed);
        try {
            connection.BeginWrite();
        } catch (const StoreFailure& failure) {
            metrics_.failed_batches.fetch_add(1, std::memory_order_relaxed);
            for (WriteJob* job : batch) job->result = StoreUnavailable(failure);
            return;
        }
        try {
            SqlTransaction<Db> transaction{connection, *cipher_};
            for (WriteJob* job : batch) {
                connection.Execute("SAVEPOINT job");
                try {
                    job->result = (*job->work)(transaction);
                    // What the job sent ahead (PostgreSQL's pipeline) is collected here, so its failure is its own.
                    connection.Settle();
                } catch (const StoreFailure& failure) {
                    job->result = StoreUnavailable(failure);
                } catch (const std::exception& exception) {
                    // A bug in one job must neither leave the batch hanging nor commit that job's partial writes.
                    job->result = MakeError(ErrorCode::kInternal, exception.what());
                } catch (...) {
                    job->result = MakeError(ErrorCode::kInternal, "a write failed with an unknown exception");
                }
                // ROLLBACK TO undoes this job only; RELEASE then ends the savepoint either way.
                if (!job->result) {
                    connection.Execute("ROLLBACK TO job");
                    transaction.ForgetRemembered();
                }
                connection.Execute("RELEASE job");
            }
            const std::int64_t indexed = indexed_since_fold_ + transaction.indexed_signals();
            const std::optional<std::int64_t> folded =
                indexed >= kFoldPendingTermsAt ? FoldInto(connection) : std::nullopt;
            connection.Execute("COMMIT");
            // Counted once committed: a batch that fails leaves its count, and its fold is tried again.
            if (folded) {
                metrics_.terms_folded.fetch_add(static_cast<std::uint64_t>(*folded), std::memory_order_relaxed);
                indexed_since_fold_ = *folded == kFoldPendingTermsAtMost ? kFoldPendingTermsAt : 0;
            } else {
                indexed_since_fold_ = indexed;
            }
        } catch (const StoreFailure& failure) {
            // The transaction as a whole failed (disk full, I/O error, connection lost): nothing of the batch was
            // committed, so every job reports the failure, including those whose own work succeeded.
            RollbackQuietly(connection);
            metrics_.failed_batches.fetch_add(1, std::memory_order_relaxed);
            for (WriteJob* job : batch) job->result = StoreUnavailable(failure);
        }
    }

    // Folds pending search terms into the index at the end of a batch, in a savepoint of its own, and returns how
    // many signals it moved: a fold that fails (nullopt) leaves the rows pending (a search still finds them) and the
    // batch's jobs committed. A full fold leaves the count where the next batch folds again, so a backlog is moved
    // in steps.
    std::optional<std::int64_t> FoldInto(Db& connection) {
        connection.Execute("SAVEPOINT fold");
        try {
            const std::int64_t moved = FoldPendingTerms(connection, kFoldPendingTermsAtMost);
            connection.Settle();
            connection.Execute("RELEASE fold");
            return moved;
        } catch (const std::exception&) {
            connection.Execute("ROLLBACK TO fold");
            connection.Execute("RELEASE fold");
            return std::nullopt;
        }
    }

    // Runs `work` in a read transaction, rolling back on an error result or a store failure.
    Status RunRead(Db& connection, const std::function<Status(Transaction&)>& work) {
        try {
            connection.BeginRead();
        } catch (const StoreFailure& failure) {
            return StoreUnavailable(failure);
        }
        try {
            SqlTransaction<Db> transaction{connection, *cipher_};
            Status status = work(transaction);
            connection.Execute(status ? "COMMIT" : "ROLLBACK");
            return status;
        } catch (const StoreFailure& failure) {
            RollbackQuietly(connection);
            return StoreUnavailable(failure);
        } catch (...) {
            RollbackQuietly(connection);
            throw;
        }
    }

    static void RollbackQuietly(Db& connection) {
        try {
            connection.Execute("ROLLBACK");
        } catch (const StoreFailure&) {
            // The engine already rolled back (e.g. SQLite on a full disk, or a lost PostgreSQL connection).
        }
    }

    std::shared_ptr<const FieldCipher> cipher_;
    std::mutex write_mutex_;  // guards queue_ and leader_active_; the leader alone touches writer_
    std::condition_variable write_done_;  // no leader is active: for Exclusive and WaitIdle
    std::vector<WriteJob*> queue_;
    bool leader_active_ = false;
    std::unique_ptr<Db> writer_;
    std::mutex readers_mutex_;
    std::condition_variable readers_available_;
    std::vector<std::unique_ptr<Db>> idle_readers_;
    StoreMetrics metrics_;
    std::condition_variable batch_wake_;  // with write_mutex_: deferred work queued and no leader, or stopping
    bool stopping_ = false;
    // Signals indexed since the last fold; touched by the batch leader only. It starts full, so the first batch
    // folds what an earlier run left pending.
    std::int64_t indexed_since_fold_ = kFoldPendingTermsAt;
    std::thread batch_thread_;  // last: started once everything it uses exists
};

}  // namespace meldroute::store::sql
