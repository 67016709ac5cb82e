// The HTTP/1.1 server (Boost.Beast): accepts connections, reads requests with size limits, hands each to one
// handler function and writes its response. Knows nothing of meldroute's routes.
#pragma once

#include <boost/beast/http.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "base/result.hpp"

namespace meldroute::http {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;

//! Handles one request; `peer` is the client's address (used for rate limits only, never stored).
using Handler = std::function<Response(const Request& request, const std::string& peer)>;
//! Builds the response for a request whose body exceeded the limit.
using TooLargeHandler = std::function<Response(unsigned version, bool keep_alive)>;

inline constexpr std::size_t kMaxBodyBytes = 1024 * 1024;

class Server {
public:
    Server(Handler handler, TooLargeHandler too_large, int threads);
    ~Server();

    //! Binds and listens; "host:port". Port 0 picks a free port (see port()).
    Status Listen(const std::string& host, unsigned short port);
    unsigned short port() const;

    //! Serves until SIGINT/SIGTERM, then stops accepting, lets in-flight requests finish and returns.
    void Run(const std::function<void()>& on_ready);

    struct Impl;  // public so the connection sessions in server.cpp can reach it

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace meldroute::http
