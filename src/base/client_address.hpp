// Whose request it is, behind a reverse proxy or load balancer: the per-address limits (failed sign-ins,
// anonymous reports) must count each client, not the proxy that all of them come through. A proxy that the
// operator trusts appends the address it received the request from to X-Forwarded-For; the client is the right-most
// address of that header that is not itself a trusted proxy. Anything further left was written by the client and
// proves nothing. Without trusted proxies, or from an address that is not one, the connection's own address counts.
#pragma once

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace meldroute::base {

//! A set of IP addresses and prefixes ("192.0.2.10", "10.0.0.0/8", "2001:db8::/32"). An IPv4 address mapped into
//! IPv6 (::ffff:192.0.2.10, as a dual-stack socket reports it) is the IPv4 address.
class AddressSet {
public:
    //! The set of `entries`, or why an entry is refused (naming it).
    static std::variant<AddressSet, std::string> Parse(const std::vector<std::string>& entries);

    [[nodiscard]] bool Contains(const boost::asio::ip::address& address) const;
    [[nodiscard]] bool empty() const { return v4_.empty() && v6_.empty(); }

private:
    std::vector<boost::asio::ip::network_v4> v4_;
    std::vector<boost::asio::ip::network_v6> v6_;
};

//! An address as a header or a socket gives it ("192.0.2.10", "2001:db8::1", "[2001:db8::1]", "192.0.2.10:443",
//! "[2001:db8::1]:443"), IPv4-mapped IPv6 turned into IPv4; nullopt when it is none.
std::optional<boost::asio::ip::address> ParseAddress(std::string_view text);

//! The client's address, as text: `peer` (the connection's address) unless `peer` is a trusted proxy and
//! `forwarded_for` (the X-Forwarded-For header, empty when absent) names where the request came from. Then the
//! right-most entry that is not a trusted proxy; when every entry is one, the left-most; an entry that is not an
//! address ends the walk at the last trusted hop before it (its own address), so a malformed header never gives a
//! client an address of its own choosing.
std::string ClientAddress(std::string_view peer, std::string_view forwarded_for, const AddressSet& trusted_proxies);

//! What the limits per address count `address` under: an IPv4 address as it is, an IPv6 address as its /64 (the
//! block one household or machine gets, whose addresses it may rotate through at will); text that is no address
//! as it is.
std::string LimitKey(std::string_view address);

}  // namespace meldroute::base
