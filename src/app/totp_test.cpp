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

TEST(KeyedHash, IsHmacSha256AndTheSameUnderAKeptKey) {
    ASSERT_TRUE(InitCrypto());
    // RFC 4231, test case 2.
    EXPECT_EQ(KeyedHashHex("Jefe", "what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    const KeyedHash jefe{"Jefe"};
    EXPECT_EQ(jefe.Hex("what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    EXPECT_EQ(jefe.Hex("what do ya want for nothing?"), jefe.Hex("what do ya want for nothing?"))
        << "the kept key state is not used up by a call";
    const std::string long_key(131, '\xaa');  // longer than a block: hashed first (RFC 4231, test case 6)
    EXPECT_EQ(KeyedHash{long_key}.Hex("Test Using Larger Than Block-Size Key - Hash Key First"),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    EXPECT_NE(jefe.Hex("a"), jefe.Hex("b"));
    const std::string exactly_a_block(64, 'k');  // a key of exactly one block is padded, not hashed
    EXPECT_EQ(KeyedHash{exactly_a_block}.Hex("x"), KeyedHashHex(exactly_a_block, "x"));
    EXPECT_NE(KeyedHash{exactly_a_block}.Hex("x"), KeyedHash{exactly_a_block + "k"}.Hex("x"));
}

TEST(KeyedHash, AStreamInPartsIsTheMacOfTheWhole) {
    ASSERT_TRUE(InitCrypto());
    const KeyedHash jefe{"Jefe"};
    auto stream = jefe.Start();
    for (std::string_view part : {"what do ya ", "", "want for nothing", "?"}) stream.Add(part);
    EXPECT_EQ(stream.Hex(), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");  // RFC 4231, 2
    EXPECT_EQ(jefe.Hex("what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        << "a stream does not change the kept key state";
    // RFC 4231, test case 7: a key and a message longer than a block, the message cut at every place.
    const std::string key(131, '\xaa');
    const std::string message =
        "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be "
        "hashed before being used by the HMAC algorithm.";
    const KeyedHash kept{key};
    for (std::size_t cut = 0; cut <= message.size(); ++cut) {
        auto parts = kept.Start();
        parts.Add(std::string_view{message}.substr(0, cut));
        parts.Add(std::string_view{message}.substr(cut));
        ASSERT_EQ(parts.Hex(), "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2") << cut;
    }
}

TEST(Sha256, IsTheStandardDigest) {
    // FIPS 180-2, appendix B.1 and B.2 (one block and two blocks).
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const std::string empty_digest{"\xe3\xb0\xc4\x42\x98\xfc\x1c\x14\x9a\xfb\xf4\xc8\x99\x6f\xb9\x24"
                                   "\x27\xae\x41\xe4\x64\x9b\x93\x4c\xa4\x95\x99\x1b\x78\x52\xb8\x55",
                                   32};
    EXPECT_EQ(Sha256(""), empty_digest);
}

// Sealed boxes have their own base64url codec (crypto.cpp); every value sealed before it must still open, and
// what it writes must read as base64url anywhere else.
TEST(Seal, BoxTextIsBase64UrlAsLibsodiumReadsAndWritesIt) {
    ASSERT_TRUE(InitCrypto());
    const std::string key = RandomKey();
    for (std::size_t length = 0; length < 70; ++length) {
        const std::string plaintext(length, static_cast<char>('a' + length % 26));
        const std::string sealed = Seal("k1", key, "c", plaintext);
        const std::string text = sealed.substr(sealed.find('.') + 1);
        const std::optional<std::string> box = Base64UrlDecode(text);
        ASSERT_TRUE(box.has_value()) << "length " << length;
        EXPECT_EQ(Base64UrlEncode(*box), text) << "length " << length;
        // The same box written by libsodium's encoder opens too.
        EXPECT_EQ(Unseal(key, "c", "k1." + Base64UrlEncode(*box)), plaintext) << "length " << length;
    }
    const std::string sealed = Seal("k1", key, "c", "geheim");
    const std::string text = sealed.substr(3);
    EXPECT_EQ(Unseal(key, "c", "k1." + text + "="), std::nullopt) << "padding";
    ASSERT_EQ(text.size() % 4, 2U);
    EXPECT_EQ(Unseal(key, "c", "k1." + text + "AAA"), std::nullopt) << "a length base64 cannot have";
    EXPECT_EQ(Unseal(key, "c", "k1." + text.substr(0, 10) + "+" + text.substr(11)), std::nullopt)
        << "the standard alphabet's '+'";
    EXPECT_EQ(Unseal(key, "c", "k1." + text.substr(0, 10) + " " + text.substr(11)), std::nullopt) << "a space";
    // A box of 47 bytes (24 nonce, 16 tag, 7 text) ends in three characters, the last holding 2 stray bits;
    // setting one must be refused.
    const std::string longer = Seal("k1", key, "c", "geheim!").substr(3);
    ASSERT_EQ(longer.size() % 4, 3U);
    std::string stray = longer;
    const char last = stray.back();
    stray.back() = last == 'A' ? 'B' : static_cast<char>(last + 1);
    EXPECT_EQ(Base64UrlDecode(stray), std::nullopt) << "libsodium refuses it too";
    EXPECT_EQ(Unseal(key, "c", "k1." + stray), std::nullopt) << "stray bits";
}

}  // namespace
}  // namespace meldroute::app
