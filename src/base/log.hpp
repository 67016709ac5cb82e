// Operational logging: one line per event on standard error, as text for a terminal or as one JSON object per
// line for a log collector. Messages and fields come from code, never from a request: no personal data, no
// tokens. The current request's trace id (base/trace.hpp) is added when there is one.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace meldroute {

enum class LogFormat { kText, kJson };
enum class LogLevel { kDebug, kInfo, kWarn, kError };

std::optional<LogFormat> ParseLogFormat(std::string_view text);
std::optional<LogLevel> ParseLogLevel(std::string_view text);
std::string_view ToString(LogLevel level);

//! A field of a log line: a name and a text, a whole number or a number.
struct LogField {
    std::string_view name;
    std::variant<std::string_view, std::int64_t, double> value;
};

//! Sets the format and the lowest level written (default: text, info). Call before the first Log.
void ConfigureLog(LogFormat format, LogLevel level);

//! Whether a line at `level` would be written.
bool LogEnabled(LogLevel level);

//! Writes one line: time, level, message, the trace id of the current request, then `fields`.
void Log(LogLevel level, std::string_view message, std::initializer_list<LogField> fields = {});

//! Appends `text` to `out` as the inside of a JSON string (quotes, backslashes and control characters escaped).
void AppendJsonEscaped(std::string& out, std::string_view text);

}  // namespace meldroute
