// The settings of `meldroute serve`: read from a TOML file (`--config FILE`) and from command-line flags, one
// table of options for both, so every option in the file is also a flag and both are checked the same way.
// Order: defaults, then the file, then the flags (a flag overrides the file), then Finish() for the checks
// that span options. Strict: an unknown key, a wrong type or a value out of range is refused, naming the key.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/log.hpp"
#include "base/result.hpp"

namespace meldroute::config {

struct ServeSettings {
    // [server]
    std::string data_dir = "./data";
    std::string listen = "127.0.0.1:8080";
    std::string store_url;  // postgresql://… for the PostgreSQL store; empty: DATA/meldroute.db
    bool demo = false;
    bool secure_cookies = false;
    std::chrono::seconds shutdown_timeout{10};
    std::int64_t max_connections = 1000;  // open client connections; more are answered 503 and closed
    // [sessions]
    std::chrono::seconds idle_timeout{15 * 60};
    std::chrono::seconds absolute_lifetime{8 * 3600};
    bool mfa_for_melder = false;
    // [figures]
    std::int64_t suppression_threshold = 5;
    // [logging]
    LogFormat log_format = LogFormat::kText;
    LogLevel log_level = LogLevel::kInfo;
    // [metrics]
    bool metrics = false;
    std::string metrics_token_file;
    // [oidc] belongs to the OIDC settings (issue 4, another change), which keep their own struct and parser;
    // until that lands an [oidc] table is an unknown table here.

    // Set by Finish(): the parts of `listen`, and the metrics token read from `metrics_token_file`.
    std::string listen_host;
    unsigned short listen_port = 0;
    std::string metrics_token;
};

//! One option: its key in the file (`table.key`) and its flag on the command line.
struct OptionSpec {
    std::string_view table;
    std::string_view key;
    std::string_view flag;  // "--idle-timeout"
    std::string_view help;
    bool is_switch;  // a boolean: on the command line a flag without a value (`--demo`, `--demo=false`)
};

//! Every option of `serve`, in the order of the example file deploy/meldroute.toml.
const std::vector<OptionSpec>& ServeOptions();

//! Applies the TOML `text` onto `settings`. Errors are one line: "SOURCE:LINE: table.key: reason".
Status ApplyToml(std::string_view text, std::string_view source, ServeSettings& settings);

//! Reads `path` and applies it (ApplyToml); an unreadable file is an error naming the path.
Status ApplyTomlFile(const std::string& path, ServeSettings& settings);

//! Applies one option given on the command line as text ("true"/"false" for a switch); errors name the flag.
Status ApplyFlag(const OptionSpec& option, std::string_view value, ServeSettings& settings);

//! The checks that span options (demo only on loopback, idle timeout within the lifetime, metrics need a
//! token), splits `listen` and reads the metrics token file. Call once, after the file and the flags.
Status Finish(ServeSettings& settings);

//! Parses "15m", "8h", "30s", "2d" (a whole number and one unit); nullopt otherwise.
std::optional<std::chrono::seconds> ParseDuration(std::string_view text);

}  // namespace meldroute::config
