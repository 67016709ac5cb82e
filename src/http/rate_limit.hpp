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

    //! True when `key` has reached its limit within the window (records nothing).
    bool Exhausted(const std::string& key) {
        auto now = std::chrono::steady_clock::now();
        std::lock_guard lock{mutex_};
        auto found = events_.find(key);
        if (found == events_.end()) return false;
        auto& events = found->second;
        while (!events.empty() && now - events.front() > window_) events.pop_front();
        return static_cast<int>(events.size()) >= max_events_;
    }

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

//! Failed sign-ins per client address, shared by the API and the sign-in page: 20 failures within 15 minutes
//! from one address refuse further sign-ins from it for the rest of the window (429), whichever accounts are
//! tried. The per-account lockout is in the store; this stops one address from spraying many accounts.
inline RateLimiter& SignInFailuresByAddress() {
    static RateLimiter limiter{20, std::chrono::seconds{15 * 60}};
    return limiter;
}

}  // namespace meldroute::http
