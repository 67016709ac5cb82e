// For tests: holds a store's writer busy on a thread of its own, so that whatever is queued meanwhile cannot commit
// until Release (a group commit's batch runs one at a time).
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/store.hpp"

namespace meldroute::store {

class WriterHold {
public:
    //! Returns once the writer is held.
    explicit WriterHold(Store& store)
        : thread_([this, &store] {
              EXPECT_TRUE(store.Write([this](Transaction&) -> Status {
                  holding_.store(true);
                  while (!release_.load()) std::this_thread::yield();
                  return Ok();
              }).has_value());
          }) {
        // Bounded, so that a writer that never starts fails the test instead of hanging it.
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!holding_.load() && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
        EXPECT_TRUE(holding_.load()) << "the held write never started";
    }
    ~WriterHold() { Release(); }
    WriterHold(const WriterHold&) = delete;
    WriterHold& operator=(const WriterHold&) = delete;

    //! Lets the held batch commit; returns once the holding write has returned.
    void Release() {
        release_.store(true);
        if (thread_.joinable()) thread_.join();
    }

private:
    std::atomic<bool> holding_{false};
    std::atomic<bool> release_{false};
    std::thread thread_;  // last: started once the flags exist
};

}  // namespace meldroute::store
