// Ids: RFC 9562 version 7, the millisecond of their making in front, so that later ids sort later.
#include "app/crypto.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <thread>

namespace meldroute::app {
namespace {

std::int64_t NowMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The 48-bit time field: the first 12 hex digits, without the dash.
std::int64_t MillisOf(const std::string& id) { return std::stoll(id.substr(0, 8) + id.substr(9, 4), nullptr, 16); }

TEST(NewIdTest, IsAVersion7UuidCarryingTheMillisecondOfItsMaking) {
    ASSERT_TRUE(InitCrypto());
    const std::int64_t before = NowMillis();
    const std::string id = NewId();
    const std::int64_t after = NowMillis();
    ASSERT_EQ(id.size(), 36u);
    for (std::size_t at : {8u, 13u, 18u, 23u}) EXPECT_EQ(id[at], '-') << id;
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef-"), std::string::npos) << id;
    EXPECT_EQ(id[14], '7') << "version 7: " << id;
    EXPECT_NE(std::string{"89ab"}.find(id[19]), std::string::npos) << "variant 10: " << id;
    EXPECT_GE(MillisOf(id), before) << id;
    EXPECT_LE(MillisOf(id), after) << id;
}

TEST(NewIdTest, LaterIdsSortLaterAndNoneRepeats) {
    ASSERT_TRUE(InitCrypto());
    const std::string first = NewId();
    std::this_thread::sleep_for(std::chrono::milliseconds{2});
    const std::string second = NewId();
    EXPECT_LT(first, second) << "an id of a later millisecond sorts after one of an earlier";
    std::set<std::string> seen;
    for (int i = 0; i < 20000; ++i) seen.insert(NewId());
    EXPECT_EQ(seen.size(), 20000u) << "74 random bits: no two alike, also within one millisecond";
}

TEST(RandomBytesTest, EveryDrawIsFreshAcrossThePoolsRefillsAndFromOtherThreads) {
    ASSERT_TRUE(InitCrypto());
    // 16-byte draws over many 4 KiB pools: none may repeat (a pool handed out twice, or a refill that failed).
    std::set<std::string> seen;
    for (int i = 0; i < 5000; ++i) seen.insert(RandomHex(16));
    EXPECT_EQ(seen.size(), 5000u);
    for (const std::string& hex : {*seen.begin(), RandomHex(8)}) {
        EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos) << hex;
    }
    EXPECT_EQ(RandomHex(8).size(), 16u);
    // Another thread has a pool of its own, which must not start where this one did.
    std::string other;
    std::thread{[&other] { other = RandomHex(16); }}.join();
    EXPECT_EQ(seen.count(other), 0u);
    // Larger than a pool's share: straight from the kernel, and still random.
    std::string large(4096, '\0'), again(4096, '\0');
    RandomBytes(reinterpret_cast<unsigned char*>(large.data()), large.size());
    RandomBytes(reinterpret_cast<unsigned char*>(again.data()), again.size());
    EXPECT_NE(large, again);
    EXPECT_NE(large, std::string(4096, '\0'));
}

}  // namespace
}  // namespace meldroute::app
