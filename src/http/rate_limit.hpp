// An in-memory sliding-window limiter for abuse-prone public endpoints. Keys are hashed client
// addresses held only in memory (never stored or logged).
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace meldroute::http {

class RateLimiter {
public:
    RateLimiter(int max_events, std::chrono::seconds window) : max_events_(max_events), window_(window) {}

    //! Records an attempt for `key`; false when the key is over its limit.
    bool Allow(const std::string& key) {
        auto now = std::chrono::steady_clock::now();
        std::lock_guard lock{mutex_};
        auto& events = events_[key];
        while (!events.empty() && now - events.front() > window_) events.pop_front();
        if (static_cast<int>(events.size()) >= max_events_) return false;
        events.push_back(now);
        if (events_.size() > 100000) events_.clear();  // bounded memory under a flood of distinct keys
        return true;
    }

private:
    int max_events_;
    std::chrono::seconds window_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<std::chrono::steady_clock::time_point>> events_;
};

}  // namespace meldroute::http
