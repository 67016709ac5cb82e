#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>

#include <array>
#include <chrono>
#include <thread>
#include <vector>

#include "http/common.hpp"

namespace meldroute::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct Server::Impl {
    Handler handler;
    TooLargeHandler too_large;
    TooLargeHandler shutting_down;
    int threads;
    std::chrono::seconds shutdown_timeout{10};
    std::atomic<int> in_flight{0};
    std::atomic<bool> stopping{false};
    // Open client connections (sessions and refusals alive), and the most sessions there may be: each holds a file
    // descriptor, and a client that opens them faster than they time out must not take the process's last ones.
    // Declared before `io`: the connections still queued in it are destroyed with it, and count themselves out.
    std::atomic<int> connections{0};
    int max_connections = 1000;
    asio::io_context io{};
    // Every operation on the acceptor runs on this strand: the accept loop re-arms itself from its completion
    // handler while the shutdown closes the acceptor, and those two must never run at once (a close racing an
    // async_accept on another thread crashed the server at SIGTERM).
    asio::strand<asio::io_context::executor_type> accept_strand{asio::make_strand(io)};
    tcp::acceptor acceptor{accept_strand};
    // When accepting fails (no file descriptors left: EMFILE, ENFILE), the loop pauses before it tries again
    // instead of spinning on the same error.
    asio::steady_timer accept_pause{accept_strand};

    void Accept();
};

namespace {

// Connections beyond the limit that are answered 503 at the same time, at most (within the 128 file descriptors
// that the server keeps beside max-connections, cli/main.cpp).
constexpr int kMaxRefusals = 64;

// One connection: read a request, handle it, write the response, repeat while keep-alive.
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
        ++server_.connections;
        beast::error_code error;
        auto endpoint = stream_.socket().remote_endpoint(error);
        if (!error) peer_ = endpoint.address().to_string();
    }
    ~Session() { --server_.connections; }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void Start() { Read(); }

private:
    void Read() {
        parser_.emplace();
        parser_->body_limit(kMaxBodyBytes);
        parser_->header_limit(16 * 1024);
        stream_.expires_after(std::chrono::seconds(30));
        bhttp::async_read_header(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code error,
                                                                                          std::size_t) {
            self->OnHeader(error);
        });
    }

    // A client that sent "Expect: 100-continue" waits for our go-ahead before sending the body; a body over the
    // limit is refused here, before it is sent at all.
    void OnHeader(beast::error_code error) {
        if (error) {
            OnRead(error);
            return;
        }
        auto expect = parser_->get()[bhttp::field::expect];
        if (beast::iequals(expect, "100-continue") && !parser_->is_done()) {
            auto go_ahead = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_,
                                                                                 parser_->get().version());
            bhttp::async_write(stream_, *go_ahead,
                               [self = shared_from_this(), go_ahead](beast::error_code write_error, std::size_t) {
                                   if (write_error) {
                                       self->Close();
                                       return;
                                   }
                                   self->ReadBody();
                               });
            return;
        }
        ReadBody();
    }

    void ReadBody() {
        bhttp::async_read(stream_, buffer_, *parser_,
                          [self = shared_from_this()](beast::error_code error, std::size_t) { self->OnRead(error); });
    }

    void OnRead(beast::error_code error) {
        if (error == bhttp::error::body_limit) {
            auto response = std::make_shared<Response>(server_.too_large(parser_->get().version(), false));
            ++server_.in_flight;
            linger_ = true;
            Write(response, true);
            return;
        }
        if (error) {
            Close();
            return;
        }
        Request request = parser_->release();
        ++server_.in_flight;
        keep_alive_ = request.keep_alive();
        // Once shutdown has begun, requests still arriving on open connections are refused (503, close): only
        // what was in flight when the signal came is finished.
        const unsigned version = request.version();
        // The handler may answer later, from another thread (once the request's audit record has committed):
        // the answer is made on this connection's strand. It answers exactly once, unless it throws first.
        auto answered = std::make_shared<std::atomic<bool>>(false);
        try {
            if (server_.stopping && server_.shutting_down) {
                Respond(server_.shutting_down(version, false));
                return;
            }
            server_.handler(request, peer_, [self = shared_from_this(), answered, version](std::function<Response()> make) {
                answered->store(true);
                asio::dispatch(self->stream_.get_executor(), [self, version, make = std::move(make)] {
                    Response response;
                    try {
                        response = make();
                    } catch (...) {
                        response = InternalError(version);
                    }
                    self->Respond(std::move(response));
                });
            });
        } catch (...) {
            if (!answered->load()) Respond(InternalError(version));
        }
    }

    static Response InternalError(unsigned version) {
        Response response{bhttp::status::internal_server_error, version};
        response.set(bhttp::field::content_type, "application/problem+json");
        response.body() = R"({"type":"about:blank","title":"Internal Server Error","status":500,)"
                          R"("detail":"Er ging iets mis op de server."})";
        AddSecurityHeaders(response);
        return response;
    }

    void Respond(Response response) {
        bool close = !keep_alive_ || server_.stopping;
        response.keep_alive(!close);
        response.prepare_payload();
        Write(std::make_shared<Response>(std::move(response)), close);
    }

    void Write(std::shared_ptr<Response> response, bool close) {
        stream_.expires_after(std::chrono::seconds(30));
        bhttp::async_write(stream_, *response,
                           [self = shared_from_this(), response, close](beast::error_code error, std::size_t) {
                               // A request counts as in flight until its response is written.
                               --self->server_.in_flight;
                               if (error || close) {
                                   self->Close();
                                   return;
                               }
                               self->Read();
                           });
    }

    void Close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        if (linger_) Drain();
    }

    // After refusing an oversized body, read and discard what the client is still sending (bounded in bytes
    // and time) so that closing does not reset the connection before the client has read the 413.
    void Drain() {
        stream_.expires_after(std::chrono::seconds(5));
        stream_.async_read_some(asio::buffer(drain_buffer_),
                                [self = shared_from_this()](beast::error_code error, std::size_t bytes) {
                                    self->drained_ += bytes;
                                    if (error || self->drained_ > 64 * kMaxBodyBytes) return;
                                    self->Drain();
                                });
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    Server::Impl& server_;
    std::string peer_;
    bool linger_ = false;
    bool keep_alive_ = true;  // of the request being answered
    std::size_t drained_ = 0;
    std::array<char, 16 * 1024> drain_buffer_{};
};

// A connection beyond the limit: answered 503 at once, without reading its request, then closed. What the client
// sent is read and dropped for a moment first (bounded), so that closing does not reset the connection before the
// client has read the answer. Counted among the connections while it lasts (at most a second each, and at most
// kMaxRefusals at once: beyond those a connection is closed unanswered).
class BusyRefusal : public std::enable_shared_from_this<BusyRefusal> {
public:
    BusyRefusal(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
        ++server_.connections;
        response_.set(bhttp::field::content_type, "application/problem+json");
        response_.set(bhttp::field::retry_after, "1");
        response_.body() = R"({"type":"about:blank","title":"Service Unavailable","status":503,)"
                           R"("detail":"De server is druk. Probeer het over een moment opnieuw."})";
        AddSecurityHeaders(response_);
        response_.keep_alive(false);
        response_.prepare_payload();
    }
    ~BusyRefusal() { --server_.connections; }
    BusyRefusal(const BusyRefusal&) = delete;
    BusyRefusal& operator=(const BusyRefusal&) = delete;

    void Start() {
        stream_.expires_after(std::chrono::milliseconds(500));
        bhttp::async_write(stream_, response_, [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error) return;
            beast::error_code ignored;
            self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
            self->stream_.expires_after(std::chrono::milliseconds(500));
            self->Drain();
        });
    }

private:
    void Drain() {
        stream_.async_read_some(asio::buffer(buffer_), [self = shared_from_this()](beast::error_code error,
                                                                                   std::size_t bytes) {
            self->drained_ += bytes;
            if (error || self->drained_ > kMaxBodyBytes) return;
            self->Drain();
        });
    }

    beast::tcp_stream stream_;
    Server::Impl& server_;
    Response response_{bhttp::status::service_unavailable, 11};
    std::array<char, 4096> buffer_{};
    std::size_t drained_ = 0;
};

}  // namespace

void Server::Impl::Accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code error, tcp::socket socket) {
        if (!acceptor.is_open()) return;
        if (!error) {
            const int open = connections.load();
            if (open >= max_connections + kMaxRefusals) {
                beast::error_code ignored;
                socket.close(ignored);  // refusals are busy too: no answer, and no descriptor held
            } else if (open >= max_connections) {
                std::make_shared<BusyRefusal>(std::move(socket), *this)->Start();
            } else {
                std::make_shared<Session>(std::move(socket), *this)->Start();
            }
        } else if (error != asio::error::operation_aborted && !stopping) {
            // Out of file descriptors (or another failure of the listening socket): try again in a moment.
            accept_pause.expires_after(std::chrono::milliseconds(100));
            accept_pause.async_wait([this](beast::error_code waited) {
                if (!waited && !stopping) Accept();
            });
            return;
        }
        if (!stopping) Accept();
    });
}

Server::Server(Handler handler, TooLargeHandler too_large, int threads)
    : impl_(std::make_unique<Impl>()) {
    impl_->handler = std::move(handler);
    impl_->too_large = std::move(too_large);
    impl_->threads = threads < 1 ? 1 : threads;
}

Server::~Server() = default;

Status Server::Listen(const std::string& host, unsigned short port) {
    beast::error_code error;
    auto address = asio::ip::make_address(host, error);
    if (error) return MakeError(ErrorCode::kInvalidArgument, "not an IP address: " + host);
    tcp::endpoint endpoint{address, port};
    impl_->acceptor.open(endpoint.protocol(), error);
    if (!error) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), error);
    if (!error) impl_->acceptor.bind(endpoint, error);
    if (!error) impl_->acceptor.listen(asio::socket_base::max_listen_connections, error);
    if (error) {
        return MakeError(ErrorCode::kUnavailable, "cannot listen on " + host + ":" + std::to_string(port) + ": " +
                                                      error.message());
    }
    return Ok();
}

unsigned short Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::set_max_connections(int connections) { impl_->max_connections = connections < 1 ? 1 : connections; }

int Server::connections() const { return impl_->connections.load(); }

void Server::set_shutdown_timeout(std::chrono::seconds timeout) { impl_->shutdown_timeout = timeout; }

void Server::set_shutting_down(TooLargeHandler shutting_down) { impl_->shutting_down = std::move(shutting_down); }

int Server::in_flight() const { return impl_->in_flight.load(); }

bool Server::Run(const std::function<void()>& on_ready, const std::function<void()>& on_stopping) {
    Impl& impl = *impl_;
    bool drained = true;
    asio::signal_set signals{impl.io, SIGINT, SIGTERM};
    asio::steady_timer drain_timer{impl.io};
    auto deadline = std::make_shared<std::chrono::steady_clock::time_point>();
    std::function<void()> wait_for_drain = [&]() {
        if (impl.in_flight == 0 || std::chrono::steady_clock::now() > *deadline) {
            drained = impl.in_flight == 0;
            impl.io.stop();
            return;
        }
        drain_timer.expires_after(std::chrono::milliseconds(20));
        drain_timer.async_wait([&](beast::error_code) { wait_for_drain(); });
    };
    // On the acceptor's strand, so the close below never runs beside the accept loop re-arming itself.
    signals.async_wait(asio::bind_executor(impl.accept_strand, [&](beast::error_code, int) {
        // Graceful shutdown: refuse new connections, let requests being handled finish, then stop.
        impl.stopping = true;
        beast::error_code ignored;
        impl.acceptor.close(ignored);
        impl.accept_pause.cancel();
        if (on_stopping) on_stopping();
        *deadline = std::chrono::steady_clock::now() + impl.shutdown_timeout;
        wait_for_drain();
    }));
    impl.Accept();
    if (on_ready) on_ready();
    std::vector<std::thread> workers;
    for (int index = 1; index < impl.threads; ++index) workers.emplace_back([&impl] { impl.io.run(); });
    impl.io.run();
    for (std::thread& worker : workers) worker.join();
    return drained;
}

}  // namespace meldroute::http
