// ID tokens of single sign-on: a compact JWS checked against the identity provider's JWK set (OpenSSL libcrypto),
// then the rules of OpenID Connect Core 3.1.3.7 that a confidential client with the code flow must apply.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "http/json_io.hpp"

namespace meldroute::http {

struct IdTokenExpectations {
    std::string issuer;    // exactly the issuer of the discovery document
    std::string audience;  // our client id
    std::string nonce;     // the one sent with this sign-in
    std::int64_t now = 0;  // seconds since the epoch
    std::int64_t leeway = 60;     // clock skew allowed on exp and iat
    std::int64_t max_age = 600;   // an iat older than this is refused (a token kept and replayed)
};

//! The header's `kid` (empty when absent or unreadable), to decide whether a fresh JWK set is needed.
std::string JwsKeyId(std::string_view token);

//! Verifies the signature (RS256, RS384, RS512; RSA keys of at least 2048 bits; "none" and HMAC refused) with the
//! key of `jwks` named by the header's kid (or the only RSA signing key when there is no kid), and the claims:
//! iss, aud (and azp when there are several audiences), exp, iat, nonce, sub. Returns the claims.
//! kNotFound: no key in `jwks` fits (fetch the set again); kUnauthenticated: anything else wrong.
Result<Json> ValidateIdToken(std::string_view token, const Json& jwks, const IdTokenExpectations& expect);

}  // namespace meldroute::http
