// Input rules for what users submit. Pure: the fixed vocabularies of the route, lengths and formats.
// Configurable codes (partners, forums, sources, outcomes) are checked by the app against the store.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "domain/catalog.hpp"
#include "domain/model.hpp"

namespace meldroute::domain {

inline constexpr std::size_t kMaxNarrativeLength = 20000;
inline constexpr std::size_t kMaxTextLength = 10000;
inline constexpr std::size_t kMaxShortTextLength = 200;
inline constexpr std::size_t kMaxReopenReasonLength = 1000;
inline constexpr std::size_t kMaxPersons = 20;

//! Channels a signed-in employee may choose ("anoniem" is only set by the residents' form).
const std::vector<std::string>& ReporterChannels();
const std::vector<std::string>& Urgencies();
const std::vector<std::string>& Forms();
const std::vector<std::string>& PersonRoles();

bool Contains(const std::vector<std::string>& values, std::string_view value);

//! Every problem with a draft, named by JSON path (e.g. "persons[1].birthYear"); empty when valid.
//! `today` bounds observedOn and birthYear.
//! Indicator codes must be offered (present, not retired) by `catalog`, the version the signal is filed under.
std::vector<InvalidParam> ValidateSignalDraft(const SignalDraft& draft, std::chrono::sys_days today,
                                              bool anonymous = false, const Catalog& catalog = BuiltinCatalog());

//! Checks one person (role, name, nationality, birth year, phone); problems are named `prefix` + field.
void CheckPerson(std::vector<InvalidParam>& problems, const std::string& prefix, const Person& person,
                 std::chrono::sys_days today);

//! Checks a required free-text field: non-blank, at most `max_length` bytes.
void CheckText(std::vector<InvalidParam>& problems, std::string_view name, std::string_view value,
               std::size_t max_length = kMaxTextLength);

//! The reason for reopening a closed case ("reason"): required, at most kMaxReopenReasonLength characters.
std::vector<InvalidParam> ValidateReopenReason(std::string_view reason);

//! Checks an assessment's fixed vocabularies and rationale.
std::vector<InvalidParam> ValidateAssessment(std::string_view urgency, const std::vector<std::string>& forms,
                                             std::string_view rationale);

//! Whether `text` looks like a phone number: 6 to 15 digits, with spaces, "+", "-" or brackets.
bool IsPhoneNumber(std::string_view text);

//! Trims ASCII white space at both ends.
std::string Trim(std::string_view text);

//! A whole number written in decimal digits only (no sign, no spaces, at most 18 digits); nullopt otherwise.
std::optional<std::int64_t> ParseWholeNumber(std::string_view text);

}  // namespace meldroute::domain
