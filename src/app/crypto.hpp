// The few cryptographic primitives the use cases need, all from libsodium.
#pragma once

#include <string>
#include <string_view>

namespace meldroute::app {

//! Initialises libsodium once; call before anything else here. Returns false if it cannot.
bool InitCrypto();

//! A random UUID (version 4) string.
std::string NewId();

//! A random URL-safe token with 256 bits of entropy.
std::string RandomToken();

//! Hex SHA-256 of `text`. Tokens have full entropy, so an unkeyed hash is enough to store them.
std::string Sha256Hex(std::string_view text);

//! Hex HMAC-SHA-256 of `text` under `key`: matching on equal values without storing them.
std::string KeyedHashHex(std::string_view key, std::string_view text);

//! 32 random bytes, for a new server secret.
std::string RandomKey();

//! Argon2id hash in libsodium's encoded form (salt and parameters included).
std::string HashPassword(std::string_view password);

//! Constant-time check of a password against an encoded Argon2id hash.
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

//! Constant-time comparison of two strings.
bool ConstantTimeEquals(std::string_view left, std::string_view right);

}  // namespace meldroute::app
