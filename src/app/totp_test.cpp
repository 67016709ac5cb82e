#include "app/totp.hpp"

#include <gtest/gtest.h>

#include "app/crypto.hpp"

namespace meldroute::app {
namespace {

// RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (8-digit codes there; the last 6 digits here).
constexpr std::string_view kRfcSecret = "12345678901234567890";

TEST(Totp, MatchesTheRfc6238TestVectors) {
    EXPECT_EQ(TotpCode(kRfcSecret, 59 / 30), "287082");
    EXPECT_EQ(TotpCode(kRfcSecret, 1111111109 / 30), "081804");
    EXPECT_EQ(TotpCode(kRfcSecret, 1234567890 / 30), "005924");
    EXPECT_EQ(TotpCode(kRfcSecret, 2000000000 / 30), "279037");
}

TEST(Totp, AcceptsOneStepOfClockDriftAndNoMore) {
    const std::int64_t now = 1'700'000'000;
    const std::int64_t step = now / kTotpStepSeconds;
    EXPECT_EQ(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, step), now, 0), step);
    EXPECT_EQ(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, step - 1), now, 0), step - 1);
    EXPECT_EQ(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, step + 1), now, 0), step + 1);
    EXPECT_EQ(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, step - 2), now, 0), std::nullopt);
    EXPECT_EQ(MatchTotp(kRfcSecret, "12345", now, 0), std::nullopt);
    EXPECT_EQ(MatchTotp(kRfcSecret, "abcdef", now, 0), std::nullopt);
}

TEST(Totp, AUsedCodeCannotBeUsedAgain) {
    const std::int64_t now = 1'700'000'000;
    const std::int64_t step = now / kTotpStepSeconds;
    EXPECT_EQ(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, step), now, step), std::nullopt);
}

TEST(Totp, SecretTextAndUri) {
    EXPECT_EQ(TotpSecretText(kRfcSecret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    EXPECT_EQ(OtpauthUri("meldroute", "a.jansen", kRfcSecret),
              "otpauth://totp/meldroute:a.jansen?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=meldroute"
              "&algorithm=SHA1&digits=6&period=30");
    EXPECT_EQ(NewTotpSecret().size(), 20u);
    EXPECT_NE(NewTotpSecret(), NewTotpSecret());
}

TEST(Seal, RoundTripsAndBindsItsContext) {
    ASSERT_TRUE(InitCrypto());
    const std::string key = RandomKey();
    const std::string sealed = Seal("k1", key, "totp/jansen", "geheim");
    EXPECT_EQ(SealedKeyId(sealed), "k1");
    EXPECT_EQ(sealed.find("geheim"), std::string::npos);
    EXPECT_EQ(Unseal(key, "totp/jansen", sealed), "geheim");
    EXPECT_EQ(Unseal(key, "totp/pietersen", sealed), std::nullopt) << "moved to another row";
    EXPECT_EQ(Unseal(RandomKey(), "totp/jansen", sealed), std::nullopt) << "another key";
    std::string altered = sealed;
    altered[altered.size() - 3] = altered[altered.size() - 3] == 'A' ? 'B' : 'A';
    EXPECT_EQ(Unseal(key, "totp/jansen", altered), std::nullopt) << "altered";
    EXPECT_EQ(Unseal(key, "totp/jansen", "k1.!!"), std::nullopt);
    EXPECT_NE(Seal("k1", key, "c", "x"), Seal("k1", key, "c", "x")) << "a fresh nonce each time";
}

}  // namespace
}  // namespace meldroute::app
