#include "domain/registers.hpp"

#include <gtest/gtest.h>

#include "base/time.hpp"

namespace meldroute::domain {
namespace {

const std::chrono::sys_days kToday = *ParseDate("2025-06-30");
constexpr const char* kHeader = "medewerker-id;naam;afdeling;doelgroep;voltooid-op\n";

CompletionCsv Parse(const std::string& text) { return ParseCompletionCsv(text, kToday); }

StaffMember Member(const std::string& group, std::optional<std::string> completed_on, bool active = true) {
    StaffMember member;
    member.employee_number = "M1";
    member.name = "Test";
    member.department = "Afdeling";
    member.target_group = group;
    member.active = active;
    member.last_completed_on = std::move(completed_on);
    return member;
}

// ------------------------------------------------------------------------------------------ CSV

TEST(CompletionCsvTest, ReadsSemicolonSeparatedRowsWithHeader) {
    auto csv = Parse(std::string{kHeader} + "M001;Anna de Vries;Publiekszaken;publiekszaken;2024-06-12\n");
    ASSERT_TRUE(csv.rejections.empty());
    ASSERT_EQ(csv.rows.size(), 1u);
    EXPECT_EQ(csv.rows[0].line, 2);
    EXPECT_EQ(csv.rows[0].employee_number, "M001");
    EXPECT_EQ(csv.rows[0].name, "Anna de Vries");
    EXPECT_EQ(csv.rows[0].target_group, "publiekszaken");
    EXPECT_EQ(csv.rows[0].completed_on, "2024-06-12");
}

TEST(CompletionCsvTest, DetectsCommaSeparatorFromHeader) {
    auto csv = Parse("medewerker-id,naam,afdeling,doelgroep,voltooid-op\nM002,Bram,Toezicht,toezicht,2024-01-02\n");
    ASSERT_TRUE(csv.rejections.empty());
    ASSERT_EQ(csv.rows.size(), 1u);
    EXPECT_EQ(csv.rows[0].department, "Toezicht");
}

TEST(CompletionCsvTest, SkipsByteOrderMarkAndCarriageReturns) {
    auto csv = Parse(std::string{"\xEF\xBB\xBF"} + "medewerker-id;naam;afdeling;doelgroep;voltooid-op\r\n"
                     "M003;Cas;Wijk;gebiedsteams;2024-03-04\r\n");
    ASSERT_TRUE(csv.rejections.empty());
    ASSERT_EQ(csv.rows.size(), 1u);
    EXPECT_EQ(csv.rows[0].completed_on, "2024-03-04");
}

TEST(CompletionCsvTest, QuotedFieldsMayHoldTheSeparatorAndQuotes) {
    auto csv = Parse("medewerker-id,naam,afdeling,doelgroep,voltooid-op\n"
                     "M004,\"Vries, Anna \"\"An\"\" de\",\"Publiekszaken, balie\",publiekszaken,2024-06-12\n");
    ASSERT_TRUE(csv.rejections.empty()) << csv.rejections[0].reason;
    EXPECT_EQ(csv.rows[0].name, "Vries, Anna \"An\" de");
    EXPECT_EQ(csv.rows[0].department, "Publiekszaken, balie");
}

TEST(CompletionCsvTest, AnUnclosedQuoteRejectsTheLine) {
    auto csv = Parse(std::string{kHeader} + "M005;\"Anna;Publiekszaken;publiekszaken;2024-06-12\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    EXPECT_EQ(csv.rejections[0].line, 2);
    EXPECT_NE(csv.rejections[0].reason.find("aanhalingsteken"), std::string::npos);
}

TEST(CompletionCsvTest, AcceptsDutchDayMonthYearDates) {
    auto csv = Parse(std::string{kHeader} + "M006;Dirk;Toezicht;toezicht;15-04-2024\n");
    ASSERT_TRUE(csv.rejections.empty());
    EXPECT_EQ(csv.rows[0].completed_on, "2024-04-15");
}

TEST(CompletionCsvTest, AnEmptyDateRegistersWithoutCompletion) {
    auto csv = Parse(std::string{kHeader} + "M007;Eva;Wijk;gebiedsteams;\n");
    ASSERT_TRUE(csv.rejections.empty());
    EXPECT_FALSE(csv.rows[0].completed_on.has_value());
}

TEST(CompletionCsvTest, TargetGroupIsCaseInsensitive) {
    auto csv = Parse(std::string{kHeader} + "M008;Fleur;Balie;Publiekszaken;2024-06-12\n");
    ASSERT_TRUE(csv.rejections.empty());
    EXPECT_EQ(csv.rows[0].target_group, "publiekszaken");
}

TEST(CompletionCsvTest, AMissingOrWrongHeaderRejectsTheFileAtLineOne) {
    auto csv = Parse("M001;Anna;Publiekszaken;publiekszaken;2024-06-12\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    EXPECT_EQ(csv.rejections[0].line, 1);
    EXPECT_NE(csv.rejections[0].reason.find("kolomnamen"), std::string::npos);
    EXPECT_TRUE(csv.rows.empty());
}

TEST(CompletionCsvTest, AnEmptyFileIsRejected) {
    EXPECT_EQ(Parse("").rejections.size(), 1u);
    EXPECT_EQ(Parse("\n\n").rejections.size(), 1u);
    EXPECT_EQ(Parse(kHeader).rejections.size(), 1u) << "a header alone imports nothing";
}

TEST(CompletionCsvTest, NotUtf8IsRejected) {
    auto csv = Parse(std::string{kHeader} + "M009;Ren\xE9;Balie;publiekszaken;2024-06-12\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    EXPECT_NE(csv.rejections[0].reason.find("UTF-8"), std::string::npos);
}

TEST(CompletionCsvTest, WrongColumnCountIsRejectedWithLineNumber) {
    auto csv = Parse(std::string{kHeader} + "M010;Gijs;Balie;publiekszaken;2024-06-12\nM011;Hans;Balie\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    EXPECT_EQ(csv.rejections[0].line, 3);
    EXPECT_NE(csv.rejections[0].reason.find("3 kolommen"), std::string::npos);
    EXPECT_EQ(csv.rows.size(), 1u) << "the good row is parsed; the caller imports nothing when any row is rejected";
}

TEST(CompletionCsvTest, UnknownTargetGroupNamesTheChoices) {
    auto csv = Parse(std::string{kHeader} + "M012;Ilse;Balie;receptie;2024-06-12\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    EXPECT_NE(csv.rejections[0].reason.find("receptie"), std::string::npos);
    EXPECT_NE(csv.rejections[0].reason.find("publiekszaken"), std::string::npos);
}

TEST(CompletionCsvTest, BadDateIsRejected) {
    auto csv = Parse(std::string{kHeader} + "M013;Jan;Balie;publiekszaken;2024-02-30\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    EXPECT_NE(csv.rejections[0].reason.find("geen datum"), std::string::npos);
}

TEST(CompletionCsvTest, FutureDateIsRejected) {
    auto csv = Parse(std::string{kHeader} + "M014;Kim;Balie;publiekszaken;2025-07-01\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    EXPECT_NE(csv.rejections[0].reason.find("toekomst"), std::string::npos);
}

TEST(CompletionCsvTest, MissingFieldsAreAllNamedInOneReason) {
    auto csv = Parse(std::string{kHeader} + ";;;publiekszaken;\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    const std::string& reason = csv.rejections[0].reason;
    EXPECT_NE(reason.find("Het medewerker-id ontbreekt"), std::string::npos) << reason;
    EXPECT_NE(reason.find("de naam ontbreekt"), std::string::npos) << reason;
    EXPECT_NE(reason.find("de afdeling ontbreekt"), std::string::npos) << reason;
}

TEST(CompletionCsvTest, BadEmployeeIdIsRejected) {
    auto csv = Parse(std::string{kHeader} + "M 15;Lot;Balie;publiekszaken;2024-06-12\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    EXPECT_NE(csv.rejections[0].reason.find("medewerker-id"), std::string::npos);
}

TEST(CompletionCsvTest, ARepeatedRowNamesTheFirstLine) {
    auto csv = Parse(std::string{kHeader} + "M016;Mo;Balie;publiekszaken;2024-06-12\n"
                                            "M016;Mo;Balie;publiekszaken;2024-06-12\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    EXPECT_EQ(csv.rejections[0].line, 3);
    EXPECT_NE(csv.rejections[0].reason.find("regel 2"), std::string::npos);
}

TEST(CompletionCsvTest, TheSameEmployeeMayHaveTwoCompletionsButNotTwoNames) {
    auto two_dates = Parse(std::string{kHeader} + "M017;Noor;Balie;publiekszaken;2022-06-12\n"
                                                  "M017;Noor;Balie;publiekszaken;2024-06-12\n");
    EXPECT_TRUE(two_dates.rejections.empty());
    EXPECT_EQ(two_dates.rows.size(), 2u);
    auto two_groups = Parse(std::string{kHeader} + "M018;Olaf;Balie;publiekszaken;2022-06-12\n"
                                                   "M018;Olaf;Balie;toezicht;2024-06-12\n");
    ASSERT_EQ(two_groups.rejections.size(), 1u);
    EXPECT_EQ(two_groups.rejections[0].line, 3);
}

TEST(CompletionCsvTest, BlankLinesAreSkippedButCountInLineNumbers) {
    auto csv = Parse(std::string{kHeader} + "\nM019;Pim;Balie;nope;2024-06-12\n\n");
    ASSERT_EQ(csv.rejections.size(), 1u);
    EXPECT_EQ(csv.rejections[0].line, 3);
}

// ------------------------------------------------------------------------------------------ refreshers, coverage

TEST(RefresherTest, DueAfterTheConfiguredMonths) {
    EXPECT_EQ(FormatDate(RefresherDueFrom(*ParseDate("2023-06-30"), 24)), "2025-06-30");
    EXPECT_EQ(FormatDate(RefresherDueFrom(*ParseDate("2024-01-15"), 6)), "2024-07-15");
}

TEST(RefresherTest, EndOfMonthMovesToTheLastDayOfAShorterMonth) {
    EXPECT_EQ(FormatDate(RefresherDueFrom(*ParseDate("2023-08-31"), 6)), "2024-02-29");
}

TEST(RefresherTest, CompletionOlderThanTheTermIsDue) {
    EXPECT_TRUE(IsRefresherDue(Member("toezicht", "2023-06-30"), kToday, 24));
    EXPECT_FALSE(IsRefresherDue(Member("toezicht", "2023-07-01"), kToday, 24));
    EXPECT_TRUE(IsTrainingCurrent(Member("toezicht", "2023-07-01"), kToday, 24));
}

TEST(RefresherTest, NeverTrainedOrInactiveIsNotDue) {
    EXPECT_FALSE(IsRefresherDue(Member("toezicht", std::nullopt), kToday, 24));
    EXPECT_FALSE(IsRefresherDue(Member("toezicht", "2020-01-01", false), kToday, 24));
}

TEST(CoverageTest, CountsCurrentCompletionsPerGroupAgainstTheTarget) {
    std::vector<StaffMember> members{Member("publiekszaken", "2025-01-01"), Member("publiekszaken", "2024-12-01"),
                                     Member("publiekszaken", "2020-01-01"), Member("publiekszaken", std::nullopt),
                                     Member("toezicht", "2025-01-01")};
    TrainingSettings settings;
    settings.target_percent["publiekszaken"] = 50;
    settings.target_percent["toezicht"] = 100;
    auto coverage = ComputeCoverage(members, settings, kToday);
    ASSERT_EQ(coverage.size(), 4u);
    EXPECT_EQ(coverage[0].target_group, "publiekszaken");
    EXPECT_EQ(coverage[0].staff, 4);
    EXPECT_EQ(coverage[0].trained, 2);
    EXPECT_EQ(coverage[0].refresher_due, 1);
    EXPECT_EQ(coverage[0].never_trained, 1);
    EXPECT_EQ(coverage[0].percent, 50);
    EXPECT_EQ(coverage[0].target_met, true);
    EXPECT_EQ(coverage[1].target_met, true);
    EXPECT_FALSE(coverage[2].target_percent.has_value());
    EXPECT_FALSE(coverage[2].target_met.has_value());
}

TEST(CoverageTest, TargetIsComparedExactlyNotOnTheRoundedPercentage) {
    // 2 of 3 is 66.7%: it meets 66% but not 67%.
    std::vector<StaffMember> members{Member("toezicht", "2025-01-01"), Member("toezicht", "2025-01-01"),
                                     Member("toezicht", std::nullopt)};
    TrainingSettings settings;
    settings.target_percent["toezicht"] = 66;
    EXPECT_EQ(ComputeCoverage(members, settings, kToday)[1].target_met, true);
    settings.target_percent["toezicht"] = 67;
    EXPECT_EQ(ComputeCoverage(members, settings, kToday)[1].target_met, false);
    EXPECT_EQ(ComputeCoverage(members, settings, kToday)[1].percent, 66);
}

TEST(CoverageTest, InactiveStaffDoNotCount) {
    std::vector<StaffMember> members{Member("overig", "2025-01-01"), Member("overig", std::nullopt, false)};
    auto coverage = ComputeCoverage(members, TrainingSettings{}, kToday);
    EXPECT_EQ(coverage[3].staff, 1);
    EXPECT_EQ(coverage[3].percent, 100);
}

TEST(CoverageTest, AShorterRefresherTermLowersCoverage) {
    std::vector<StaffMember> members{Member("gebiedsteams", "2024-06-01")};
    TrainingSettings settings;
    EXPECT_EQ(ComputeCoverage(members, settings, kToday)[2].trained, 1);
    settings.refresher_months = 12;
    EXPECT_EQ(ComputeCoverage(members, settings, kToday)[2].trained, 0);
    EXPECT_EQ(ComputeCoverage(members, settings, kToday)[2].refresher_due, 1);
}

TEST(TrainingSettingsTest, TargetsAreWholePercentagesAndTheTermIsBounded) {
    TrainingSettings settings;
    settings.target_percent["publiekszaken"] = 101;
    settings.target_percent["receptie"] = 50;
    settings.refresher_months = 0;
    auto problems = ValidateTrainingSettings(settings);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].name, "targets.publiekszaken");
    EXPECT_EQ(problems[1].name, "targets.receptie");
    EXPECT_EQ(problems[2].name, "refresherMonths");
    EXPECT_TRUE(ValidateTrainingSettings(TrainingSettings{}).empty());
}

TEST(StaffMemberTest, EveryFieldIsChecked) {
    StaffMember member;
    member.employee_number = "M 1";
    auto problems = ValidateStaffMember(member);
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems[0].name, "employeeNumber");
    EXPECT_EQ(problems[3].name, "targetGroup");
    EXPECT_TRUE(ValidateStaffMember(Member("overig", std::nullopt)).empty());
}

TEST(ActivityTest, TitleDateAndCountsAreChecked) {
    AwarenessActivity activity;
    activity.held_on = "15-04-2024";
    activity.attendees["toezicht"] = -1;
    activity.external_attendees = -2;
    auto problems = ValidateActivity(activity, kToday);
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems[0].name, "title");
    EXPECT_EQ(problems[1].name, "heldOn");
    EXPECT_EQ(problems[2].name, "attendees.toezicht");
    EXPECT_EQ(problems[3].name, "externalAttendees");
    activity = AwarenessActivity{"", "Themadag mensenhandel", "2024-04-15", "", {{"toezicht", 12}}, 30};
    EXPECT_TRUE(ValidateActivity(activity, kToday).empty());
}

// ------------------------------------------------------------------------------------------ officers

TEST(OfficerTest, NameDomainPhoneAndEmailAreRequired) {
    DesignatedOfficer officer;
    officer.phone = "12";
    officer.email = "geen-adres";
    auto problems = ValidateOfficer(officer);
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems[1].name, "domain");
    EXPECT_EQ(problems[2].name, "phone");
    EXPECT_EQ(problems[3].name, "email");
    officer = DesignatedOfficer{"", "A. Jansen", "veiligheid", "0316 123 456", "a.jansen@zevenaar.nl", true};
    EXPECT_TRUE(ValidateOfficer(officer).empty());
}

TEST(OfficerTest, WarnsWhenFewerThanTwoAreActive) {
    DesignatedOfficer safety{"1", "A", "veiligheid", "0316123456", "a@x.nl", true};
    DesignatedOfficer social{"2", "B", "sociaal-domein", "0316123456", "b@x.nl", true};
    EXPECT_TRUE(OfficerWarnings({safety, social}).empty());
    social.active = false;
    auto warnings = OfficerWarnings({safety, social});
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_NE(warnings[0].find("ten minste twee"), std::string::npos);
    EXPECT_NE(warnings[1].find("sociaal domein"), std::string::npos);
    EXPECT_NE(OfficerWarnings({})[0].find("geen actieve"), std::string::npos);
}

TEST(OfficerTest, WarnsWhenBothAreFromTheSameDomain) {
    DesignatedOfficer first{"1", "A", "veiligheid", "0316123456", "a@x.nl", true};
    DesignatedOfficer second{"2", "B", "veiligheid", "0316123456", "b@x.nl", true};
    auto warnings = OfficerWarnings({first, second});
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("het sociaal domein ontbreekt"), std::string::npos);
}

// ------------------------------------------------------------------------------------------ action plan

PlanAction Action(int objective, const std::string& status, std::optional<std::string> due_on,
                  std::optional<std::string> completed_on = std::nullopt) {
    PlanAction action;
    action.id = "a";
    action.objective = objective;
    action.status = status;
    action.due_on = std::move(due_on);
    action.completed_on = std::move(completed_on);
    return action;
}

TEST(ActionPlanTest, UpdateIsValidated) {
    auto problems = ValidateActionUpdate({std::string(201, 'x'), "klaar", "31-12-2025", ""});
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].name, "owner");
    EXPECT_EQ(problems[1].name, "status");
    EXPECT_EQ(problems[2].name, "dueOn");
    EXPECT_TRUE(ValidateActionUpdate({"Team veiligheid", "loopt", "2025-12-31", ""}).empty());
}

TEST(ActionPlanTest, CompletingAnActionRecordsTheDayAndReopeningClearsIt) {
    PlanAction action = Action(1, "loopt", "2025-12-31");
    PlanAction done = ApplyActionUpdate(action, {"Team", "afgerond", "2025-12-31", ""}, kToday);
    EXPECT_EQ(done.completed_on, "2025-06-30");
    PlanAction again = ApplyActionUpdate(done, {"Team", "afgerond", "2025-12-31", "nog een notitie"},
                                         kToday + std::chrono::days{5});
    EXPECT_EQ(again.completed_on, "2025-06-30") << "a later edit keeps the completion day";
    EXPECT_FALSE(ApplyActionUpdate(done, {"Team", "loopt", std::nullopt, ""}, kToday).completed_on.has_value());
}

TEST(ActionPlanTest, OverdueWhenThePastDueDateIsNotCompleted) {
    EXPECT_TRUE(IsActionOverdue(Action(1, "loopt", "2025-06-29"), kToday));
    EXPECT_FALSE(IsActionOverdue(Action(1, "loopt", "2025-06-30"), kToday)) << "due today is not yet overdue";
    EXPECT_FALSE(IsActionOverdue(Action(1, "afgerond", "2025-01-01", "2025-02-01"), kToday));
    EXPECT_FALSE(IsActionOverdue(Action(1, "vertraagd", std::nullopt), kToday));
}

TEST(ActionPlanTest, ProgressCountsEveryStatusPerObjective) {
    std::vector<PlanObjective> objectives{{1, "Signaleren", ""}, {2, "Beleid", ""}};
    std::vector<PlanAction> actions{Action(1, "loopt", "2025-03-01"), Action(1, "afgerond", "2025-05-01", "2025-04-20"),
                                    Action(1, "niet-gestart", std::nullopt), Action(2, "vertraagd", "2026-01-01")};
    auto progress = ComputePlanProgress(objectives, actions, 2025, kToday);
    ASSERT_EQ(progress.size(), 2u);
    EXPECT_EQ(progress[0].total, 3);
    EXPECT_EQ(progress[0].by_status.at("loopt"), 1);
    EXPECT_EQ(progress[0].by_status.at("afgerond"), 1);
    EXPECT_EQ(progress[0].by_status.at("niet-gestart"), 1);
    EXPECT_EQ(progress[0].by_status.at("vertraagd"), 0);
    EXPECT_EQ(progress[0].due_in_year, 2);
    EXPECT_EQ(progress[0].completed_in_year, 1);
    ASSERT_EQ(progress[0].overdue.size(), 1u);
    EXPECT_EQ(progress[0].overdue[0].status, "loopt");
    EXPECT_EQ(progress[1].due_in_year, 0);
    EXPECT_TRUE(progress[1].overdue.empty());
}

TEST(ActionPlanTest, APastYearIsJudgedOnItsLastDay) {
    std::vector<PlanObjective> objectives{{1, "Signaleren", ""}};
    // Due in 2024, completed in 2025: overdue at the end of 2024, not in the 2025 report.
    std::vector<PlanAction> actions{Action(1, "afgerond", "2024-10-01", "2025-02-01")};
    EXPECT_EQ(ComputePlanProgress(objectives, actions, 2024, kToday)[0].overdue.size(), 1u);
    EXPECT_TRUE(ComputePlanProgress(objectives, actions, 2025, kToday)[0].overdue.empty());
    EXPECT_EQ(ComputePlanProgress(objectives, actions, 2025, kToday)[0].completed_in_year, 1);
}

}  // namespace
}  // namespace meldroute::domain
