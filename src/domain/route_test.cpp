#include "domain/route.hpp"

#include <gtest/gtest.h>

namespace meldroute::domain {
namespace {

// Walks the whole table: every (action, state, facts) either matches exactly one row, or is refused with 409.
TEST(RouteTest, EveryStepIsAllowedExactlyWhenTheTableSaysSo) {
    for (bool reachable : {true, false}) {
        CaseFacts facts{reachable};
        for (CaseAction action : AllCaseActions()) {
            for (CaseStatus from : AllCaseStatuses()) {
                const Transition* expected = nullptr;
                for (const Transition& row : RouteTable()) {
                    bool guard_holds = row.guard == Guard::kNone ||
                                       (row.guard == Guard::kReachableReporter && reachable) ||
                                       (row.guard == Guard::kNoReachableReporter && !reachable);
                    if (row.action == action && row.from == from && guard_holds) expected = &row;
                }
                auto next = NextStatus(action, from, facts);
                SCOPED_TRACE(std::string{ToString(action)} + " from " + std::string{ToString(from)} +
                             (reachable ? " (reachable reporter)" : " (anonymous only)"));
                if (expected != nullptr) {
                    ASSERT_TRUE(next.has_value());
                    EXPECT_EQ(*next, expected->to);
                } else {
                    ASSERT_FALSE(next.has_value());
                    EXPECT_EQ(next.error().code, ErrorCode::kFailedPrecondition);
                    EXPECT_FALSE(next.error().detail.empty());
                }
            }
        }
    }
}

TEST(RouteTest, TableHasNoDuplicateRows) {
    const auto& table = RouteTable();
    for (std::size_t first = 0; first < table.size(); ++first) {
        for (std::size_t second = first + 1; second < table.size(); ++second) {
            bool same = table[first].action == table[second].action && table[first].from == table[second].from &&
                        table[first].guard == table[second].guard;
            EXPECT_FALSE(same) << "rows " << first << " and " << second;
        }
    }
}

TEST(RouteTest, TheHappyPathWalksTheSixSteps) {
    CaseFacts facts{true};
    CaseStatus status = CaseStatus::kVastgelegd;
    for (auto [action, expected] : std::vector<std::pair<CaseAction, CaseStatus>>{
             {CaseAction::kEnrich, CaseStatus::kVerrijkt},
             {CaseAction::kAssess, CaseStatus::kGewogen},
             {CaseAction::kRefer, CaseStatus::kDoorgezet},
             {CaseAction::kPartnerFeedback, CaseStatus::kDoorgezet},
             {CaseAction::kReporterFeedback, CaseStatus::kTeruggekoppeld},
             {CaseAction::kClose, CaseStatus::kAfgesloten}}) {
        auto next = NextStatus(action, status, facts);
        ASSERT_TRUE(next.has_value()) << ToString(action);
        EXPECT_EQ(*next, expected);
        status = *next;
    }
}

TEST(RouteTest, EnrichmentIsNeverSkipped) {
    auto next = NextStatus(CaseAction::kAssess, CaseStatus::kVastgelegd, CaseFacts{});
    ASSERT_FALSE(next.has_value());
    EXPECT_EQ(next.error().code, ErrorCode::kFailedPrecondition);
}

TEST(RouteTest, AnonymousCasesMayCloseAfterWeighingButOthersMustFeedBackFirst) {
    EXPECT_TRUE(NextStatus(CaseAction::kClose, CaseStatus::kGewogen, CaseFacts{false}).has_value());
    EXPECT_FALSE(NextStatus(CaseAction::kClose, CaseStatus::kGewogen, CaseFacts{true}).has_value());
    EXPECT_FALSE(NextStatus(CaseAction::kReporterFeedback, CaseStatus::kDoorgezet, CaseFacts{false}).has_value());
}

TEST(RouteTest, ClosedCasesAllowOnlyReopening) {
    for (bool reachable : {true, false}) {
        EXPECT_EQ(AllowedActions(CaseStatus::kAfgesloten, CaseFacts{reachable}),
                  std::vector<CaseAction>{CaseAction::kReopen});
    }
}

TEST(RouteTest, OnlyAClosedCaseCanBeReopened) {
    for (CaseStatus from : AllCaseStatuses()) {
        if (from == CaseStatus::kAfgesloten) continue;
        auto next = NextStatus(CaseAction::kReopen, from, CaseFacts{});
        ASSERT_FALSE(next.has_value()) << ToString(from);
        EXPECT_EQ(next.error().code, ErrorCode::kFailedPrecondition);
    }
}

// A reopened case runs the route again from step 3: it is enriched and weighed again before it can close.
TEST(RouteTest, AReopenedCaseIsEnrichedAndWeighedAgainBeforeItCanClose) {
    for (bool reachable : {true, false}) {
        CaseFacts facts{reachable};
        auto reopened = NextStatus(CaseAction::kReopen, CaseStatus::kAfgesloten, facts);
        ASSERT_TRUE(reopened.has_value());
        EXPECT_EQ(*reopened, CaseStatus::kVastgelegd);
        EXPECT_FALSE(NextStatus(CaseAction::kClose, *reopened, facts).has_value());
        EXPECT_FALSE(NextStatus(CaseAction::kAssess, *reopened, facts).has_value());
        EXPECT_TRUE(NextStatus(CaseAction::kLinkSignal, *reopened, facts).has_value())
            << "a new signal about the same situation can be linked";
    }
}

TEST(RouteTest, NamesRoundTrip) {
    for (CaseStatus status : AllCaseStatuses()) EXPECT_EQ(ParseCaseStatus(ToString(status)), status);
    for (CaseAction action : AllCaseActions()) EXPECT_EQ(ParseCaseAction(ToString(action)), action);
    EXPECT_FALSE(ParseCaseStatus("gemeld").has_value());
    EXPECT_FALSE(ParseCaseAction("").has_value());
}

}  // namespace
}  // namespace meldroute::domain
