// The HTTP/1.1 server (Boost.Beast): accepts connections, reads requests with size limits, hands each to one
// handler function and writes its response. Knows nothing of meldroute's routes.
#pragma once

#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "base/result.hpp"

namespace meldroute::http {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;

//! Answers a request: called once per request, on any thread, with what makes the response. The server runs it on
//! the connection's own strand (an exception there becomes a 500), so whoever calls this (the store's batch thread,
//! once a request's writes have committed) only hands it over.
using Responder = std::function<void(std::function<Response()> make)>;
//! Handles one request and answers it through `respond`, at once or later (when what the request queued for
//! the store has committed); `peer` is the client's address (used for rate limits only, never stored).
using Handler = std::function<void(const Request& request, const std::string& peer, Responder respond)>;
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

    //! Open client connections at most (default 1000): one more is answered 503 at once and closed.
    void set_max_connections(int connections);
    //! Client connections open now.
    int connections() const;
    //! How long requests in flight may take to finish after SIGTERM/SIGINT (default 10 s).
    void set_shutdown_timeout(std::chrono::seconds timeout);
    //! The answer (503) to a request that arrives on an open connection once shutdown has begun.
    void set_shutting_down(TooLargeHandler shutting_down);
    //! Requests read and not yet answered.
    int in_flight() const;

    //! Serves until SIGINT/SIGTERM, then stops accepting, lets in-flight requests finish (bounded by the
    //! shutdown timeout) and returns; `on_stopping` runs when the signal arrives. False when the wait timed out.
    bool Run(const std::function<void()>& on_ready, const std::function<void()>& on_stopping = {});

    struct Impl;  // public so the connection sessions in server.cpp can reach it

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace meldroute::http
