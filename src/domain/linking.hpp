// Normalised match keys for linking signals that share an address, a person, a phone number or a business.
// The app layer stores only keyed hashes of these keys (HMAC with a server secret), never the keys themselves.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"

namespace meldroute::domain {

//! What two signals have in common.
enum class LinkKind { kAddress, kPerson, kPhone, kBusiness };

std::string_view ToString(LinkKind kind);  // "adres", "persoon", "telefoon", "bedrijf"
std::string_view DutchLabel(LinkKind kind);

struct MatchKey {
    LinkKind kind;
    std::string key;  // normalised, e.g. "adres:6902AA|12"; hashed before it is stored
};

//! Lowercase, Latin-1 diacritics folded, punctuation dropped, white space collapsed.
std::string NormaliseText(std::string_view text);

//! Dutch phone numbers to one form: digits only, "+31"/"0031" written as a leading "0".
std::string NormalisePhone(std::string_view phone);

//! Every match key of a signal, without duplicates. Fields too vague to link on (a name without a birth year,
//! a street without a house number) give no key.
std::vector<MatchKey> MatchKeys(const Signal& signal);

}  // namespace meldroute::domain
