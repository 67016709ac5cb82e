// Helpers the API handlers share (api.cpp, register_api.cpp): the principal from the Bearer token, the refusal
// of unknown query parameters, and answering a use case's result.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <type_traits>

#include "app/service.hpp"
#include "http/router.hpp"
#include "domain/validation.hpp"
#include "http/common.hpp"
#include "http/json_io.hpp"

namespace meldroute::http {

// A JSON body must say so (Content-Type application/json, any parameters): 415 otherwise. For the routes that
// need no sign-in, this keeps other websites from posting to them through their visitors' browsers: a page may
// send text/plain across sites without asking, but application/json only after a CORS preflight, which this
// server never grants.
inline Status RequireJsonContentType(const Context& context) {
    auto header = context.request.find(boost::beast::http::field::content_type);
    std::string type = header == context.request.end() ? "" : std::string{header->value()};
    type = type.substr(0, type.find(';'));
    type = std::string{domain::Trim(type)};
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char character) { return static_cast<char>(std::tolower(character)); });
    if (type == "application/json") return Ok();
    return MakeError(ErrorCode::kUnsupportedMedia, "Stuur de gegevens als JSON, met Content-Type application/json.");
}

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
    // A session that must enrol a second factor first reaches enrolment and sign-out only: the use cases refuse
    // it too, and this refuses it on the routes that serve reference data without a use case's check.
    if (principal->must_enrol && context.route != "/api/v1/totp-enrolments" &&
        context.route != "/api/v1/totp-enrolments/confirmation" && context.route != "/api/v1/sessions/current") {
        const std::string action =
            "api " + std::string{context.request.method_string()} + " " + std::string{context.route};
        if (Status enrolled = service.RequireEnrolled(*principal, action); !enrolled) {
            return Problem(context.request, enrolled.error());
        }
    }
    if (Status query = RejectUnknownQuery(context, allowed_query); !query) {
        return Problem(context.request, query.error());
    }
    return body(*principal);
}

// Answers a use case's result: `status` with its JSON (a Json tree, or text written already), or the problem.
template <typename T, typename ToJsonFn>
Response Answer(Context& context, const Result<T>& result, unsigned status, ToJsonFn to_json) {
    if (!result) return Problem(context.request, result.error());
    if constexpr (std::is_same_v<std::decay_t<std::invoke_result_t<ToJsonFn, const T&>>, std::string>) {
        return JsonTextResponse(context.request, status, to_json(*result));
    } else {
        return JsonResponse(context.request, status, to_json(*result));
    }
}

//! A case's version as an entity tag: "4".
inline std::string CaseETag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

//! The If-Match header as a precondition on a case: absent or `*` → none; one strong entity tag holding a
//! version → that version; anything else (a weak tag, a list, garbage) → 400, before anything changes.
inline Result<app::Precondition> ReadPrecondition(const Request& request) {
    auto header = request.find(boost::beast::http::field::if_match);
    if (header == request.end()) return app::Precondition{};
    std::string value{domain::Trim(std::string{header->value()})};
    if (value == "*") return app::Precondition{};
    auto refuse = [] {
        return MakeError(ErrorCode::kInvalidArgument, "If-Match moet één versie van de casus zijn, zoals \"4\".",
                         {{"If-Match", "Geef de ETag van de casus zoals u die ontving."}});
    };
    if (value.size() < 3 || value.front() != '"' || value.back() != '"') return refuse();
    auto version = ParseCaseVersion(std::string_view{value}.substr(1, value.size() - 2));
    if (!version) return refuse();
    return app::Precondition{version};
}

//! Answers a case with its version as the ETag.
inline Response AnswerCase(Context& context, const Result<app::CaseView>& view, unsigned status) {
    if (!view) return Problem(context.request, view.error());
    Response response = JsonTextResponse(context.request, status, CaseViewJson(*view));
    response.set(boost::beast::http::field::etag, CaseETag(view->file.header.version));
    return response;
}

template <typename T>
Json ListToJson(const std::vector<T>& items) {
    return ArrayOf(items, [](const T& item) { return ToJson(item); });
}

// Registers a route whose JSON body is read and handed with the principal to `run`; the roles are checked before
// the body (a refusal audited as `action`, the name the use case's own check gives it), and the body's problems
// are all reported at once.
template <typename Run>
void AddBodyRoute(Router& router, app::Service& service, boost::beast::http::verb method, const std::string& pattern,
                  std::initializer_list<domain::Role> roles, std::string action, Run run) {
    std::vector<domain::Role> allowed{roles};
    router.Add(method, pattern, [&service, allowed, action = std::move(action), run](Context& context) {
        return WithPrincipal(service, context, [&](const app::Principal& principal) {
            // Refused before the body is read, and the refusal audited (as every use case's own Require does).
            if (Status permitted = service.Require(principal, allowed, action); !permitted) {
                return Problem(context.request, permitted.error());
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
