// The route's records as plain values. Times are ISO-8601 strings as the contract writes them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/route.hpp"

namespace meldroute::domain {

enum class Role { kMelder, kAandachtfunctionaris, kBeleid, kBeheerder, kAuditor };

std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view text);
std::string_view DutchLabel(Role role);
const std::vector<Role>& AllRoles();

struct Location {
    std::string street;
    std::string house_number;
    std::string postcode;
    std::string city;
};

struct Person {
    std::string role;  // slachtoffer | verdachte | overig
    std::string name;
    std::optional<int> birth_year;
    std::string nationality;
    std::string phone;
};

//! A business involved (employer, housing provider, massage parlour …), for linking signals.
struct Business {
    std::string kvk_number;  // Chamber of Commerce number, 8 digits
    std::string trade_name;
};

//! What a reporter submits; validated by ValidateSignalDraft before anything is stored.
struct SignalDraft {
    std::string channel;
    std::string narrative;
    std::vector<std::string> indicator_codes;
    std::optional<std::string> observed_on;  // "YYYY-MM-DD"
    std::optional<Location> location;
    std::vector<Person> persons;
    std::optional<Business> business;
};

struct FeedbackMessage {
    std::string message;
    std::string at;
    std::string actor;
};

//! A rectification (AVG art. 16) of one person on a signal. The old values are not kept.
struct Rectification {
    std::string id;
    std::string signal_id;
    int position = 0;                 // the person's place on the signal
    std::vector<std::string> fields;  // "name", "birthYear", "nationality", "phone"
    std::string reason;
    std::string at;
    std::string actor;
};

struct Signal {
    std::string id;
    std::string reporter;  // username; empty for an anonymous report
    std::string channel;
    std::string narrative;
    std::vector<std::string> indicator_codes;
    std::string catalog_version;
    std::optional<std::string> observed_on;
    std::optional<Location> location;
    std::vector<Person> persons;
    std::optional<Business> business;
    std::string created_at;
    std::optional<std::string> case_id;
    std::string status;  // "gemeld", or the status of the case it belongs to
    std::vector<FeedbackMessage> feedback;  // filled for the reporter's view
    std::optional<std::string> destroyed_at;  // set once its personal data was destroyed after its retention term
    std::vector<Rectification> rectifications;  // filled for the aandachtfunctionaris's view
};

struct Enrichment {
    std::string id;
    std::string case_id;
    std::string source;
    std::string purpose;
    std::string content;
    std::string at;
    std::string actor;
};

struct Assessment {
    std::string id;
    std::string case_id;
    std::string urgency;  // acuut | hoog | normaal
    std::vector<std::string> forms;
    std::string rationale;
    std::string at;
    std::string actor;
};

struct PartnerFeedback {
    std::string id;
    std::string referral_id;
    std::string summary;
    std::string at;
    std::string actor;
};

struct Referral {
    std::string id;
    std::string case_id;
    std::string partner;
    std::optional<std::string> forum;
    std::string feedback_due;  // "YYYY-MM-DD"
    std::optional<std::string> note;
    std::string at;
    std::string actor;
    std::vector<PartnerFeedback> feedback;
};

struct TimelineEntry {
    std::string at;
    std::string actor;
    std::string action;
    std::string detail;
};

struct Case {
    std::string id;
    CaseStatus status = CaseStatus::kVastgelegd;
    std::optional<std::string> urgency;
    std::vector<std::string> forms;
    std::optional<std::string> rationale;
    std::optional<std::string> outcome;
    std::optional<std::string> closure_note;
    std::string created_at;
    std::string updated_at;
    std::optional<std::string> weighed_at;  // when the latest assessment was made
    std::int64_t version = 1;  // +1 on every change; the API's ETag, so two officers never overwrite each other
    int reopen_count = 0;                    // how often the case was reopened after a closure
    std::optional<std::string> reopened_at;  // the latest reopening
};

//! One closure of a case. A reopened case keeps every earlier closure; the latest one is the case's outcome.
struct Closure {
    std::string at;
    std::string outcome;
    std::optional<std::string> note;
    std::string actor;
};

//! One reopening of a closed case, with the officer's reason.
struct Reopening {
    std::string at;
    std::string reason;
    std::string actor;
};

//! A case with everything recorded on it, for the case page and GET /cases/{id}.
struct CaseFile {
    Case header;
    std::vector<Signal> signals;
    std::vector<Enrichment> enrichments;
    std::vector<Assessment> assessments;
    std::vector<Referral> referrals;
    std::vector<FeedbackMessage> reporter_feedback;
    std::vector<TimelineEntry> timeline;
    std::vector<Closure> closures;      // oldest first
    std::vector<Reopening> reopenings;  // oldest first
};

//! A line of the case list.
struct CaseSummary {
    Case header;
    int signal_count = 0;
    int referral_count = 0;
    int referrals_without_feedback = 0;
    std::optional<std::string> earliest_open_feedback_due;  // the soonest partner due date still unanswered
    bool has_reporter_feedback = false;
    bool has_reachable_reporter = true;
};

//! Another signal that shares an address, person, phone number or business with a case's signals.
struct RelatedSignal {
    std::string signal_id;
    std::optional<std::string> case_id;
    std::string created_at;
    std::vector<std::string> matched_on;  // "adres", "persoon", "telefoon", "bedrijf"
};

//! An address or business that recurs across signals (barrier work, seed 4.3.3).
struct Recurrence {
    std::string kind;   // "adres" | "bedrijf"
    std::string label;  // the address or business as written in one of the signals
    int signal_count = 0;
    int case_count = 0;
    std::vector<std::string> signal_ids;
};

//! Filters of a search over signals; all optional.
struct SignalSearch {
    std::string text;
    std::optional<std::string> form;
    std::optional<std::string> status;
    std::optional<std::string> urgency;
    std::optional<std::string> from;  // date, inclusive
    std::optional<std::string> to;    // date, inclusive
};

//! A named code (partner, forum, enrichment source, outcome), configurable by the beheerder.
struct CodeItem {
    std::string code;
    std::string name;
};

}  // namespace meldroute::domain
