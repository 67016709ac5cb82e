// meldroute: wiring only. Parses the command line, opens the chosen store, and starts the server or runs an
// administrative command. The only place that names a concrete store.
#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <filesystem>
#include <functional>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "app/crypto.hpp"
#include "app/keyring.hpp"
#include "app/oidc.hpp"
#include "app/service.hpp"
#include "cli/data_dir.hpp"
#include "cli/pg_backup.hpp"
#include "base/log.hpp"
#include "base/memory.hpp"
#include "config/config.hpp"
#include "domain/model.hpp"
#include "http/application.hpp"
#include "http/server.hpp"
#include "store/copy_to_postgres.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace {

using namespace meldroute;

constexpr int kUsageError = 2;
constexpr int kRuntimeError = 1;

int Fail(int code, const std::string& message) {
    std::fprintf(stderr, "meldroute: %s\n", message.c_str());
    return code;
}

// The opened store, and the embedded one's own operations (keys rotate) when it is the SQLite file.
struct OpenedStore {
    std::unique_ptr<store::Store> store;
    store::sqlite::SqliteStore* sqlite = nullptr;
};

// Creates the data directory (mode 0700) when missing and opens the store: the embedded SQLite file in it, or the
// PostgreSQL database `store_url` names (the keys stay in DATA/keys either way). With `lock`, first takes the
// directory's lock, so a server never migrates or serves a store that `restore` is replacing.
Result<OpenedStore> OpenStore(const std::string& data_dir, const std::string& store_url,
                              std::shared_ptr<const store::FieldCipher> cipher, bool lock = false) {
    std::error_code error;
    std::filesystem::create_directories(data_dir, error);
    if (error) return MakeError(ErrorCode::kUnavailable, "cannot create data directory " + data_dir + ": " + error.message());
    std::filesystem::permissions(data_dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace,
                                 error);
    if (lock) MR_TRY(cli::LockDataDir(data_dir));
    OpenedStore opened;
    if (!store_url.empty()) {
        opened.store = MR_TRY(store::postgres::PgStore::Open(store_url, std::move(cipher)));
        return opened;
    }
    auto sqlite = MR_TRY(store::sqlite::SqliteStore::Open((std::filesystem::path{data_dir} / "meldroute.db").string(),
                                                          std::move(cipher)));
    opened.sqlite = sqlite.get();
    opened.store = std::move(sqlite);
    return opened;
}

// The server secrets kept beside the store, never in it (DATA/keys, mode 0700, files 0600): the linking key
// and the keyring that seals personal data and keys the search index (app/keyring.hpp).
struct Keys {
    app::ServiceConfig config;
    std::shared_ptr<app::Keyring> keyring;
};

Result<Keys> LoadKeys(const std::string& data_dir) {
    const std::filesystem::path data{data_dir};
    const std::filesystem::path keys = data / "keys";
    std::error_code error;
    // A database without its keys directory (a copied file) gets no fresh keys: it could not be read with them.
    if (std::filesystem::exists(data / "meldroute.db", error) && !std::filesystem::exists(keys, error)) {
        return MakeError(ErrorCode::kFailedPrecondition,
                         (data / "meldroute.db").string() + " has no keys directory beside it (" + keys.string() +
                             "); restore the keys from their backup. Refusing to start");
    }
    Keys loaded;
    loaded.config.link_key = MR_TRY(app::LoadOrCreateKeyFile(keys / "link.key", true));
    loaded.keyring = MR_TRY(app::Keyring::Load(keys, true));
    return loaded;
}

// Prints a refused command's detail and fields on one line; exit 2 for bad input, 1 otherwise.
int FailWith(const Error& error) {
    std::string detail = error.detail;
    for (const auto& param : error.invalid_params) detail += "; " + param.name + ": " + param.reason;
    return Fail(error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kNotFound ? kUsageError
                                                                                                : kRuntimeError,
                detail);
}

// Reads the repeatable `--retention OUTCOME=TERM` rules into the settings; exit code 2 on a bad rule.
std::optional<int> ApplyRetentionRules(app::RetentionSettings& settings, const std::vector<std::string>& rules) {
    for (const std::string& rule : rules) {
        if (Status applied = app::ApplyRetentionRule(settings, rule); !applied) {
            return Fail(kUsageError, applied.error().detail);
        }
    }
    return std::nullopt;
}

// Single sign-on from the [oidc] settings (or the --oidc-… flags); the secret is read from its file, never taken from
// the command line.
Result<app::OidcConfig> LoadOidcConfig(const config::ServeSettings& settings) {
    const bool any = !settings.oidc_issuer.empty() || !settings.oidc_client_id.empty() ||
                     !settings.oidc_client_secret_file.empty() || !settings.oidc_redirect_uri.empty() ||
                     !settings.oidc_roles.empty();
    if (!any) return app::OidcConfig{};
    if (settings.oidc_issuer.empty()) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "--oidc-issuer (oidc.issuer): required with the other single sign-on settings");
    }
    app::OidcConfig config;
    config.issuer = settings.oidc_issuer;
    config.client_id = settings.oidc_client_id;
    config.redirect_uri = settings.oidc_redirect_uri;
    config.role_claim = settings.oidc_role_claim;
    for (const std::string& mapping : settings.oidc_roles) {
        auto parsed = MR_TRY(app::ParseRoleMapping(mapping));
        config.role_map[parsed.first] = parsed.second;
    }
    if (!settings.oidc_scopes.empty()) {
        config.scopes.clear();
        for (const std::string& entry : settings.oidc_scopes) {
            std::stringstream words{entry};
            for (std::string word; words >> word;) config.scopes.push_back(word);
        }
    }
    config.client_secret_post = settings.oidc_token_auth == "client_secret_post";
    config.mfa_acr.insert(settings.oidc_mfa_acr.begin(), settings.oidc_mfa_acr.end());
    if (!settings.oidc_client_secret_file.empty()) {
        std::ifstream file{settings.oidc_client_secret_file, std::ios::binary};
        if (!file) {
            return MakeError(ErrorCode::kInvalidArgument,
                             "--oidc-client-secret-file (oidc.client-secret-file): cannot read " +
                                 settings.oidc_client_secret_file);
        }
        std::getline(file, config.client_secret);
        if (!config.client_secret.empty() && config.client_secret.back() == '\r') config.client_secret.pop_back();
    }
    MR_TRY(app::ValidateOidcConfig(config));
    return config;
}


void PrintRetentionRun(const app::RetentionRun& run, std::FILE* out) {
    std::size_t cases = 0;
    for (const auto& record : run.destroyed) cases += record.object_type == "case" ? 1 : 0;
    std::fprintf(out, "retention%s: %s %zu case(s) and %zu signal(s) without a case; %d due but on legal hold\n",
                 run.dry_run ? " (dry run)" : "", run.dry_run ? "would destroy" : "destroyed", cases,
                 run.destroyed.size() - cases, run.held);
}

// The daily destruction job inside `serve`: its own thread, so requests never wait on it. Every instance on the
// store looks every tenth of the interval (at least a second, at most a minute); the one that takes the job's
// lease in the store runs it, and the lease lasts one interval, so the job runs once per interval whatever the
// number of instances and restarts. Each case is its own write transaction.
class RetentionJob {
public:
    RetentionJob(app::Service& service, std::chrono::seconds interval)
        : service_(service),
          poll_(std::clamp(interval / 10, std::chrono::seconds{1}, std::chrono::seconds{60})),
          holder_(app::NewId()),
          thread_([this] { Loop(); }) {}
    ~RetentionJob() {
        {
            std::lock_guard lock{mutex_};
            stopping_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    RetentionJob(const RetentionJob&) = delete;
    RetentionJob& operator=(const RetentionJob&) = delete;

private:
    void Loop() {
        std::unique_lock lock{mutex_};
        while (!wake_.wait_for(lock, poll_, [this] { return stopping_; })) {
            lock.unlock();
            auto run = service_.RunScheduledRetention(holder_);
            if (!run) {
                std::fprintf(stderr, "{\"event\":\"retention-failed\",\"code\":%d}\n", static_cast<int>(run.error().code));
            } else if (*run) {
                const auto destroyed = static_cast<std::int64_t>((*run)->destroyed.size());
                const auto held = static_cast<std::int64_t>((*run)->held);
                Log(LogLevel::kInfo, "retention job ran", {{"destroyed", destroyed}, {"held", held}});
                if (destroyed > 0 || held > 0) PrintRetentionRun(**run, stderr);
            }
            lock.lock();
        }
    }

    app::Service& service_;
    std::chrono::seconds poll_;
    std::string holder_;  // this process, in the job's lease
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// The connections the server may hold open: the configured number, or fewer when the process may not open that
// many files. The soft limit on open files is raised to the hard one first (the server waits with epoll, so the
// 1024 of select() does not bind it); 128 descriptors stay for the store, the logs and the listening socket.
int ConnectionLimit(std::int64_t wanted) {
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return static_cast<int>(wanted);
    if (files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        (void)::setrlimit(RLIMIT_NOFILE, &files);
        (void)::getrlimit(RLIMIT_NOFILE, &files);
    }
    if (files.rlim_cur == RLIM_INFINITY || static_cast<std::int64_t>(files.rlim_cur) >= wanted + 128) {
        return static_cast<int>(wanted);
    }
    const auto possible = std::max<std::int64_t>(16, static_cast<std::int64_t>(files.rlim_cur) - 128);
    Log(LogLevel::kWarn, "max-connections lowered to what the open-file limit allows",
        {{"wanted", wanted}, {"allowed", possible}, {"open_file_limit", static_cast<std::int64_t>(files.rlim_cur)}});
    return static_cast<int>(possible);
}

int Serve(const config::ServeSettings& settings) {
    ConfigureLog(settings.log_format, settings.log_level);
    auto oidc = LoadOidcConfig(settings);
    if (!oidc) return Fail(kUsageError, oidc.error().detail);
    app::RetentionSettings retention;
    retention.interval = settings.retention_interval;
    if (auto failed = ApplyRetentionRules(retention, settings.retention_rules)) return *failed;
    auto keys = LoadKeys(settings.data_dir);
    if (!keys) return Fail(kRuntimeError, keys.error().detail);
    // One server per data directory; `restore` checks the same lock.
    auto store = OpenStore(settings.data_dir, settings.store_url, keys->keyring, true);
    if (!store) return Fail(kRuntimeError, store.error().detail);
    app::ServiceConfig config = keys->config;
    config.mfa_for_melder = settings.mfa_for_melder;
    config.suppression_threshold = settings.suppression_threshold;
    config.idle_timeout = settings.idle_timeout;
    config.absolute_lifetime = settings.absolute_lifetime;
    config.retention = retention;
    config.oidc = std::move(*oidc);
    // Per the contract, the demo accounts sign in with their password alone in demo mode.
    if (settings.demo) config.mfa_exempt = app::DemoAccountNames();
    app::Service service{*store->store, config};
    if (settings.demo) {
        if (Status seeded = service.SeedDemo(); !seeded) return Fail(kRuntimeError, "demo data: " + seeded.error().detail);
    }
    http::Server* serving = nullptr;  // set below; the metrics ask it for the requests in flight
    http::Metrics metrics{&store->store->metrics(),
                          [&serving] { return serving == nullptr ? 0 : serving->in_flight(); },
                          [&serving] { return serving == nullptr ? 0 : serving->connections(); }};
    auto proxies = base::AddressSet::Parse(settings.trusted_proxies);  // checked with the settings
    if (auto* refusal = std::get_if<std::string>(&proxies)) return Fail(kUsageError, "--trusted-proxy " + *refusal);
    http::Application application{service, http::PageOptions{settings.secure_cookies},
                                  http::Observability{&metrics, settings.metrics ? settings.metrics_token : ""},
                                  http::Forwarding{std::get<base::AddressSet>(proxies)}};
    // A request does not wait on the store while its audit record (an audited read) or its API intake is
    // committed: it queues the write for the group commit and its thread goes on (app::CommitGate); the answer
    // leaves once the write is durable. So the threads are for the CPU and for the work that still waits (the
    // case steps' writes, statistics), not for sharing commits; sign-ins (Argon2id, the identity provider) run on
    // a pool of their own (http::Application). At 10k signals on 2 cores, 4 and 8 threads served reads and intake
    // alike and 16 or 32 served them slower (idle threads woken for work another one takes; docs/performance.md).
    int threads = static_cast<int>(std::max(8u, std::thread::hardware_concurrency() * 4));
    http::Server server{[&](const http::Request& request, const std::string& peer, http::Responder respond) {
                            application.Handle(request, peer, respond);
                        },
                        [&](unsigned version, bool keep_alive) { return application.TooLarge(version, keep_alive); },
                        threads};
    serving = &server;
    server.set_shutdown_timeout(settings.shutdown_timeout);
    server.set_max_connections(ConnectionLimit(settings.max_connections));
    server.set_shutting_down([&](unsigned version, bool) { return application.ShuttingDown(version); });
    if (Status listening = server.Listen(settings.listen_host, settings.listen_port); !listening) {
        return Fail(kRuntimeError, listening.error().detail);
    }
    RetentionJob retention_job{service, retention.interval};
    const std::string& host = settings.listen_host;
    std::string url = "http://" + (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
                      std::to_string(server.port());
    bool drained = server.Run(
        [&] {
            Log(LogLevel::kInfo, "meldroute listening on " + url + " (" + std::to_string(threads) +
                                     " threads, " + DescribeAllocator() + ")");
            if (settings.demo) {
                Log(LogLevel::kInfo,
                    "demo accounts (password 'demo-password'): melder, melder2, af, beleid, beheer, auditor");
            }
        },
        [&] { Log(LogLevel::kInfo, "stopping: no new connections; finishing requests in flight"); });
    if (!drained) Log(LogLevel::kWarn, "requests still in flight when the shutdown timeout ran out");
    application.Drain();
    // Every acknowledged write is committed already; this waits for writes still queued and folds the WAL in.
    if (Status flushed = store->store->Flush(); !flushed) {
        Log(LogLevel::kError, "store flush failed at shutdown");
        return kRuntimeError;
    }
    Log(LogLevel::kInfo, "meldroute stopped");
    return 0;
}

// Reads a password line from standard input, opens the store and runs `work` on a service over it.
int RunAccountCommand(const std::string& data_dir, const std::string& store_url,
                      const std::function<Status(app::Service&, const std::string& password)>& work,
                      const std::string& done) {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    auto keys = LoadKeys(data_dir);
    if (!keys) return Fail(kRuntimeError, keys.error().detail);
    auto store = OpenStore(data_dir, store_url, keys->keyring);
    if (!store) return Fail(kRuntimeError, store.error().detail);
    app::Service service{*store->store, keys->config};
    if (Status status = work(service, password); !status) return FailWith(status.error());
    std::printf("%s\n", done.c_str());
    return 0;
}

int AddUser(const std::string& data_dir, const std::string& store_url, const std::string& username, const std::string& role_name,
            const std::string& department) {
    auto role = domain::ParseRole(role_name);
    if (!role) {
        return Fail(kUsageError, "--role must be one of melder, aandachtfunctionaris, beleid, beheerder, auditor");
    }
    return RunAccountCommand(
        data_dir, store_url,
        [&](app::Service& service, const std::string& password) {
            return service.AddUser(username, password, {*role}, "cli", department);
        },
        "user " + username + " added with role " + role_name);
}

// A new password for an account (read from standard input); every session of the account ends.
int SetPassword(const std::string& data_dir, const std::string& store_url, const std::string& username) {
    return RunAccountCommand(
        data_dir, store_url,
        [&](app::Service& service, const std::string& password) {
            return service.SetPassword(username, password, "cli");
        },
        "password of " + username + " set; their sessions have ended");
}

// `retention run`: destroys what is due now (or, dry, lists it), with the same terms as the server.
int RunRetention(const std::string& data_dir, const std::string& store_url, const app::RetentionSettings& retention,
                 bool dry_run) {
    if (store_url.empty() && !std::filesystem::exists(std::filesystem::path{data_dir} / "meldroute.db")) {
        return Fail(kUsageError, data_dir + " holds no meldroute.db");
    }
    auto keys = LoadKeys(data_dir);
    if (!keys) return Fail(kRuntimeError, keys.error().detail);
    auto store = OpenStore(data_dir, store_url, keys->keyring);
    if (!store) return Fail(kRuntimeError, store.error().detail);
    app::ServiceConfig config = keys->config;
    config.retention = retention;
    app::Service service{*store->store, config};
    auto run = service.RunRetention(dry_run, "bewaartermijn (opdrachtregel)");
    if (!run) return FailWith(run.error());
    for (const auto& record : run->destroyed) {
        std::printf("%s %s %s: %s\n", dry_run ? "due" : "destroyed", record.object_type.c_str(),
                    record.object_id.c_str(), record.rule.c_str());
    }
    PrintRetentionRun(*run, stdout);
    return 0;
}

// Checks the audit trail's hash chain offline: exit 0 when intact, 1 when a record was altered or removed.
int VerifyAudit(const std::string& data_dir, const std::string& store_url) {
    auto keys = LoadKeys(data_dir);
    if (!keys) return Fail(kRuntimeError, keys.error().detail);
    auto store = OpenStore(data_dir, store_url, keys->keyring);
    if (!store) return Fail(kRuntimeError, store.error().detail);
    app::Service service{*store->store, keys->config};
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

// `copy-to-postgresql`: the embedded store into a new, empty PostgreSQL database, for a move to a regional
// deployment. The server must be stopped (the data directory's lock), so nothing is written after the copy; the
// keys stay in DATA/keys and open the copied values on PostgreSQL. Never prints the URL (it may hold a password).
int CopyToPostgres(const std::string& data_dir, const std::string& url) {
    if (!store::postgres::IsPostgresUrl(url)) return Fail(kUsageError, "--to: expected a postgresql:// URL");
    const std::filesystem::path database = std::filesystem::path{data_dir} / "meldroute.db";
    std::error_code error;
    if (!std::filesystem::exists(database, error)) {
        return Fail(kUsageError, "--data: " + data_dir + " holds no embedded store (meldroute.db)");
    }
    auto keys = LoadKeys(data_dir);
    if (!keys) return Fail(kRuntimeError, keys.error().detail);
    {
        // Takes the lock for the rest of the process, migrates the file to the current schema, checks the keys.
        auto opened = OpenStore(data_dir, "", keys->keyring, true);
        if (!opened) return Fail(kRuntimeError, opened.error().detail);
        if (Status flushed = opened->store->Flush(); !flushed) return Fail(kRuntimeError, flushed.error().detail);
    }
    const auto started = std::chrono::steady_clock::now();
    auto report = store::CopySqliteToPostgres(database.string(), url);
    if (!report) return FailWith(report.error());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("copied %lld rows of %zu tables into PostgreSQL in %.1f s; start the server with --data %s --store "
                "<the same URL>\n",
                static_cast<long long>(report->total), report->rows.size(), seconds, data_dir.c_str());
    return 0;
}

// `keys rotate`: a new field key becomes current and every sealed value is re-sealed under it, in short write
// transactions, while a server may run on the same files. `keys reseal`: only the re-sealing (values a server
// wrote under an older key before it picked up the new one).
int RotateKeys(const std::string& data_dir, const std::string& store_url, bool add_key, int batch) {
    if (batch < 1 || batch > 10000) return Fail(kUsageError, "--batch must be from 1 to 10000");
    if (!store_url.empty()) {
        return Fail(kUsageError, "keys rotate/reseal works on the embedded SQLite store only in this version");
    }
    const std::filesystem::path keys_dir = std::filesystem::path{data_dir} / "keys";
    if (!std::filesystem::exists(std::filesystem::path{data_dir} / "meldroute.db")) {
        return Fail(kRuntimeError, data_dir + " holds no meldroute.db");
    }
    auto keyring = app::Keyring::Load(keys_dir, false);
    if (!keyring) return Fail(kRuntimeError, keyring.error().detail);
    // Opening checks that these are the keys of this database before anything is added.
    auto store = OpenStore(data_dir, store_url, *keyring);
    if (!store) return Fail(kRuntimeError, store.error().detail);
    if (add_key) {
        auto id = (*keyring)->AddKey();
        if (!id) return Fail(kRuntimeError, id.error().detail);
        std::printf("new field key %s written to %s and made current\n", id->c_str(),
                    (keys_dir / (*id == "k1" ? "field.key" : "field-" + *id + ".key")).string().c_str());
    }
    auto report = store->sqlite->Reseal(batch);
    if (!report) return Fail(kRuntimeError, report.error().detail);
    std::printf("re-sealed %lld value(s) under key %s in %lld write transaction(s)\n",
                static_cast<long long>(report->values), (*keyring)->CurrentKeyId().c_str(),
                static_cast<long long>(report->batches));
    std::printf("keys in the keyring: ");
    for (const std::string& id : (*keyring)->KeyIds()) std::printf("%s ", id.c_str());
    std::printf("\nkeep the older key files until the server has been restarted and `meldroute keys reseal` "
                "reports 0 values\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // Two arenas for the server's threads: measured at 100k signals, the default (up to 16 on two cores) held
    // 270 MiB after a few yearly overviews, two arenas 74 MiB (docs/performance.md).
    LimitAllocatorArenas(2);
    if (!app::InitCrypto()) return Fail(kRuntimeError, "libsodium could not be initialised");
    CLI::App cli{"meldroute: signals of human trafficking, from report to feedback"};
    cli.require_subcommand(1);

    // Every serve option comes from one table (config/config.cpp): in the file as table.key, here as a flag.
    // Flags are collected in order and applied after the file, so a flag overrides the file.
    std::string config_file;
    std::vector<std::pair<const config::OptionSpec*, std::string>> given;
    auto* serve = cli.add_subcommand("serve", "run the server");
    serve->add_option("--config", config_file, "TOML file with the settings (see deploy/meldroute.toml)");
    for (const config::OptionSpec& spec : config::ServeOptions()) {
        std::string flag{spec.flag};
        if (spec.is_list) {
            // Every occurrence's entries at once, one per line: they replace the file's list.
            serve->add_option_function<std::vector<std::string>>(
                flag,
                [&given, &spec](const std::vector<std::string>& values) {
                    std::string lines;
                    for (const std::string& value : values) lines += value + "\n";
                    given.emplace_back(&spec, lines);
                },
                std::string{spec.help});
        } else if (spec.is_switch) {
            serve->add_flag_function(
                flag, [&given, &spec](std::int64_t count) { given.emplace_back(&spec, count > 0 ? "true" : "false"); },
                std::string{spec.help});
        } else {
            serve->add_option_function<std::string>(
                flag, [&given, &spec](const std::string& value) { given.emplace_back(&spec, value); },
                std::string{spec.help});
        }
    }
    std::vector<std::string> retention_rules;  // of `retention run`; serve's come from the settings

    std::string username;
    std::string role;
    std::string user_data_dir = "./data";
    auto* user = cli.add_subcommand("user", "manage accounts");
    user->require_subcommand(1);
    auto* user_add = user->add_subcommand("add", "add an account; the password is read from standard input");
    user_add->add_option("name", username, "user name")->required();
    user_add->add_option("--role", role, "melder | aandachtfunctionaris | beleid | beheerder | auditor")->required();
    user_add->add_option("--data", user_data_dir, "data directory");
    std::string admin_store_url;
    const std::string store_help = "postgresql://… when the server runs with --store (default: DATA/meldroute.db)";
    user_add->add_option("--store", admin_store_url, store_help);
    std::string department = "onbekend";
    user_add->add_option("--department", department,
                         "reporting department for the figures, e.g. publiekszaken (default: onbekend)");
    auto* user_password = user->add_subcommand(
        "password", "set a new password (read from standard input); ends every session of the account");
    user_password->add_option("name", username, "user name")->required();
    user_password->add_option("--data", user_data_dir, "data directory");
    user_password->add_option("--store", admin_store_url, store_help);

    std::string audit_data_dir = "./data";
    auto* audit = cli.add_subcommand("audit", "check the audit trail");
    audit->require_subcommand(1);
    auto* audit_verify = audit->add_subcommand("verify", "recompute the hash chain offline (exit 1 when broken)");
    audit_verify->add_option("--data", audit_data_dir, "data directory");
    audit_verify->add_option("--store", admin_store_url, store_help);

    std::string keys_data_dir = "./data";
    int batch = 200;
    auto* keys = cli.add_subcommand("keys", "manage the keys that seal personal data at rest");
    keys->require_subcommand(1);
    auto* keys_rotate = keys->add_subcommand(
        "rotate", "add a new field key, make it current and re-seal every value under it (online)");
    keys_rotate->add_option("--data", keys_data_dir, "data directory");
    keys_rotate->add_option("--store", admin_store_url, store_help);
    keys_rotate->add_option("--batch", batch, "values per write transaction (default 200)");
    auto* keys_reseal = keys->add_subcommand("reseal", "re-seal values still under an older key (online)");
    keys_reseal->add_option("--data", keys_data_dir, "data directory");
    keys_reseal->add_option("--store", admin_store_url, store_help);
    keys_reseal->add_option("--batch", batch, "values per write transaction (default 200)");

    std::string backup_data_dir = "./data";
    std::string backup_target;
    bool backup_force = false;
    auto* backup = cli.add_subcommand("backup", "copy the database consistently while the server may run (not the keys)");
    backup->add_option("--data", backup_data_dir, "data directory");
    backup->add_option("--store", admin_store_url, store_help);
    backup->add_option("--to", backup_target, "the backup file to write")->required();
    backup->add_flag("--force", backup_force, "replace an existing backup file");

    std::string restore_source;
    std::string restore_data_dir;
    bool restore_force = false;
    auto* restore = cli.add_subcommand(
        "restore", "check a backup and swap it in as the database (server stopped; PostgreSQL: into an empty database)");
    restore->add_option("--from", restore_source, "the backup file")->required();
    restore->add_option("--data", restore_data_dir, "data directory to restore into")->required();
    restore->add_option("--store", admin_store_url, store_help);
    restore->add_flag("--force", restore_force, "replace the database the directory holds (it is kept aside)");

    std::string copy_data_dir = "./data";
    std::string copy_target;
    auto* copy = cli.add_subcommand(
        "copy-to-postgresql", "copy the embedded store into a new, empty PostgreSQL database (server stopped)");
    copy->add_option("--data", copy_data_dir, "data directory");
    copy->add_option("--to", copy_target, "postgresql:// URL of an empty database")->required();

    std::string retention_data_dir = "./data";
    bool dry_run = false;
    auto* retention = cli.add_subcommand("retention", "retention terms: destroy personal data whose term has run out");
    retention->require_subcommand(1);
    auto* retention_run = retention->add_subcommand(
        "run", "destroy now what is due and not on legal hold (one transaction per case); exit 2 on bad input");
    retention_run->add_option("--data", retention_data_dir, "data directory");
    retention_run->add_option("--store", admin_store_url, store_help);
    retention_run->add_option("--retention", retention_rules, "OUTCOME=TERM, repeatable, as for serve");
    std::string retention_config;
    retention_run->add_option("--config", retention_config,
                              "the server's TOML file: its [retention] terms apply (--retention flags replace them)");
    retention_run->add_flag("--dry-run", dry_run, "only list what is due");

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
        config::ServeSettings settings;
        if (!config_file.empty()) {
            if (Status loaded = config::ApplyTomlFile(config_file, settings); !loaded) return FailWith(loaded.error());
        }
        for (const auto& [spec, value] : given) {
            if (Status applied = config::ApplyFlag(*spec, value, settings); !applied) return FailWith(applied.error());
        }
        if (Status finished = config::Finish(settings); !finished) return FailWith(finished.error());
        return Serve(settings);
    }
    if (!admin_store_url.empty() && !store::postgres::IsPostgresUrl(admin_store_url)) {
        return Fail(kUsageError, "--store: expected a postgresql:// URL");
    }
    if (copy->parsed()) return CopyToPostgres(copy_data_dir, copy_target);
    if (retention_run->parsed()) {
        // The server's terms from its file, unless flags name others: a run with other terms than the server's
        // would destroy what the server keeps.
        if (!retention_config.empty() && retention_rules.empty()) {
            config::ServeSettings settings;
            if (Status loaded = config::ApplyTomlFile(retention_config, settings); !loaded) {
                return FailWith(loaded.error());
            }
            retention_rules = settings.retention_rules;
        }
        app::RetentionSettings retention_settings;
        if (auto failed = ApplyRetentionRules(retention_settings, retention_rules)) return *failed;
        return RunRetention(retention_data_dir, admin_store_url, retention_settings, dry_run);
    }
    if (user_add->parsed()) return AddUser(user_data_dir, admin_store_url, username, role, department);
    if (user_password->parsed()) return SetPassword(user_data_dir, admin_store_url, username);
    if (audit_verify->parsed()) return VerifyAudit(audit_data_dir, admin_store_url);
    if (keys_rotate->parsed()) return RotateKeys(keys_data_dir, admin_store_url, true, batch);
    if (keys_reseal->parsed()) return RotateKeys(keys_data_dir, admin_store_url, false, batch);
    // On PostgreSQL: pg_dump's archive, signed, and pg_restore into an empty database (cli/pg_backup.hpp).
    if (backup->parsed()) {
        Status done = admin_store_url.empty()
                          ? meldroute::cli::BackupDataDir(backup_data_dir, backup_target, backup_force)
                          : meldroute::cli::BackupPostgres(admin_store_url, backup_data_dir, backup_target,
                                                           backup_force);
        return done ? 0 : FailWith(done.error());
    }
    if (restore->parsed()) {
        if (!admin_store_url.empty() && restore_force) {
            return Fail(kUsageError, "--force: a PostgreSQL store is restored into a new, empty database only");
        }
        Status done = admin_store_url.empty()
                          ? meldroute::cli::RestoreDataDir(restore_source, restore_data_dir, restore_force)
                          : meldroute::cli::RestorePostgres(restore_source, admin_store_url, restore_data_dir);
        return done ? 0 : FailWith(done.error());
    }
    return Fail(kUsageError, "unknown command");
}
