// The few cryptographic primitives the use cases need: libsodium's, and SHA-256 (with HMAC) from OpenSSL.
#pragma once

#include <sodium.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace meldroute::app {

//! Initialises libsodium once; call before anything else here. Returns false if it cannot.
bool InitCrypto();

//! A new UUID (version 7, RFC 9562): the current Unix time in milliseconds, then 74 random bits. Ids made later
//! sort later (ids of the same millisecond in any order), so the indexes on them (signals, persons, cases, audit
//! objects) grow at their end instead of taking a random page per insert (docs/performance.md). The time in an id
//! is no secret from anyone who may see the id: the record it names carries its own time (to the second; the id
//! tells the millisecond).
std::string NewId();
//! Whether `text` has the shape of an id (8-4-4-4-12 hex digits): what a URL names may be anything, a name too,
//! and must not land in the audit trail, which keeps everything for good.
bool LooksLikeId(std::string_view text);

//! `size` random bytes from the kernel's generator, drawn through a small per-thread pool so that a request's
//! few ids, nonces and trace ids cost one system call per 4 KiB instead of one each. Not for secrets: keys
//! (RandomKey) and tokens (RandomToken) come straight from the kernel.
void RandomBytes(unsigned char* out, std::size_t size);

//! `bytes` random bytes as lowercase hex (trace and span ids).
std::string RandomHex(std::size_t bytes);

//! A random URL-safe token with 256 bits of entropy, straight from the kernel.
std::string RandomToken();

//! base64url without padding (JOSE, PKCE) and standard base64 (HTTP Basic) of `bytes`.
std::string Base64UrlEncode(std::string_view bytes);
std::string Base64Encode(std::string_view bytes);
//! The bytes of base64url text without padding; nullopt when it is not exactly that.
std::optional<std::string> Base64UrlDecode(std::string_view text);

//! The 32-byte SHA-256 digest of `bytes`.
std::string Sha256(std::string_view bytes);

//! Hex SHA-256 of `text`. Tokens have full entropy, so an unkeyed hash is enough to store them.
std::string Sha256Hex(std::string_view text);

//! Hex HMAC-SHA-256 of `text` under `key`: matching on equal values without storing them.
std::string KeyedHashHex(std::string_view key, std::string_view text);

//! KeyedHashHex under one key, for many texts: the key's padded blocks are hashed once, here, instead of in
//! every call (a narrative's blind index hashes a hundred words). Same results as KeyedHashHex.
class KeyedHash {
    struct States;  // SHA-256 after the key's inner and after its outer pad (crypto.cpp)

public:
    explicit KeyedHash(std::string_view key);
    ~KeyedHash();  // wipes the state: it opens the key as well as the key itself would
    KeyedHash(const KeyedHash&) = delete;
    KeyedHash& operator=(const KeyedHash&) = delete;
    std::string Hex(std::string_view text) const;

    //! One message given in parts (a file read in blocks): Add each part, then Hex once. Same result as Hex of
    //! the parts joined.
    class Stream {
    public:
        ~Stream();  // wipes the state
        Stream(Stream&&) noexcept;
        Stream& operator=(Stream&&) = delete;
        Stream(const Stream&) = delete;
        Stream& operator=(const Stream&) = delete;
        void Add(std::string_view part);
        //! The MAC of everything added; the stream is used up.
        std::string Hex();

    private:
        friend class KeyedHash;
        explicit Stream(const KeyedHash& key);
        std::unique_ptr<States> states_;  // the inner state with the parts so far, and the outer state
    };
    Stream Start() const;

private:
    static std::string Finish(States& states);
    std::unique_ptr<States> states_;
};

//! 32 random bytes, for a new server secret.
std::string RandomKey();

//! The most Argon2id computations (hash or verify) that run at once in this process, whatever the threads.
inline constexpr std::ptrdiff_t kMaxPasswordWork = 4;
//! This machine's bound: half its cores, from 1 to kMaxPasswordWork.
std::ptrdiff_t PasswordWorkLimit();

//! Argon2id hash in libsodium's encoded form (salt and parameters included). Waits for a slot (PasswordWorkLimit).
std::string HashPassword(std::string_view password);

//! Constant-time check of a password against an encoded Argon2id hash. Waits for a slot (PasswordWorkLimit).
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

//! Seals `plaintext` with XChaCha20-Poly1305 under the 32-byte `key`. `context` (e.g. "totp/jansen") is bound
//! as associated data, so a sealed value opens only in the place it was sealed for. The result is text:
//! "<key_id>.<base64url of nonce + ciphertext>"; the key id says which key opens it (for rotation).
std::string Seal(std::string_view key_id, std::string_view key, std::string_view context, std::string_view plaintext);

//! The key id a sealed value names, or empty when it is not a sealed value.
std::string SealedKeyId(std::string_view sealed);

//! Opens a value sealed by Seal with the same key and context; nullopt when it was altered, moved to another
//! context, or sealed under another key.
std::optional<std::string> Unseal(std::string_view key, std::string_view context, std::string_view sealed);

//! Constant-time comparison of two strings.
bool ConstantTimeEquals(std::string_view left, std::string_view right);

}  // namespace meldroute::app
