#include "app/crypto.hpp"

#include <cctype>

// SHA-256 is OpenSSL's: it uses the CPU's SHA extensions where there are any, which libsodium's portable code does
// not (an HMAC of a search term 491 -> 119 ns, a 300-byte digest 1,159 -> 206 ns on the bench machine). Its
// low-level interface, deprecated in OpenSSL 3 in favour of EVP, is used on purpose: a SHA256_CTX is a plain value
// to copy, where an EVP context costs twice as much per short message and cannot be shared between threads.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <semaphore>
#include <stdexcept>
#include <thread>

namespace meldroute::app {

namespace {

std::string ToHex(const unsigned char* bytes, std::size_t length) {
    std::string hex(length * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, length);
    hex.pop_back();
    return hex;
}

}  // namespace

void RandomBytes(unsigned char* out, std::size_t size) {
    // Filled 4 KiB at a time from the kernel (libsodium's getrandom), then handed out byte by byte, each byte
    // once and wiped as it leaves. A request took four to six getrandom calls of 8-32 bytes (ids, nonces, its
    // trace and span), each a system call, which this paravirtualised machine makes dear (docs/performance.md).
    // Only for values that are not secret once used (ids, nonces, trace ids): keys and tokens come straight from
    // the kernel.
    // Per thread, so no lock; meldroute never forks, so no copy of a pool lives on in a child.
    constexpr std::size_t kPool = 4096;
    struct Pool {
        std::array<unsigned char, kPool> bytes{};
        std::size_t left = 0;
        ~Pool() { sodium_memzero(bytes.data(), bytes.size()); }
    };
    thread_local Pool pool;
    if (size > kPool / 8) {
        randombytes_buf(out, size);
        return;
    }
    if (pool.left < size) {
        randombytes_buf(pool.bytes.data(), pool.bytes.size());
        pool.left = pool.bytes.size();
    }
    unsigned char* from = pool.bytes.data() + (pool.bytes.size() - pool.left);
    std::memcpy(out, from, size);
    sodium_memzero(from, size);
    pool.left -= size;
}

std::string RandomHex(std::size_t bytes) {
    std::string random(bytes, '\0');
    RandomBytes(reinterpret_cast<unsigned char*>(random.data()), random.size());
    std::string hex = ToHex(reinterpret_cast<const unsigned char*>(random.data()), random.size());
    sodium_memzero(random.data(), random.size());
    return hex;
}

bool InitCrypto() { return sodium_init() >= 0; }

bool LooksLikeId(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const bool dash = at == 8 || at == 13 || at == 18 || at == 23;
        if (dash ? text[at] != '-' : std::isxdigit(static_cast<unsigned char>(text[at])) == 0) return false;
    }
    return true;
}

std::string NewId() {
    std::array<unsigned char, 16> bytes{};
    RandomBytes(bytes.data(), bytes.size());
    // RFC 9562's version 7: the millisecond of the making, then 74 random bits. Ids made one after another sort in
    // the order they were made (to the millisecond), so every index keyed by an id grows at its end: to the
    // second only, the signals' id index took a random page for each signal of the current second, nearly a third of
    // all the pages a batch of new signals wrote (docs/performance.md). The record itself keeps the second.
    const auto millis = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
    for (int i = 0; i < 6; ++i) bytes[static_cast<std::size_t>(i)] = static_cast<unsigned char>(millis >> (8 * (5 - i)));
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x70);
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);
    std::string hex = ToHex(bytes.data(), bytes.size());
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

std::string RandomToken() {
    // Straight from the kernel, not through the pool: tokens are secrets, and a pool would hold the next ones
    // before they exist. They are made at sign-in and per form, not per request.
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return Base64UrlEncode({reinterpret_cast<const char*>(bytes.data()), bytes.size()});
}

namespace {

std::string Base64With(std::string_view bytes, int variant) {
    std::string text(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      variant);
    text.resize(text.find('\0'));
    return text;
}

// base64url without padding by table, for sealed boxes only. libsodium's codec is constant-time, which secrets
// (tokens, keys) need and a nonce and ciphertext do not; it was 9% of the CPU of a search that shows 100
// signals. Decoding is as strict as libsodium's: only the alphabet, no padding, and no stray bits at the end.
constexpr std::string_view kBase64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<std::int8_t, 256> Base64UrlValues() {
    std::array<std::int8_t, 256> values{};
    for (auto& value : values) value = -1;
    for (std::size_t index = 0; index < kBase64UrlAlphabet.size(); ++index) {
        values[static_cast<unsigned char>(kBase64UrlAlphabet[index])] = static_cast<std::int8_t>(index);
    }
    return values;
}
constexpr std::array<std::int8_t, 256> kBase64UrlValues = Base64UrlValues();

std::string SealedBoxText(std::string_view bytes) {
    std::string text;
    text.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t index = 0;
    auto byte = [&bytes](std::size_t at) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])); };
    for (; index + 3 <= bytes.size(); index += 3) {
        std::uint32_t group = byte(index) << 16 | byte(index + 1) << 8 | byte(index + 2);
        text += kBase64UrlAlphabet[group >> 18];
        text += kBase64UrlAlphabet[(group >> 12) & 63];
        text += kBase64UrlAlphabet[(group >> 6) & 63];
        text += kBase64UrlAlphabet[group & 63];
    }
    if (std::size_t rest = bytes.size() - index; rest > 0) {
        std::uint32_t group = byte(index) << 16 | (rest == 2 ? byte(index + 1) << 8 : 0);
        text += kBase64UrlAlphabet[group >> 18];
        text += kBase64UrlAlphabet[(group >> 12) & 63];
        if (rest == 2) text += kBase64UrlAlphabet[(group >> 6) & 63];
    }
    return text;
}

std::optional<std::string> SealedBoxBytes(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;
    std::string bytes;
    bytes.reserve(text.size() * 3 / 4);
    std::uint32_t bits = 0;
    int held = 0;
    for (char character : text) {
        std::int8_t value = kBase64UrlValues[static_cast<unsigned char>(character)];
        if (value < 0) return std::nullopt;
        bits = (bits << 6 | static_cast<std::uint32_t>(value)) & 0xFFFFFF;
        held += 6;
        if (held >= 8) {
            held -= 8;
            bytes += static_cast<char>((bits >> held) & 0xFF);
        }
    }
    if ((bits & ((1U << held) - 1U)) != 0) return std::nullopt;  // stray bits: not canonical
    return bytes;
}

}  // namespace

std::string Base64UrlEncode(std::string_view bytes) {
    return Base64With(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string Base64Encode(std::string_view bytes) { return Base64With(bytes, sodium_base64_VARIANT_ORIGINAL); }

std::optional<std::string> Base64UrlDecode(std::string_view text) {
    std::string bytes(text.size(), '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                          nullptr, &length, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    bytes.resize(length);
    return bytes;
}

namespace {

void Sha256Into(std::string_view bytes, unsigned char* digest) {
    SHA256_CTX state;
    SHA256_Init(&state);
    SHA256_Update(&state, bytes.data(), bytes.size());
    SHA256_Final(digest, &state);
    sodium_memzero(&state, sizeof state);
}

}  // namespace

std::string Sha256(std::string_view bytes) {
    std::string digest(SHA256_DIGEST_LENGTH, '\0');
    Sha256Into(bytes, reinterpret_cast<unsigned char*>(digest.data()));
    return digest;
}

std::string Sha256Hex(std::string_view text) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    Sha256Into(text, digest.data());
    return ToHex(digest.data(), digest.size());
}

std::string KeyedHashHex(std::string_view key, std::string_view text) { return KeyedHash{key}.Hex(text); }

struct KeyedHash::States {
    SHA256_CTX inner;
    SHA256_CTX outer;
};

// HMAC (RFC 2104): a key longer than a block is hashed first; the states after the padded key blocks are kept.
KeyedHash::KeyedHash(std::string_view key) : states_(std::make_unique<States>()) {
    std::array<unsigned char, SHA256_CBLOCK> block{};
    if (key.size() > block.size()) {
        Sha256Into(key, block.data());
    } else if (!key.empty()) {
        std::memcpy(block.data(), key.data(), key.size());
    }
    std::array<unsigned char, SHA256_CBLOCK> pad{};
    for (std::size_t index = 0; index < pad.size(); ++index) pad[index] = block[index] ^ 0x36U;
    SHA256_Init(&states_->inner);
    SHA256_Update(&states_->inner, pad.data(), pad.size());
    for (std::size_t index = 0; index < pad.size(); ++index) pad[index] = block[index] ^ 0x5cU;
    SHA256_Init(&states_->outer);
    SHA256_Update(&states_->outer, pad.data(), pad.size());
    sodium_memzero(block.data(), block.size());
    sodium_memzero(pad.data(), pad.size());
}

KeyedHash::~KeyedHash() { sodium_memzero(states_.get(), sizeof *states_); }

std::string KeyedHash::Hex(std::string_view text) const {
    States states = *states_;
    SHA256_Update(&states.inner, text.data(), text.size());
    std::string mac = Finish(states);
    sodium_memzero(&states, sizeof states);
    return mac;
}

// The outer hash over the inner one, from `states` as the message left them.
std::string KeyedHash::Finish(States& states) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> inner{};
    SHA256_Final(inner.data(), &states.inner);
    std::array<unsigned char, SHA256_DIGEST_LENGTH> mac{};
    SHA256_Update(&states.outer, inner.data(), inner.size());
    SHA256_Final(mac.data(), &states.outer);
    sodium_memzero(inner.data(), inner.size());
    return ToHex(mac.data(), mac.size());
}

KeyedHash::Stream KeyedHash::Start() const { return Stream{*this}; }

KeyedHash::Stream::Stream(const KeyedHash& key) : states_(std::make_unique<States>(*key.states_)) {}

KeyedHash::Stream::Stream(Stream&&) noexcept = default;

KeyedHash::Stream::~Stream() {
    if (states_) sodium_memzero(states_.get(), sizeof *states_);
}

void KeyedHash::Stream::Add(std::string_view part) { SHA256_Update(&states_->inner, part.data(), part.size()); }

std::string KeyedHash::Stream::Hex() { return Finish(*states_); }

std::string RandomKey() {
    std::string key(32, '\0');
    randombytes_buf(key.data(), key.size());
    return key;
}

namespace {

//! At most this many Argon2id computations run at once: each takes 64 MiB and a core for some 70 ms, so a burst of
//! sign-ins on every HTTP thread would otherwise take half a GiB and every core, and starve the requests of the
//! users already signed in; the rest wait for a slot.
class PasswordWorkSlot {
public:
    PasswordWorkSlot() { Slots().acquire(); }
    ~PasswordWorkSlot() { Slots().release(); }
    PasswordWorkSlot(const PasswordWorkSlot&) = delete;
    PasswordWorkSlot& operator=(const PasswordWorkSlot&) = delete;

private:
    static std::counting_semaphore<kMaxPasswordWork>& Slots() {
        static std::counting_semaphore<kMaxPasswordWork> slots{PasswordWorkLimit()};
        return slots;
    }
};

}  // namespace

std::ptrdiff_t PasswordWorkLimit() {
    return std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency() / 2, 1, kMaxPasswordWork);
}

std::string HashPassword(std::string_view password) {
    const PasswordWorkSlot slot;
    std::array<char, crypto_pwhash_STRBYTES> encoded{};
    if (crypto_pwhash_str_alg(encoded.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("out of memory while hashing a password");
    }
    return encoded.data();
}

bool VerifyPassword(std::string_view password, const std::string& encoded_hash) {
    const PasswordWorkSlot slot;
    return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

std::string Seal(std::string_view key_id, std::string_view key, std::string_view context, std::string_view plaintext) {
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES) throw std::invalid_argument("seal: key size");
    std::string box(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plaintext.size() +
                        crypto_aead_xchacha20poly1305_ietf_ABYTES,
                    '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(box.data());
    RandomBytes(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written,
        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
        reinterpret_cast<const unsigned char*>(context.data()), context.size(), nullptr, nonce,
        reinterpret_cast<const unsigned char*>(key.data()));
    return std::string{key_id} + "." + SealedBoxText(box);
}

std::string SealedKeyId(std::string_view sealed) {
    const std::size_t dot = sealed.find('.');
    return dot == std::string_view::npos ? std::string{} : std::string{sealed.substr(0, dot)};
}

std::optional<std::string> Unseal(std::string_view key, std::string_view context, std::string_view sealed) {
    const std::size_t dot = sealed.find('.');
    if (dot == std::string_view::npos || key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES) return std::nullopt;
    const std::optional<std::string> decoded = SealedBoxBytes(sealed.substr(dot + 1));
    if (!decoded ||
        decoded->size() < crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
        return std::nullopt;
    }
    const std::string& box = *decoded;
    const std::size_t box_length = box.size();
    const auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
    const std::size_t cipher_length = box_length - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    std::string plaintext(cipher_length - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plaintext.data()), &written, nullptr,
            nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, cipher_length,
            reinterpret_cast<const unsigned char*>(context.data()), context.size(), nonce,
            reinterpret_cast<const unsigned char*>(key.data())) != 0) {
        return std::nullopt;
    }
    plaintext.resize(written);
    return plaintext;
}

bool ConstantTimeEquals(std::string_view left, std::string_view right) {
    if (left.size() != right.size()) return false;
    return sodium_memcmp(left.data(), right.data(), left.size()) == 0;
}

}  // namespace meldroute::app
