#include "http/common.hpp"

#include "domain/validation.hpp"

namespace meldroute::http {

namespace bhttp = boost::beast::http;

namespace {

const char* TitleFor(unsigned status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 412:
            return "Precondition Failed";
        case 413:
            return "Payload Too Large";
        case 422:
            return "Unprocessable Entity";
        case 429:
            return "Too Many Requests";
        case 503:
            return "Service Unavailable";
        default:
            return "Internal Server Error";
    }
}

int HexValue(char character) {
    if (character >= '0' && character <= '9') return character - '0';
    if (character >= 'a' && character <= 'f') return character - 'a' + 10;
    if (character >= 'A' && character <= 'F') return character - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<std::int64_t> ParseCaseVersion(std::string_view text) { return domain::ParseWholeNumber(text); }

unsigned StatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
            return 400;
        case ErrorCode::kUnprocessable:
            return 422;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kPermissionDenied:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kFailedPrecondition:
            return 409;
        case ErrorCode::kStaleVersion:
            return 412;
        case ErrorCode::kTooLarge:
            return 413;
        case ErrorCode::kUnsupportedMedia:
            return 415;
        case ErrorCode::kRateLimited:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

void AddSecurityHeaders(Response& response, bool cacheable) {
    response.set("API-Version", kApiVersion);
    response.set(bhttp::field::cache_control, cacheable ? "public, max-age=3600" : "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("X-Frame-Options", "DENY");
    response.set("Referrer-Policy", "no-referrer");
    response.set("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                 "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    response.set("Cross-Origin-Opener-Policy", "same-origin");
    response.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    response.set(bhttp::field::server, "meldroute");
}

Response Problem(const Request& request, const Error& error) {
    unsigned status = StatusFor(error.code);
    Json body{{"type", "about:blank"}, {"title", TitleFor(status)}, {"status", status}, {"detail", error.detail}};
    if (!error.invalid_params.empty() || status == 400) {
        Json params = Json::array();
        for (const auto& param : error.invalid_params) params.push_back({{"name", param.name}, {"reason", param.reason}});
        body["invalidParams"] = params;
    }
    Response response{static_cast<bhttp::status>(status), request.version()};
    response.set(bhttp::field::content_type, "application/problem+json");
    response.body() = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    AddSecurityHeaders(response);
    if (status == 401 && request.target().starts_with("/api/")) {
        response.set(bhttp::field::www_authenticate, "Bearer realm=\"meldroute\"");
    }
    return response;
}

Response Problem(const Request& request, ErrorCode code, std::string detail) {
    return Problem(request, MakeError(code, std::move(detail)));
}

Response JsonResponse(const Request& request, unsigned status, const Json& body) {
    return JsonTextResponse(request, status, body.dump(-1, ' ', false, Json::error_handler_t::replace));
}

Response JsonTextResponse(const Request& request, unsigned status, std::string json_text) {
    Response response{static_cast<bhttp::status>(status), request.version()};
    response.set(bhttp::field::content_type, "application/json");
    response.body() = std::move(json_text);
    AddSecurityHeaders(response);
    return response;
}

Response NoContent(const Request& request) {
    Response response{bhttp::status::no_content, request.version()};
    AddSecurityHeaders(response);
    return response;
}

Response Html(const Request& request, unsigned status, std::string body) {
    Response response{static_cast<bhttp::status>(status), request.version()};
    response.set(bhttp::field::content_type, "text/html; charset=utf-8");
    response.body() = std::move(body);
    AddSecurityHeaders(response);
    return response;
}

Response Redirect(const Request& request, const std::string& location) {
    Response response{bhttp::status::see_other, request.version()};
    response.set(bhttp::field::location, location);
    AddSecurityHeaders(response);
    return response;
}

std::string UrlDecode(std::string_view text, bool plus_is_space) {
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t index = 0; index < text.size(); ++index) {
        char character = text[index];
        if (character == '+' && plus_is_space) {
            decoded.push_back(' ');
        } else if (character == '%' && index + 2 < text.size()) {
            int high = HexValue(text[index + 1]);
            int low = HexValue(text[index + 2]);
            if (high < 0 || low < 0) {
                decoded.push_back(character);
            } else {
                decoded.push_back(static_cast<char>(high * 16 + low));
                index += 2;
            }
        } else {
            decoded.push_back(character);
        }
    }
    return decoded;
}

std::multimap<std::string, std::string> ParseUrlEncoded(std::string_view text) {
    std::multimap<std::string, std::string> values;
    while (!text.empty()) {
        std::size_t end = text.find('&');
        std::string_view pair = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (pair.empty()) continue;
        std::size_t equals = pair.find('=');
        std::string key = UrlDecode(pair.substr(0, equals), true);
        std::string value = equals == std::string_view::npos ? "" : UrlDecode(pair.substr(equals + 1), true);
        // Browsers send CRLF in textareas; keep the text as typed but with Unix line ends.
        std::string normalised;
        normalised.reserve(value.size());
        for (std::size_t index = 0; index < value.size(); ++index) {
            if (value[index] == '\r' && index + 1 < value.size() && value[index + 1] == '\n') continue;
            normalised.push_back(value[index]);
        }
        values.emplace(std::move(key), std::move(normalised));
    }
    return values;
}

std::optional<std::string> First(const std::multimap<std::string, std::string>& values, const std::string& key) {
    auto found = values.find(key);
    if (found == values.end()) return std::nullopt;
    return found->second;
}

std::vector<std::string> All(const std::multimap<std::string, std::string>& values, const std::string& key) {
    std::vector<std::string> all;
    auto [begin, end] = values.equal_range(key);
    for (auto it = begin; it != end; ++it) all.push_back(it->second);
    return all;
}

std::optional<std::string> Cookie(const Request& request, std::string_view name) {
    auto header = request.find(bhttp::field::cookie);
    if (header == request.end()) return std::nullopt;
    std::string_view text{header->value().data(), header->value().size()};
    while (!text.empty()) {
        std::size_t end = text.find(';');
        std::string_view pair = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        std::size_t equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
            return std::string{pair.substr(equals + 1)};
        }
    }
    return std::nullopt;
}

std::optional<std::string> BearerToken(const Request& request) {
    auto header = request.find(bhttp::field::authorization);
    if (header == request.end()) return std::nullopt;
    std::string_view value{header->value().data(), header->value().size()};
    // The scheme name is case-insensitive (RFC 9110, section 11.1).
    constexpr std::string_view kPrefix = "bearer ";
    if (value.size() <= kPrefix.size() || !boost::beast::iequals(value.substr(0, kPrefix.size()), kPrefix)) {
        return std::nullopt;
    }
    return std::string{value.substr(kPrefix.size())};
}

}  // namespace meldroute::http
