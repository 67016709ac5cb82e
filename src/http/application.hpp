// The whole HTTP surface of meldroute: API, pages and assets behind one handler.
#pragma once

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <memory>

#include "app/service.hpp"
#include "base/client_address.hpp"
#include "http/metrics.hpp"
#include "http/pages.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace meldroute::http {

//! Where requests are counted, and the token that opens /metrics (empty: /metrics is not served).
struct Observability {
    Metrics* metrics = nullptr;
    std::string metrics_token;
};

//! The proxies whose X-Forwarded-For names the client (base/client_address.hpp); none: the connection counts.
struct Forwarding {
    base::AddressSet trusted_proxies;
};

class Application {
public:
    Application(app::Service& service, PageOptions options, Observability observability = {},
                Forwarding forwarding = {});

    //! Handles one request: routing, error pages, the headers of the contract, metrics and the access log. The
    //! answer goes out through `respond` once every audit record the request queued has committed (at once when
    //! it queued none); if one failed to commit, the answer is replaced by 503 and the data is not sent.
    void Handle(const Request& request, const std::string& peer, const Responder& respond);
    //! Waits for the sign-ins still being handled apart (after the server stopped, before the store is flushed).
    void Drain();
    //! The answer to a body over the limit (413), as problem+json.
    Response TooLarge(unsigned version, bool keep_alive);
    //! The answer to a request arriving while the server shuts down (503, connection closed).
    Response ShuttingDown(unsigned version);

private:
    void HandleHere(const Request& request, const std::string& peer, const Responder& respond);
    Response Route(const Request& request, Context& context, bool api);
    void Record(std::string_view method, std::string_view route, unsigned status,
                std::chrono::steady_clock::time_point started);

    Router router_;
    Observability observability_;
    Forwarding forwarding_;
    boost::asio::thread_pool apart_{4};  // sign-ins (HandledApart in application.cpp)
};

}  // namespace meldroute::http
