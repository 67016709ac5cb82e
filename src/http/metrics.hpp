// /metrics in the Prometheus text exposition format (version 0.0.4): requests by route template and status
// class, their latencies, requests in flight, the store's write queue and transaction times, the start time.
// Labels are route templates ("/api/v1/signals/{}"), never raw paths: no ids, no personal data.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "base/metrics.hpp"
#include "store/store.hpp"

namespace meldroute::http {

class Metrics {
public:
    //! `store` may be null (no store figures); `in_flight` reports requests being handled, `connections` the
    //! client connections open (either may be empty: no such series).
    Metrics(const store::StoreMetrics* store, std::function<int()> in_flight, std::function<int()> connections = {});

    //! Counts one answered request. `route` is a route template or a fixed name such as "(unmatched)".
    void RecordRequest(std::string_view method, std::string_view route, unsigned status,
                       std::chrono::nanoseconds duration);

    //! All series, as text/plain; version=0.0.4.
    std::string Render() const;

private:
    struct RouteSeries {
        std::array<std::atomic<std::uint64_t>, 5> by_status_class{};  // 1xx … 5xx
        Histogram latency{LatencyBounds()};
    };

    const store::StoreMetrics* store_;
    std::function<int()> in_flight_;
    std::function<int()> connections_;
    double start_time_seconds_;
    mutable std::shared_mutex mutex_;  // guards the map; the series themselves are atomic
    std::map<std::pair<std::string, std::string>, std::unique_ptr<RouteSeries>> routes_;  // (method, route)
};

}  // namespace meldroute::http
