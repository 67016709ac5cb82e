// The storage of the registers (training, awareness activities, designated officers, the action plan), reached
// through Transaction::Registers() inside the same transaction as everything else, so a register change and
// its audit record commit together.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/registers.hpp"

namespace meldroute::store {

//! One import of the learning platform's export, as the register remembers it (figures, no names).
struct TrainingImportRecord {
    std::string id;
    std::string at;
    std::string actor;
    int rows = 0;
    int staff_added = 0;
    int staff_updated = 0;
    int completions_added = 0;
};

//! The data operations on the registers. Methods throw StoreFailure on engine errors.
class RegisterTransaction {
public:
    virtual ~RegisterTransaction() = default;

    // Training: staff, e-learning completions, imports and settings.
    //! Every staff member with their newest completion, ordered by target group and name.
    virtual std::vector<domain::StaffMember> ListStaffMembers() = 0;
    virtual std::optional<domain::StaffMember> FindStaffMember(std::string_view id) = 0;
    virtual std::optional<domain::StaffMember> FindStaffMemberByNumber(std::string_view employee_number) = 0;
    virtual void InsertStaffMember(const domain::StaffMember& member, std::string_view at) = 0;
    virtual void UpdateStaffMember(const domain::StaffMember& member, std::string_view at) = 0;
    //! Records a completion; false when that member already has one on that day.
    virtual bool InsertCompletion(std::string_view staff_id, std::string_view completed_on,
                                  std::string_view import_id) = 0;
    virtual void InsertTrainingImport(const TrainingImportRecord& record) = 0;
    virtual std::vector<TrainingImportRecord> ListTrainingImports(int limit) = 0;
    virtual domain::TrainingSettings LoadTrainingSettings() = 0;
    virtual void SaveTrainingSettings(const domain::TrainingSettings& settings) = 0;

    // Awareness activities.
    virtual void InsertActivity(const domain::AwarenessActivity& activity, std::string_view at) = 0;
    //! Newest first.
    virtual std::vector<domain::AwarenessActivity> ListActivities() = 0;

    // Designated officers.
    virtual std::vector<domain::DesignatedOfficer> ListOfficers() = 0;
    virtual std::optional<domain::DesignatedOfficer> FindOfficer(std::string_view id) = 0;
    virtual void InsertOfficer(const domain::DesignatedOfficer& officer, std::string_view at) = 0;
    virtual void UpdateOfficer(const domain::DesignatedOfficer& officer, std::string_view at) = 0;

    // The action plan (objectives and actions are seeded by a migration; actions are updated, never added).
    virtual std::vector<domain::PlanObjective> ListObjectives() = 0;
    virtual std::vector<domain::PlanAction> ListActions() = 0;
    virtual std::optional<domain::PlanAction> FindAction(std::string_view id) = 0;
    virtual void UpdateAction(const domain::PlanAction& action) = 0;
};

}  // namespace meldroute::store
