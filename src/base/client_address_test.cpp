#include "base/client_address.hpp"

#include <gtest/gtest.h>

namespace meldroute::base {
namespace {

AddressSet Set(const std::vector<std::string>& entries) {
    auto parsed = AddressSet::Parse(entries);
    EXPECT_TRUE(std::holds_alternative<AddressSet>(parsed)) << std::get<std::string>(parsed);
    return std::holds_alternative<AddressSet>(parsed) ? std::get<AddressSet>(parsed) : AddressSet{};
}

std::string Refusal(const std::string& entry) {
    auto parsed = AddressSet::Parse({entry});
    return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : "";
}

TEST(AddressSetTest, AddressesAndPrefixesOfBothFamilies) {
    const AddressSet set = Set({"192.0.2.10", "10.0.0.0/8", "2001:db8::/32", "::1"});
    auto contains = [&](const char* text) { return set.Contains(*ParseAddress(text)); };
    EXPECT_TRUE(contains("192.0.2.10"));
    EXPECT_FALSE(contains("192.0.2.11"));
    EXPECT_TRUE(contains("10.200.3.4"));
    EXPECT_FALSE(contains("11.0.0.1"));
    EXPECT_TRUE(contains("2001:db8:1::7"));
    EXPECT_FALSE(contains("2001:db9::7"));
    EXPECT_TRUE(contains("::1"));
    EXPECT_TRUE(contains("::ffff:192.0.2.10")) << "a dual-stack socket's IPv4 peer";
    EXPECT_TRUE(Set({}).empty());
}

TEST(AddressSetTest, WhatIsNoAddressOrPrefixIsRefusedNamingIt) {
    for (const char* entry : {"proxy.gemeente.example", "192.0.2.300", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x",
                              "2001:db8::/129", ""}) {
        EXPECT_NE(Refusal(entry).find("not an IP address or prefix"), std::string::npos) << entry;
    }
    EXPECT_EQ(Refusal("10.1.2.3/8"), "10.1.2.3/8: host bits are set; write 10.0.0.0/8");
}

TEST(ParseAddressTest, TheFormsHeadersAndSocketsUse) {
    EXPECT_EQ(ParseAddress(" 192.0.2.10 ")->to_string(), "192.0.2.10");
    EXPECT_EQ(ParseAddress("192.0.2.10:443")->to_string(), "192.0.2.10");
    EXPECT_EQ(ParseAddress("[2001:db8::1]:443")->to_string(), "2001:db8::1");
    EXPECT_EQ(ParseAddress("[2001:db8::1]")->to_string(), "2001:db8::1");
    EXPECT_EQ(ParseAddress("2001:db8::1")->to_string(), "2001:db8::1");
    EXPECT_EQ(ParseAddress("::ffff:192.0.2.10")->to_string(), "192.0.2.10");
    for (const char* text : {"", "unknown", "_hidden", "192.0.2.10:", "192.0.2.10:x", "[2001:db8::1", "[::1]x",
                             "fe80::1%eth0"}) {
        EXPECT_FALSE(ParseAddress(text)) << text;
    }
}

TEST(ClientAddressTest, WithoutTrustedProxiesTheConnectionCounts) {
    EXPECT_EQ(ClientAddress("192.0.2.10", "198.51.100.7", AddressSet{}), "192.0.2.10");
    EXPECT_EQ(ClientAddress("192.0.2.10", "", Set({"192.0.2.10"})), "192.0.2.10");
}

TEST(ClientAddressTest, AnUntrustedConnectionCannotClaimAnotherAddress) {
    EXPECT_EQ(ClientAddress("203.0.113.5", "198.51.100.7", Set({"192.0.2.10"})), "203.0.113.5");
}

TEST(ClientAddressTest, BehindTrustedProxiesTheRightMostUntrustedEntryIsTheClient) {
    const AddressSet proxies = Set({"127.0.0.1", "10.0.0.0/8"});
    EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.7", proxies), "198.51.100.7");
    // Load balancer 10.0.0.2, then the proxy on this machine: both trusted.
    EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.7, 10.0.0.2", proxies), "198.51.100.7");
    // What the client wrote itself (left) proves nothing: the proxy appended the address it saw.
    EXPECT_EQ(ClientAddress("127.0.0.1", "1.1.1.1, 2.2.2.2,198.51.100.7", proxies), "198.51.100.7");
    EXPECT_EQ(ClientAddress("127.0.0.1", "[2001:db8::7]:51000", proxies), "2001:db8::7");
    // Only trusted hops: the left-most.
    EXPECT_EQ(ClientAddress("127.0.0.1", "10.0.0.9, 10.0.0.2", proxies), "10.0.0.9");
}

TEST(ClientAddressTest, AMalformedEntryStopsAtTheLastTrustedHop) {
    const AddressSet proxies = Set({"127.0.0.1", "10.0.0.0/8"});
    EXPECT_EQ(ClientAddress("127.0.0.1", "unknown", proxies), "127.0.0.1");
    EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.7, garbage, 10.0.0.2", proxies), "10.0.0.2");
    EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.7,", proxies), "127.0.0.1");
}

TEST(LimitKeyTest, AnIpv6ClientCountsAsItsSlash64) {
    EXPECT_EQ(LimitKey("192.0.2.10"), "192.0.2.10");
    EXPECT_EQ(LimitKey("::ffff:192.0.2.10"), "192.0.2.10");
    EXPECT_EQ(LimitKey("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
    EXPECT_EQ(LimitKey("2001:db8:1:2:bbbb::7"), LimitKey("2001:db8:1:2:aaaa::1")) << "one household, one budget";
    EXPECT_NE(LimitKey("2001:db8:1:3::1"), LimitKey("2001:db8:1:2::1"));
}

}  // namespace
}  // namespace meldroute::base
