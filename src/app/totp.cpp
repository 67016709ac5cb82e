#include "app/totp.hpp"

#include <liboath/oath.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "app/crypto.hpp"

namespace meldroute::app {

namespace {

void EnsureOath() {
    static const bool initialised = oath_init() == OATH_OK;
    if (!initialised) throw std::runtime_error("liboath could not be initialised");
}

// Percent-encoding for the label and parameters of an otpauth URI.
std::string UriEscape(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string escaped;
    for (const char character : text) {
        const auto byte = static_cast<unsigned char>(character);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') ||
            byte == '-' || byte == '.' || byte == '_' || byte == '~') {
            escaped.push_back(character);
        } else {
            escaped += '%';
            escaped += kHex[byte >> 4];
            escaped += kHex[byte & 0x0F];
        }
    }
    return escaped;
}

}  // namespace

std::string NewTotpSecret() { return RandomKey().substr(0, 20); }

std::string TotpSecretText(std::string_view secret) {
    EnsureOath();
    char* encoded = nullptr;
    std::size_t length = 0;
    if (oath_base32_encode(secret.data(), secret.size(), &encoded, &length) != OATH_OK) {
        throw std::runtime_error("base32 encoding failed");
    }
    std::unique_ptr<char, decltype(&std::free)> owned(encoded, &std::free);
    std::string text(encoded, length);
    while (!text.empty() && text.back() == '=') text.pop_back();
    return text;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view secret) {
    return "otpauth://totp/" + UriEscape(issuer) + ":" + UriEscape(account) + "?secret=" + TotpSecretText(secret) +
           "&issuer=" + UriEscape(issuer) + "&algorithm=SHA1&digits=6&period=" + std::to_string(kTotpStepSeconds);
}

std::string TotpCode(std::string_view secret, std::int64_t step) {
    EnsureOath();
    std::array<char, 10> output{};
    const auto at = static_cast<time_t>(step * kTotpStepSeconds);
    if (oath_totp_generate(secret.data(), secret.size(), at, kTotpStepSeconds, OATH_TOTP_DEFAULT_START_TIME, 6,
                           output.data()) != OATH_OK) {
        throw std::runtime_error("TOTP generation failed");
    }
    return output.data();
}

std::optional<std::int64_t> MatchTotp(std::string_view secret, std::string_view code, std::int64_t unix_seconds,
                                      std::int64_t after_step) {
    if (code.size() != 6) return std::nullopt;
    const std::int64_t now_step = unix_seconds / kTotpStepSeconds;
    std::optional<std::int64_t> matched;
    // Check every candidate step, so the time taken does not depend on which one matched.
    for (std::int64_t step = now_step - 1; step <= now_step + 1; ++step) {
        const bool equal = ConstantTimeEquals(TotpCode(secret, step), code);
        if (equal && step > after_step && !matched) matched = step;
    }
    return matched;
}

}  // namespace meldroute::app
