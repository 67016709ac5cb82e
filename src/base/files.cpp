#include "base/files.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <unistd.h>

#include <cerrno>

namespace meldroute {

namespace {

int ErrnoOf(int result) { return result == 0 ? 0 : errno; }

}  // namespace

int RenameWithoutReplacing(const std::filesystem::path& from, const std::filesystem::path& to, RenameWay first) {
    int failure = EINVAL;
    if (first == RenameWay::kNoReplaceFlag) {
        failure = ErrnoOf(::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE));
        if (failure != EINVAL && failure != ENOSYS) return failure;
        first = RenameWay::kHardLink;
    }
    if (first == RenameWay::kHardLink) {
        failure = ErrnoOf(::link(from.c_str(), to.c_str()));
        if (failure == 0) {
            // Both names are the finished file now; the temporary one goes.
            ::unlink(from.c_str());
            return 0;
        }
        if (failure != EPERM && failure != EOPNOTSUPP && failure != ENOSYS) return failure;
    }
    const int claimed = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (claimed < 0) return errno;
    ::close(claimed);
    failure = ErrnoOf(::rename(from.c_str(), to.c_str()));
    // The claim is this process's own empty file: it must not stay behind as if it were the finished one.
    if (failure != 0) ::unlink(to.c_str());
    return failure;
}

}  // namespace meldroute
