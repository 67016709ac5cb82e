#include "http/application.hpp"

#include "app/commit_gate.hpp"
#include "app/crypto.hpp"
#include "base/time.hpp"
#include "base/trace.hpp"

#include <typeinfo>

#include "base/log.hpp"

#include "http/api.hpp"
#include "http/assets.hpp"
#include "http/register_api.hpp"
#include "http/register_pages.hpp"

namespace meldroute::http {

namespace {

bool IsApiPath(std::string_view path) {
    return path.starts_with("/api/") || path.starts_with("/health/") || path == "/metrics";
}

// GET /metrics, for a caller that sends the metrics token (a file of the operator's, not a session): the
// figures hold no personal data, but route counts and timings are nobody else's business.
void RegisterMetrics(Router& router, Metrics& metrics, const std::string& token) {
    router.Add(boost::beast::http::verb::get, "/metrics", [&metrics, token](Context& context) {
        auto authorization = context.request[boost::beast::http::field::authorization];
        std::string_view given{authorization.data(), authorization.size()};
        if (!given.starts_with("Bearer ") || !app::ConstantTimeEquals(given.substr(7), token)) {
            Response refused = Problem(context.request, ErrorCode::kUnauthenticated,
                                       "Stuur het metrics-token als Authorization: Bearer.");
            refused.set(boost::beast::http::field::www_authenticate, "Bearer realm=\"meldroute-metrics\"");
            return refused;
        }
        if (!context.query.empty()) {
            return Problem(context.request, MakeError(ErrorCode::kInvalidArgument, "Onbekende queryparameter.",
                                                      {{context.query.begin()->first, "onbekende parameter"}}));
        }
        Response response{boost::beast::http::status::ok, context.request.version()};
        response.set(boost::beast::http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
        response.body() = metrics.Render();
        AddSecurityHeaders(response);
        return response;
    });
}

}  // namespace

Application::Application(app::Service& service, PageOptions options, Observability observability,
                         Forwarding forwarding)
    : observability_(std::move(observability)), forwarding_(std::move(forwarding)) {
    auto openapi = Asset("openapi.json");
    RegisterApi(router_, service, openapi ? *openapi : std::string_view{"{}"});
    RegisterRegisterApi(router_, service);
    RegisterPages(router_, service, options);
    RegisterRegisterPages(router_, service, options);
    if (observability_.metrics != nullptr && !observability_.metrics_token.empty()) {
        RegisterMetrics(router_, *observability_.metrics, observability_.metrics_token);
    }
}

void Application::Record(std::string_view method, std::string_view route, unsigned status,
                         std::chrono::steady_clock::time_point started) {
    auto duration = std::chrono::steady_clock::now() - started;
    if (observability_.metrics != nullptr) observability_.metrics->RecordRequest(method, route, status, duration);
    if (LogEnabled(LogLevel::kInfo)) {
        // The route template only: the path itself may hold ids, the query and body personal data.
        Log(LogLevel::kInfo, "request",
            {{"method", method},
             {"route", route},
             {"status", static_cast<std::int64_t>(status)},
             {"durationMs", std::chrono::duration<double, std::milli>(duration).count()}});
    }
}

namespace {

// Sign-ins hold a thread for long: Argon2id (about 70 ms and 64 MiB each) and, for single sign-on, the round trips to
// the identity provider (seconds when it is slow). They run on a pool of their own, so that a burst of them, or a
// slow provider, holds up other sign-ins but not the server's threads and everyone else's requests.
bool HandledApart(const Request& request) {
    std::string_view target{request.target().data(), request.target().size()};
    std::string_view path = target.substr(0, target.find('?'));
    if (request.method() == boost::beast::http::verb::post && (path == "/api/v1/sessions" || path == "/inloggen")) {
        return true;
    }
    return path == "/inloggen/gemeente-account" || path.starts_with("/inloggen/gemeente-account/");
}

}  // namespace

void Application::Handle(const Request& request, const std::string& peer, const Responder& respond) {
    if (HandledApart(request)) {
        boost::asio::post(apart_, [this, request, peer, respond] { HandleHere(request, peer, respond); });
        return;
    }
    HandleHere(request, peer, respond);
}

void Application::Drain() { apart_.join(); }

void Application::HandleHere(const Request& request, const std::string& peer, const Responder& respond) {
    auto started = std::chrono::steady_clock::now();
    std::string_view target{request.target().data(), request.target().size()};
    std::size_t question = target.find('?');
    std::string path{target.substr(0, question)};
    // The client, for the limits per address: behind a trusted proxy the address it names. Several header lines
    // are one list, in order (a proxy may add its own line after the client's).
    std::string forwarded_for;
    if (!forwarding_.trusted_proxies.empty()) {
        for (auto [line, end] = request.equal_range("x-forwarded-for"); line != end; ++line) {
            if (!forwarded_for.empty()) forwarded_for += ',';
            forwarded_for.append(line->value().data(), line->value().size());
        }
    }
    Context context{request, path, {}, {},
                    base::LimitKey(base::ClientAddress(peer, forwarded_for, forwarding_.trusted_proxies)), {}};
    if (question != std::string_view::npos) context.query = ParseUrlEncoded(target.substr(question + 1));
    bool api = IsApiPath(path);
    // The request's trace for the processing log: the caller's (W3C traceparent) or a new one.
    TraceContext trace;
    auto traceparent = request.find("traceparent");
    if (traceparent == request.end() ||
        !ParseTraceparent(std::string{traceparent->value()}, trace.trace_id, trace.parent_span_id)) {
        trace.trace_id = app::RandomHex(16);
        trace.parent_span_id.clear();
    }
    trace.started_at = FormatTime(Now());
    // The audit records of this request's reads are queued for the group commit instead of waited for, so this
    // thread is free for other requests; the answer leaves once they are durable.
    app::CommitGate gate{api};
    auto response = std::make_shared<Response>();
    {
        ScopedTrace scoped_trace{trace};
        app::CommitGate::Scope gated{gate};
        *response = Route(request, context, api);
    }
    // An unknown method is counted as OTHER: the method string is the client's, and labels must stay few.
    std::string method = request.method() == boost::beast::http::verb::unknown
                             ? std::string{"OTHER"}
                             : std::string{request.method_string().data(), request.method_string().size()};
    std::string route = context.route.empty() ? std::string{"(unmatched)"} : std::string{context.route};
    // Perhaps on the store's batch thread, right after the commit: that thread only hands the answer over, and the
    // rest (the 503 instead of the data, the metrics and the log line, which names the request's trace) is done on
    // the connection's strand, so the next batch does not wait for it.
    gate.Settled([this, respond, response, api, version = request.version(), method = std::move(method),
                  route = std::move(route), started, trace = std::move(trace)](Status settled) {
        respond([this, response, api, version, method, route, started, trace, settled = std::move(settled)] {
            ScopedTrace scoped_trace{trace};
            if (!settled) {
                // A queued write failed: for an audit record, the access could not be recorded, so its data is not
                // sent; for the API's own writes (intake), the client hears why, as if it had waited.
                if (settled.error().code == ErrorCode::kUnavailable || settled.error().code == ErrorCode::kInternal) {
                    Log(LogLevel::kError, "a queued write was not committed; answer withheld", {{"route", route}});
                }
                Request failed;
                failed.version(version);
                failed.target(api ? "/api/" : "/");
                *response = api ? Problem(failed, settled.error())
                                : ErrorPage(failed, 503, "De opslag is niet beschikbaar. Probeer het later opnieuw.");
            }
            Record(method, route, response->result_int(), started);
            return std::move(*response);
        });
    });
}

Response Application::Route(const Request& request, Context& context, bool api) {
    const std::string& path = context.path;
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
        // Log the kind of failure only: an exception's message may quote input, so it is not logged.
        Log(LogLevel::kError, "unhandled exception", {{"route", context.route}, {"kind", typeid(exception).name()}});
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
    Record("-", "(too-large)", response.result_int(), std::chrono::steady_clock::now());
    return response;
}

Response Application::ShuttingDown(unsigned version) {
    Request request;
    request.version(version);
    request.target("/api/");
    Response response = Problem(request, ErrorCode::kUnavailable, "De server stopt. Probeer het zo opnieuw.");
    response.set(boost::beast::http::field::retry_after, "5");
    response.keep_alive(false);
    Record("-", "(shutting-down)", response.result_int(), std::chrono::steady_clock::now());
    return response;
}

}  // namespace meldroute::http
