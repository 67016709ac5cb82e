#include "domain/validation.hpp"

#include <gtest/gtest.h>

#include "base/time.hpp"

namespace meldroute::domain {
namespace {

const std::chrono::sys_days kToday = *ParseDate("2024-06-01");

SignalDraft ValidDraft() {
    SignalDraft draft;
    draft.channel = "formulier";
    draft.narrative = "Twaalf mensen slapen in een loods.";
    draft.indicator_codes = {"ARB-13"};
    return draft;
}

bool Names(const std::vector<InvalidParam>& problems, const std::string& name) {
    for (const auto& problem : problems) {
        if (problem.name == name) return true;
    }
    return false;
}

TEST(ValidationTest, AValidDraftHasNoProblems) { EXPECT_TRUE(ValidateSignalDraft(ValidDraft(), kToday).empty()); }

TEST(ValidationTest, AReopeningNeedsAReasonOfLimitedLengthCountedInCharacters) {
    EXPECT_TRUE(ValidateReopenReason("Nieuwe melding over hetzelfde adres.").empty());
    for (std::string blank : {"", "   ", "\n\t"}) {
        auto problems = ValidateReopenReason(blank);
        ASSERT_EQ(problems.size(), 1u);
        EXPECT_EQ(problems[0].name, "reason");
    }
    std::string longest;
    for (std::size_t index = 0; index < kMaxReopenReasonLength; ++index) longest += "é";  // two bytes each
    EXPECT_TRUE(ValidateReopenReason(longest).empty()) << "the limit counts characters, not bytes";
    EXPECT_EQ(ValidateReopenReason(longest + "e").size(), 1u);
    EXPECT_EQ(ValidateReopenReason(std::string{"reden\0met nul", 14}).size(), 1u);
    EXPECT_TRUE(ValidateReopenReason("regel een\nregel twee").empty());
}

TEST(ValidationTest, EmptyOrBlankNarrativeIsRefused) {
    SignalDraft draft = ValidDraft();
    draft.narrative = "   \n ";
    EXPECT_TRUE(Names(ValidateSignalDraft(draft, kToday), "narrative"));
}

TEST(ValidationTest, UnknownAndDuplicateCodesAreNamedByIndex) {
    SignalDraft draft = ValidDraft();
    draft.indicator_codes = {"ARB-13", "XYZ-01", "ARB-13"};
    auto problems = ValidateSignalDraft(draft, kToday);
    EXPECT_TRUE(Names(problems, "indicatorCodes[1]"));
    EXPECT_TRUE(Names(problems, "indicatorCodes[2]"));
}

TEST(ValidationTest, ChannelMustBeKnownAndAnoniemIsNotForEmployees) {
    SignalDraft draft = ValidDraft();
    draft.channel = "anoniem";
    EXPECT_TRUE(Names(ValidateSignalDraft(draft, kToday), "channel"));
    draft.channel = "";
    EXPECT_TRUE(ValidateSignalDraft(draft, kToday, /*anonymous=*/true).empty());
}

TEST(ValidationTest, ObservedOnMustBeARealDateNotInTheFuture) {
    SignalDraft draft = ValidDraft();
    draft.observed_on = "2024-02-30";
    EXPECT_TRUE(Names(ValidateSignalDraft(draft, kToday), "observedOn"));
    draft.observed_on = "2024-06-02";
    EXPECT_TRUE(Names(ValidateSignalDraft(draft, kToday), "observedOn"));
    draft.observed_on = "2024-06-01";
    EXPECT_TRUE(ValidateSignalDraft(draft, kToday).empty());
}

TEST(ValidationTest, PersonsAreCheckedFieldByField) {
    SignalDraft draft = ValidDraft();
    draft.persons = {Person{"slachtoffer", "A", 1990, "", "06-12345678"}, Person{"baas", "", 1800, "", "abc"}};
    auto problems = ValidateSignalDraft(draft, kToday);
    EXPECT_FALSE(Names(problems, "persons[0].role"));
    EXPECT_TRUE(Names(problems, "persons[1].role"));
    EXPECT_TRUE(Names(problems, "persons[1].birthYear"));
    EXPECT_TRUE(Names(problems, "persons[1].phone"));
}

TEST(ValidationTest, PostcodeMustBeDutch) {
    SignalDraft draft = ValidDraft();
    draft.location = Location{"Markt", "1", "6901AB", "Zevenaar"};
    EXPECT_TRUE(ValidateSignalDraft(draft, kToday).empty());
    draft.location->postcode = "ABCDEF";
    EXPECT_TRUE(Names(ValidateSignalDraft(draft, kToday), "location.postcode"));
}

TEST(ValidationTest, AssessmentNeedsKnownUrgencyFormsAndRationale) {
    EXPECT_TRUE(ValidateAssessment("acuut", {"arbeid", "orgaan"}, "Reden").empty());
    auto problems = ValidateAssessment("spoed", {}, "");
    EXPECT_TRUE(Names(problems, "urgency"));
    EXPECT_TRUE(Names(problems, "forms"));
    EXPECT_TRUE(Names(problems, "rationale"));
    EXPECT_TRUE(Names(ValidateAssessment("hoog", {"arbeid", "arbeid"}, "x"), "forms[1]"));
}

}  // namespace
}  // namespace meldroute::domain
