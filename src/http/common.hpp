// Shared pieces of the HTTP layer: response builders, headers, query/form/cookie parsing, error mapping.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "http/json_io.hpp"
#include "http/server.hpp"

namespace meldroute::http {

inline constexpr const char* kApiVersion = "1.1.0";  // 1.1.0: the list of signals holds summaries

//! What a handler gets: the request, its path split up, and the values captured by the route pattern.
struct Context {
    const Request& request;
    std::string path;
    std::multimap<std::string, std::string> query;
    std::vector<std::string> params;  // values of the {…} segments, in order
    std::string peer;  // the client, as the limits per address count it (base::LimitKey of base::ClientAddress)
    //! The pattern of the route that matched (e.g. "/api/v1/signals/{}"), for metrics and logs: never the
    //! raw path, which may hold ids. Empty when no route matched.
    std::string_view route;
};

//! The HTTP status for an error code.
unsigned StatusFor(ErrorCode code);

//! application/problem+json for `error`.
Response Problem(const Request& request, const Error& error);
//! A case version as sent back by a client (1 to 18 decimal digits); nullopt for anything else.
std::optional<std::int64_t> ParseCaseVersion(std::string_view text);
Response Problem(const Request& request, ErrorCode code, std::string detail);
Response JsonResponse(const Request& request, unsigned status, const Json& body);
//! The same with a body already written as JSON text (JsonWriter).
Response JsonTextResponse(const Request& request, unsigned status, std::string json_text);
Response NoContent(const Request& request);
Response Html(const Request& request, unsigned status, std::string body);
//! 303 See Other to `location` (after a form POST).
Response Redirect(const Request& request, const std::string& location);

//! Headers of the contract on every response; `cacheable` only for static assets without personal data.
void AddSecurityHeaders(Response& response, bool cacheable = false);

std::string UrlDecode(std::string_view text, bool plus_is_space);
std::multimap<std::string, std::string> ParseUrlEncoded(std::string_view text);
std::optional<std::string> First(const std::multimap<std::string, std::string>& values, const std::string& key);
std::vector<std::string> All(const std::multimap<std::string, std::string>& values, const std::string& key);
std::optional<std::string> Cookie(const Request& request, std::string_view name);
std::optional<std::string> BearerToken(const Request& request);

}  // namespace meldroute::http
