// The use cases of the registers (issue 7): the training register with its CSV import, awareness activities,
// the designated officers and the action plan. Like service.cpp: role check, one transaction, the change and
// its audit record committed together; every read of names is audited too.
#include "app/audit.hpp"
#include "app/crypto.hpp"
#include "app/service.hpp"
#include "app/service_support.hpp"
#include "base/time.hpp"

namespace meldroute::app {

namespace {

using support::Invalid;
using support::kAllowed;
using support::NotFound;
using support::NowText;
using domain::Role;

constexpr const char* kPurposeTraining = "opleidingsregister signaleren mensenhandel";
constexpr const char* kPurposeOfficers = "register aandachtfunctionarissen";
constexpr const char* kPurposePlan = "voortgang actieplan mensenhandel";

Error EmployeeNumberTaken() {
    return Invalid({{"employeeNumber", "Dit medewerker-id hoort al bij een andere medewerker."}});
}

}  // namespace

// ---------------------------------------------------------------------------------------------- training

Result<TrainingCoverage> Service::GetTrainingCoverage(const Principal& principal) {
    MR_TRY(Require(principal, {Role::kBeleid, Role::kBeheerder}, "training.coverage.read"));
    TrainingCoverage coverage;
    auto today = DayOf(Now());
    coverage.as_of = FormatDate(today);
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto& registers = transaction.Registers();
        coverage.settings = registers.LoadTrainingSettings();
        coverage.groups = domain::ComputeCoverage(registers.ListStaffMembers(), coverage.settings, today);
        auto imports = registers.ListTrainingImports(1);
        if (!imports.empty()) coverage.last_import = imports.front();
        AppendAudit(transaction,
                    {principal.username, "training.coverage.read", "training-coverage", "beleidsinformatie", kAllowed},
                    NowText());
        return Ok();
    }));
    // The actor of an import is a person; beleid sees figures only.
    if (coverage.last_import && !principal.Has(Role::kBeheerder)) coverage.last_import->actor.clear();
    return coverage;
}

Result<std::vector<StaffListItem>> Service::ListStaffMembers(const Principal& principal) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "staff.list"));
    std::vector<StaffListItem> items;
    auto today = DayOf(Now());
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto& registers = transaction.Registers();
        int months = registers.LoadTrainingSettings().refresher_months;
        for (domain::StaffMember& member : registers.ListStaffMembers()) {
            StaffListItem item;
            item.training_current = domain::IsTrainingCurrent(member, today, months);
            item.refresher_due = domain::IsRefresherDue(member, today, months);
            if (member.last_completed_on) {
                item.refresher_due_from =
                    FormatDate(domain::RefresherDueFrom(*ParseDate(*member.last_completed_on), months));
            }
            item.member = std::move(member);
            items.push_back(std::move(item));
        }
        AppendAudit(transaction, {principal.username, "staff.list", "staff-members", kPurposeTraining, kAllowed},
                    NowText());
        return Ok();
    }));
    return items;
}

Result<domain::StaffMember> Service::AddStaffMember(const Principal& principal, const domain::StaffMember& member) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "staff.create"));
    auto problems = domain::ValidateStaffMember(member);
    if (!problems.empty()) return Invalid(std::move(problems));
    domain::StaffMember created = member;
    created.id = NewId();
    created.last_completed_on.reset();
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto& registers = transaction.Registers();
        if (registers.FindStaffMemberByNumber(created.employee_number)) return EmployeeNumberTaken();
        std::string now = NowText();
        registers.InsertStaffMember(created, now);
        AppendAudit(transaction,
                    {principal.username, "staff.create", "staff-member/" + created.id, kPurposeTraining, kAllowed}, now);
        return Ok();
    }));
    return created;
}

Result<domain::StaffMember> Service::UpdateStaffMember(const Principal& principal, const std::string& staff_id,
                                                       const domain::StaffMember& member) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "staff.update"));
    auto problems = domain::ValidateStaffMember(member);
    if (!problems.empty()) return Invalid(std::move(problems));
    std::optional<domain::StaffMember> updated;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto& registers = transaction.Registers();
        auto existing = registers.FindStaffMember(staff_id);
        if (!existing) return NotFound("Deze medewerker");
        auto holder = registers.FindStaffMemberByNumber(member.employee_number);
        if (holder && holder->id != staff_id) return EmployeeNumberTaken();
        updated = member;
        updated->id = staff_id;
        updated->last_completed_on = existing->last_completed_on;
        std::string now = NowText();
        registers.UpdateStaffMember(*updated, now);
        AppendAudit(transaction,
                    {principal.username, "staff.update", "staff-member/" + staff_id, kPurposeTraining, kAllowed}, now);
        return Ok();
    }));
    return std::move(*updated);
}

Result<store::TrainingImportRecord> Service::ImportCompletions(const Principal& principal, const std::string& csv) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "training.import"));
    domain::CompletionCsv parsed = domain::ParseCompletionCsv(csv, DayOf(Now()));
    if (!parsed.rejections.empty()) {
        // All or nothing: one rejected row means nothing is imported, and every rejected row is reported.
        std::vector<InvalidParam> problems;
        for (const auto& rejection : parsed.rejections) {
            problems.push_back({"csv[" + std::to_string(rejection.line) + "]", rejection.reason});
        }
        std::size_t count = problems.size();
        return MakeError(ErrorCode::kInvalidArgument,
                         "Er is niets geïmporteerd: " + std::to_string(count) +
                             (count == 1 ? " regel is" : " regels zijn") + " afgekeurd. Verbeter " +
                             (count == 1 ? "die regel" : "die regels") + " en importeer het hele bestand opnieuw.",
                         std::move(problems));
    }
    store::TrainingImportRecord record;
    record.id = NewId();
    record.actor = principal.username;
    record.rows = static_cast<int>(parsed.rows.size());
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto& registers = transaction.Registers();
        record.at = NowText();
        for (const domain::CompletionRow& row : parsed.rows) {
            auto member = registers.FindStaffMemberByNumber(row.employee_number);
            // Someone in the export works here: their name, department and group follow the export.
            domain::StaffMember current{member ? member->id : NewId(), row.employee_number, row.name,
                                        row.department, row.target_group, true, std::nullopt};
            if (!member) {
                registers.InsertStaffMember(current, record.at);
                ++record.staff_added;
            } else if (member->name != row.name || member->department != row.department ||
                       member->target_group != row.target_group || !member->active) {
                registers.UpdateStaffMember(current, record.at);
                ++record.staff_updated;
            }
            if (row.completed_on && registers.InsertCompletion(current.id, *row.completed_on, record.id)) {
                ++record.completions_added;
            }
        }
        registers.InsertTrainingImport(record);
        AppendAudit(transaction, {principal.username, "training.import", "training-import/" + record.id,
                                  kPurposeTraining, kAllowed},
                    record.at);
        return Ok();
    }));
    return record;
}

Result<domain::TrainingSettings> Service::SetTrainingSettings(const Principal& principal,
                                                              const domain::TrainingSettings& settings) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "training.settings.update"));
    auto problems = domain::ValidateTrainingSettings(settings);
    if (!problems.empty()) return Invalid(std::move(problems));
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        transaction.Registers().SaveTrainingSettings(settings);
        AppendAudit(transaction, {principal.username, "training.settings.update", "training-settings",
                                  kPurposeTraining, kAllowed},
                    NowText());
        return Ok();
    }));
    return settings;
}

Result<std::vector<domain::AwarenessActivity>> Service::ListActivities(const Principal& principal) {
    MR_TRY(Require(principal, {Role::kBeleid, Role::kBeheerder}, "activity.list"));
    std::vector<domain::AwarenessActivity> activities;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        activities = transaction.Registers().ListActivities();  // counts only, no names: not audited
        return Ok();
    }));
    return activities;
}

Result<domain::AwarenessActivity> Service::AddActivity(const Principal& principal,
                                                       const domain::AwarenessActivity& activity) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "activity.create"));
    auto problems = domain::ValidateActivity(activity, DayOf(Now()));
    if (!problems.empty()) return Invalid(std::move(problems));
    domain::AwarenessActivity created = activity;
    created.id = NewId();
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        std::string now = NowText();
        transaction.Registers().InsertActivity(created, now);
        AppendAudit(transaction,
                    {principal.username, "activity.create", "awareness-activity/" + created.id, kPurposeTraining,
                     kAllowed},
                    now);
        return Ok();
    }));
    return created;
}

// ---------------------------------------------------------------------------------------------- officers

Result<std::vector<domain::DesignatedOfficer>> Service::ListOfficers(const Principal& principal) {
    MR_TRY(RequireEnrolled(principal, "officer.list"));
    bool administrator = principal.Has(Role::kBeheerder);
    std::vector<domain::DesignatedOfficer> officers;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        officers = transaction.Registers().ListOfficers();
        AppendAudit(transaction, {principal.username, "officer.list", "designated-officers", kPurposeOfficers, kAllowed},
                    NowText());
        return Ok();
    }));
    if (!administrator) {
        std::erase_if(officers, [](const domain::DesignatedOfficer& officer) { return !officer.active; });
    }
    return officers;
}

Result<domain::DesignatedOfficer> Service::AddOfficer(const Principal& principal,
                                                      const domain::DesignatedOfficer& officer) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "officer.create"));
    auto problems = domain::ValidateOfficer(officer);
    if (!problems.empty()) return Invalid(std::move(problems));
    domain::DesignatedOfficer created = officer;
    created.id = NewId();
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        std::string now = NowText();
        transaction.Registers().InsertOfficer(created, now);
        AppendAudit(transaction,
                    {principal.username, "officer.create", "designated-officer/" + created.id, kPurposeOfficers,
                     kAllowed},
                    now);
        return Ok();
    }));
    return created;
}

Result<domain::DesignatedOfficer> Service::UpdateOfficer(const Principal& principal, const std::string& officer_id,
                                                         const domain::DesignatedOfficer& officer) {
    MR_TRY(Require(principal, {Role::kBeheerder}, "officer.update"));
    auto problems = domain::ValidateOfficer(officer);
    if (!problems.empty()) return Invalid(std::move(problems));
    domain::DesignatedOfficer updated = officer;
    updated.id = officer_id;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        if (!transaction.Registers().FindOfficer(officer_id)) return NotFound("Deze aandachtfunctionaris");
        std::string now = NowText();
        transaction.Registers().UpdateOfficer(updated, now);
        AppendAudit(transaction,
                    {principal.username, "officer.update", "designated-officer/" + officer_id, kPurposeOfficers,
                     kAllowed},
                    now);
        return Ok();
    }));
    return updated;
}

// ---------------------------------------------------------------------------------------------- action plan

Result<ActionPlan> Service::GetActionPlan(const Principal& principal) {
    MR_TRY(Require(principal, {Role::kBeleid, Role::kBeheerder, Role::kAandachtfunctionaris}, "actionplan.read"));
    ActionPlan plan;
    plan.as_of = FormatDate(DayOf(Now()));
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        plan.objectives = transaction.Registers().ListObjectives();
        plan.actions = transaction.Registers().ListActions();
        // Owners and notes may name people.
        AppendAudit(transaction, {principal.username, "actionplan.read", "plan-actions", kPurposePlan, kAllowed},
                    NowText());
        return Ok();
    }));
    return plan;
}

Result<domain::PlanAction> Service::UpdatePlanAction(const Principal& principal, const std::string& action_id,
                                                     const domain::PlanActionUpdate& update) {
    MR_TRY(Require(principal, {Role::kBeleid, Role::kBeheerder}, "actionplan.update"));
    auto problems = domain::ValidateActionUpdate(update);
    if (!problems.empty()) return Invalid(std::move(problems));
    std::optional<domain::PlanAction> updated;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto action = transaction.Registers().FindAction(action_id);
        if (!action) return NotFound("Deze actie");
        std::string now = NowText();
        updated = domain::ApplyActionUpdate(*action, update, DayOf(Now()));
        updated->updated_at = now;
        updated->updated_by = principal.username;
        transaction.Registers().UpdateAction(*updated);
        AppendAudit(transaction,
                    {principal.username, "actionplan.update", "plan-action/" + action_id, kPurposePlan, kAllowed}, now);
        return Ok();
    }));
    return std::move(*updated);
}

Result<PlanReport> Service::GetPlanReport(const Principal& principal, int year) {
    MR_TRY(Require(principal, {Role::kBeleid, Role::kBeheerder, Role::kAandachtfunctionaris}, "actionplan.report"));
    if (year < 2000 || year > 2100) return Invalid({{"year", "Geef een jaar met 4 cijfers tussen 2000 en 2100, zoals 2025."}});
    auto today = DayOf(Now());
    PlanReport report;
    report.year = year;
    report.as_of = FormatDate(domain::PlanReportDay(year, today));
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        report.objectives = domain::ComputePlanProgress(transaction.Registers().ListObjectives(),
                                                        transaction.Registers().ListActions(), year, today);
        AppendAudit(transaction, {principal.username, "actionplan.report", "plan-reports/" + std::to_string(year),
                                  kPurposePlan, kAllowed},
                    NowText());
        return Ok();
    }));
    return report;
}

}  // namespace meldroute::app
