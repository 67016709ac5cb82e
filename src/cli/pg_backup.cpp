#include "cli/pg_backup.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "app/crypto.hpp"
#include "app/keyring.hpp"
#include "cli/data_dir.hpp"
#include "store/postgres/pg_store.hpp"

extern char** environ;

namespace meldroute::cli {

namespace fs = std::filesystem;

namespace {

// The header before pg_dump's archive: a line naming the format, then the archive's HMAC in hex. Fixed length, so
// the HMAC is written over its placeholder once the archive is complete.
constexpr std::string_view kMagic = "meldroute PostgreSQL backup 1\n";
constexpr std::string_view kMacLabel = "hmac-sha256 ";
constexpr std::size_t kMacHex = 64;  // HMAC-SHA256 in hex
constexpr std::size_t kHeaderSize = kMagic.size() + kMacLabel.size() + kMacHex + 1;
constexpr std::size_t kMacOffset = kMagic.size() + kMacLabel.size();

// The key that signs archives: derived from the link key, so that no key serves two purposes.
app::KeyedHash SigningKey(const std::string& link_key) {
    return app::KeyedHash{app::KeyedHashHex(link_key, "meldroute-backup-signature/1")};
}

// A file descriptor closed on scope exit.
struct Descriptor {
    int fd = -1;
    explicit Descriptor(int value) : fd(value) {}
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
};

Result<std::string> LinkKey(const std::string& data_dir) {
    const fs::path keys = fs::path{data_dir} / "keys";
    std::error_code error;
    if (!fs::exists(keys / "link.key", error) || !fs::exists(keys / "field.key", error)) {
        return MakeError(ErrorCode::kFailedPrecondition,
                         "no keys in " + keys.string() + ": a PostgreSQL backup is signed and checked with the "
                         "keys of the installation; restore the keys directory from its own backup first; nothing "
                         "was changed");
    }
    return app::LoadOrCreateKeyFile(keys / "link.key", false);
}

// The environment for pg_dump and pg_restore: ours, with the connection settings of `store_url` as libpq's own
// variables (PGHOST, PGPASSWORD, ...), so that no password appears on a command line; also the database name.
Result<std::pair<std::vector<std::string>, std::string>> ToolEnvironment(const std::string& store_url) {
    char* message = nullptr;
    PQconninfoOption* options = PQconninfoParse(store_url.c_str(), &message);
    if (options == nullptr) {
        if (message != nullptr) PQfreemem(message);
        return MakeError(ErrorCode::kInvalidArgument, "--store: not a valid postgresql:// URL");
    }
    std::vector<std::string> environment;
    std::string database;
    for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        if (option->val == nullptr || option->envvar == nullptr) continue;
        environment.push_back(std::string{option->envvar} + "=" + option->val);
        if (std::string_view{option->keyword} == "dbname") database = option->val;
    }
    PQconninfoFree(options);
    for (char** variable = environ; *variable != nullptr; ++variable) {
        const std::string_view entry{*variable};
        const std::string name{entry.substr(0, entry.find('='))};
        bool replaced = false;
        for (const std::string& set : environment) replaced = replaced || set.starts_with(name + "=");
        if (!replaced) environment.emplace_back(entry);
    }
    if (database.empty()) return MakeError(ErrorCode::kInvalidArgument, "--store: the URL names no database");
    return std::make_pair(std::move(environment), std::move(database));
}

// Where `tool` is on PATH, as a shell would find it; empty when it is nowhere.
std::string ToolPath(const std::string& tool) {
    const char* path = std::getenv("PATH");
    std::string_view directories = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
    while (true) {
        const std::size_t colon = directories.find(':');
        const std::string_view directory = directories.substr(0, colon);
        const std::string candidate = (directory.empty() ? std::string{"."} : std::string{directory}) + "/" + tool;
        std::error_code error;
        if (::access(candidate.c_str(), X_OK) == 0 && fs::is_regular_file(candidate, error)) return candidate;
        if (colon == std::string_view::npos) return {};
        directories.remove_prefix(colon + 1);
    }
}

// Starts `arguments` (the tool looked up on PATH) with `environment`; its standard input comes from `stdin_fd` and
// its standard output goes to `stdout_fd` when given (>= 0). The tool is sent SIGTERM when this process ends, even
// by kill -9: a pg_restore left running would commit a restore that is then never migrated nor checked, and a
// pg_dump would go on writing a file that nobody renames.
Result<pid_t> Spawn(const std::vector<std::string>& arguments, const std::vector<std::string>& environment,
                    int stdin_fd, int stdout_fd) {
    const std::string program = ToolPath(arguments[0]);
    if (program.empty()) {
        return MakeError(ErrorCode::kUnavailable, arguments[0] + " is not on PATH; install PostgreSQL's client tools "
                                                                 "(Debian: apt-get install postgresql-client-15)");
    }
    std::vector<char*> argv;
    for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const std::string& variable : environment) envp.push_back(const_cast<char*>(variable.c_str()));
    envp.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child < 0) return MakeError(ErrorCode::kUnavailable, arguments[0] + " could not be started: no fork");
    if (child == 0) {
        // Only async-signal-safe calls from here to exec. The parent may have died before the signal was asked for.
        if (::prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || ::getppid() != parent) ::_exit(127);
        if (stdin_fd >= 0 && ::dup2(stdin_fd, STDIN_FILENO) < 0) ::_exit(127);
        if (stdout_fd >= 0 && ::dup2(stdout_fd, STDOUT_FILENO) < 0) ::_exit(127);
        ::execve(program.c_str(), argv.data(), envp.data());
        static constexpr char kFailed[] = "meldroute: the tool could not be started\n";
        [[maybe_unused]] const ssize_t told = ::write(STDERR_FILENO, kFailed, sizeof kFailed - 1);
        ::_exit(127);
    }
    return child;
}

Status Finished(pid_t child, const std::string& tool) {
    int status = 0;
    while (::waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) return MakeError(ErrorCode::kUnavailable, "lost track of " + tool);
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Ok();
    return MakeError(ErrorCode::kUnavailable,
                     tool + " failed (" +
                         (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                            : "signal " + std::to_string(WTERMSIG(status))) +
                         ", its message is above); nothing was changed");
}

Status WriteAll(int fd, const char* data, std::size_t size, const std::string& name) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            return MakeError(ErrorCode::kUnavailable, "cannot write " + name + ": " + std::strerror(errno));
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return Ok();
}

// Copies what `from` yields to `to` (from `to`'s current offset), adding it to `mac`.
Status CopySigned(int from, int to, app::KeyedHash::Stream& mac, const std::string& from_name,
                  const std::string& to_name) {
    std::vector<char> buffer(1 << 16);
    for (;;) {
        const ssize_t got = ::read(from, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            return MakeError(ErrorCode::kUnavailable, "cannot read " + from_name + ": " + std::strerror(errno));
        }
        if (got == 0) return Ok();
        mac.Add(std::string_view{buffer.data(), static_cast<std::size_t>(got)});
        MR_TRY(WriteAll(to, buffer.data(), static_cast<std::size_t>(got), to_name));
    }
}

// A libpq connection string naming only `database` (pg_restore's --dbname reads a name with "=" in it as one).
std::string ConninfoOfDatabase(const std::string& database) {
    std::string quoted = "dbname='";
    for (char character : database) {
        if (character == '\'' || character == '\\') quoted += '\\';
        quoted += character;
    }
    return quoted + "'";
}

// How many tables, views and sequences the database holds outside PostgreSQL's own schemas; an error when it
// cannot connect (libpq's message names host and user, never the password).
Result<long> RelationsIn(const std::string& store_url) {
    std::unique_ptr<PGconn, decltype(&PQfinish)> connection{PQconnectdb(store_url.c_str()), &PQfinish};
    if (PQstatus(connection.get()) != CONNECTION_OK) {
        std::string reason = PQerrorMessage(connection.get());
        while (!reason.empty() && reason.back() == '\n') reason.pop_back();
        return MakeError(ErrorCode::kUnavailable, "cannot connect to the database --store names: " + reason);
    }
    std::unique_ptr<PGresult, decltype(&PQclear)> result{
        PQexec(connection.get(),
               "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
               "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname <> 'information_schema' "
               "AND n.nspname NOT LIKE 'pg\\_%'"),
        &PQclear};
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
        return MakeError(ErrorCode::kUnavailable, "cannot list the tables of the database --store names");
    }
    return std::strtol(PQgetvalue(result.get(), 0, 0), nullptr, 10);
}

// Writes pg_dump's archive of the database `environment` names to the new file `partial`, behind the header with
// its signature, and makes it durable.
Status WriteSignedDump(const std::vector<std::string>& environment, const std::string& link_key,
                       const fs::path& partial) {
    // A new file of our own: never one planted there, nor a link to one.
    std::error_code error;
    fs::remove(partial, error);
    Descriptor file{::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)};
    if (file.fd < 0) return MakeError(ErrorCode::kUnavailable, "cannot create " + partial.string());
    const std::string placeholder = std::string{kMagic} + std::string{kMacLabel} + std::string(kMacHex, '0') + "\n";
    MR_TRY(WriteAll(file.fd, placeholder.data(), placeholder.size(), partial.string()));
    std::array<int, 2> pipe_fds{-1, -1};
    if (::pipe2(pipe_fds.data(), O_CLOEXEC) != 0) return MakeError(ErrorCode::kUnavailable, "cannot make a pipe");
    Descriptor reading{pipe_fds[0]};
    Descriptor writing{pipe_fds[1]};
    // One snapshot of the whole database (PGDATABASE names it); owners and grants are the target installation's
    // business. Never a password prompt, and no endless wait behind a lock a migration holds.
    auto child = MR_TRY(Spawn({"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--no-password",
                               "--lock-wait-timeout=60s"},
                              environment, -1, writing.fd));
    ::close(writing.fd);
    writing.fd = -1;
    auto mac = SigningKey(link_key).Start();
    Status copied = CopySigned(reading.fd, file.fd, mac, "pg_dump's output", partial.string());
    // Closed before waiting: a pg_dump still writing (the copy failed) then stops at a broken pipe.
    ::close(reading.fd);
    reading.fd = -1;
    Status dumped = Finished(child, "pg_dump");
    MR_TRY(std::move(copied));
    MR_TRY(std::move(dumped));
    const std::string signature = mac.Hex();
    if (::pwrite(file.fd, signature.data(), signature.size(), kMacOffset) != static_cast<ssize_t>(signature.size()) ||
        ::fsync(file.fd) != 0) {
        return MakeError(ErrorCode::kUnavailable, "cannot write " + partial.string());
    }
    return Ok();
}

// The signature in the header at the start of `input`; an error when `source` is no backup of ours.
Result<std::string> ReadSignature(int input, const std::string& source) {
    std::string header(kHeaderSize, '\0');
    const bool whole = ::read(input, header.data(), header.size()) == static_cast<ssize_t>(header.size());
    if (!whole || !header.starts_with(kMagic) || header.substr(kMagic.size(), kMacLabel.size()) != kMacLabel ||
        header.back() != '\n') {
        return MakeError(ErrorCode::kInvalidArgument,
                         "--from " + source + ": not a meldroute backup of a PostgreSQL store; nothing was restored");
    }
    return header.substr(kMacOffset, kMacHex);
}

// Refuses a database that holds anything: a restore goes into a new, empty database.
Status RequireEmpty(const std::string& store_url) {
    const long relations = MR_TRY(RelationsIn(store_url));
    if (relations == 0) return Ok();
    return MakeError(ErrorCode::kInvalidArgument,
                     "the database --store names already holds " + std::to_string(relations) +
                         " tables or other relations; restore into a new, empty database (createdb); nothing was "
                         "restored");
}

// Copies the rest of `input` into a new nameless file in the data directory while checking it against
// `signature`, and returns that file, read from its start: what was checked is what is restored, whatever happens
// to the source meanwhile, and nothing is left behind whatever happens to this process.
Result<int> CheckedCopy(int input, const std::string& source, const std::string& link_key,
                        const std::string& signature, const std::string& data_dir) {
    const fs::path copy = fs::path{data_dir} / (".restoring-" + std::to_string(::getpid()) + ".dump");
    std::error_code error;
    fs::remove(copy, error);
    Descriptor output{::open(copy.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)};
    if (output.fd < 0) return MakeError(ErrorCode::kUnavailable, "cannot create " + copy.string());
    fs::remove(copy, error);
    auto mac = SigningKey(link_key).Start();
    MR_TRY(CopySigned(input, output.fd, mac, source, copy.string()));
    if (!app::ConstantTimeEquals(mac.Hex(), signature)) {
        return MakeError(ErrorCode::kFailedPrecondition,
                         "--from " + source + " was changed after it was written, or written with other keys than "
                         "those in " + data_dir + "/keys; nothing was restored");
    }
    if (::lseek(output.fd, 0, SEEK_SET) != 0) return MakeError(ErrorCode::kUnavailable, "cannot reread the copy");
    return std::exchange(output.fd, -1);
}

}  // namespace

Status BackupPostgres(const std::string& store_url, const std::string& data_dir, const std::string& target,
                      bool force) {
    std::error_code error;
    if (fs::exists(target, error) && !force) return TargetExists(target);
    const std::string link_key = MR_TRY(LinkKey(data_dir));
    auto environment = MR_TRY(ToolEnvironment(store_url)).first;
    // The copy holds everything the database holds: only its owner may read it.
    ::umask(077);
    RemoveStaleBeside(target, "partial", Leftovers::kEndedOnThisHost);
    const fs::path partial = Beside(target, "partial");
    Status written = WriteSignedDump(environment, link_key, partial);
    if (written) written = DurableRename(partial, target, force);
    if (!written) {
        fs::remove(partial, error);
        return written;
    }
    std::printf("backup written to %s (%llu bytes, pg_dump archive, signed); back up %s/keys separately\n",
                target.c_str(), static_cast<unsigned long long>(fs::file_size(target, error)), data_dir.c_str());
    return Ok();
}

Status RestorePostgres(const std::string& source, const std::string& store_url, const std::string& data_dir) {
    Descriptor input{::open(source.c_str(), O_RDONLY | O_CLOEXEC)};
    if (input.fd < 0) return MakeError(ErrorCode::kInvalidArgument, "--from " + source + ": " + std::strerror(errno));
    const std::string signature = MR_TRY(ReadSignature(input.fd, source));
    const std::string link_key = MR_TRY(LinkKey(data_dir));
    auto [environment, database] = MR_TRY(ToolEnvironment(store_url));
    MR_TRY(RequireEmpty(store_url));
    ::umask(077);
    Descriptor checked{MR_TRY(CheckedCopy(input.fd, source, link_key, signature, data_dir))};
    // All or nothing: one transaction, stopped at the first error; the archive on standard input.
    auto child = MR_TRY(Spawn({"pg_restore", "--no-owner", "--no-privileges", "--single-transaction",
                               "--exit-on-error", "--no-password", "--dbname=" + ConninfoOfDatabase(database)},
                              environment, checked.fd, -1));
    MR_TRY(Finished(child, "pg_restore"));
    std::printf("restored %s into the database --store names\n", source.c_str());
    // The store as a server would open it: migrated to this version's schema, then the chain recomputed.
    auto keyring = MR_TRY(app::Keyring::Load(fs::path{data_dir} / "keys", false));
    auto store = MR_TRY(store::postgres::PgStore::Open(store_url, keyring));
    MR_TRY(CheckAuditChain(*store, ": it was broken when the backup was taken; investigate before serving it"));
    return Ok();
}

}  // namespace meldroute::cli
