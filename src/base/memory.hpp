#pragma once

#include <cstddef>
#include <string>
// The server's heap: few malloc arenas, and memory handed back after the few requests that need much of it.
//
// The build allocates with jemalloc (CMake option MELDROUTE_JEMALLOC, on except under the sanitizers, which bring
// their own allocator): each thread keeps a small cache of freed blocks, so the server's threads rarely take an
// arena's lock. It runs with 2 arenas (`malloc_conf` in memory.cpp; MALLOC_CONF in the environment adds to or
// overrides it).

namespace meldroute {

//! Caps glibc's malloc arenas at `arenas` unless the operator set MALLOC_ARENA_MAX. By default glibc gives each of
//! up to 8 arenas per core to threads that contend; each arena keeps what its threads freed, so a large transient
//! allocation on any of the server's threads stays resident in that arena. Call before threads start. Nothing to
//! do under jemalloc, whose arenas are set before main runs.
void LimitAllocatorArenas(int arenas);

//! The allocator in use, for the log line at start: "jemalloc 5.3.0-…, 2 arenas" (its version and the arenas it
//! was configured with), "AddressSanitizer's allocator" or "glibc malloc".
std::string DescribeAllocator();

//! Returns the free pages of every arena to the system. For after a request that built a large transient
//! structure (the figures over all years); a few milliseconds, so never per ordinary request.
void ReturnFreedMemory();

//! Drops the resident pages of read-only data the program has read once and will not read again (the suggestions'
//! weights text, compiled in, after it is parsed): the whole pages inside [data, data + size). Only for data in a
//! read-only file mapping never written (a `static constexpr` array in the executable): the pages stay mapped and a
//! later read loads them again from the file. Given heap or written memory, it would lose its contents. The pages
//! leave the process's resident set; the kernel keeps them in its page cache while it has room. Returns the bytes
//! released (0 where not supported).
std::size_t ReleaseReadOnlyPages(const void* data, std::size_t size);

//! Calls ReturnFreedMemory when it goes out of scope, after the locals declared after it are destroyed.
class ReturnFreedMemoryOnExit {
public:
    ReturnFreedMemoryOnExit() = default;
    ReturnFreedMemoryOnExit(const ReturnFreedMemoryOnExit&) = delete;
    ReturnFreedMemoryOnExit& operator=(const ReturnFreedMemoryOnExit&) = delete;
    ~ReturnFreedMemoryOnExit() { ReturnFreedMemory(); }
};

}  // namespace meldroute
