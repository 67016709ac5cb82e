// Moving a finished file to its name without replacing what another process put there meanwhile.
#pragma once

#include <filesystem>

namespace meldroute {

//! How RenameWithoutReplacing gives `from` the name `to`, in the order tried: `renameat2` with RENAME_NOREPLACE;
//! where the file system lacks that flag, a hard link (made only while the name is free) and the old name
//! removed; where it lacks hard links too, the name claimed by creating it exclusively, then renamed over (a crash
//! between the two leaves an empty file at the name).
enum class RenameWay { kNoReplaceFlag, kHardLink, kExclusiveClaim };

//! Renames `from` to `to` (same directory) unless `to` exists; returns 0, or the errno of the failure: EEXIST
//! when `to` exists, which is then left as it was and `from` kept. Starts at `first` and falls back along
//! RenameWay when a way is not supported; tests start further down to try each way on any file system.
int RenameWithoutReplacing(const std::filesystem::path& from, const std::filesystem::path& to,
                           RenameWay first = RenameWay::kNoReplaceFlag);

}  // namespace meldroute
