#include "cli/data_dir.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "app/keyring.hpp"
#include "app/service.hpp"
#include "base/files.hpp"
#include "base/time.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace meldroute::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDatabase = "meldroute.db";

fs::path DirectoryOf(const fs::path& file) { return file.parent_path().empty() ? fs::path{"."} : file.parent_path(); }

Status FsyncPath(const fs::path& path, int flags) {
    int descriptor = ::open(path.c_str(), flags);
    if (descriptor < 0) return MakeError(ErrorCode::kUnavailable, "cannot open " + path.string());
    bool synced = ::fsync(descriptor) == 0;
    ::close(descriptor);
    if (!synced) return MakeError(ErrorCode::kUnavailable, "cannot fsync " + path.string());
    return Ok();
}

// Tries the data directory's lock without waiting; the descriptor is kept open (and the lock held) on success.
Result<int> TryLock(const std::string& data_dir) {
    fs::path path = fs::path{data_dir} / "meldroute.lock";
    int descriptor = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (descriptor < 0) return MakeError(ErrorCode::kUnavailable, "cannot open " + path.string());
    if (::flock(descriptor, LOCK_EX | LOCK_NB) != 0) {
        ::close(descriptor);
        return MakeError(ErrorCode::kFailedPrecondition,
                         "a meldroute server is running on " + data_dir + " (it holds " + path.string() + ")");
    }
    return descriptor;
}

// Opens the backup with the keys already in DATA/keys (so a backup that those keys cannot read is refused
// before it replaces anything) and recomputes its audit chain.
Status VerifyAuditChain(const std::string& database, const std::string& data_dir) {
    const fs::path keys = fs::path{data_dir} / "keys";
    if (!fs::exists(keys / "field.key")) {
        return MakeError(ErrorCode::kFailedPrecondition,
                         "no keys in " + keys.string() + ": restore the keys directory from its own backup first; "
                         "nothing was restored");
    }
    auto keyring = MR_TRY(app::Keyring::Load(keys, false));
    auto store = MR_TRY(store::sqlite::SqliteStore::Open(database, keyring));
    return CheckAuditChain(*store, "; nothing was restored");
}

}  // namespace

Status CheckAuditChain(store::Store& store, std::string_view when_broken) {
    // The chain needs no link key: a service for this check only.
    app::Service service{store, app::ServiceConfig{}};
    auto result = MR_TRY(service.VerifyAuditOffline());
    if (!result.valid) {
        return MakeError(ErrorCode::kFailedPrecondition, "the audit trail in the backup is broken at record " +
                                                             std::to_string(result.first_broken_sequence) +
                                                             std::string{when_broken});
    }
    std::printf("audit trail of the backup intact: %lld records\n", static_cast<long long>(result.count));
    return Ok();
}

Error TargetExists(const fs::path& target) {
    return MakeError(ErrorCode::kInvalidArgument, "--to " + target.string() + " exists; add --force to replace it");
}

Status DurableRename(const fs::path& from, const fs::path& to, bool replace) {
    MR_TRY(FsyncPath(from, O_RDONLY));
    int failure = replace ? (::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno) : RenameWithoutReplacing(from, to);
    if (failure == EEXIST && !replace) return TargetExists(to);
    if (failure != 0) {
        return MakeError(ErrorCode::kUnavailable, "cannot rename " + from.string() + ": " + std::strerror(failure));
    }
    return FsyncPath(DirectoryOf(to), O_RDONLY | O_DIRECTORY);
}

namespace {

std::string HostName() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
    return name;
}

// ".NAME.WHAT-": what every temporary name beside `target` for `what` starts with, on any host.
std::string BesidePrefixOfAnyHost(const fs::path& target, std::string_view what) {
    return "." + target.filename().string() + "." + std::string{what} + "-";
}

// ".NAME.WHAT-HOST-": the same on this host.
std::string BesidePrefix(const fs::path& target, std::string_view what) {
    return BesidePrefixOfAnyHost(target, what) + HostName() + "-";
}

}  // namespace

fs::path Beside(const fs::path& target, std::string_view what) {
    return DirectoryOf(target) / (BesidePrefix(target, what) + std::to_string(::getpid()));
}

void RemoveStaleBeside(const fs::path& target, std::string_view what, Leftovers leftovers) {
    const bool any = leftovers == Leftovers::kAnyWhileLocked;
    // Under the lock, a name of any host; the host's own part is then skipped up to the process id.
    const std::string prefix = any ? BesidePrefixOfAnyHost(target, what) : BesidePrefix(target, what);
    const auto settled_before = fs::file_time_type::clock::now() - std::chrono::hours{1};
    std::error_code error;
    for (fs::directory_iterator entry{DirectoryOf(target), error}, end; !error && entry != end;
         entry.increment(error)) {
        const std::string name = entry->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        // The process id, perhaps followed by one of SQLite's own files beside a database.
        std::size_t suffix_at = name.size();
        for (const char* suffix : {"-wal", "-shm", "-journal"}) {
            const std::string_view ending{suffix};
            if (name.size() > ending.size() && name.compare(name.size() - ending.size(), ending.size(), ending) == 0) {
                suffix_at = name.size() - ending.size();
            }
        }
        std::size_t digits_at = suffix_at;
        while (digits_at > prefix.size() && std::isdigit(static_cast<unsigned char>(name[digits_at - 1]))) {
            --digits_at;
        }
        const std::size_t digits = suffix_at - digits_at;
        if (digits == 0 || digits > 9) continue;
        const bool id_follows_prefix = digits_at == prefix.size();
        const bool id_follows_a_host = any && digits_at > prefix.size() && name[digits_at - 1] == '-';
        if (!id_follows_prefix && !id_follows_a_host) continue;
        if (!any) {
            // Only the leftovers of a process of this host that no longer runs and that has not written for an
            // hour: a running backup may still be writing, and one in a container that shares this host name
            // (another PID namespace) is writing all the time.
            const auto pid = static_cast<pid_t>(std::stol(name.substr(digits_at, digits)));
            if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
            const auto written = fs::last_write_time(entry->path(), error);
            if (error || written > settled_before) {
                error.clear();
                continue;
            }
        }
        std::error_code ignored;
        if (fs::remove(entry->path(), ignored)) {
            std::printf("removed %s, left by an interrupted run\n", entry->path().c_str());
        }
    }
}

Status LockDataDir(const std::string& data_dir) {
    MR_TRY(TryLock(data_dir));  // the descriptor stays open until the process exits
    return Ok();
}

Status BackupDataDir(const std::string& data_dir, const std::string& target, bool force) {
    fs::path database = fs::path{data_dir} / kDatabase;
    if (!fs::exists(database)) return MakeError(ErrorCode::kInvalidArgument, "--data: no " + database.string());
    if (fs::exists(target) && !force) return TargetExists(target);
    // The copy holds everything the database holds: only its owner may read it.
    ::umask(077);
    RemoveStaleBeside(target, "partial", Leftovers::kEndedOnThisHost);
    fs::path partial = Beside(target, "partial");
    std::error_code ignored;
    fs::remove(partial, ignored);
    Status copied = store::sqlite::BackupDatabaseFile(database.string(), partial.string());
    if (copied) copied = DurableRename(partial, target, force);
    if (!copied) {
        fs::remove(partial, ignored);
        return copied;
    }
    std::printf("backup written to %s (%llu bytes, integrity ok); back up %s/keys separately\n", target.c_str(),
                static_cast<unsigned long long>(fs::file_size(target)), data_dir.c_str());
    return Ok();
}

Status RestoreDataDir(const std::string& source, const std::string& data_dir, bool force) {
    if (!fs::is_regular_file(source)) return MakeError(ErrorCode::kInvalidArgument, "--from " + source + ": no such file");
    MR_TRY(store::sqlite::CheckDatabaseFile(source));
    std::error_code error;
    fs::create_directories(data_dir, error);
    if (error) return MakeError(ErrorCode::kUnavailable, "cannot create " + data_dir + ": " + error.message());
    fs::permissions(data_dir, fs::perms::owner_all, fs::perm_options::replace, error);
    // Held until this process ends, so no server starts on the directory halfway through.
    MR_TRY(TryLock(data_dir));
    fs::path database = fs::path{data_dir} / kDatabase;
    if (fs::exists(database) && !force) {
        return MakeError(ErrorCode::kInvalidArgument,
                         data_dir + " already holds a database; add --force to replace it (it is kept aside)");
    }
    ::umask(077);
    // No other restore and no server runs on DATA while this process holds its lock: every restoring name is a
    // leftover, this process's own too.
    RemoveStaleBeside(database, "restoring", Leftovers::kAnyWhileLocked);
    fs::path incoming = Beside(database, "restoring");
    Status checked = store::sqlite::BackupDatabaseFile(source, incoming.string());
    if (checked) checked = VerifyAuditChain(incoming.string(), data_dir);
    if (!checked) {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(incoming.string() + suffix, error);
        return checked;
    }
    if (fs::exists(database)) {
        // Keep what is replaced, in one folder, until the operator removes it.
        fs::path aside = fs::path{data_dir} / ("replaced-" + FormatTime(Now()));
        fs::create_directories(aside, error);
        if (error) return MakeError(ErrorCode::kUnavailable, "cannot create " + aside.string());
        for (const char* suffix : {"", "-wal", "-shm"}) {
            fs::path file = database.string() + suffix;
            if (fs::exists(file)) fs::rename(file, aside / file.filename(), error);
            if (error) return MakeError(ErrorCode::kUnavailable, "cannot move " + file.string() + " aside");
        }
        std::printf("the replaced database is kept in %s\n", aside.c_str());
    }
    // The database that was there is aside by now (--force); one made meanwhile is not replaced.
    if (Status renamed = DurableRename(incoming, database, false); !renamed) {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(incoming.string() + suffix, error);
        if (renamed.error().code != ErrorCode::kInvalidArgument) return renamed;
        return MakeError(ErrorCode::kInvalidArgument,
                         "a database appeared in " + data_dir + " while restoring; nothing was restored");
    }
    std::printf("restored %s into %s\n", source.c_str(), database.c_str());
    fs::path keys = fs::path{data_dir} / "keys";
    if (!fs::exists(keys / "link.key")) {
        std::printf("keys missing: copy link.key from the key backup into %s (mode 0600) before starting the "
                    "server\n",
                    keys.c_str());
    }
    return Ok();
}

}  // namespace meldroute::cli
