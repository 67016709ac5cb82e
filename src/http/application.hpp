// The whole HTTP surface of meldroute: API, pages and assets behind one handler.
#pragma once

#include <memory>

#include "app/service.hpp"
#include "http/pages.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace meldroute::http {

class Application {
public:
    Application(app::Service& service, PageOptions options);

    //! Handles one request: routing, error pages, and the headers of the contract.
    Response Handle(const Request& request, const std::string& peer);
    //! The answer to a body over the limit (413), as problem+json.
    Response TooLarge(unsigned version, bool keep_alive);

private:
    Router router_;
};

}  // namespace meldroute::http
