// The data directory as a whole: the lock a running server holds, and `backup`/`restore`.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "store/store.hpp"

namespace meldroute::cli {

//! Takes DATA/meldroute.lock (flock, exclusive) for the life of the process, so that `restore` and a second
//! server can tell that a server runs on DATA. Fails when another process holds it.
Status LockDataDir(const std::string& data_dir);

//! Makes `from` durable and renames it to `to` in the same directory, so `to` is the old file or the new one,
//! never half of either. Unless `replace`, a `to` that exists by then (made after the caller checked) is left as it
//! is, and the error says so (TargetExists).
Status DurableRename(const std::filesystem::path& from, const std::filesystem::path& to, bool replace);

//! The error for a backup target that exists without --force.
Error TargetExists(const std::filesystem::path& target);

//! A temporary name beside `target`, hidden and unique to this process (".NAME.WHAT-HOST-PID").
std::filesystem::path Beside(const std::filesystem::path& target, std::string_view what);

//! Which temporary names RemoveStaleBeside removes: those of processes of this host that no longer run and have
//! not been written for an hour (a shared directory: other hosts, or containers under the same host name, may be
//! writing theirs), or, while the caller holds the lock that no other writer of such names can hold, all of them.
enum class Leftovers { kEndedOnThisHost, kAnyWhileLocked };

//! Removes what Beside(target, what) named for runs stopped by `kill -9` or a power loss, with SQLite's "-wal",
//! "-shm" and "-journal" beside them, as `leftovers` says, and names each on stdout.
void RemoveStaleBeside(const std::filesystem::path& target, std::string_view what, Leftovers leftovers);

//! Recomputes the audit chain of a restored `store` and prints that it is intact; fails when it is broken, with
//! the first broken record and `when_broken` after it.
Status CheckAuditChain(store::Store& store, std::string_view when_broken);

//! `meldroute backup`: a consistent copy of DATA/meldroute.db at `target`, taken while a server may run.
//! Writes beside the target and renames, so `target` is either complete or absent. Prints what was written.
Status BackupDataDir(const std::string& data_dir, const std::string& target, bool force);

//! `meldroute restore`: checks `source` (a meldroute database, integrity, the audit chain) and swaps it in as
//! DATA/meldroute.db. Refuses while a server runs on DATA, and refuses a DATA that already holds a database
//! unless `force` (the replaced files are then kept in DATA/replaced-<time>/). Keys are not in a backup.
Status RestoreDataDir(const std::string& source, const std::string& data_dir, bool force);

}  // namespace meldroute::cli
