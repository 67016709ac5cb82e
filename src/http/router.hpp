// Matches method + path to a handler. Patterns are literal segments and "{}" placeholders.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/common.hpp"

namespace meldroute::http {

using RouteHandler = std::function<Response(Context&)>;

class Router {
public:
    //! Registers `pattern` (e.g. "/api/v1/cases/{}/referrals") for `method`.
    void Add(boost::beast::http::verb method, const std::string& pattern, RouteHandler handler);

    //! Dispatches; unknown paths give 404, known paths with another method 405. Sets context.route to the
    //! pattern of the matching path.
    Response Dispatch(Context& context) const;

private:
    struct Route {
        boost::beast::http::verb method;
        std::string pattern;
        std::vector<std::string> segments;
        RouteHandler handler;
    };
    std::vector<Route> routes_;
};

std::vector<std::string> SplitPath(std::string_view path);

}  // namespace meldroute::http
