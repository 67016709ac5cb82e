// libFuzzer target: the TOML settings of `serve` over arbitrary bytes. Parsing never crashes; a refusal is one
// line naming where; accepted settings are within their documented ranges.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "config/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace std::chrono_literals;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    meldroute::config::ServeSettings settings;
    meldroute::Status status = meldroute::config::ApplyToml(text, "fuzz.toml", settings);
    if (!status) {
        const std::string& detail = status.error().detail;
        if (detail.rfind("fuzz.toml:", 0) != 0 || detail.find('\n') != std::string::npos) std::abort();
        return 0;
    }
    if (settings.suppression_threshold < 2 || settings.suppression_threshold > 100) std::abort();
    if (settings.idle_timeout < 1s || settings.idle_timeout > 24h) std::abort();
    if (settings.absolute_lifetime < 1s || settings.absolute_lifetime > 7 * 24h) std::abort();
    if (settings.shutdown_timeout < 1s || settings.shutdown_timeout > 600s) std::abort();
    if (settings.data_dir.empty()) std::abort();
    (void)meldroute::config::Finish(settings);
    return 0;
}
