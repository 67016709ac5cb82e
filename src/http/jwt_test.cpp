// ID token checks against tokens signed here with OpenSSL: the signature, the algorithms refused, and each claim.
#include "http/jwt.hpp"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

#include "app/crypto.hpp"

namespace meldroute::http {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

std::string Bytes(const BIGNUM* number) {
    std::string bytes(static_cast<std::size_t>(BN_num_bytes(number)), '\0');
    BN_bn2bin(number, reinterpret_cast<unsigned char*>(bytes.data()));
    return bytes;
}

class RsaSigner {
public:
    explicit RsaSigner(unsigned bits = 2048) : key_(EVP_RSA_gen(bits), EVP_PKEY_free) {}

    Json Jwk(const std::string& kid) const {
        BIGNUM* n = nullptr;
        BIGNUM* e = nullptr;
        EVP_PKEY_get_bn_param(key_.get(), OSSL_PKEY_PARAM_RSA_N, &n);
        EVP_PKEY_get_bn_param(key_.get(), OSSL_PKEY_PARAM_RSA_E, &e);
        Json jwk{{"kty", "RSA"}, {"kid", kid}, {"use", "sig"}, {"alg", "RS256"},
                 {"n", app::Base64UrlEncode(Bytes(n))}, {"e", app::Base64UrlEncode(Bytes(e))}};
        BN_free(n);
        BN_free(e);
        return jwk;
    }

    std::string Sign(const Json& header, const Json& claims) const {
        const std::string input =
            app::Base64UrlEncode(header.dump()) + "." + app::Base64UrlEncode(claims.dump());
        std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context{EVP_MD_CTX_new(), EVP_MD_CTX_free};
        EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key_.get());
        std::size_t length = 0;
        EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(input.data()),
                       input.size());
        std::string signature(length, '\0');
        EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<const unsigned char*>(input.data()), input.size());
        signature.resize(length);
        return input + "." + app::Base64UrlEncode(signature);
    }

private:
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key_;
};

class IdTokenTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(app::InitCrypto()); }

    Json Claims() const {
        return {{"iss", "https://idp.example"}, {"sub", "u-1"}, {"aud", "meldroute"}, {"exp", kNow + 300},
                {"iat", kNow - 5}, {"nonce", "n-1"}, {"roles", {"mh-af"}}};
    }
    Json Header() const { return {{"alg", "RS256"}, {"kid", "k1"}, {"typ", "JWT"}}; }
    Json Jwks() const { return {{"keys", Json::array({signer_.Jwk("k1")})}}; }
    IdTokenExpectations Expect() const { return {"https://idp.example", "meldroute", "n-1", kNow}; }

    Result<Json> Check(const Json& header, const Json& claims) const {
        return ValidateIdToken(signer_.Sign(header, claims), Jwks(), Expect());
    }

    RsaSigner signer_;
};

TEST_F(IdTokenTest, AValidTokenGivesItsClaims) {
    auto claims = Check(Header(), Claims());
    ASSERT_TRUE(claims.has_value()) << claims.error().detail;
    EXPECT_EQ((*claims)["sub"], "u-1");
    EXPECT_EQ(JwsKeyId(signer_.Sign(Header(), Claims())), "k1");
}

TEST_F(IdTokenTest, AChangedPayloadOrAnotherKeyIsRefused) {
    std::string token = signer_.Sign(Header(), Claims());
    const std::size_t first = token.find('.');
    const std::size_t second = token.find('.', first + 1);
    Json changed = Claims();
    changed["roles"] = {"mh-beheer"};
    std::string forged = token.substr(0, first) + "." + app::Base64UrlEncode(changed.dump()) + token.substr(second);
    EXPECT_EQ(ValidateIdToken(forged, Jwks(), Expect()).error().code, ErrorCode::kUnauthenticated);
    RsaSigner other;
    EXPECT_FALSE(ValidateIdToken(other.Sign(Header(), Claims()), Jwks(), Expect()).has_value());
}

TEST_F(IdTokenTest, NoneHmacAndUnknownAlgorithmsAreRefused) {
    for (const char* alg : {"none", "HS256", "ES256", "PS256"}) {
        Json header = Header();
        header["alg"] = alg;
        EXPECT_FALSE(Check(header, Claims()).has_value()) << alg;
    }
    const std::string unsigned_token = app::Base64UrlEncode(Json{{"alg", "none"}}.dump()) + "." +
                                       app::Base64UrlEncode(Claims().dump()) + ".";
    EXPECT_FALSE(ValidateIdToken(unsigned_token, Jwks(), Expect()).has_value());
}

TEST_F(IdTokenTest, AnUnknownKeyIdAsksForTheKeysAgain) {
    Json header = Header();
    header["kid"] = "k2";
    auto result = Check(header, Claims());
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kNotFound);
}

TEST_F(IdTokenTest, EachClaimIsChecked) {
    const auto refused = [&](const char* name, const Json& value) {
        Json claims = Claims();
        if (value.is_null()) {
            claims.erase(name);
        } else {
            claims[name] = value;
        }
        return !Check(Header(), claims).has_value();
    };
    EXPECT_TRUE(refused("iss", "https://other.example"));
    EXPECT_TRUE(refused("aud", "someone-else"));
    EXPECT_TRUE(refused("aud", Json::array({"someone-else", "meldroute"}))) << "several audiences need azp";
    EXPECT_TRUE(refused("exp", kNow - 120));
    EXPECT_TRUE(refused("iat", kNow + 600));
    EXPECT_TRUE(refused("iat", kNow - 3600));
    EXPECT_TRUE(refused("nonce", "n-2"));
    EXPECT_TRUE(refused("nonce", nullptr));
    EXPECT_TRUE(refused("sub", nullptr));
    EXPECT_FALSE(refused("exp", kNow - 30)) << "within the leeway";
    Json several = Claims();
    several["aud"] = {"meldroute", "api"};
    several["azp"] = "meldroute";
    EXPECT_TRUE(Check(Header(), several).has_value());
}

TEST_F(IdTokenTest, SmallRsaKeysAreRefused) {
    RsaSigner weak{1024};
    Json jwks{{"keys", Json::array({weak.Jwk("k1")})}};
    EXPECT_FALSE(ValidateIdToken(weak.Sign(Header(), Claims()), jwks, Expect()).has_value());
}

}  // namespace
}  // namespace meldroute::http
