#include "http/jwt.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>
#include <vector>

#include "app/crypto.hpp"

namespace meldroute::http {

namespace {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* pointer) const { Free(pointer); }
};
using Bignum = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;

Error Rejected(const std::string& why) { return MakeError(ErrorCode::kUnauthenticated, "ID token: " + why); }

struct CompactJws {
    Json header;
    Json claims;
    std::string signing_input;  // header.payload, as received
    std::string signature;
};

std::optional<Json> DecodeJsonPart(std::string_view part) {
    auto bytes = app::Base64UrlDecode(part);
    if (!bytes) return std::nullopt;
    Json value = Json::parse(*bytes, nullptr, false);
    if (value.is_discarded() || !value.is_object()) return std::nullopt;
    return value;
}

std::optional<CompactJws> SplitJws(std::string_view token) {
    const std::size_t first = token.find('.');
    const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) return std::nullopt;
    auto header = DecodeJsonPart(token.substr(0, first));
    auto claims = DecodeJsonPart(token.substr(first + 1, second - first - 1));
    auto signature = app::Base64UrlDecode(token.substr(second + 1));
    if (!header || !claims || !signature) return std::nullopt;
    return CompactJws{std::move(*header), std::move(*claims), std::string{token.substr(0, second)},
                      std::move(*signature)};
}

std::string StringMember(const Json& object, const char* name) {
    auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

// An RSA public key from the JWK members n and e (base64url, big-endian).
Key RsaKey(const Json& jwk) {
    auto modulus = app::Base64UrlDecode(StringMember(jwk, "n"));
    auto exponent = app::Base64UrlDecode(StringMember(jwk, "e"));
    if (!modulus || !exponent || modulus->empty() || exponent->empty()) return nullptr;
    Bignum n{BN_bin2bn(reinterpret_cast<const unsigned char*>(modulus->data()), static_cast<int>(modulus->size()),
                       nullptr)};
    Bignum e{BN_bin2bn(reinterpret_cast<const unsigned char*>(exponent->data()), static_cast<int>(exponent->size()),
                       nullptr)};
    ParamBuilder builder{OSSL_PARAM_BLD_new()};
    if (!n || !e || !builder || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) ||
        !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get())) {
        return nullptr;
    }
    Params params{OSSL_PARAM_BLD_to_param(builder.get())};
    KeyContext context{EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr)};
    EVP_PKEY* key = nullptr;
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        return nullptr;
    }
    Key owned{key};
    if (EVP_PKEY_get_bits(owned.get()) < 2048) return nullptr;
    return owned;
}

const EVP_MD* DigestFor(const std::string& alg) {
    if (alg == "RS256") return EVP_sha256();
    if (alg == "RS384") return EVP_sha384();
    if (alg == "RS512") return EVP_sha512();
    return nullptr;  // "none", HMAC (a public key used as a secret) and unknown algorithms
}

// The key of `jwks` for this header: its kid, or the only RSA signing key when the header names none.
const Json* FindKey(const Json& jwks, const std::string& kid) {
    auto keys = jwks.find("keys");
    if (keys == jwks.end() || !keys->is_array()) return nullptr;
    const Json* chosen = nullptr;
    int candidates = 0;
    for (const Json& jwk : *keys) {
        if (!jwk.is_object() || StringMember(jwk, "kty") != "RSA") continue;
        const std::string use = StringMember(jwk, "use");
        if (!use.empty() && use != "sig") continue;
        if (!kid.empty() && StringMember(jwk, "kid") != kid) continue;
        chosen = &jwk;
        ++candidates;
    }
    return candidates == 1 ? chosen : nullptr;
}

bool SignatureValid(const CompactJws& jws, const EVP_MD* digest, EVP_PKEY* key) {
    DigestContext context{EVP_MD_CTX_new()};
    return context && EVP_DigestVerifyInit(context.get(), nullptr, digest, nullptr, key) == 1 &&
           EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(jws.signature.data()),
                            jws.signature.size(), reinterpret_cast<const unsigned char*>(jws.signing_input.data()),
                            jws.signing_input.size()) == 1;
}

std::optional<std::int64_t> NumericDate(const Json& claims, const char* name) {
    auto found = claims.find(name);
    if (found == claims.end() || !found->is_number()) return std::nullopt;
    return static_cast<std::int64_t>(found->get<double>());
}

Status CheckClaims(const Json& claims, const IdTokenExpectations& expect) {
    if (StringMember(claims, "iss") != expect.issuer) return Rejected("iss is not the configured issuer");
    if (StringMember(claims, "sub").empty()) return Rejected("no sub");
    auto audience = claims.find("aud");
    bool ours = false;
    bool several = false;
    if (audience != claims.end() && audience->is_string()) ours = audience->get<std::string>() == expect.audience;
    if (audience != claims.end() && audience->is_array()) {
        several = audience->size() > 1;
        for (const Json& entry : *audience) ours = ours || (entry.is_string() && entry.get<std::string>() == expect.audience);
    }
    if (!ours) return Rejected("aud does not name this client");
    if ((several || claims.contains("azp")) && StringMember(claims, "azp") != expect.audience) {
        return Rejected("azp is not this client");
    }
    auto expires = NumericDate(claims, "exp");
    auto issued = NumericDate(claims, "iat");
    if (!expires || *expires + expect.leeway < expect.now) return Rejected("expired");
    if (!issued || *issued > expect.now + expect.leeway || *issued + expect.max_age < expect.now) {
        return Rejected("iat out of range");
    }
    const std::string nonce = StringMember(claims, "nonce");
    if (expect.nonce.empty() || !app::ConstantTimeEquals(nonce, expect.nonce)) return Rejected("nonce differs");
    return Ok();
}

}  // namespace

std::string JwsKeyId(std::string_view token) {
    auto header = DecodeJsonPart(token.substr(0, token.find('.')));
    return header ? StringMember(*header, "kid") : std::string{};
}

Result<Json> ValidateIdToken(std::string_view token, const Json& jwks, const IdTokenExpectations& expect) {
    if (token.size() > 16 * 1024) return Rejected("too long");
    auto jws = SplitJws(token);
    if (!jws) return Rejected("not a compact JWS");
    if (jws->header.contains("crit")) return Rejected("critical header parameters are not supported");
    const EVP_MD* digest = DigestFor(StringMember(jws->header, "alg"));
    if (digest == nullptr) return Rejected("signature algorithm not allowed");
    const Json* jwk = FindKey(jwks, StringMember(jws->header, "kid"));
    if (jwk == nullptr) return MakeError(ErrorCode::kNotFound, "ID token: no signing key of the provider fits");
    const std::string key_alg = StringMember(*jwk, "alg");
    if (!key_alg.empty() && key_alg != StringMember(jws->header, "alg")) return Rejected("key is for another alg");
    Key key = RsaKey(*jwk);
    if (!key) return Rejected("the provider's key is unusable (RSA of at least 2048 bits needed)");
    if (!SignatureValid(*jws, digest, key.get())) return Rejected("signature invalid");
    MR_TRY(CheckClaims(jws->claims, expect));
    return std::move(jws->claims);
}

}  // namespace meldroute::http
