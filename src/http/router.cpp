#include "http/router.hpp"

namespace meldroute::http {

std::vector<std::string> SplitPath(std::string_view path) {
    std::vector<std::string> segments;
    while (!path.empty()) {
        if (path.front() == '/') path.remove_prefix(1);
        std::size_t end = path.find('/');
        segments.emplace_back(path.substr(0, end));
        path = end == std::string_view::npos ? std::string_view{} : path.substr(end);
    }
    return segments;
}

void Router::Add(boost::beast::http::verb method, const std::string& pattern, RouteHandler handler) {
    routes_.push_back({method, pattern, SplitPath(pattern), std::move(handler)});
}

Response Router::Dispatch(Context& context) const {
    std::vector<std::string> segments = SplitPath(context.path);
    bool path_known = false;
    for (const Route& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::vector<std::string> params;
        bool match = true;
        for (std::size_t index = 0; index < segments.size() && match; ++index) {
            if (route.segments[index] == "{}") {
                if (segments[index].empty()) match = false;
                params.push_back(UrlDecode(segments[index], false));
            } else if (route.segments[index] != segments[index]) {
                match = false;
            }
        }
        if (!match) continue;
        path_known = true;
        context.route = route.pattern;
        if (route.method != context.request.method()) continue;
        context.params = std::move(params);
        return route.handler(context);
    }
    if (path_known) {
        Response response = Problem(context.request, ErrorCode::kInvalidArgument, "Deze methode is hier niet toegestaan.");
        response.result(boost::beast::http::status::method_not_allowed);
        Json body = Json::parse(response.body());
        body["status"] = 405;
        body["title"] = "Method Not Allowed";
        body.erase("invalidParams");
        response.body() = body.dump();
        return response;
    }
    return Problem(context.request, ErrorCode::kNotFound, "Deze pagina of bron bestaat niet.");
}

}  // namespace meldroute::http
