// Splitting text into fields.
#pragma once

#include <string_view>
#include <vector>

namespace meldroute {

//! The parts of `text` between separators, empty ones included ("a\t\tb" gives three, "" gives one).
inline std::vector<std::string_view> SplitFields(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    while (true) {
        const std::size_t stop = text.find(separator);
        parts.push_back(text.substr(0, stop));
        if (stop == std::string_view::npos) return parts;
        text.remove_prefix(stop + 1);
    }
}

}  // namespace meldroute
