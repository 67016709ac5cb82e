// Dutch word stems (Snowball "dutch" algorithm via libstemmer), so "uitgebuit", "uitbuiten" and "uitbuiting"
// can meet on one stem in the suggestion patterns.
#pragma once

#include <string>
#include <string_view>

namespace meldroute::domain {

//! The Snowball Dutch stem of one lowercase word. Thread-safe (one stemmer per thread); returns the word
//! itself when the stemmer is unavailable.
std::string DutchStem(std::string_view word);

}  // namespace meldroute::domain
