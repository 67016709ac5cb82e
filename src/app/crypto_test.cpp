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

TEST(RandomBytesTest, EveryDrawIsFreshAcrossThePoolsRefills) {
    ASSERT_TRUE(InitCrypto());
    // Draws of 13 and 24 bytes over many 4 KiB pools, so refills come with bytes left over: none may repeat (a pool
    // handed out twice, a leftover handed out again, or a refill that failed).
    std::set<std::string> seen;
    for (int i = 0; i < 4000; ++i) {
        for (std::size_t size : {13u, 24u}) {
            std::string drawn(size, '\0');
            RandomBytes(reinterpret_cast<unsigned char*>(drawn.data()), drawn.size());
            EXPECT_TRUE(seen.insert(drawn).second) << "draw " << i << " of " << size << " bytes repeated";
        }
    }
    const std::string hex = RandomHex(8);
    EXPECT_EQ(hex.size(), 16u);
    EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos) << hex;
    // At the pool's share (512 bytes, from the pool) and beyond it (513, straight from the kernel): random each time.
    for (std::size_t size : {512u, 513u, 4096u}) {
        std::string first(size, '\0'), second(size, '\0');
        RandomBytes(reinterpret_cast<unsigned char*>(first.data()), first.size());
        RandomBytes(reinterpret_cast<unsigned char*>(second.data()), second.size());
        EXPECT_NE(first, second) << size;
        EXPECT_NE(first, std::string(size, '\0')) << size;
    }
}

}  // namespace
}  // namespace meldroute::app
