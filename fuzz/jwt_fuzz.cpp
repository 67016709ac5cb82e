// libFuzzer target: ID tokens of single sign-on and the identity provider's JWK set. The input is split at the
// first newline: before it the compact JWS, after it the JWK set as JSON. Both come from outside (the token
// through the browser's redirect is only as trusted as its signature, which is checked after parsing).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/crypto.hpp"
#include "http/jwt.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool initialised = (meldroute::app::InitCrypto(), true);
    (void)initialised;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    auto newline = input.find('\n');
    std::string_view token = input.substr(0, newline);
    std::string_view jwks_text = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
    (void)meldroute::http::JwsKeyId(token);
    auto jwks = meldroute::http::Json::parse(jwks_text, nullptr, false);
    if (jwks.is_discarded()) jwks = meldroute::http::Json::object();
    meldroute::http::IdTokenExpectations expect{"https://idp.example", "meldroute", "n0nce", 1'800'000'000};
    (void)meldroute::http::ValidateIdToken(token, jwks, expect);
    return 0;
}
