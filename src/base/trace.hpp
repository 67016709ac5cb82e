// The trace of the request being served (W3C Trace Context), for the processing log. The HTTP layer opens a
// ScopedTrace per request; code below reads CurrentTrace() without the trace being passed down.
#pragma once

#include <string>

namespace meldroute {

struct TraceContext {
    std::string trace_id;        // 32 lowercase hex digits
    std::string parent_span_id;  // the caller's span (from a traceparent header), or empty
    std::string started_at;      // ISO-8601, when the request arrived
};

//! The trace of the current thread's request, or nullptr outside one.
const TraceContext* CurrentTrace();

//! Makes `trace` current for this thread until destroyed (nesting restores the previous one).
class ScopedTrace {
public:
    explicit ScopedTrace(TraceContext trace);
    ~ScopedTrace();
    ScopedTrace(const ScopedTrace&) = delete;
    ScopedTrace& operator=(const ScopedTrace&) = delete;

private:
    TraceContext trace_;
    const TraceContext* previous_;
};

//! Parses a W3C traceparent header ("00-<32 hex>-<16 hex>-<2 hex>"); false when malformed or all-zero.
bool ParseTraceparent(const std::string& header, std::string& trace_id, std::string& parent_span_id);

}  // namespace meldroute
