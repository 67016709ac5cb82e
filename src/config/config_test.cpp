// The settings of `serve`: the file, the flags, their order, and the strictness of both.
#include "config/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace meldroute::config {
namespace {

using namespace std::chrono_literals;

const OptionSpec& Flag(std::string_view flag) {
    for (const OptionSpec& spec : ServeOptions()) {
        if (spec.flag == flag) return spec;
    }
    throw std::runtime_error("no such flag");
}

std::string Refusal(std::string_view text) {
    ServeSettings settings;
    Status status = ApplyToml(text, "test.toml", settings);
    return status ? "" : status.error().detail;
}

TEST(ConfigTest, DefaultsAreTheDocumentedOnes) {
    ServeSettings settings;
    ASSERT_TRUE(Finish(settings));
    EXPECT_EQ(settings.listen_host, "127.0.0.1");
    EXPECT_EQ(settings.listen_port, 8080);
    EXPECT_EQ(settings.idle_timeout, 15min);
    EXPECT_EQ(settings.absolute_lifetime, 8h);
    EXPECT_EQ(settings.shutdown_timeout, 10s);
    EXPECT_EQ(settings.max_connections, 1000);
    EXPECT_EQ(settings.suppression_threshold, 5);
    EXPECT_EQ(settings.log_format, LogFormat::kText);
    EXPECT_FALSE(settings.metrics);
}

TEST(ConfigTest, AFileSetsEveryTable) {
    ServeSettings settings;
    Status status = ApplyToml(R"(
[server]
data = "/var/lib/meldroute"
listen = "[::1]:9090"
secure-cookies = true
shutdown-timeout = "30s"
max-connections = 4000

[sessions]
idle-timeout = "10m"
absolute-lifetime = "4h"
mfa-melder = true

[figures]
suppression-threshold = 10

[logging]
format = "json"
level = "warn"
)",
                              "test.toml", settings);
    ASSERT_TRUE(status) << status.error().detail;
    ASSERT_TRUE(Finish(settings));
    EXPECT_EQ(settings.data_dir, "/var/lib/meldroute");
    EXPECT_EQ(settings.listen_host, "::1");
    EXPECT_EQ(settings.listen_port, 9090);
    EXPECT_TRUE(settings.secure_cookies);
    EXPECT_EQ(settings.shutdown_timeout, 30s);
    EXPECT_EQ(settings.max_connections, 4000);
    EXPECT_EQ(settings.idle_timeout, 10min);
    EXPECT_EQ(settings.absolute_lifetime, 4h);
    EXPECT_TRUE(settings.mfa_for_melder);
    EXPECT_EQ(settings.suppression_threshold, 10);
    EXPECT_EQ(settings.log_format, LogFormat::kJson);
    EXPECT_EQ(settings.log_level, LogLevel::kWarn);
}

TEST(ConfigTest, AFlagOverridesTheFile) {
    ServeSettings settings;
    ASSERT_TRUE(ApplyToml("[sessions]\nidle-timeout = \"10m\"\n[server]\ndemo = true\n", "test.toml", settings));
    ASSERT_TRUE(ApplyFlag(Flag("--idle-timeout"), "2s", settings));
    ASSERT_TRUE(ApplyFlag(Flag("--demo"), "false", settings));
    EXPECT_EQ(settings.idle_timeout, 2s);
    EXPECT_FALSE(settings.demo);
}

TEST(ConfigTest, EveryOptionIsAlsoAFlagWithAKey) {
    for (const OptionSpec& spec : ServeOptions()) {
        EXPECT_TRUE(spec.flag.starts_with("--")) << spec.key;
        EXPECT_FALSE(spec.table.empty()) << spec.flag;
        EXPECT_FALSE(spec.help.empty()) << spec.flag;
    }
    EXPECT_GE(ServeOptions().size(), 14u);
}

TEST(ConfigTest, SingleSignOnAndRetentionComeFromTheFileWithAnEntryPerLine) {
    ServeSettings settings;
    Status status = ApplyToml(R"(
[retention]
terms = '''
  standaard=5y
  geen-mensenhandel=1y

  zonder-casus=1y
'''
interval = "6h"

[oidc]
issuer = "https://login.gemeente.example/realms/medewerkers"
client-id = "meldroute"
client-secret-file = "/etc/meldroute/oidc-client-secret"
redirect-uri = "https://meldroute.gemeente.example/inloggen/gemeente-account/terug"
role-claim = "realm_access.roles"
roles = '''
CN=Mensenhandel AF,OU=Groepen,DC=gemeente=aandachtfunctionaris
medewerkers=melder
'''
scopes = "openid profile groups"
token-auth = "client_secret_post"
mfa-acr = "urn:gemeente:loa:hoog"
)",
                              "test.toml", settings);
    ASSERT_TRUE(status) << status.error().detail;
    EXPECT_EQ(settings.retention_rules,
              (std::vector<std::string>{"standaard=5y", "geen-mensenhandel=1y", "zonder-casus=1y"}));
    EXPECT_EQ(settings.retention_interval, 6h);
    EXPECT_EQ(settings.oidc_issuer, "https://login.gemeente.example/realms/medewerkers");
    EXPECT_EQ(settings.oidc_client_id, "meldroute");
    EXPECT_EQ(settings.oidc_client_secret_file, "/etc/meldroute/oidc-client-secret");
    EXPECT_EQ(settings.oidc_redirect_uri, "https://meldroute.gemeente.example/inloggen/gemeente-account/terug");
    EXPECT_EQ(settings.oidc_role_claim, "realm_access.roles");
    // A claim value may hold blanks, commas and "=": one entry per line, the role after the last "=".
    EXPECT_EQ(settings.oidc_roles, (std::vector<std::string>{
                                       "CN=Mensenhandel AF,OU=Groepen,DC=gemeente=aandachtfunctionaris",
                                       "medewerkers=melder"}));
    EXPECT_EQ(settings.oidc_scopes, std::vector<std::string>{"openid profile groups"});
    EXPECT_EQ(settings.oidc_token_auth, "client_secret_post");
    EXPECT_EQ(settings.oidc_mfa_acr, std::vector<std::string>{"urn:gemeente:loa:hoog"});

    // Repeated flags arrive joined by line breaks, and replace the file's entries.
    ASSERT_TRUE(ApplyFlag(Flag("--retention"), "standaard=10y\nzonder-casus=2y\n", settings));
    EXPECT_EQ(settings.retention_rules, (std::vector<std::string>{"standaard=10y", "zonder-casus=2y"}));
    // The interval's flag also takes plain seconds, as it did before it was a key of the file.
    ASSERT_TRUE(ApplyFlag(Flag("--retention-interval"), "90", settings));
    EXPECT_EQ(settings.retention_interval, 90s);
    EXPECT_EQ(Refusal("[retention]\ninterval = \"32d\"\n"), "test.toml:2: retention.interval: must be from 1s to 31d");
    EXPECT_EQ(Refusal("[retention]\nterms = 5\n"),
              "test.toml:2: retention.terms: must be a string, one entry per line (''' for several lines)");
    EXPECT_EQ(Refusal("[oidc]\ntoken-auth = \"private_key_jwt\"\n"),
              "test.toml:2: oidc.token-auth: must be \"client_secret_basic\" or \"client_secret_post\"");
    EXPECT_EQ(Refusal("[oidc]\nrole-claim = \"\"\n"), "test.toml:2: oidc.role-claim: must not be empty");
}

TEST(ConfigTest, UnknownKeysAndTablesAreRefusedNamingThem) {
    EXPECT_EQ(Refusal("[server]\nlisen = \"127.0.0.1:1\"\n"), "test.toml:2: server.lisen: unknown key");
    EXPECT_EQ(Refusal("[oauth]\nissuer = \"https://x\"\n"),
              "test.toml:1: oauth: unknown table "
              "(known: server, sessions, figures, logging, metrics, retention, oidc)");
    EXPECT_NE(Refusal("listen = \"127.0.0.1:1\"\n").find("listen: unknown table"), std::string::npos);
}

TEST(ConfigTest, WrongTypesAndValuesOutOfRangeAreRefusedNamingTheKey) {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"[figures]\nsuppression-threshold = \"5\"\n", "figures.suppression-threshold: must be a whole number"},
        {"[server]\ndemo = 1\n", "server.demo: must be true or false"},
        {"[sessions]\nidle-timeout = 900\n", "sessions.idle-timeout: must be a duration string such as \"15m\""},
        {"[server]\nlisten = 8080\n", "server.listen: must be a string"},
        {"[figures]\nsuppression-threshold = 1\n", "figures.suppression-threshold: must be from 2 to 100"},
        {"[sessions]\nidle-timeout = \"0s\"\n", "sessions.idle-timeout: must be from 1s to 24h"},
        {"[sessions]\nabsolute-lifetime = \"8 h\"\n",
         "sessions.absolute-lifetime: must be a duration such as \"30s\", \"15m\" or \"8h\""},
        {"[logging]\nformat = \"xml\"\n", "logging.format: must be \"text\" or \"json\""},
        {"[server]\nlisten = \"127.0.0.1:70000\"\n", "server.listen: port must be a number from 0 to 65535"},
        {"[server]\nlisten = \"example.org:80\"\n",
         "server.listen: HOST must be an IP address or localhost, e.g. 127.0.0.1:8080"},
    };
    for (const auto& [text, refusal] : cases) EXPECT_EQ(Refusal(text), "test.toml:2: " + std::string{refusal}) << text;
}

TEST(ConfigTest, WhatBreaksTheParsersAssumptionsIsRefusedBeforeIt) {
    // toml++ 3.3 assumes a name after "["; these inputs (found by fuzz/config_fuzz.cpp) must not reach it.
    for (std::string_view text : {"[\n", "[ \n", "[server]\n[\n", "[[\n", "[ [a]\n", "[[[a]]]\n", "[ # x\n", "["}) {
        EXPECT_NE(Refusal(text).find(": a table header needs a name"), std::string::npos) << text;
    }
    EXPECT_EQ(Refusal("[server]\n[ sessions ]\nidle-timeout = \"1m\"\n"), "");
    // Some non-ASCII characters send toml++ 3.3 to __builtin_unreachable; the file must be ASCII.
    EXPECT_EQ(Refusal("[server]\n# geïnstalleerd\n"), "test.toml:2: only ASCII characters are allowed");
    // A "}" inside an array is another; no setting is an array or an inline table.
    EXPECT_EQ(Refusal("[server]\ne=[[}\n"), "test.toml:2: arrays and inline tables are not used by any setting");
    EXPECT_EQ(Refusal("server = { listen = \"127.0.0.1:1\" }\n"),
              "test.toml:1: arrays and inline tables are not used by any setting");
    // Brackets in strings and comments are no arrays.
    EXPECT_EQ(Refusal("[server] # [x]\nlisten = \"[::1]:8080\" # {y}\ndata = '''/srv/[a]'''\n"), "");
}

TEST(ConfigTest, SyntaxErrorsAreOneLineWithTheLine) {
    std::string refusal = Refusal("[server]\nlisten = \"127.0.0.1:1\n");
    EXPECT_EQ(refusal.rfind("test.toml:2: ", 0), 0u) << refusal;
    EXPECT_EQ(refusal.find('\n'), std::string::npos);
    EXPECT_NE(Refusal("[server]\ndata = \"a\"\ndata = \"b\"\n"), "");
}

TEST(ConfigTest, FlagsAreCheckedLikeTheFile) {
    ServeSettings settings;
    EXPECT_EQ(ApplyFlag(Flag("--suppression-threshold"), "abc", settings).error().detail,
              "--suppression-threshold: must be a whole number");
    EXPECT_EQ(ApplyFlag(Flag("--suppression-threshold"), "101", settings).error().detail,
              "--suppression-threshold: must be from 2 to 100");
    EXPECT_EQ(ApplyFlag(Flag("--listen"), "bogus", settings).error().detail,
              "--listen: must be HOST:PORT, e.g. 127.0.0.1:8080");
    EXPECT_EQ(ApplyFlag(Flag("--log-format"), "yaml", settings).error().detail,
              "--log-format: must be \"text\" or \"json\"");
    EXPECT_FALSE(ApplyFlag(Flag("--data"), "", settings));
}

TEST(ConfigTest, ChecksAcrossOptions) {
    ServeSettings settings;
    ASSERT_TRUE(ApplyFlag(Flag("--listen"), "0.0.0.0:8080", settings));
    ASSERT_TRUE(ApplyFlag(Flag("--demo"), "true", settings));
    EXPECT_NE(Finish(settings).error().detail.find("loopback"), std::string::npos);

    ServeSettings sessions;
    ASSERT_TRUE(ApplyFlag(Flag("--idle-timeout"), "9h", sessions));
    EXPECT_NE(Finish(sessions).error().detail.find("sessions.idle-timeout"), std::string::npos);

    ServeSettings metrics;
    ASSERT_TRUE(ApplyFlag(Flag("--metrics"), "true", metrics));
    EXPECT_NE(Finish(metrics).error().detail.find("required"), std::string::npos);
    auto token_file = std::filesystem::temp_directory_path() / ("meldroute-token-" + std::to_string(::getpid()));
    std::ofstream{token_file} << "short\n";
    ASSERT_TRUE(ApplyFlag(Flag("--metrics-token-file"), token_file.string(), metrics));
    EXPECT_NE(Finish(metrics).error().detail.find("32 to 512"), std::string::npos);
    std::ofstream{token_file} << std::string(40, 'k') << "\n";
    ASSERT_TRUE(Finish(metrics));
    EXPECT_EQ(metrics.metrics_token, std::string(40, 'k'));
    std::filesystem::remove(token_file);
}

TEST(ConfigTest, Durations) {
    EXPECT_EQ(ParseDuration("15m"), 15min);
    EXPECT_EQ(ParseDuration("8h"), 8h);
    EXPECT_EQ(ParseDuration("2s"), 2s);
    EXPECT_EQ(ParseDuration("1d"), 24h);
    for (std::string_view bad : {"", "m", "15", "1.5h", "-1s", "15 m", "15mm", "99999999d", "1w"}) {
        EXPECT_FALSE(ParseDuration(bad)) << bad;
    }
}

}  // namespace
}  // namespace meldroute::config
