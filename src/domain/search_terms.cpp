#include "domain/search_terms.hpp"

#include <algorithm>

#include "domain/linking.hpp"
#include "domain/stemming.hpp"

namespace meldroute::domain {

std::vector<std::string> SearchTerms(std::string_view text) {
    const std::string normalised = NormaliseText(text);
    std::vector<std::string> terms;
    std::size_t start = 0;
    while (start < normalised.size()) {
        std::size_t end = normalised.find(' ', start);
        if (end == std::string::npos) end = normalised.size();
        std::string_view word{normalised.data() + start, end - start};
        if (word.size() > 1) terms.push_back(DutchStem(word));
        start = end + 1;
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

}  // namespace meldroute::domain
