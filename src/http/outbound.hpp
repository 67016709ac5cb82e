// Outgoing HTTP requests, for single sign-on only (discovery, JWK set, token endpoint): Boost.Beast over TLS
// (peer and host name verified against the system's trust store), with a deadline and a size limit. Plain http
// only to a loopback address (the tests' identity provider); see app::OidcUrlAllowed.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace meldroute::http {

struct OutboundRequest {
    bool post = false;  // GET otherwise
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::chrono::seconds timeout{5};
};

struct OutboundReply {
    unsigned status = 0;
    std::string content_type;
    std::string body;  // at most 1 MiB
};

//! Sends one request and reads the reply. kUnavailable when the URL is not allowed, the peer cannot be reached or
//! verified, the deadline passes or the reply is too large. Never follows redirects.
Result<OutboundReply> Fetch(const OutboundRequest& request);

}  // namespace meldroute::http
