#include "base/trace.hpp"

#include <algorithm>

namespace meldroute {

namespace {

thread_local const TraceContext* current_trace = nullptr;

bool IsLowerHex(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

const TraceContext* CurrentTrace() { return current_trace; }

ScopedTrace::ScopedTrace(TraceContext trace) : trace_(std::move(trace)), previous_(current_trace) {
    current_trace = &trace_;
}

ScopedTrace::~ScopedTrace() { current_trace = previous_; }

bool ParseTraceparent(const std::string& header, std::string& trace_id, std::string& parent_span_id) {
    if (header.size() != 55 || header[2] != '-' || header[35] != '-' || header[52] != '-') return false;
    const std::string version = header.substr(0, 2);
    const std::string trace = header.substr(3, 32);
    const std::string span = header.substr(36, 16);
    if (version == "ff" || !IsLowerHex(version) || !IsLowerHex(trace) || !IsLowerHex(span) ||
        !IsLowerHex(header.substr(53, 2))) {
        return false;
    }
    if (trace == std::string(32, '0') || span == std::string(16, '0')) return false;
    trace_id = trace;
    parent_span_id = span;
    return true;
}

}  // namespace meldroute
