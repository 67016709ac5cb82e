// Counters and histograms for /metrics, safe to update from any thread without a lock.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace meldroute {

//! Durations in seconds counted into fixed buckets (cumulative when read, as Prometheus wants them).
class Histogram {
public:
    //! Upper bounds in seconds, ascending; a last bucket +Inf is implied.
    explicit Histogram(std::vector<double> bounds)
        : bounds_(std::move(bounds)), counts_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {}

    void Observe(std::chrono::nanoseconds duration) {
        double seconds = std::chrono::duration<double>(duration).count();
        std::size_t index = 0;
        while (index < bounds_.size() && seconds > bounds_[index]) ++index;
        counts_[index].fetch_add(1, std::memory_order_relaxed);
        sum_nanos_.fetch_add(static_cast<std::uint64_t>(duration.count() < 0 ? 0 : duration.count()),
                             std::memory_order_relaxed);
    }

    const std::vector<double>& bounds() const { return bounds_; }
    //! The count of observations at or below bounds()[index]; index == bounds().size() is the total.
    std::uint64_t Cumulative(std::size_t index) const {
        std::uint64_t total = 0;
        for (std::size_t bucket = 0; bucket <= index; ++bucket) total += counts_[bucket].load(std::memory_order_relaxed);
        return total;
    }
    double SumSeconds() const { return static_cast<double>(sum_nanos_.load(std::memory_order_relaxed)) / 1e9; }

private:
    std::vector<double> bounds_;
    std::unique_ptr<std::atomic<std::uint64_t>[]> counts_;
    std::atomic<std::uint64_t> sum_nanos_{0};
};

//! Bounds for request and transaction times: 0.5 ms to 10 s.
inline std::vector<double> LatencyBounds() {
    return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

//! Measures from construction to destruction into a histogram.
class ScopedTimer {
public:
    explicit ScopedTimer(Histogram& histogram) : histogram_(histogram), start_(std::chrono::steady_clock::now()) {}
    ~ScopedTimer() { histogram_.Observe(std::chrono::steady_clock::now() - start_); }
    ScopedTimer(const ScopedTimer&) = delete;
    ScopedTimer& operator=(const ScopedTimer&) = delete;

private:
    Histogram& histogram_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace meldroute
