#include "base/files.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace meldroute {

namespace {

int ErrnoOf(int result) { return result == 0 ? 0 : errno; }

// Whether `path` (not followed) is the file `known` describes.
bool IsSameFile(const std::filesystem::path& path, const struct stat& known) {
    struct stat now {};
    return ::lstat(path.c_str(), &now) == 0 && now.st_dev == known.st_dev && now.st_ino == known.st_ino;
}

}  // namespace

int RenameWithoutReplacing(const std::filesystem::path& from, const std::filesystem::path& to, RenameWay first) {
    int failure = EINVAL;
    if (first == RenameWay::kNoReplaceFlag) {
        failure = ErrnoOf(::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE));
        if (failure != EINVAL && failure != ENOSYS) return failure;
        first = RenameWay::kHardLink;
    }
    if (first == RenameWay::kHardLink) {
        struct stat source {};
        if (::lstat(from.c_str(), &source) != 0) return errno;
        failure = ErrnoOf(::link(from.c_str(), to.c_str()));
        // Over NFS a link whose reply was lost is retried and answers EEXIST although it was made: then `to` is
        // the same file as `from`.
        if (failure == EEXIST && IsSameFile(to, source)) failure = 0;
        if (failure == 0) {
            // Both names are the finished file now; the temporary one goes.
            ::unlink(from.c_str());
            return 0;
        }
        if (failure != EPERM && failure != EOPNOTSUPP && failure != ENOSYS) return failure;
    }
    const int claimed = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (claimed < 0) return errno;
    struct stat claim {};
    const bool known = ::fstat(claimed, &claim) == 0;
    failure = ErrnoOf(::rename(from.c_str(), to.c_str()));
    // The claim is this process's own empty file: it must not stay behind as if it were the finished one. Only
    // that file is removed, not one another process put at the name meanwhile.
    if (failure != 0 && known && IsSameFile(to, claim)) ::unlink(to.c_str());
    ::close(claimed);
    return failure;
}

}  // namespace meldroute
