// Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits — what authenticator
// apps expect), computed with liboath.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace meldroute::app {

inline constexpr int kTotpStepSeconds = 30;

//! A new random secret (20 bytes, the RFC 4226 recommendation), raw bytes.
std::string NewTotpSecret();

//! The secret in RFC 4648 base32 without padding, as authenticator apps take it when typed in.
std::string TotpSecretText(std::string_view secret);

//! The otpauth:// URI that the enrolment QR code carries.
std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view secret);

//! The six-digit code for the time step `step` (seconds since the epoch / 30).
std::string TotpCode(std::string_view secret, std::int64_t step);

//! The time step whose code `code` is, looking one step either side of `unix_seconds` for clock drift; only
//! steps after `after_step` count, so a code once used cannot be used again. nullopt when none matches.
std::optional<std::int64_t> MatchTotp(std::string_view secret, std::string_view code, std::int64_t unix_seconds,
                                      std::int64_t after_step);

}  // namespace meldroute::app
