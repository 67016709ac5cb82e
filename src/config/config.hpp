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
    // Reverse proxies and load balancers whose X-Forwarded-For names the client (addresses or prefixes).
    std::vector<std::string> trusted_proxies;
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
    // [retention]: the destruction job's terms (OUTCOME=TERM, checked by app::ApplyRetentionRule) and how often
    // it runs.
    std::vector<std::string> retention_rules;
    std::chrono::seconds retention_interval{86400};
    // [oidc]: single sign-on, off while `oidc_issuer` is empty; checked as a whole when the server starts.
    std::string oidc_issuer;
    std::string oidc_client_id;
    std::string oidc_client_secret_file;  // its first line is the secret, never the secret itself
    std::string oidc_redirect_uri;
    std::string oidc_role_claim = "roles";
    std::vector<std::string> oidc_roles;   // VALUE=ROLE
    std::vector<std::string> oidc_scopes;  // empty: the default ("openid profile")
    std::string oidc_token_auth = "client_secret_basic";
    std::vector<std::string> oidc_mfa_acr;

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
    // Several entries: in the file one string with an entry per line ('''...''' for several lines), on the command
    // line the flag repeated; the flags' entries replace the file's. ApplyFlag takes them joined by line breaks.
    bool is_list = false;
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
