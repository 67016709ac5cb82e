// Single sign-on with OpenID Connect: the relying party's settings and the policy that turns what the identity
// provider asserted into a local account's roles and second factor. The protocol itself (discovery, tokens,
// signatures) lives in http/oidc.cpp; this is what the use case needs to decide.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "domain/model.hpp"

namespace meldroute::app {

//! meldroute's callback path; the redirect URI registered at the provider ends with it.
inline constexpr std::string_view kOidcCallbackPath = "/inloggen/gemeente-account/terug";

//! The `serve --oidc-…` options. Off (empty issuer) by default.
struct OidcConfig {
    std::string issuer;         // the provider's issuer URL, exactly as in its discovery document
    std::string client_id;
    std::string client_secret;  // read from a file at start, never from the command line
    std::string redirect_uri;   // meldroute's callback as registered at the provider
    std::string role_claim = "roles";
    std::map<std::string, domain::Role, std::less<>> role_map;  // claim value → meldroute role
    std::vector<std::string> scopes{"openid", "profile"};
    bool client_secret_post = false;  // client_secret_basic unless set
    std::set<std::string, std::less<>> mfa_acr;  // `acr` values that count as a second factor

    bool enabled() const { return !issuer.empty(); }
};

//! What a validated ID token says about the user.
struct FederatedIdentity {
    std::string issuer;
    std::string subject;
    std::string display_name;        // "name", else given + family name, else preferred_username
    std::string preferred_username;  // a hint for the local account name only; never used to link
    std::vector<std::string> role_values;  // the role claim's values (a string or an array of strings)
    std::vector<std::string> amr;
    std::string acr;
};

//! "value=role", e.g. "mensenhandel-af=aandachtfunctionaris".
Result<std::pair<std::string, domain::Role>> ParseRoleMapping(std::string_view text);

//! Checks the options together: all or nothing, https (plain http only for a loopback issuer), openid scope.
Status ValidateOidcConfig(const OidcConfig& config);

//! Whether `url` may be fetched or visited for single sign-on: https, or http to a loopback host only.
bool OidcUrlAllowed(std::string_view url);

//! The meldroute roles of the mapped claim values, in the order of domain::AllRoles(); unknown values are ignored.
std::vector<domain::Role> MapRoles(const OidcConfig& config, const std::vector<std::string>& values);

//! Whether the provider asserts a second factor: `amr` holds "mfa", "otp" or "hwk", or `acr` is one configured.
bool IdpAssertsMfa(const OidcConfig& config, const FederatedIdentity& identity);

}  // namespace meldroute::app
