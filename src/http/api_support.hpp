// Helpers the API handlers share (api.cpp, register_api.cpp): the principal from the Bearer token, the refusal
// of unknown query parameters, and answering a use case's result.
#pragma once

#include <algorithm>
#include <initializer_list>

#include "app/service.hpp"
#include "http/router.hpp"
#include "http/common.hpp"
#include "http/json_io.hpp"

namespace meldroute::http {

// Query parameters a route does not name are refused (400), per the design rules.
inline Status RejectUnknownQuery(const Context& context, std::initializer_list<const char*> allowed) {
    std::vector<InvalidParam> problems;
    for (const auto& [key, value] : context.query) {
        bool known = false;
        for (const char* name : allowed) known = known || key == name;
        if (!known) problems.push_back({key, "Onbekende queryparameter."});
    }
    if (problems.empty()) return Ok();
    return MakeError(ErrorCode::kInvalidArgument, "Onbekende queryparameter.", std::move(problems));
}

// Runs `body` with the caller's principal, or answers 401; then refuses query parameters other than
// `allowed_query` (400) before the route does anything.
template <typename Body>
Response WithPrincipal(app::Service& service, Context& context, Body body,
                       std::initializer_list<const char*> allowed_query = {}) {
    auto token = BearerToken(context.request);
    if (!token) return Problem(context.request, ErrorCode::kUnauthenticated, "Meld u aan met een Bearer-token.");
    auto principal = service.Authenticate(*token);
    if (!principal) return Problem(context.request, principal.error());
    if (Status query = RejectUnknownQuery(context, allowed_query); !query) {
        return Problem(context.request, query.error());
    }
    return body(*principal);
}

// Answers a use case's result: `status` with its JSON, or the problem.
template <typename T, typename ToJsonFn>
Response Answer(Context& context, const Result<T>& result, unsigned status, ToJsonFn to_json) {
    if (!result) return Problem(context.request, result.error());
    return JsonResponse(context.request, status, to_json(*result));
}

template <typename T>
Json ListToJson(const std::vector<T>& items) {
    Json array = Json::array();
    for (const auto& item : items) array.push_back(ToJson(item));
    return array;
}

// Registers a route whose JSON body is read by `read` and handed with the principal to `run`; the roles are
// checked before the body, and the body's problems are all reported at once.
template <typename Run>
void AddBodyRoute(Router& router, app::Service& service, boost::beast::http::verb method, const std::string& pattern,
                  std::initializer_list<domain::Role> roles, Run run) {
    std::vector<domain::Role> allowed{roles};
    router.Add(method, pattern, [&service, allowed, run](Context& context) {
        return WithPrincipal(service, context, [&](const app::Principal& principal) {
            bool permitted = std::any_of(allowed.begin(), allowed.end(), [&](domain::Role role) { return principal.Has(role); });
            if (!permitted) {
                return Problem(context.request, ErrorCode::kPermissionDenied,
                               "Uw rol geeft geen toegang tot deze gegevens of handeling.");
            }
            auto reader = BodyReader::Parse(context.request.body());
            if (!reader) return Problem(context.request, reader.error());
            return run(context, principal, *reader);
        });
    });
}

// Finishes reading a body: every problem at once as one 400.
#define MR_READ_DONE(reader)                                                           \
    do {                                                                               \
        if (Status finished = (reader).Finish(); !finished) {                          \
            return Problem(context.request, finished.error());                         \
        }                                                                              \
    } while (false)

//! The figures' routes (statistics_api.cpp): statistics, tables as CSV, the yearly overview and the figures
//! from before meldroute, the care evaluation as JSON, PDF, spreadsheet and CSV.
void RegisterStatisticsApi(Router& router, app::Service& service);

//! Retention and data-subject rights (retention_api.cpp): legal hold, destruction log, inspection, rectification.
void RegisterRetentionApi(Router& router, app::Service& service);

//! The inspection export as JSON (the API answer and the page's download).
Json InspectionJson(const app::InspectionExport& result);

}  // namespace meldroute::http
