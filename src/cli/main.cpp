// meldroute: wiring only. Parses the command line, opens the chosen store, and starts the server or runs an
// administrative command. The only place that names a concrete store.
#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <filesystem>
#include <functional>
#include <iostream>
#include <sstream>
#include <thread>

#include "app/crypto.hpp"
#include "app/oidc.hpp"
#include "app/service.hpp"
#include "domain/model.hpp"
#include "http/application.hpp"
#include "http/server.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace {

using namespace meldroute;

constexpr int kUsageError = 2;
constexpr int kRuntimeError = 1;

int Fail(int code, const std::string& message) {
    std::fprintf(stderr, "meldroute: %s\n", message.c_str());
    return code;
}

bool IsLoopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& data_dir, const std::string& store_url) {
    if (!store_url.empty()) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "--store " + store_url.substr(0, store_url.find(':')) +
                             ": only the embedded SQLite store is available in this version");
    }
    std::error_code error;
    std::filesystem::create_directories(data_dir, error);
    if (error) return MakeError(ErrorCode::kUnavailable, "cannot create data directory " + data_dir + ": " + error.message());
    std::filesystem::permissions(data_dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace,
                                 error);
    auto store = MR_TRY(store::sqlite::SqliteStore::Open((std::filesystem::path{data_dir} / "meldroute.db").string()));
    return std::unique_ptr<store::Store>{std::move(store)};
}

// The secret for linking signals lives beside the database, never in it: a copy of the database alone
// cannot be matched against guessed names or addresses.
Result<std::string> LoadOrCreateKey(const std::filesystem::path& path) {
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) return MakeError(ErrorCode::kUnavailable, "cannot create " + path.parent_path().string());
    std::filesystem::permissions(path.parent_path(), std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, error);
    if (std::filesystem::exists(path)) {
        std::ifstream file{path, std::ios::binary};
        std::string key{std::istreambuf_iterator<char>(file), {}};
        if (key.size() != 32) return MakeError(ErrorCode::kUnavailable, path.string() + " is not a 32-byte key");
        return key;
    }
    std::string key = app::RandomKey();
    int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (descriptor < 0) return MakeError(ErrorCode::kUnavailable, "cannot create key file " + path.string());
    bool written = ::write(descriptor, key.data(), key.size()) == static_cast<ssize_t>(key.size()) &&
                   ::fsync(descriptor) == 0;
    ::close(descriptor);
    if (!written) return MakeError(ErrorCode::kUnavailable, "cannot write key file " + path.string());
    return key;
}

// The server secrets kept beside the store, never in it: the linking key and the key for sealed fields.
Result<app::ServiceConfig> ConfigWithKeys(const std::string& data_dir) {
    app::ServiceConfig config;
    const std::filesystem::path keys = std::filesystem::path{data_dir} / "keys";
    config.link_key = MR_TRY(LoadOrCreateKey(keys / "link.key"));
    config.field_key = MR_TRY(LoadOrCreateKey(keys / "field.key"));
    return config;
}

// Prints a refused command's detail and fields on one line; exit 2 for bad input, 1 otherwise.
int FailWith(const Error& error) {
    std::string detail = error.detail;
    for (const auto& param : error.invalid_params) detail += "; " + param.name + ": " + param.reason;
    return Fail(error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kNotFound ? kUsageError
                                                                                                : kRuntimeError,
                detail);
}

// The `serve --oidc-…` options as given; the secret is read from its file, never taken from the command line.
struct OidcOptions {
    app::OidcConfig config;
    std::string client_secret_file;
    std::vector<std::string> role_mappings;  // "VALUE=ROLE"
    std::vector<std::string> scopes;         // empty: the default
    std::string token_auth = "client_secret_basic";
    std::vector<std::string> mfa_acr;
};

Result<app::OidcConfig> LoadOidcConfig(const OidcOptions& options) {
    app::OidcConfig config = options.config;
    const bool any = !config.issuer.empty() || !config.client_id.empty() || !options.client_secret_file.empty() ||
                     !config.redirect_uri.empty() || !options.role_mappings.empty();
    if (!any) return app::OidcConfig{};
    if (config.issuer.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "--oidc-issuer: required with the other --oidc options");
    }
    for (const std::string& mapping : options.role_mappings) {
        auto parsed = MR_TRY(app::ParseRoleMapping(mapping));
        config.role_map[parsed.first] = parsed.second;
    }
    if (!options.scopes.empty()) {
        config.scopes.clear();
        for (const std::string& entry : options.scopes) {
            std::stringstream words{entry};
            for (std::string word; words >> word;) config.scopes.push_back(word);
        }
    }
    if (options.token_auth != "client_secret_basic" && options.token_auth != "client_secret_post") {
        return MakeError(ErrorCode::kInvalidArgument, "--oidc-token-auth: client_secret_basic or client_secret_post");
    }
    config.client_secret_post = options.token_auth == "client_secret_post";
    config.mfa_acr.insert(options.mfa_acr.begin(), options.mfa_acr.end());
    if (!options.client_secret_file.empty()) {
        std::ifstream file{options.client_secret_file, std::ios::binary};
        if (!file) {
            return MakeError(ErrorCode::kInvalidArgument,
                             "--oidc-client-secret-file: cannot read " + options.client_secret_file);
        }
        std::getline(file, config.client_secret);
        if (!config.client_secret.empty() && config.client_secret.back() == '\r') config.client_secret.pop_back();
    }
    MR_TRY(app::ValidateOidcConfig(config));
    return config;
}

int Serve(const std::string& data_dir, const std::string& listen, const std::string& store_url, bool demo,
          bool secure_cookies, bool mfa_for_melder, std::int64_t suppression_threshold, const OidcOptions& oidc_options) {
    std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos) return Fail(kUsageError, "--listen must be HOST:PORT, e.g. 127.0.0.1:8080");
    std::string host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    int port = -1;
    try {
        std::size_t used = 0;
        port = std::stoi(listen.substr(colon + 1), &used);
        if (used != listen.size() - colon - 1) port = -1;
    } catch (const std::exception&) {
        port = -1;
    }
    if (port < 0 || port > 65535) return Fail(kUsageError, "--listen: port must be a number from 0 to 65535");
    if (host == "localhost") host = "127.0.0.1";
    if (demo && !IsLoopback(host)) return Fail(kUsageError, "--demo is only allowed on a loopback address");
    auto oidc = LoadOidcConfig(oidc_options);
    if (!oidc) return Fail(kUsageError, oidc.error().detail);

    auto store = OpenStore(data_dir, store_url);
    if (!store) {
        return Fail(store.error().code == ErrorCode::kInvalidArgument ? kUsageError : kRuntimeError,
                    store.error().detail);
    }
    auto config = ConfigWithKeys(data_dir);
    if (!config) return Fail(kRuntimeError, config.error().detail);
    config->mfa_for_melder = mfa_for_melder;
    config->suppression_threshold = suppression_threshold;
    config->oidc = std::move(*oidc);
    // Per the contract, the demo accounts sign in with their password alone in demo mode.
    if (demo) config->mfa_exempt = app::DemoAccountNames();
    app::Service service{**store, *config};
    if (demo) {
        if (Status seeded = service.SeedDemo(); !seeded) return Fail(kRuntimeError, "demo data: " + seeded.error().detail);
    }
    http::Application application{service, http::PageOptions{secure_cookies}};
    int threads = static_cast<int>(std::max(4u, std::thread::hardware_concurrency() * 2));
    http::Server server{[&](const http::Request& request, const std::string& peer) {
                            return application.Handle(request, peer);
                        },
                        [&](unsigned version, bool keep_alive) { return application.TooLarge(version, keep_alive); },
                        threads};
    if (Status listening = server.Listen(host, static_cast<unsigned short>(port)); !listening) {
        return Fail(kRuntimeError, listening.error().detail);
    }
    std::string url = "http://" + (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
                      std::to_string(server.port());
    server.Run([&] {
        std::printf("meldroute listening on %s\n", url.c_str());
        if (demo) {
            std::printf("demo accounts (password 'demo-password'): melder, melder2, af, beleid, beheer, auditor\n");
        }
        std::fflush(stdout);
    });
    std::printf("meldroute stopped\n");
    return 0;
}

// Reads a password line from standard input, opens the store and runs `work` on a service over it.
int RunAccountCommand(const std::string& data_dir,
                      const std::function<Status(app::Service&, const std::string& password)>& work,
                      const std::string& done) {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    auto store = OpenStore(data_dir, "");
    if (!store) return Fail(kRuntimeError, store.error().detail);
    auto config = ConfigWithKeys(data_dir);
    if (!config) return Fail(kRuntimeError, config.error().detail);
    app::Service service{**store, *config};
    if (Status status = work(service, password); !status) return FailWith(status.error());
    std::printf("%s\n", done.c_str());
    return 0;
}

int AddUser(const std::string& data_dir, const std::string& username, const std::string& role_name,
            const std::string& department) {
    auto role = domain::ParseRole(role_name);
    if (!role) {
        return Fail(kUsageError, "--role must be one of melder, aandachtfunctionaris, beleid, beheerder, auditor");
    }
    return RunAccountCommand(
        data_dir,
        [&](app::Service& service, const std::string& password) {
            return service.AddUser(username, password, {*role}, "cli", department);
        },
        "user " + username + " added with role " + role_name);
}

// A new password for an account (read from standard input); every session of the account ends.
int SetPassword(const std::string& data_dir, const std::string& username) {
    return RunAccountCommand(
        data_dir,
        [&](app::Service& service, const std::string& password) {
            return service.SetPassword(username, password, "cli");
        },
        "password of " + username + " set; their sessions have ended");
}

// Checks the audit trail's hash chain offline: exit 0 when intact, 1 when a record was altered or removed.
int VerifyAudit(const std::string& data_dir) {
    auto store = OpenStore(data_dir, "");
    if (!store) return Fail(kRuntimeError, store.error().detail);
    auto config = ConfigWithKeys(data_dir);
    if (!config) return Fail(kRuntimeError, config.error().detail);
    app::Service service{**store, *config};
    auto result = service.VerifyAuditOffline();
    if (!result) return Fail(kRuntimeError, result.error().detail);
    if (!result->valid) {
        std::printf("audit trail BROKEN at record %lld of %lld: a record was altered, removed or inserted\n",
                    static_cast<long long>(result->first_broken_sequence), static_cast<long long>(result->count));
        return kRuntimeError;
    }
    std::printf("audit trail intact: %lld records\n", static_cast<long long>(result->count));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (!app::InitCrypto()) return Fail(kRuntimeError, "libsodium could not be initialised");
    CLI::App cli{"meldroute: signals of human trafficking, from report to feedback"};
    cli.require_subcommand(1);

    std::string data_dir = "./data";
    std::string listen = "127.0.0.1:8080";
    std::string store_url;
    bool demo = false;
    bool secure_cookies = false;
    std::int64_t suppression_threshold = 5;
    auto* serve = cli.add_subcommand("serve", "run the server");
    serve->add_option("--data", data_dir, "data directory (created when missing)");
    serve->add_option("--listen", listen, "HOST:PORT to listen on");
    serve->add_option("--store", store_url, "postgresql://… to use PostgreSQL instead of the embedded store");
    serve->add_flag("--demo", demo, "add demo accounts and sample data to an empty store (loopback only)");
    serve->add_flag("--secure-cookies", secure_cookies, "mark cookies Secure (when served behind TLS)");
    bool mfa_for_melder = false;
    serve->add_flag("--mfa-melder", mfa_for_melder,
                    "require a second factor of melders too (always required for aandachtfunctionaris, beheerder, "
                    "auditor)");
    serve->add_option("--suppression-threshold", suppression_threshold,
                      "counts below this show as \"< n\" in figures shared outside (default 5)")
        ->check(CLI::Range(2, 100));
    OidcOptions oidc;
    serve->add_option("--oidc-issuer", oidc.config.issuer,
                      "single sign-on: the identity provider's issuer URL (https; http only on loopback)");
    serve->add_option("--oidc-client-id", oidc.config.client_id, "single sign-on: meldroute's client id");
    serve->add_option("--oidc-client-secret-file", oidc.client_secret_file,
                      "single sign-on: file whose first line is the client secret");
    serve->add_option("--oidc-redirect-uri", oidc.config.redirect_uri,
                      "single sign-on: https://HOST/inloggen/gemeente-account/terug as registered at the provider");
    serve->add_option("--oidc-role-claim", oidc.config.role_claim,
                      "single sign-on: the ID token claim with the roles (default roles; a.b walks into objects)");
    serve->add_option("--oidc-role", oidc.role_mappings,
                      "single sign-on: VALUE=ROLE, a claim value and the meldroute role it gives (repeatable)");
    serve->add_option("--oidc-scope", oidc.scopes, "single sign-on: scopes to ask (default \"openid profile\")");
    serve->add_option("--oidc-token-auth", oidc.token_auth,
                      "single sign-on: client_secret_basic (default) or client_secret_post");
    serve->add_option("--oidc-mfa-acr", oidc.mfa_acr,
                      "single sign-on: an acr value that counts as a second factor (repeatable)");

    std::string username;
    std::string role;
    std::string user_data_dir = "./data";
    auto* user = cli.add_subcommand("user", "manage accounts");
    user->require_subcommand(1);
    auto* user_add = user->add_subcommand("add", "add an account; the password is read from standard input");
    user_add->add_option("name", username, "user name")->required();
    user_add->add_option("--role", role, "melder | aandachtfunctionaris | beleid | beheerder | auditor")->required();
    user_add->add_option("--data", user_data_dir, "data directory");
    std::string department = "onbekend";
    user_add->add_option("--department", department,
                         "reporting department for the figures, e.g. publiekszaken (default: onbekend)");
    auto* user_password = user->add_subcommand(
        "password", "set a new password (read from standard input); ends every session of the account");
    user_password->add_option("name", username, "user name")->required();
    user_password->add_option("--data", user_data_dir, "data directory");

    std::string audit_data_dir = "./data";
    auto* audit = cli.add_subcommand("audit", "check the audit trail");
    audit->require_subcommand(1);
    auto* audit_verify = audit->add_subcommand("verify", "recompute the hash chain offline (exit 1 when broken)");
    audit_verify->add_option("--data", audit_data_dir, "data directory");

    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return cli.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return cli.exit(help);
    } catch (const CLI::ParseError& error) {
        return Fail(kUsageError, error.what());
    }
    if (serve->parsed()) {
        return Serve(data_dir, listen, store_url, demo, secure_cookies, mfa_for_melder, suppression_threshold, oidc);
    }
    if (user_add->parsed()) return AddUser(user_data_dir, username, role, department);
    if (user_password->parsed()) return SetPassword(user_data_dir, username);
    if (audit_verify->parsed()) return VerifyAudit(audit_data_dir);
    return Fail(kUsageError, "unknown command");
}
