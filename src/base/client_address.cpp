#include "base/client_address.hpp"

#include <boost/system/error_code.hpp>

namespace meldroute::base {

namespace {

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

boost::asio::ip::address Unmapped(const boost::asio::ip::address& address) {
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
    }
    return address;
}

}  // namespace

std::optional<boost::asio::ip::address> ParseAddress(std::string_view text) {
    text = Trim(text);
    if (text.size() > 64) return std::nullopt;
    if (text.starts_with('[')) {  // [v6] or [v6]:port
        const std::size_t close = text.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        std::string_view rest = text.substr(close + 1);
        if (!rest.empty() && (rest.front() != ':' || rest.size() < 2 ||
                              rest.substr(1).find_first_not_of("0123456789") != std::string_view::npos)) {
            return std::nullopt;
        }
        text = text.substr(1, close - 1);
    } else if (text.find(':') == text.rfind(':') && text.find(':') != std::string_view::npos) {
        // One colon: IPv4 with a port (an IPv6 address has at least two).
        const std::size_t colon = text.find(':');
        if (colon + 1 == text.size() ||
            text.substr(colon + 1).find_first_not_of("0123456789") != std::string_view::npos) {
            return std::nullopt;
        }
        text = text.substr(0, colon);
    }
    boost::system::error_code error;
    auto address = boost::asio::ip::make_address(std::string{text}, error);
    if (error) return std::nullopt;
    if (address.is_v6() && address.to_v6().scope_id() != 0) return std::nullopt;
    return Unmapped(address);
}

std::variant<AddressSet, std::string> AddressSet::Parse(const std::vector<std::string>& entries) {
    AddressSet set;
    for (const std::string& entry : entries) {
        const std::size_t slash = entry.find('/');
        const std::string refusal = entry + ": not an IP address or prefix (192.0.2.10, 10.0.0.0/8, 2001:db8::/32)";
        boost::system::error_code error;
        auto address = boost::asio::ip::make_address(entry.substr(0, slash), error);
        if (error) return refusal;
        address = Unmapped(address);
        const std::string length_text = slash == std::string::npos ? "" : entry.substr(slash + 1);
        if (slash != std::string::npos &&
            (length_text.empty() || length_text.size() > 3 ||
             length_text.find_first_not_of("0123456789") != std::string::npos)) {
            return refusal;
        }
        const int bits = address.is_v4() ? 32 : 128;
        const int length = length_text.empty() ? bits : std::stoi(length_text);
        if (length > bits) return refusal;
        if (address.is_v4()) {
            auto network = boost::asio::ip::make_network_v4(address.to_v4(), length);
            if (network.network() != address.to_v4()) {
                return entry + ": host bits are set; write " + network.canonical().to_string();
            }
            set.v4_.push_back(network);
        } else {
            auto network = boost::asio::ip::make_network_v6(address.to_v6(), static_cast<unsigned short>(length));
            if (network.network() != address.to_v6()) {
                return entry + ": host bits are set; write " + network.canonical().to_string();
            }
            set.v6_.push_back(network);
        }
    }
    return set;
}

bool AddressSet::Contains(const boost::asio::ip::address& given) const {
    const boost::asio::ip::address address = Unmapped(given);
    if (address.is_v4()) {
        for (const auto& network : v4_) {
            if (boost::asio::ip::make_network_v4(address.to_v4(), network.prefix_length()).network() ==
                network.network()) {
                return true;
            }
        }
        return false;
    }
    for (const auto& network : v6_) {
        if (boost::asio::ip::make_network_v6(address.to_v6(), network.prefix_length()).network() == network.network()) {
            return true;
        }
    }
    return false;
}

std::string ClientAddress(std::string_view peer, std::string_view forwarded_for, const AddressSet& trusted_proxies) {
    if (trusted_proxies.empty() || forwarded_for.empty()) return std::string{peer};
    auto hop = ParseAddress(peer);
    if (!hop || !trusted_proxies.Contains(*hop)) return std::string{peer};
    // From the right: each trusted hop vouches for the entry before it.
    std::string_view rest = forwarded_for;
    while (!rest.empty()) {
        const std::size_t comma = rest.rfind(',');
        const std::string_view entry = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
        auto address = ParseAddress(entry);
        if (!address) break;  // not an address: the last trusted hop is as far as anyone vouches
        hop = address;
        if (!trusted_proxies.Contains(*address)) break;
    }
    return hop->to_string();
}

std::string LimitKey(std::string_view address) {
    auto parsed = ParseAddress(address);
    if (!parsed) return std::string{address};
    if (parsed->is_v4()) return parsed->to_string();
    return boost::asio::ip::make_network_v6(parsed->to_v6(), 64).canonical().to_string();
}

}  // namespace meldroute::base
