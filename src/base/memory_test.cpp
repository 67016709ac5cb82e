#include "base/memory.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#if defined(MELDROUTE_JEMALLOC)
#include <jemalloc/jemalloc.h>
#endif

namespace meldroute {
namespace {

constexpr std::size_t kBytes = std::size_t{4} << 20;

long ResidentKib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
}

long Sum(const char* data, std::size_t size) {
    long sum = 0;
    for (std::size_t index = 0; index < size; ++index) sum += data[index];
    return sum;
}

// Read-only data mapped privately from a file, as the executable's compiled-in weights text is.
class ReadOnlyFile {
public:
    ReadOnlyFile() {
        char path[] = "/tmp/meldroute-memory-test-XXXXXX";
        const int descriptor = mkstemp(path);
        if (descriptor < 0) return;
        unlink(path);
        std::vector<char> content(kBytes);
        for (std::size_t index = 0; index < kBytes; ++index) content[index] = static_cast<char>('a' + index % 26);
        const bool written = write(descriptor, content.data(), kBytes) == static_cast<ssize_t>(kBytes);
        void* mapped = written ? mmap(nullptr, kBytes, PROT_READ, MAP_PRIVATE, descriptor, 0) : MAP_FAILED;
        close(descriptor);
        if (mapped != MAP_FAILED) data_ = static_cast<const char*>(mapped);
    }
    ~ReadOnlyFile() {
        if (data_ != nullptr) munmap(const_cast<char*>(data_), kBytes);
    }
    ReadOnlyFile(const ReadOnlyFile&) = delete;
    ReadOnlyFile& operator=(const ReadOnlyFile&) = delete;
    const char* data() const { return data_; }

private:
    const char* data_ = nullptr;
};

TEST(MemoryTest, ReadOnlyPagesReadOnceLeaveTheResidentSetAndReadTheSameAgain) {
    const ReadOnlyFile file;
    ASSERT_NE(file.data(), nullptr);
    const long sum = Sum(file.data(), kBytes);  // every page resident now
    const long before = ResidentKib();
    ASSERT_GT(before, 0);
    EXPECT_EQ(ReleaseReadOnlyPages(file.data(), kBytes), kBytes);
    const long after = ResidentKib();
    EXPECT_LE(after, before - static_cast<long>(kBytes / 1024 / 2)) << "before " << before << " KiB, after " << after;
    EXPECT_EQ(Sum(file.data(), kBytes), sum);  // read again from the file, unchanged
}

TEST(MemoryTest, OnlyWholePagesInsideTheRangeAreReleased) {
    const ReadOnlyFile file;
    ASSERT_NE(file.data(), nullptr);
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    EXPECT_EQ(ReleaseReadOnlyPages(file.data() + 1, 100), 0u);
    EXPECT_EQ(ReleaseReadOnlyPages(file.data() + 1, 3 * page), 2 * page);
}

#if defined(MELDROUTE_JEMALLOC)

std::uint64_t AllocatedByThisThread() {
    std::uint64_t bytes = 0;
    std::size_t size = sizeof bytes;
    EXPECT_EQ(mallctl("thread.allocated", &bytes, &size, nullptr, 0), 0);
    return bytes;
}

TEST(MemoryTest, MallocAndNewAreServedByJemallocWithTwoArenas) {
    EXPECT_THAT(DescribeAllocator(), testing::StartsWith("jemalloc 5."));
    EXPECT_THAT(DescribeAllocator(), testing::EndsWith(", 2 arenas"));
    const std::uint64_t before = AllocatedByThisThread();
    void* block = std::malloc(kBytes);
    auto* array = new char[kBytes];
    ASSERT_NE(block, nullptr);
    asm volatile("" : : "g"(block), "g"(array) : "memory");  // the compiler may not leave out either allocation
    EXPECT_GE(AllocatedByThisThread() - before, 2 * kBytes);  // both counted by jemalloc: glibc's would not be
    delete[] array;
    std::free(block);
}

TEST(MemoryTest, FreedMemoryGoesBackToTheSystemAtOnce) {
    // Blocks of 256 KiB, below the oversize threshold: freed, they stay resident until jemalloc's decay time has
    // passed, unless purged. Measured against the resident set before they were taken, so memory the decay
    // returned already (after earlier tests) does not count either way.
    constexpr std::size_t kBlock = std::size_t{256} << 10;
    constexpr std::size_t kTotal = 8 * kBytes;
    ReturnFreedMemory();
    const long baseline = ResidentKib();
    std::vector<char*> blocks;
    for (std::size_t total = 0; total < kTotal; total += kBlock) {
        blocks.push_back(static_cast<char*>(std::malloc(kBlock)));
        ASSERT_NE(blocks.back(), nullptr);
        std::memset(blocks.back(), 1, kBlock);
    }
    ASSERT_GE(ResidentKib(), baseline + static_cast<long>(kTotal / 1024 / 2));
    for (char* block : blocks) std::free(block);
    ReturnFreedMemory();
    const long after = ResidentKib();
    EXPECT_LE(after, baseline + static_cast<long>(kTotal / 1024 / 8)) << "baseline " << baseline << " KiB, after " << after;
}

#elif defined(__SANITIZE_ADDRESS__)

TEST(MemoryTest, TheAllocatorIsTheSanitizers) { EXPECT_EQ(DescribeAllocator(), "AddressSanitizer's allocator"); }

#else

TEST(MemoryTest, TheAllocatorIsGlibcs) { EXPECT_EQ(DescribeAllocator(), "glibc malloc"); }

#endif

}  // namespace
}  // namespace meldroute
