// libFuzzer target: the learning platform's CSV export over arbitrary bytes. Every accepted row must be valid
// and every rejection must name a line of the input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/time.hpp"
#include "domain/registers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto today = *meldroute::ParseDate("2025-06-30");
    auto csv = meldroute::domain::ParseCompletionCsv(text, today);
    auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const auto& rejection : csv.rejections) {
        if (rejection.line < 1 || rejection.line > lines || rejection.reason.empty()) std::abort();
    }
    for (const auto& row : csv.rows) {
        if (row.line < 2 || row.line > lines || row.employee_number.empty() || row.name.empty()) std::abort();
        if (!meldroute::domain::HasCode(meldroute::domain::TargetGroups(), row.target_group)) std::abort();
        if (row.completed_on && (!meldroute::ParseDate(*row.completed_on) || *meldroute::ParseDate(*row.completed_on) > today)) {
            std::abort();
        }
    }
    return 0;
}
