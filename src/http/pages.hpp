// The Dutch HTML pages: server-rendered with mustache (escaping on), every flow works without JavaScript.
#pragma once

#include "app/service.hpp"
#include "http/router.hpp"

namespace meldroute::http {

struct PageOptions {
    bool secure_cookies = false;  // add Secure to cookies (behind TLS)
};

void RegisterPages(Router& router, app::Service& service, PageOptions options);

//! An HTML error page for a status (404, 405, 500 …) outside the API.
Response ErrorPage(const Request& request, unsigned status, const std::string& message);

}  // namespace meldroute::http
