#include "app/oidc.hpp"

#include <algorithm>

namespace meldroute::app {

namespace {

Error Refused(const std::string& name, const std::string& reason) {
    return MakeError(ErrorCode::kInvalidArgument, name + ": " + reason, {{name, reason}});
}

// The host of an absolute http(s) URL, without port or brackets; empty when `url` has none.
std::string_view UrlHost(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (rest.find('@') != std::string_view::npos) return {};  // no credentials in a provider's URL
    if (rest.starts_with('[')) {
        const std::size_t close = rest.find(']');
        return close == std::string_view::npos ? std::string_view{} : rest.substr(1, close - 1);
    }
    return rest.substr(0, rest.find(':'));
}

// localhost, ::1, or an IPv4 literal in 127.0.0.0/8 (four numbers: "127.0.0.1.evil.example" is a name, not one).
bool IsLoopbackHost(std::string_view host) {
    if (host == "localhost" || host == "::1") return true;
    if (!host.starts_with("127.") || std::count(host.begin(), host.end(), '.') != 3) return false;
    std::size_t digits = 0;
    for (char character : host) {
        if (character == '.') {
            if (digits == 0) return false;
            digits = 0;
        } else if (character < '0' || character > '9' || ++digits > 3) {
            return false;
        }
    }
    return digits > 0;
}

}  // namespace

bool OidcUrlAllowed(std::string_view url) {
    const std::string_view host = UrlHost(url);
    if (host.empty()) return false;
    if (url.starts_with("https://")) return true;
    return url.starts_with("http://") && IsLoopbackHost(host);
}

Result<std::pair<std::string, domain::Role>> ParseRoleMapping(std::string_view text) {
    const std::size_t equals = text.rfind('=');
    if (equals == std::string_view::npos || equals == 0) {
        return Refused("--oidc-role", "give VALUE=ROLE, e.g. mensenhandel-af=aandachtfunctionaris");
    }
    auto role = domain::ParseRole(text.substr(equals + 1));
    if (!role) {
        return Refused("--oidc-role",
                       "the role after '=' must be melder, aandachtfunctionaris, beleid, beheerder or auditor");
    }
    return std::pair{std::string{text.substr(0, equals)}, *role};
}

Status ValidateOidcConfig(const OidcConfig& config) {
    if (!config.enabled()) return Ok();
    if (!OidcUrlAllowed(config.issuer)) {
        return Refused("--oidc-issuer", "use an https URL (plain http only for a loopback address, in tests)");
    }
    if (config.client_id.empty()) return Refused("--oidc-client-id", "required with --oidc-issuer");
    if (config.client_secret.empty()) {
        return Refused("--oidc-client-secret-file", "required with --oidc-issuer, and the file may not be empty");
    }
    if (!OidcUrlAllowed(config.redirect_uri) || !config.redirect_uri.ends_with(kOidcCallbackPath)) {
        return Refused("--oidc-redirect-uri", "give meldroute's full callback URL, ending in " +
                                                  std::string{kOidcCallbackPath} +
                                                  ", https (http only on a loopback address)");
    }
    if (config.role_claim.empty()) return Refused("--oidc-role-claim", "may not be empty");
    if (config.role_map.empty()) {
        return Refused("--oidc-role", "map at least one claim value to a role, e.g. mensenhandel-af=aandachtfunctionaris");
    }
    if (std::find(config.scopes.begin(), config.scopes.end(), "openid") == config.scopes.end()) {
        return Refused("--oidc-scope", "must include openid");
    }
    return Ok();
}

std::vector<domain::Role> MapRoles(const OidcConfig& config, const std::vector<std::string>& values) {
    std::vector<domain::Role> roles;
    for (domain::Role role : domain::AllRoles()) {
        const bool asserted = std::any_of(values.begin(), values.end(), [&](const std::string& value) {
            auto found = config.role_map.find(value);
            return found != config.role_map.end() && found->second == role;
        });
        if (asserted) roles.push_back(role);
    }
    return roles;
}

bool IdpAssertsMfa(const OidcConfig& config, const FederatedIdentity& identity) {
    for (const std::string& method : identity.amr) {
        if (method == "mfa" || method == "otp" || method == "hwk") return true;
    }
    return !identity.acr.empty() && config.mfa_acr.contains(identity.acr);
}

}  // namespace meldroute::app
