#include "http/application.hpp"

#include "app/crypto.hpp"
#include "base/time.hpp"
#include "base/trace.hpp"

#include <cstdio>

#include "http/api.hpp"
#include "http/assets.hpp"
#include "http/register_api.hpp"
#include "http/register_pages.hpp"

namespace meldroute::http {

namespace {

bool IsApiPath(std::string_view path) { return path.starts_with("/api/") || path.starts_with("/health/"); }

}  // namespace

Application::Application(app::Service& service, PageOptions options) {
    auto openapi = Asset("openapi.json");
    RegisterApi(router_, service, openapi ? *openapi : std::string_view{"{}"});
    RegisterRegisterApi(router_, service);
    RegisterPages(router_, service, options);
    RegisterRegisterPages(router_, service, options);
}

Response Application::Handle(const Request& request, const std::string& peer) {
    std::string_view target{request.target().data(), request.target().size()};
    std::size_t question = target.find('?');
    std::string path{target.substr(0, question)};
    Context context{request, path, {}, {}, peer};
    if (question != std::string_view::npos) context.query = ParseUrlEncoded(target.substr(question + 1));
    bool api = IsApiPath(path);
    // The request's trace for the processing log: the caller's (W3C traceparent) or a new one.
    TraceContext trace;
    auto traceparent = request.find("traceparent");
    if (traceparent == request.end() ||
        !ParseTraceparent(std::string{traceparent->value()}, trace.trace_id, trace.parent_span_id)) {
        trace.trace_id = app::Sha256Hex(app::RandomToken()).substr(0, 32);
        trace.parent_span_id.clear();
    }
    trace.started_at = FormatTime(Now());
    ScopedTrace scoped_trace{trace};
    try {
        // The design rules forbid trailing slashes: "/api/v1/signals/" is not "/api/v1/signals".
        if (path.empty() || path.front() != '/' || (path.size() > 1 && path.back() == '/')) {
            return api ? Problem(request, ErrorCode::kNotFound, "Deze bron bestaat niet.")
                       : ErrorPage(request, 404, "Deze pagina bestaat niet.");
        }
        Response response = router_.Dispatch(context);
        if (!api && (response.result_int() == 404 || response.result_int() == 405) &&
            response[boost::beast::http::field::content_type] == "application/problem+json") {
            return ErrorPage(request, response.result_int(), "Deze pagina bestaat niet.");
        }
        return response;
    } catch (const std::exception& exception) {
        // Log the kind of failure only: messages may never carry personal data, and these come from code.
        std::fprintf(stderr, "{\"level\":\"error\",\"msg\":\"unhandled exception\",\"what\":\"%s\"}\n",
                     exception.what());
        return api ? Problem(request, ErrorCode::kInternal, "Er ging iets mis op de server.")
                   : ErrorPage(request, 500, "Er ging iets mis op de server. Probeer het later opnieuw.");
    }
}

Response Application::TooLarge(unsigned version, bool keep_alive) {
    Request request;
    request.version(version);
    request.target("/api/");
    Response response = Problem(request, ErrorCode::kTooLarge, "De body is groter dan 1 MiB.");
    response.keep_alive(keep_alive);
    return response;
}

}  // namespace meldroute::http
