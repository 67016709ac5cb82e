// The meldroute (seed Bijlage 1) as data: which step may follow which state, enforced here only.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace meldroute::domain {

//! Case states in route order. A signal outside any case is "gemeld" (not a case state).
enum class CaseStatus { kVastgelegd, kVerrijkt, kGewogen, kDoorgezet, kTeruggekoppeld, kAfgesloten };

//! The steps the aandachtfunctionaris can take on an existing case.
enum class CaseAction {
    kLinkSignal,
    kEnrich,
    kAssess,
    kRefer,
    kPartnerFeedback,
    kReporterFeedback,
    kClose,
    kReopen,  // "heropenen": a closed case goes back into the route (see RouteTable)
};

//! Extra conditions a transition may demand of the case.
enum class Guard {
    kNone,
    kReachableReporter,    // some signal of the case has a reporter who can be told (not anonymous)
    kNoReachableReporter,  // no signal of the case has a reachable reporter
};

//! One row of the route table.
struct Transition {
    CaseAction action;
    CaseStatus from;
    CaseStatus to;
    Guard guard;
};

//! Facts about a case that guards look at.
struct CaseFacts {
    bool has_reachable_reporter = true;
};

//! The whole route table.
const std::vector<Transition>& RouteTable();

//! The state after `action` from `from`, or FailedPrecondition (409) with a Dutch explanation.
Result<CaseStatus> NextStatus(CaseAction action, CaseStatus from, const CaseFacts& facts);

//! The actions the route allows now, in route order (what a case page offers).
std::vector<CaseAction> AllowedActions(CaseStatus from, const CaseFacts& facts);

std::string_view ToString(CaseStatus status);
std::optional<CaseStatus> ParseCaseStatus(std::string_view text);
std::string_view ToString(CaseAction action);  // kebab-case: "link-signal", "enrich", ...
std::optional<CaseAction> ParseCaseAction(std::string_view text);
//! Dutch label of a state for the pages, e.g. "Doorgezet naar partners".
std::string_view DutchLabel(CaseStatus status);
//! Dutch label of an action, e.g. "Verrijken".
std::string_view DutchLabel(CaseAction action);

//! All case states and actions, for walking the table in tests.
const std::vector<CaseStatus>& AllCaseStatuses();
const std::vector<CaseAction>& AllCaseActions();

}  // namespace meldroute::domain
