#include "base/memory.hpp"

#include <cstdint>
#include <cstdlib>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#if defined(MELDROUTE_JEMALLOC)
#include <jemalloc/jemalloc.h>
#elif defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(MELDROUTE_JEMALLOC)
// jemalloc reads its options from this symbol at its first allocation, before main. Two arenas, as glibc's were
// capped: with the thread caches in front of them, more arenas measured no faster at 10k signals and held more.
// Blocks of 8 MiB and more go to an arena of their own that hands them back to the system when freed (jemalloc's
// default oversize_threshold). Every program linking base keeps this object (CMakeLists.txt: --undefined).
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): declared so by jemalloc.h.
const char* malloc_conf = "narenas:2";
#endif

namespace meldroute {

void LimitAllocatorArenas(int arenas) {
#if !defined(MELDROUTE_JEMALLOC) && defined(__GLIBC__)
    if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, arenas);
#else
    (void)arenas;
#endif
}

std::string DescribeAllocator() {
#if defined(MELDROUTE_JEMALLOC)
    const char* version = nullptr;
    std::size_t size = sizeof version;
    unsigned arenas = 0;
    std::size_t arenas_size = sizeof arenas;
    if (mallctl("version", &version, &size, nullptr, 0) != 0 ||
        mallctl("opt.narenas", &arenas, &arenas_size, nullptr, 0) != 0) {
        return "jemalloc";
    }
    return std::string{"jemalloc "} + version + ", " + std::to_string(arenas) + " arenas";
#elif defined(__SANITIZE_ADDRESS__)
    return "AddressSanitizer's allocator";
#else
    return "glibc malloc";
#endif
}

std::size_t ReleaseReadOnlyPages(const void* data, std::size_t size) {
#if defined(__linux__)
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + page - 1) / page * page;
    const std::uintptr_t last = (begin + size) / page * page;
    if (last <= first) return 0;
    // A private file mapping that was never written: MADV_DONTNEED drops the pages, and a later read would fault
    // them in again from the file, unchanged.
    if (madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED) != 0) return 0;
    return last - first;
#else
    (void)data;
    (void)size;
    return 0;
#endif
}

void ReturnFreedMemory() {
#if defined(MELDROUTE_JEMALLOC)
#define MELDROUTE_TEXT(x) #x
#define MELDROUTE_ARENA_PURGE(arenas) "arena." MELDROUTE_TEXT(arenas) ".purge"
    // Every arena's unused dirty pages go back to the system now, not after the decay time.
    (void)mallctl(MELDROUTE_ARENA_PURGE(MALLCTL_ARENAS_ALL), nullptr, nullptr, nullptr, 0);
#undef MELDROUTE_ARENA_PURGE
#undef MELDROUTE_TEXT
#elif defined(__GLIBC__)
    malloc_trim(0);
#endif
}

}  // namespace meldroute
