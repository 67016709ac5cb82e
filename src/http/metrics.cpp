#include "http/metrics.hpp"

#include <cstdio>
#include <mutex>

namespace meldroute::http {

namespace {

std::string Number(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

// A label value: backslash, quote and newline escaped, as the exposition format asks.
std::string Label(std::string_view value) {
    std::string escaped;
    for (char character : value) {
        if (character == '\\' || character == '"') escaped += '\\';
        if (character == '\n') {
            escaped += "\\n";
            continue;
        }
        escaped += character;
    }
    return escaped;
}

void Header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out += "# HELP " + std::string{name} + " " + std::string{help} + "\n";
    out += "# TYPE " + std::string{name} + " " + std::string{type} + "\n";
}

// The _bucket, _sum and _count lines of one histogram; `labels` is empty or "a=\"b\"," (with the comma).
void HistogramLines(std::string& out, std::string_view name, const std::string& labels, const Histogram& histogram) {
    const auto& bounds = histogram.bounds();
    for (std::size_t index = 0; index <= bounds.size(); ++index) {
        std::string bound = index < bounds.size() ? Number(bounds[index]) : "+Inf";
        out += std::string{name} + "_bucket{" + labels + "le=\"" + bound + "\"} " +
               std::to_string(histogram.Cumulative(index)) + "\n";
    }
    std::string plain = labels.empty() ? "" : "{" + labels.substr(0, labels.size() - 1) + "}";
    out += std::string{name} + "_sum" + plain + " " + Number(histogram.SumSeconds()) + "\n";
    out += std::string{name} + "_count" + plain + " " + std::to_string(histogram.Cumulative(bounds.size())) + "\n";
}

void Single(std::string& out, std::string_view name, std::string_view type, std::string_view help,
            const std::string& value) {
    Header(out, name, type, help);
    out += std::string{name} + " " + value + "\n";
}

}  // namespace

Metrics::Metrics(const store::StoreMetrics* store, std::function<int()> in_flight, std::function<int()> connections)
    : store_(store),
      in_flight_(std::move(in_flight)),
      connections_(std::move(connections)),
      start_time_seconds_(std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count()) {}

void Metrics::RecordRequest(std::string_view method, std::string_view route, unsigned status,
                            std::chrono::nanoseconds duration) {
    std::pair<std::string, std::string> key{std::string{method}, std::string{route}};
    RouteSeries* series = nullptr;
    {
        std::shared_lock lock{mutex_};
        auto found = routes_.find(key);
        if (found != routes_.end()) series = found->second.get();
    }
    if (series == nullptr) {
        std::unique_lock lock{mutex_};
        auto& slot = routes_[key];
        if (!slot) slot = std::make_unique<RouteSeries>();
        series = slot.get();
    }
    std::size_t status_class = status >= 100 && status < 600 ? status / 100 - 1 : 4;
    series->by_status_class[status_class].fetch_add(1, std::memory_order_relaxed);
    series->latency.Observe(duration);
}

std::string Metrics::Render() const {
    std::string out;
    out.reserve(16 * 1024);
    {
        std::shared_lock lock{mutex_};
        Header(out, "meldroute_http_requests_total", "counter",
               "Requests answered, by method, route template and status class.");
        for (const auto& [key, series] : routes_) {
            for (std::size_t index = 0; index < series->by_status_class.size(); ++index) {
                std::uint64_t count = series->by_status_class[index].load(std::memory_order_relaxed);
                if (count == 0) continue;
                out += "meldroute_http_requests_total{method=\"" + Label(key.first) + "\",route=\"" +
                       Label(key.second) + "\",status=\"" + std::to_string(index + 1) + "xx\"} " +
                       std::to_string(count) + "\n";
            }
        }
        Header(out, "meldroute_http_request_duration_seconds", "histogram",
               "Time from a request read to its answer ready, by method and route template.");
        for (const auto& [key, series] : routes_) {
            HistogramLines(out, "meldroute_http_request_duration_seconds",
                           "method=\"" + Label(key.first) + "\",route=\"" + Label(key.second) + "\",", series->latency);
        }
    }
    if (in_flight_) {
        Single(out, "meldroute_http_requests_in_flight", "gauge", "Requests read and not yet answered.",
               std::to_string(in_flight_()));
    }
    if (connections_) {
        Single(out, "meldroute_http_connections", "gauge",
               "Client connections open, those being answered 503 beyond server.max-connections included.",
               std::to_string(connections_()));
    }
    if (store_ != nullptr) {
        Single(out, "meldroute_store_write_queue_depth", "gauge",
               "Writes waiting for the group-commit writer to take them into a batch.",
               std::to_string(store_->write_queue_depth.load()));
        Single(out, "meldroute_store_write_batches_total", "counter", "Write transactions (batches) run.",
               std::to_string(store_->write_batches.load()));
        Single(out, "meldroute_store_write_jobs_total", "counter", "Writes run, each in its batch's transaction.",
               std::to_string(store_->write_jobs.load()));
        Single(out, "meldroute_store_failed_batches_total", "counter",
               "Write transactions that failed as a whole (disk full, I/O error).",
               std::to_string(store_->failed_batches.load()));
        Single(out, "meldroute_store_search_terms_folded_total", "counter",
               "Signals whose pending search terms a write batch folded into the search index.",
               std::to_string(store_->terms_folded.load()));
        Header(out, "meldroute_store_write_batch_duration_seconds", "histogram",
               "One write transaction from BEGIN to COMMIT, fsync included.");
        HistogramLines(out, "meldroute_store_write_batch_duration_seconds", "", store_->write_batch_seconds);
        Header(out, "meldroute_store_write_duration_seconds", "histogram",
               "One write from queued to committed (waiting for its batch included).");
        HistogramLines(out, "meldroute_store_write_duration_seconds", "", store_->write_wait_seconds);
        Header(out, "meldroute_store_read_duration_seconds", "histogram", "One read transaction.");
        HistogramLines(out, "meldroute_store_read_duration_seconds", "", store_->read_seconds);
    }
    Single(out, "process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch in seconds.",
           [&] {
               char text[40];
               std::snprintf(text, sizeof text, "%.3f", start_time_seconds_);
               return std::string{text};
           }());
    return out;
}

}  // namespace meldroute::http
