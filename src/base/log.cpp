#include "base/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

#include "base/trace.hpp"

namespace meldroute {

namespace {

std::atomic<LogFormat> log_format{LogFormat::kText};
std::atomic<LogLevel> log_level{LogLevel::kInfo};
std::mutex write_mutex;

// "2024-04-15T09:30:00.123Z": milliseconds, so lines of one second keep their order when sorted.
std::string TimeNow() {
    auto now = std::chrono::system_clock::now();
    std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, static_cast<int>(millis));
    return text;
}

void AppendValue(std::string& out, const LogField& field, bool json) {
    if (const auto* text = std::get_if<std::string_view>(&field.value)) {
        if (json) {
            out += '"';
            AppendJsonEscaped(out, *text);
            out += '"';
        } else {
            out += *text;
        }
    } else if (const auto* whole = std::get_if<std::int64_t>(&field.value)) {
        out += std::to_string(*whole);
    } else {
        char number[32];
        std::snprintf(number, sizeof number, "%.3f", std::get<double>(field.value));
        out += number;
    }
}

}  // namespace

std::optional<LogFormat> ParseLogFormat(std::string_view text) {
    if (text == "text") return LogFormat::kText;
    if (text == "json") return LogFormat::kJson;
    return std::nullopt;
}

std::optional<LogLevel> ParseLogLevel(std::string_view text) {
    for (LogLevel level : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError}) {
        if (ToString(level) == text) return level;
    }
    return std::nullopt;
}

std::string_view ToString(LogLevel level) {
    switch (level) {
        case LogLevel::kDebug:
            return "debug";
        case LogLevel::kInfo:
            return "info";
        case LogLevel::kWarn:
            return "warn";
        case LogLevel::kError:
            return "error";
    }
    return "info";
}

void ConfigureLog(LogFormat format, LogLevel level) {
    log_format = format;
    log_level = level;
}

bool LogEnabled(LogLevel level) { return level >= log_level.load(); }

void Log(LogLevel level, std::string_view message, std::initializer_list<LogField> fields) {
    if (!LogEnabled(level)) return;
    const TraceContext* trace = CurrentTrace();
    bool json = log_format.load() == LogFormat::kJson;
    std::string line;
    line.reserve(160);
    if (json) {
        line += R"({"time":")" + TimeNow() + R"(","level":")" + std::string{ToString(level)} + R"(","message":")";
        AppendJsonEscaped(line, message);
        line += '"';
        if (trace != nullptr) line += R"(,"traceId":")" + trace->trace_id + '"';
        for (const LogField& field : fields) {
            line += ",\"";
            AppendJsonEscaped(line, field.name);
            line += "\":";
            AppendValue(line, field, true);
        }
        line += "}\n";
    } else {
        line += TimeNow() + ' ' + std::string{ToString(level)} + ' ' + std::string{message};
        if (trace != nullptr) line += " traceId=" + trace->trace_id;
        for (const LogField& field : fields) {
            line += ' ';
            line += field.name;
            line += '=';
            AppendValue(line, field, false);
        }
        line += '\n';
    }
    std::lock_guard lock{write_mutex};
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

void AppendJsonEscaped(std::string& out, std::string_view text) {
    for (char character : text) {
        auto byte = static_cast<unsigned char>(character);
        switch (character) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (byte < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
                    out += escaped;
                } else {
                    out += character;
                }
        }
    }
}

}  // namespace meldroute
