// libFuzzer target: indicator suggestions over arbitrary bytes; evidence must always be a piece of the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/catalog.hpp"
#include "domain/suggestions.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const auto& suggestion : meldroute::domain::SuggestIndicators(text)) {
        if (text.find(suggestion.evidence) == std::string_view::npos) std::abort();
        if (meldroute::domain::FindIndicator(suggestion.code) == nullptr) std::abort();
        if (suggestion.score < 0 || suggestion.score > 1) std::abort();
    }
    return 0;
}
