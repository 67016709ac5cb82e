#include "http/outbound.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <exception>
#include <optional>

#include "app/oidc.hpp"

namespace meldroute::http {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

constexpr std::size_t kReplyLimit = 1024 * 1024;

struct Target {
    bool tls = false;
    std::string host;
    std::string port;
    std::string path;  // path and query
};

std::optional<Target> ParseTarget(const std::string& url) {
    Target target;
    std::string_view rest{url};
    if (rest.starts_with("https://")) {
        target.tls = true;
        rest.remove_prefix(8);
    } else if (rest.starts_with("http://")) {
        rest.remove_prefix(7);
    } else {
        return std::nullopt;
    }
    const std::size_t slash = rest.find_first_of("/?");
    std::string_view authority = rest.substr(0, slash);
    target.path = slash == std::string_view::npos ? "/" : std::string{rest.substr(slash)};
    if (target.path.front() == '?') target.path.insert(0, "/");
    target.path = target.path.substr(0, target.path.find('#'));
    std::size_t colon = authority.rfind(':');
    if (authority.starts_with('[')) {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        target.host = std::string{authority.substr(1, close - 1)};
        colon = authority.size() > close + 1 && authority[close + 1] == ':' ? close + 1 : std::string_view::npos;
    } else {
        target.host = std::string{authority.substr(0, colon)};
    }
    target.port = colon == std::string_view::npos ? (target.tls ? "443" : "80") : std::string{authority.substr(colon + 1)};
    if (target.host.empty() || target.port.empty()) return std::nullopt;
    return target;
}

template <typename Stream>
net::awaitable<void> Exchange(Stream& stream, const bhttp::request<bhttp::string_body>& request, OutboundReply& reply) {
    co_await bhttp::async_write(stream, request, net::use_awaitable);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(kReplyLimit);
    co_await bhttp::async_read(stream, buffer, parser, net::use_awaitable);
    auto& response = parser.get();
    reply.status = response.result_int();
    reply.content_type = std::string{response[bhttp::field::content_type]};
    reply.body = std::move(response.body());
}

}  // namespace

Result<OutboundReply> Fetch(const OutboundRequest& outbound) {
    const auto target = ParseTarget(outbound.url);
    if (!app::OidcUrlAllowed(outbound.url) || !target) {
        return MakeError(ErrorCode::kUnavailable, "URL not allowed for single sign-on (https, or http on loopback)");
    }
    bhttp::request<bhttp::string_body> request{outbound.post ? bhttp::verb::post : bhttp::verb::get, target->path, 11};
    const bool default_port = target->port == (target->tls ? "443" : "80");
    const std::string host = target->host.find(':') != std::string::npos ? "[" + target->host + "]" : target->host;
    request.set(bhttp::field::host, default_port ? host : host + ":" + target->port);
    request.set(bhttp::field::user_agent, "meldroute");
    request.set(bhttp::field::accept, "application/json");
    for (const auto& [name, value] : outbound.headers) request.set(name, value);
    if (outbound.post) {
        request.body() = outbound.body;
        request.prepare_payload();
    }

    net::ssl::context tls{net::ssl::context::tls_client};
    tls.set_default_verify_paths();
    tls.set_verify_mode(net::ssl::verify_peer);
    OutboundReply reply;
    std::exception_ptr failure;
    bool done = false;
    net::io_context io;  // declared last: destroyed first, with any unfinished exchange, before what it refers to
    net::co_spawn(
        io,
        [&]() -> net::awaitable<void> {
            auto executor = co_await net::this_coro::executor;
            net::ip::tcp::resolver resolver{executor};
            auto endpoints = co_await resolver.async_resolve(target->host, target->port, net::use_awaitable);
            if (target->tls) {
                beast::ssl_stream<beast::tcp_stream> stream{executor, tls};
                // SNI, and the certificate must name the host (besides chaining to a trusted root).
                if (!SSL_set_tlsext_host_name(stream.native_handle(), target->host.c_str())) {
                    throw std::runtime_error("SNI");
                }
                stream.set_verify_callback(net::ssl::host_name_verification(target->host));
                beast::get_lowest_layer(stream).expires_after(outbound.timeout);
                co_await beast::get_lowest_layer(stream).async_connect(endpoints, net::use_awaitable);
                co_await stream.async_handshake(net::ssl::stream_base::client, net::use_awaitable);
                co_await Exchange(stream, request, reply);
            } else {
                beast::tcp_stream stream{executor};
                stream.expires_after(outbound.timeout);
                co_await stream.async_connect(endpoints, net::use_awaitable);
                co_await Exchange(stream, request, reply);
            }
        },
        [&](std::exception_ptr error) {
            failure = error;
            done = true;
        });
    // The resolver has no deadline of its own: the whole exchange gets one.
    io.run_for(outbound.timeout + std::chrono::seconds{1});
    if (!done || failure) {
        return MakeError(ErrorCode::kUnavailable, "the identity provider could not be reached or verified");
    }
    return reply;
}

}  // namespace meldroute::http
