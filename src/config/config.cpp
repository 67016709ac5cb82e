#include "config/config.hpp"

#include "base/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

#include <fstream>
#include <functional>
#include <sstream>
#include <toml++/toml.h>
#include <variant>

namespace meldroute::config {

namespace {

using namespace std::chrono_literals;

// A value as it arrives: from the file typed by TOML, from the command line as text (converted by kind).
using Value = std::variant<std::string, bool, std::int64_t>;
enum class Kind { kText, kSwitch, kInteger, kDuration, kList };

// Sets the option from a value of its kind, or returns why the value is refused.
using Setter = std::function<std::optional<std::string>(ServeSettings&, const Value&)>;

struct Option {
    OptionSpec spec;
    Kind kind;
    Setter set;
};

std::optional<std::string> InRange(std::chrono::seconds value, std::chrono::seconds low, std::chrono::seconds high,
                                   std::string_view range) {
    if (value < low || value > high) return "must be from " + std::string{range};
    return std::nullopt;
}

bool IsIpAddress(const std::string& host) {
    unsigned char buffer[16];
    return ::inet_pton(AF_INET, host.c_str(), buffer) == 1 || ::inet_pton(AF_INET6, host.c_str(), buffer) == 1;
}

bool IsLoopback(const std::string& host) { return host == "::1" || host.rfind("127.", 0) == 0; }

// Splits "HOST:PORT" ("[::1]:8080" for IPv6; "localhost" means 127.0.0.1).
std::optional<std::string> SplitListen(const std::string& listen, std::string& host, unsigned short& port) {
    std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos) return "must be HOST:PORT, e.g. 127.0.0.1:8080";
    host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host == "localhost") host = "127.0.0.1";
    std::string digits = listen.substr(colon + 1);
    if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(digits) > 65535) {
        return "port must be a number from 0 to 65535";
    }
    if (!IsIpAddress(host)) return "HOST must be an IP address or localhost, e.g. 127.0.0.1:8080";
    port = static_cast<unsigned short>(std::stoi(digits));
    return std::nullopt;
}

template <typename Field>
Setter Text(Field ServeSettings::*field, bool allow_empty = true) {
    return [field, allow_empty](ServeSettings& settings, const Value& value) -> std::optional<std::string> {
        const auto& text = std::get<std::string>(value);
        if (!allow_empty && text.empty()) return "must not be empty";
        if (text.size() > 4096) return "is too long";
        settings.*field = text;
        return std::nullopt;
    };
}

// A word from a fixed list, turned into its value by `parse`.
template <typename Field>
Setter OneOf(Field ServeSettings::*field, std::optional<Field> (*parse)(std::string_view), std::string_view refusal) {
    return [=](ServeSettings& settings, const Value& value) -> std::optional<std::string> {
        auto parsed = parse(std::get<std::string>(value));
        if (!parsed) return std::string{refusal};
        settings.*field = *parsed;
        return std::nullopt;
    };
}

// Entries one per line (blanks around them and empty lines ignored), replacing what the field held.
Setter List(std::vector<std::string> ServeSettings::*field) {
    return [field](ServeSettings& settings, const Value& value) -> std::optional<std::string> {
        std::vector<std::string> entries;
        std::istringstream lines{std::get<std::string>(value)};
        for (std::string line; std::getline(lines, line);) {
            const std::size_t first = line.find_first_not_of(" \t\r");
            if (first == std::string::npos) continue;
            const std::size_t last = line.find_last_not_of(" \t\r");
            if (last - first >= 4096) return "has an entry that is too long";
            entries.push_back(line.substr(first, last - first + 1));
        }
        if (entries.size() > 100) return "has more than 100 entries";
        settings.*field = std::move(entries);
        return std::nullopt;
    };
}

Setter Switch(bool ServeSettings::*field) {
    return [field](ServeSettings& settings, const Value& value) -> std::optional<std::string> {
        settings.*field = std::get<bool>(value);
        return std::nullopt;
    };
}

// A whole number from `low` to `high`.
Setter Integer(std::int64_t ServeSettings::*field, std::int64_t low, std::int64_t high) {
    return [=](ServeSettings& settings, const Value& value) -> std::optional<std::string> {
        const std::int64_t number = std::get<std::int64_t>(value);
        if (number < low || number > high) return "must be from " + std::to_string(low) + " to " + std::to_string(high);
        settings.*field = number;
        return std::nullopt;
    };
}

Setter Duration(std::chrono::seconds ServeSettings::*field, std::chrono::seconds low, std::chrono::seconds high,
                std::string_view range) {
    return [=](ServeSettings& settings, const Value& value) -> std::optional<std::string> {
        auto duration = ParseDuration(std::get<std::string>(value));
        if (!duration) return "must be a duration such as \"30s\", \"15m\" or \"8h\"";
        if (auto refused = InRange(*duration, low, high, range)) return refused;
        settings.*field = *duration;
        return std::nullopt;
    };
}

const std::vector<Option>& Options() {
    static const std::vector<Option> options = {
        {{"server", "data", "--data", "data directory (created when missing)", false}, Kind::kText,
         Text(&ServeSettings::data_dir, false)},
        {{"server", "listen", "--listen", "HOST:PORT to listen on; port 0 picks a free port", false}, Kind::kText,
         [](ServeSettings& settings, const Value& value) -> std::optional<std::string> {
             std::string host;
             unsigned short port = 0;
             if (auto refused = SplitListen(std::get<std::string>(value), host, port)) return refused;
             settings.listen = std::get<std::string>(value);
             return std::nullopt;
         }},
        {{"server", "store", "--store", "postgresql://... to use PostgreSQL instead of the embedded store", false},
         Kind::kText, Text(&ServeSettings::store_url)},
        {{"server", "demo", "--demo", "add demo accounts and sample data to an empty store (loopback only)", true},
         Kind::kSwitch, Switch(&ServeSettings::demo)},
        {{"server", "secure-cookies", "--secure-cookies", "mark cookies Secure (when served behind TLS)", true},
         Kind::kSwitch, Switch(&ServeSettings::secure_cookies)},
        {{"server", "shutdown-timeout", "--shutdown-timeout",
          "on SIGTERM, how long requests in flight may take to finish (default 10s)", false},
         Kind::kDuration, Duration(&ServeSettings::shutdown_timeout, 1s, 600s, "1s to 10m")},
        {{"server", "max-connections", "--max-connections",
          "open client connections at most; a connection beyond them is answered 503 and closed (default 1000)",
          false},
         Kind::kInteger, Integer(&ServeSettings::max_connections, 16, 100000)},
        {{"server", "trusted-proxies", "--trusted-proxy",
          "reverse proxies and load balancers (IP addresses or prefixes, repeatable) whose X-Forwarded-For names the "
          "client, for the limits per address; default none: the connection's address counts",
          false, true},
         Kind::kList,
         [](ServeSettings& settings, const Value& value) -> std::optional<std::string> {
             if (auto refused = List(&ServeSettings::trusted_proxies)(settings, value)) return refused;
             auto parsed = base::AddressSet::Parse(settings.trusted_proxies);
             if (auto* refusal = std::get_if<std::string>(&parsed)) return *refusal;
             return std::nullopt;
         }},
        {{"sessions", "idle-timeout", "--idle-timeout", "a session ends after this long without use (default 15m)",
          false},
         Kind::kDuration, Duration(&ServeSettings::idle_timeout, 1s, 24h, "1s to 24h")},
        {{"sessions", "absolute-lifetime", "--absolute-lifetime",
          "a session ends this long after sign-in, used or not (default 8h)", false},
         Kind::kDuration, Duration(&ServeSettings::absolute_lifetime, 1s, 7 * 24h, "1s to 7d")},
        {{"sessions", "mfa-melder", "--mfa-melder",
          "require a second factor of melders too (always required for aandachtfunctionaris, beheerder, auditor)",
          true},
         Kind::kSwitch, Switch(&ServeSettings::mfa_for_melder)},
        {{"figures", "suppression-threshold", "--suppression-threshold",
          "counts below this show as \"< n\" in figures shared outside (2 to 100, default 5)", false},
         Kind::kInteger, Integer(&ServeSettings::suppression_threshold, 2, 100)},
        {{"logging", "format", "--log-format", "text (for a terminal, default) or json (one object per line)", false},
         Kind::kText, OneOf(&ServeSettings::log_format, ParseLogFormat, "must be \"text\" or \"json\"")},
        {{"logging", "level", "--log-level", "lowest level written: debug, info (default), warn or error", false},
         Kind::kText,
         OneOf(&ServeSettings::log_level, ParseLogLevel, "must be \"debug\", \"info\", \"warn\" or \"error\"")},
        {{"metrics", "enabled", "--metrics", "serve /metrics (Prometheus) to callers with the metrics token", true},
         Kind::kSwitch, Switch(&ServeSettings::metrics)},
        {{"metrics", "token-file", "--metrics-token-file",
          "file holding the bearer token for /metrics (at least 32 characters)", false},
         Kind::kText, Text(&ServeSettings::metrics_token_file)},
        {{"retention", "terms", "--retention",
          "OUTCOME=TERM, repeatable: how long a closed case with this outcome is kept (standaard=5y for all outcomes; "
          "zonder-casus=1y for signals never taken into a case); TERM like 5y, 18m, 30d",
          false, true},
         Kind::kList, List(&ServeSettings::retention_rules)},
        {{"retention", "interval", "--retention-interval",
          "time between runs of the destruction job (default 1d; a bare number is seconds)", false},
         Kind::kDuration,
         [](ServeSettings& settings, const Value& value) -> std::optional<std::string> {
             const auto& text = std::get<std::string>(value);
             std::optional<std::chrono::seconds> interval;
             if (!text.empty() && text.size() <= 8 && text.find_first_not_of("0123456789") == std::string::npos) {
                 interval = std::chrono::seconds{std::stoll(text)};  // the flag's older form: seconds
             } else {
                 interval = ParseDuration(text);
             }
             if (!interval) return "must be a duration such as \"1d\" or \"6h\"";
             if (auto refused = InRange(*interval, 1s, 31 * 24h, "1s to 31d")) return refused;
             settings.retention_interval = *interval;
             return std::nullopt;
         }},
        {{"oidc", "issuer", "--oidc-issuer",
          "single sign-on: the identity provider's issuer URL (https; http only on loopback); empty: off", false},
         Kind::kText, Text(&ServeSettings::oidc_issuer)},
        {{"oidc", "client-id", "--oidc-client-id", "single sign-on: meldroute's client id", false}, Kind::kText,
         Text(&ServeSettings::oidc_client_id)},
        {{"oidc", "client-secret-file", "--oidc-client-secret-file",
          "single sign-on: file whose first line is the client secret", false},
         Kind::kText, Text(&ServeSettings::oidc_client_secret_file)},
        {{"oidc", "redirect-uri", "--oidc-redirect-uri",
          "single sign-on: https://HOST/inloggen/gemeente-account/terug as registered at the provider", false},
         Kind::kText, Text(&ServeSettings::oidc_redirect_uri)},
        {{"oidc", "role-claim", "--oidc-role-claim",
          "single sign-on: the ID token claim with the roles (default roles; a.b walks into objects)", false},
         Kind::kText, Text(&ServeSettings::oidc_role_claim, false)},
        {{"oidc", "roles", "--oidc-role",
          "single sign-on: VALUE=ROLE, a claim value and the meldroute role it gives (repeatable)", false, true},
         Kind::kList, List(&ServeSettings::oidc_roles)},
        {{"oidc", "scopes", "--oidc-scope", "single sign-on: scopes to ask (default \"openid profile\")", false, true},
         Kind::kList, List(&ServeSettings::oidc_scopes)},
        {{"oidc", "token-auth", "--oidc-token-auth",
          "single sign-on: client_secret_basic (default) or client_secret_post", false},
         Kind::kText,
         [](ServeSettings& settings, const Value& value) -> std::optional<std::string> {
             const auto& text = std::get<std::string>(value);
             if (text != "client_secret_basic" && text != "client_secret_post") {
                 return "must be \"client_secret_basic\" or \"client_secret_post\"";
             }
             settings.oidc_token_auth = text;
             return std::nullopt;
         }},
        {{"oidc", "mfa-acr", "--oidc-mfa-acr",
          "single sign-on: an acr value that counts as a second factor (repeatable)", false, true},
         Kind::kList, List(&ServeSettings::oidc_mfa_acr)},
    };
    return options;
}

const Option* FindOption(std::string_view table, std::string_view key) {
    for (const Option& option : Options()) {
        if (option.spec.table == table && option.spec.key == key) return &option;
    }
    return nullptr;
}

bool IsTable(std::string_view name) {
    for (const Option& option : Options()) {
        if (option.spec.table == name) return true;
    }
    return false;
}

// The tables of the options, in order: "server, sessions, …".
std::string Tables() {
    std::string names;
    std::string_view last;
    for (const Option& option : Options()) {
        if (option.spec.table == last) continue;
        last = option.spec.table;
        names += (names.empty() ? "" : ", ") + std::string{last};
    }
    return names;
}

// The value of a TOML node in the option's kind, or nullopt when the type is wrong.
std::optional<Value> FromToml(const toml::node& node, Kind kind) {
    switch (kind) {
        case Kind::kText:
        case Kind::kDuration:
        case Kind::kList:
            if (auto text = node.value_exact<std::string>()) return Value{*text};
            return std::nullopt;
        case Kind::kSwitch:
            if (auto flag = node.value_exact<bool>()) return Value{*flag};
            return std::nullopt;
        case Kind::kInteger:
            if (auto number = node.value_exact<std::int64_t>()) return Value{*number};
            return std::nullopt;
    }
    return std::nullopt;
}

std::string_view KindName(Kind kind) {
    switch (kind) {
        case Kind::kText:
            return "a string";
        case Kind::kDuration:
            return "a duration string such as \"15m\"";
        case Kind::kSwitch:
            return "true or false";
        case Kind::kInteger:
            return "a whole number";
        case Kind::kList:
            return "a string, one entry per line (''' for several lines)";
    }
    return "a value";
}

// One line, whatever the parser put into its description.
std::string OneLine(std::string_view text) {
    std::string line;
    for (char character : text) line += character == '\n' || character == '\r' ? ' ' : character;
    return line;
}

Error FileError(std::string_view source, const toml::source_region& where, std::string_view key,
                std::string_view reason) {
    return MakeError(ErrorCode::kInvalidArgument, std::string{source} + ":" + std::to_string(where.begin.line) +
                                                      ": " + std::string{key} + ": " + std::string{reason});
}

bool StartsKey(char character) {
    return std::isalnum(static_cast<unsigned char>(character)) != 0 || character == '_' || character == '-' ||
           character == '"' || character == '\'';
}

// toml++ 3.3 (Debian 12) turns some of its internal checks into assumptions when built with NDEBUG, as the
// library is (TOML_ASSERT_ASSUME, TOML_UNREACHABLE): inputs that break them are undefined behaviour.
// fuzz/config_fuzz.cpp found three: "[" at the end of a line, a "}" inside an array, and non-ASCII characters
// (is_non_ascii_horizontal_whitespace). No setting needs arrays, inline tables or non-ASCII text, so these are
// refused here, before the library reads the text: the line and why, or nullopt.
std::optional<std::pair<std::size_t, std::string_view>> Unsupported(std::string_view text) {
    std::size_t line = 1;
    for (char character : text) {
        if (static_cast<unsigned char>(character) >= 0x80) return std::pair{line, "only ASCII characters are allowed"};
        if (character == '\n') ++line;
    }
    line = 1;
    bool line_start = true;  // nothing but blanks so far on this line
    std::size_t index = 0;
    auto at = [&](std::string_view token) { return text.substr(index, token.size()) == token; };
    // Skips the string starting at `index`, quotes included; basic strings have backslash escapes.
    auto skip_string = [&](std::string_view quote) {
        bool basic = quote.front() == '"';
        index += quote.size();
        while (index < text.size() && !at(quote)) {
            if (quote.size() == 1 && text[index] == '\n') return;  // unterminated: the parser will say so
            if (text[index] == '\n') ++line;
            if (basic && text[index] == '\\') ++index;
            ++index;
        }
        index += quote.size();
    };
    while (index < text.size()) {
        char character = text[index];
        if (character == '\n') {
            ++line;
            line_start = true;
            ++index;
        } else if (character == ' ' || character == '\t' || character == '\r') {
            ++index;
        } else if (character == '#') {
            while (index < text.size() && text[index] != '\n') ++index;
        } else if (at("\"\"\"") || at("'''")) {
            skip_string(text.substr(index, 3));
            line_start = false;
        } else if (character == '"' || character == '\'') {
            skip_string(text.substr(index, 1));
            line_start = false;
        } else if (character == '[' && line_start) {
            // A table header: "[name]" or "[[name]]", the name right after the brackets and blanks.
            ++index;
            if (index < text.size() && text[index] == '[') ++index;
            while (index < text.size() && (text[index] == ' ' || text[index] == '\t')) ++index;
            if (index >= text.size() || !StartsKey(text[index])) {
                return std::pair{line, "a table header needs a name, e.g. [server]"};
            }
            line_start = false;
        } else if (character == '[' || character == '{' || character == '}') {
            return std::pair{line, "arrays and inline tables are not used by any setting"};
        } else {
            line_start = false;
            ++index;
        }
    }
    return std::nullopt;
}

std::string Key(const OptionSpec& spec) { return std::string{spec.table} + "." + std::string{spec.key}; }

}  // namespace

const std::vector<OptionSpec>& ServeOptions() {
    static const std::vector<OptionSpec> specs = [] {
        std::vector<OptionSpec> list;
        for (const Option& option : Options()) list.push_back(option.spec);
        return list;
    }();
    return specs;
}

std::optional<std::chrono::seconds> ParseDuration(std::string_view text) {
    if (text.size() < 2 || text.size() > 8) return std::nullopt;
    std::string_view digits = text.substr(0, text.size() - 1);
    if (digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    std::int64_t number = std::stoll(std::string{digits});
    switch (text.back()) {
        case 's':
            return std::chrono::seconds{number};
        case 'm':
            return std::chrono::seconds{number * 60};
        case 'h':
            return std::chrono::seconds{number * 3600};
        case 'd':
            return std::chrono::seconds{number * 86400};
        default:
            return std::nullopt;
    }
}

Status ApplyToml(std::string_view text, std::string_view source, ServeSettings& settings) {
    if (auto refused = Unsupported(text)) {
        return MakeError(ErrorCode::kInvalidArgument,
                         std::string{source} + ":" + std::to_string(refused->first) + ": " + std::string{refused->second});
    }
    toml::table root;
    try {
        root = toml::parse(text, source);
    } catch (const toml::parse_error& error) {
        return MakeError(ErrorCode::kInvalidArgument, std::string{source} + ":" +
                                                          std::to_string(error.source().begin.line) + ": " +
                                                          OneLine(error.description()));
    }
    for (const auto& [table_name, table_node] : root) {
        std::string_view name = table_name.str();
        if (!IsTable(name)) {
            return FileError(source, table_node.source(), name, "unknown table (known: " + Tables() + ")");
        }
        const toml::table* table = table_node.as_table();
        if (table == nullptr) return FileError(source, table_node.source(), name, "must be a table: [" + std::string{name} + "]");
        for (const auto& [key_name, node] : *table) {
            std::string key = std::string{name} + "." + std::string{key_name.str()};
            const Option* option = FindOption(name, key_name.str());
            if (option == nullptr) return FileError(source, node.source(), key, "unknown key");
            auto value = FromToml(node, option->kind);
            if (!value) return FileError(source, node.source(), key, "must be " + std::string{KindName(option->kind)});
            if (auto refused = option->set(settings, *value)) return FileError(source, node.source(), key, *refused);
        }
    }
    return Ok();
}

Status ApplyTomlFile(const std::string& path, ServeSettings& settings) {
    std::ifstream file{path, std::ios::binary};
    if (!file) return MakeError(ErrorCode::kInvalidArgument, "--config " + path + ": cannot read the file");
    std::ostringstream text;
    text << file.rdbuf();
    if (text.str().size() > 1024 * 1024) {
        return MakeError(ErrorCode::kInvalidArgument, "--config " + path + ": larger than 1 MiB");
    }
    return ApplyToml(text.str(), path, settings);
}

Status ApplyFlag(const OptionSpec& spec, std::string_view text, ServeSettings& settings) {
    const Option* option = FindOption(spec.table, spec.key);
    if (option == nullptr) return MakeError(ErrorCode::kInvalidArgument, std::string{spec.flag} + ": unknown option");
    Value value{std::string{text}};
    if (option->kind == Kind::kSwitch) {
        if (text != "true" && text != "false") {
            return MakeError(ErrorCode::kInvalidArgument, std::string{spec.flag} + ": must be true or false");
        }
        value = text == "true";
    } else if (option->kind == Kind::kInteger) {
        if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string_view::npos) {
            return MakeError(ErrorCode::kInvalidArgument, std::string{spec.flag} + ": must be a whole number");
        }
        value = std::stoll(std::string{text});
    }
    if (auto refused = option->set(settings, value)) {
        return MakeError(ErrorCode::kInvalidArgument, std::string{spec.flag} + ": " + *refused);
    }
    return Ok();
}

Status Finish(ServeSettings& settings) {
    const OptionSpec& listen = FindOption("server", "listen")->spec;
    if (auto refused = SplitListen(settings.listen, settings.listen_host, settings.listen_port)) {
        return MakeError(ErrorCode::kInvalidArgument, std::string{listen.flag} + " (" + Key(listen) + "): " + *refused);
    }
    if (!settings.store_url.empty() && !settings.store_url.starts_with("postgresql://") &&
        !settings.store_url.starts_with("postgres://")) {
        // Only the scheme is named: the rest of the URL may hold a password.
        return MakeError(ErrorCode::kInvalidArgument,
                         "--store (server.store) " + settings.store_url.substr(0, settings.store_url.find(':')) +
                             ": expected a postgresql:// URL (or nothing, for the embedded SQLite store)");
    }
    if (settings.demo && !IsLoopback(settings.listen_host)) {
        return MakeError(ErrorCode::kInvalidArgument, "--demo (server.demo) is only allowed on a loopback address");
    }
    if (settings.idle_timeout > settings.absolute_lifetime) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "--idle-timeout (sessions.idle-timeout) must not be longer than --absolute-lifetime "
                         "(sessions.absolute-lifetime)");
    }
    settings.metrics_token.clear();
    if (!settings.metrics) return Ok();
    const std::string where = "--metrics-token-file (metrics.token-file)";
    if (settings.metrics_token_file.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, where + ": required when metrics are on");
    }
    std::ifstream file{settings.metrics_token_file, std::ios::binary};
    if (!file) return MakeError(ErrorCode::kInvalidArgument, where + ": cannot read " + settings.metrics_token_file);
    std::string token;
    std::getline(file, token);
    if (!token.empty() && token.back() == '\r') token.pop_back();
    if (token.size() < 32 || token.size() > 512 || token.find_first_of(" \t") != std::string::npos) {
        return MakeError(ErrorCode::kInvalidArgument,
                         where + ": the first line must be a token of 32 to 512 characters without spaces");
    }
    settings.metrics_token = token;
    return Ok();
}

}  // namespace meldroute::config
