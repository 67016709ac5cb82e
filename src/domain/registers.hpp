// The registers behind the policy's first objective and its action plan (seed 3.2, 4.2–4.5): who has done the
// e-learning, how far each target group is covered, who is due for a refresher, the designated officers, and
// the action plan's progress. Pure: parsing and the rules, no storage.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace meldroute::domain {

// ------------------------------------------------------------------------------------------ vocabularies

//! A fixed code with its Dutch label.
struct Label {
    std::string code;
    std::string label;
};

//! The e-learning's target groups (seed 4.2.2): publiekszaken, toezicht, gebiedsteams, overig.
const std::vector<Label>& TargetGroups();
//! The designated officers' domains (seed 3.2.1): veiligheid, sociaal-domein.
const std::vector<Label>& OfficerDomains();
//! An action's status: niet-gestart, loopt, afgerond, vertraagd.
const std::vector<Label>& ActionStatuses();
//! The label of `code` in `labels`, or the code itself.
std::string LabelOf(const std::vector<Label>& labels, std::string_view code);
bool HasCode(const std::vector<Label>& labels, std::string_view code);

inline constexpr int kDefaultRefresherMonths = 24;
inline constexpr std::size_t kMaxCsvRows = 20000;

// ------------------------------------------------------------------------------------------ training

//! An employee in the training register. `id` is opaque; `employee_number` is the learning platform's.
struct StaffMember {
    std::string id;
    std::string employee_number;
    std::string name;
    std::string department;
    std::string target_group;
    bool active = true;
    std::optional<std::string> last_completed_on;  // the newest e-learning completion, "YYYY-MM-DD"
};

//! One accepted row of the learning platform's export.
struct CompletionRow {
    int line = 0;
    std::string employee_number;
    std::string name;
    std::string department;
    std::string target_group;
    std::optional<std::string> completed_on;  // "YYYY-MM-DD"; empty: registered, not (yet) completed
};

//! A row that was refused, with its line number in the file (1 is the header) and a Dutch reason.
struct CsvRejection {
    int line = 0;
    std::string reason;
};

struct CompletionCsv {
    std::vector<CompletionRow> rows;
    std::vector<CsvRejection> rejections;
};

//! Parses the export `medewerker-id;naam;afdeling;doelgroep;voltooid-op` (UTF-8, optional BOM, a header row,
//! `;` or `,` as separator, fields optionally in double quotes). Every problem is reported per line; the
//! caller imports nothing when there is any. Dates are YYYY-MM-DD or DD-MM-YYYY and not after `today`.
CompletionCsv ParseCompletionCsv(std::string_view text, std::chrono::sys_days today);

//! Problems with a staff member's fields, named as the API names them.
std::vector<InvalidParam> ValidateStaffMember(const StaffMember& member);

//! The training settings set by the beheerder: a target percentage per target group and the refresher term.
struct TrainingSettings {
    std::map<std::string, int> target_percent;  // by target group; absent: no target set
    int refresher_months = kDefaultRefresherMonths;
};

std::vector<InvalidParam> ValidateTrainingSettings(const TrainingSettings& settings);

//! The day from which a completion on `completed_on` is due for a refresher.
std::chrono::sys_days RefresherDueFrom(std::chrono::sys_days completed_on, int refresher_months);

//! Whether an active member's training is current: completed, and not yet due for a refresher on `today`.
bool IsTrainingCurrent(const StaffMember& member, std::chrono::sys_days today, int refresher_months);

//! Whether an active member completed the e-learning once but is now due for a refresher.
bool IsRefresherDue(const StaffMember& member, std::chrono::sys_days today, int refresher_months);

//! Coverage of one target group: figures only, never a name.
struct GroupCoverage {
    std::string target_group;
    int staff = 0;            // active members
    int trained = 0;          // with a current completion
    int refresher_due = 0;    // completed once, now due again
    int never_trained = 0;
    std::optional<int> target_percent;
    int percent = 0;          // trained / staff, rounded down; 0 without staff
    std::optional<bool> target_met;  // absent without a target
};

//! Coverage per target group, in the order of TargetGroups(); inactive members do not count.
std::vector<GroupCoverage> ComputeCoverage(const std::vector<StaffMember>& members, const TrainingSettings& settings,
                                           std::chrono::sys_days today);

// ------------------------------------------------------------------------------------------ awareness activities

//! An awareness activity (such as the theme day of 15 April 2024) with the number of attendees per target
//! group and from chain partners. Counts, not names: policy needs no more (data minimisation).
struct AwarenessActivity {
    std::string id;
    std::string title;
    std::string held_on;  // "YYYY-MM-DD"
    std::string description;
    std::map<std::string, int> attendees;  // by target group
    int external_attendees = 0;
};

std::vector<InvalidParam> ValidateActivity(const AwarenessActivity& activity, std::chrono::sys_days today);

// ------------------------------------------------------------------------------------------ designated officers

struct DesignatedOfficer {
    std::string id;
    std::string name;
    std::string domain;  // veiligheid | sociaal-domein
    std::string phone;
    std::string email;
    bool active = true;
};

std::vector<InvalidParam> ValidateOfficer(const DesignatedOfficer& officer);

//! The policy advises at least two active officers, one from safety and one from the social domain (seed 3.2.1).
//! The Dutch warnings for the beheerder; empty when the advice is met.
std::vector<std::string> OfficerWarnings(const std::vector<DesignatedOfficer>& officers);

// ------------------------------------------------------------------------------------------ action plan

struct PlanObjective {
    int number = 0;
    std::string title;
    std::string description;
};

struct PlanAction {
    std::string id;  // a stable slug, e.g. "e-learning"
    int objective = 0;
    std::string section;  // the seed's paragraph, e.g. "4.2.2"
    std::string title;
    std::string owner;
    std::string status = "niet-gestart";
    std::optional<std::string> due_on;        // "YYYY-MM-DD"
    std::string notes;
    std::optional<std::string> completed_on;  // set when the status became afgerond
    std::string updated_at;
    std::string updated_by;
};

//! What beleid or the beheerder may change on an action.
struct PlanActionUpdate {
    std::string owner;
    std::string status;
    std::optional<std::string> due_on;
    std::string notes;
};

std::vector<InvalidParam> ValidateActionUpdate(const PlanActionUpdate& update);

//! Applies an update to an action; keeps the completion day while the action stays afgerond.
PlanAction ApplyActionUpdate(const PlanAction& action, const PlanActionUpdate& update, std::chrono::sys_days today);

//! Whether the action's due date has passed on `today` while it is not afgerond.
bool IsActionOverdue(const PlanAction& action, std::chrono::sys_days today);

struct ObjectiveProgress {
    PlanObjective objective;
    std::map<std::string, int> by_status;  // every status, zero included
    int total = 0;
    int due_in_year = 0;
    int completed_in_year = 0;
    std::vector<PlanAction> overdue;
};

//! The day a yearly report judges overdue actions on: today, or the last day of a past year.
std::chrono::sys_days PlanReportDay(int year, std::chrono::sys_days today);

//! The yearly progress for the council: per objective the actions per status (as they stand now), how many
//! were due and completed in `year`, and which are overdue on the report's day (today, or the last day of a
//! past year).
std::vector<ObjectiveProgress> ComputePlanProgress(const std::vector<PlanObjective>& objectives,
                                                   const std::vector<PlanAction>& actions, int year,
                                                   std::chrono::sys_days today);

}  // namespace meldroute::domain
