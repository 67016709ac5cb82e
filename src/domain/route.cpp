#include "domain/route.hpp"

#include <array>
#include <string>

namespace meldroute::domain {

namespace {

using enum CaseAction;
using enum CaseStatus;

struct StatusName {
    CaseStatus status;
    std::string_view code;
    std::string_view label;
};

constexpr std::array kStatusNames{
    StatusName{kVastgelegd, "vastgelegd", "Vastgelegd"},
    StatusName{kVerrijkt, "verrijkt", "Verrijkt"},
    StatusName{kGewogen, "gewogen", "Gewogen"},
    StatusName{kDoorgezet, "doorgezet", "Doorgezet naar partners"},
    StatusName{kTeruggekoppeld, "teruggekoppeld", "Teruggekoppeld aan melder"},
    StatusName{kAfgesloten, "afgesloten", "Afgesloten"},
};

struct ActionName {
    CaseAction action;
    std::string_view code;
    std::string_view label;
};

constexpr std::array kActionNames{
    ActionName{kLinkSignal, "link-signal", "Melding koppelen"},
    ActionName{kEnrich, "enrich", "Verrijken"},
    ActionName{kAssess, "assess", "Wegen"},
    ActionName{kRefer, "refer", "Doorzetten naar partner"},
    ActionName{kPartnerFeedback, "partner-feedback", "Terugkoppeling partner vastleggen"},
    ActionName{kReporterFeedback, "reporter-feedback", "Terugkoppelen aan melder"},
    ActionName{kClose, "close", "Afsluiten"},
    ActionName{kReopen, "reopen", "Heropenen"},
};

// Why a step is refused, per action, in the words an officer would use.
std::string RefusalReason(CaseAction action, CaseStatus from) {
    std::string state{ToString(from)};
    switch (action) {
        case kEnrich:
        case kLinkSignal:
            return "Een afgesloten casus kan pas weer worden aangevuld nadat hij is heropend.";
        case kAssess:
            return "Wegen kan pas na verrijken (ook 'niets gevonden' vastleggen); de casus is nu " + state + ".";
        case kRefer:
            return "Doorzetten kan pas nadat de casus is gewogen; de casus is nu " + state + ".";
        case kPartnerFeedback:
            return "Terugkoppeling van een partner kan pas na doorzetten; de casus is nu " + state + ".";
        case kReporterFeedback:
            return "Terugkoppelen aan de melder kan na doorzetten en alleen als er een bereikbare melder is; de casus "
                   "is nu " + state + ".";
        case kClose:
            return "Afsluiten kan na terugkoppeling aan de melder (bij alleen anonieme meldingen: na wegen); de "
                   "casus is nu " + state + ".";
        case kReopen:
            return "Alleen een afgesloten casus kan worden heropend; de casus is nu " + state + ".";
    }
    return "Deze stap is nu niet toegestaan.";
}

bool GuardHolds(Guard guard, const CaseFacts& facts) {
    switch (guard) {
        case Guard::kNone:
            return true;
        case Guard::kReachableReporter:
            return facts.has_reachable_reporter;
        case Guard::kNoReachableReporter:
            return !facts.has_reachable_reporter;
    }
    return false;
}

}  // namespace

const std::vector<Transition>& RouteTable() {
    // Steps that add information keep a later state where it is: re-weighing a referred case does not
    // send it back to "gewogen". Every case without an anonymous-only reporter passes "teruggekoppeld"
    // before it may close (step 6 of the seed); Moviera is always consulted, so feedback follows a referral.
    static const std::vector<Transition> table{
        {kLinkSignal, kVastgelegd, kVastgelegd, Guard::kNone},
        {kLinkSignal, kVerrijkt, kVerrijkt, Guard::kNone},
        {kLinkSignal, kGewogen, kGewogen, Guard::kNone},
        {kLinkSignal, kDoorgezet, kDoorgezet, Guard::kNone},
        {kLinkSignal, kTeruggekoppeld, kTeruggekoppeld, Guard::kNone},

        {kEnrich, kVastgelegd, kVerrijkt, Guard::kNone},
        {kEnrich, kVerrijkt, kVerrijkt, Guard::kNone},
        {kEnrich, kGewogen, kGewogen, Guard::kNone},
        {kEnrich, kDoorgezet, kDoorgezet, Guard::kNone},
        {kEnrich, kTeruggekoppeld, kTeruggekoppeld, Guard::kNone},

        {kAssess, kVerrijkt, kGewogen, Guard::kNone},
        {kAssess, kGewogen, kGewogen, Guard::kNone},
        {kAssess, kDoorgezet, kDoorgezet, Guard::kNone},
        {kAssess, kTeruggekoppeld, kTeruggekoppeld, Guard::kNone},

        {kRefer, kGewogen, kDoorgezet, Guard::kNone},
        {kRefer, kDoorgezet, kDoorgezet, Guard::kNone},
        {kRefer, kTeruggekoppeld, kTeruggekoppeld, Guard::kNone},

        {kPartnerFeedback, kDoorgezet, kDoorgezet, Guard::kNone},
        {kPartnerFeedback, kTeruggekoppeld, kTeruggekoppeld, Guard::kNone},

        {kReporterFeedback, kDoorgezet, kTeruggekoppeld, Guard::kReachableReporter},
        {kReporterFeedback, kTeruggekoppeld, kTeruggekoppeld, Guard::kReachableReporter},

        {kClose, kTeruggekoppeld, kAfgesloten, Guard::kNone},
        {kClose, kGewogen, kAfgesloten, Guard::kNoReachableReporter},
        {kClose, kDoorgezet, kAfgesloten, Guard::kNoReachableReporter},

        // Heropenen: a closed case goes back to "vastgelegd", so the route runs again from step 3. A case is
        // reopened because something new came up (a further signal about the same situation, a partner
        // reporting that care did not start): that must be enriched (or "niets gevonden" recorded) and weighed
        // again before the case is referred, the reporter told again and the case closed again. Back to
        // "gewogen" would let the old urgency stand although the new facts may make the case acuut, and would
        // let an anonymous-only case be closed again at once on the old weighing. Nothing is lost: the earlier
        // enrichments, weighings, referrals and closures stay on the file; the latest weighing counts until
        // the next one.
        {kReopen, kAfgesloten, kVastgelegd, Guard::kNone},
    };
    return table;
}

Result<CaseStatus> NextStatus(CaseAction action, CaseStatus from, const CaseFacts& facts) {
    for (const Transition& transition : RouteTable()) {
        if (transition.action == action && transition.from == from && GuardHolds(transition.guard, facts)) {
            return transition.to;
        }
    }
    return MakeError(ErrorCode::kFailedPrecondition, RefusalReason(action, from));
}

std::vector<CaseAction> AllowedActions(CaseStatus from, const CaseFacts& facts) {
    std::vector<CaseAction> allowed;
    for (CaseAction action : AllCaseActions()) {
        if (NextStatus(action, from, facts)) allowed.push_back(action);
    }
    return allowed;
}

std::string_view ToString(CaseStatus status) {
    for (const auto& name : kStatusNames) {
        if (name.status == status) return name.code;
    }
    return "onbekend";
}

std::optional<CaseStatus> ParseCaseStatus(std::string_view text) {
    for (const auto& name : kStatusNames) {
        if (name.code == text) return name.status;
    }
    return std::nullopt;
}

std::string_view ToString(CaseAction action) {
    for (const auto& name : kActionNames) {
        if (name.action == action) return name.code;
    }
    return "onbekend";
}

std::optional<CaseAction> ParseCaseAction(std::string_view text) {
    for (const auto& name : kActionNames) {
        if (name.code == text) return name.action;
    }
    return std::nullopt;
}

std::string_view DutchLabel(CaseStatus status) {
    for (const auto& name : kStatusNames) {
        if (name.status == status) return name.label;
    }
    return "Onbekend";
}

std::string_view DutchLabel(CaseAction action) {
    for (const auto& name : kActionNames) {
        if (name.action == action) return name.label;
    }
    return "Onbekend";
}

const std::vector<CaseStatus>& AllCaseStatuses() {
    static const std::vector<CaseStatus> all{kVastgelegd, kVerrijkt, kGewogen, kDoorgezet, kTeruggekoppeld,
                                             kAfgesloten};
    return all;
}

const std::vector<CaseAction>& AllCaseActions() {
    static const std::vector<CaseAction> all{kLinkSignal,       kEnrich, kAssess, kRefer, kPartnerFeedback,
                                             kReporterFeedback, kClose,  kReopen};
    return all;
}

}  // namespace meldroute::domain
