// The terms of the blind search index: what a narrative and a search query are reduced to before the app
// hashes them under the search key. Only the hashes are stored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace meldroute::domain {

//! The distinct search terms of `text`: every word lowercased with Latin-1 diacritics folded (as
//! NormaliseText), reduced to its Snowball Dutch stem, so "uitgebuit", "uitbuiten" and "uitbuiting" meet on
//! one term. A word's own stem is always among the terms, so an exact word matches too. Words of one
//! character are left out. Sorted, without duplicates.
std::vector<std::string> SearchTerms(std::string_view text);

}  // namespace meldroute::domain
