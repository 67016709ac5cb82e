// The registers on SQLite (tables of migration 7), used by SqliteTransaction::Registers(). Names and contact
// details are sealed per cell like every other personal-data column (sealed_columns.cpp).
#pragma once

#include "store/field_cipher.hpp"
#include "store/register_store.hpp"

namespace meldroute::store::sqlite {

class Connection;
class Statement;

class SqliteRegisters final : public RegisterTransaction {
public:
    SqliteRegisters(Connection& connection, const FieldCipher& cipher) : db_(connection), cipher_(cipher) {}

    std::vector<domain::StaffMember> ListStaffMembers() override;
    std::optional<domain::StaffMember> FindStaffMember(std::string_view id) override;
    std::optional<domain::StaffMember> FindStaffMemberByNumber(std::string_view employee_number) override;
    void InsertStaffMember(const domain::StaffMember& member, std::string_view at) override;
    void UpdateStaffMember(const domain::StaffMember& member, std::string_view at) override;
    bool InsertCompletion(std::string_view staff_id, std::string_view completed_on,
                          std::string_view import_id) override;
    void InsertTrainingImport(const TrainingImportRecord& record) override;
    std::vector<TrainingImportRecord> ListTrainingImports(int limit) override;
    domain::TrainingSettings LoadTrainingSettings() override;
    void SaveTrainingSettings(const domain::TrainingSettings& settings) override;

    void InsertActivity(const domain::AwarenessActivity& activity, std::string_view at) override;
    std::vector<domain::AwarenessActivity> ListActivities() override;

    std::vector<domain::DesignatedOfficer> ListOfficers() override;
    std::optional<domain::DesignatedOfficer> FindOfficer(std::string_view id) override;
    void InsertOfficer(const domain::DesignatedOfficer& officer, std::string_view at) override;
    void UpdateOfficer(const domain::DesignatedOfficer& officer, std::string_view at) override;

    std::vector<domain::PlanObjective> ListObjectives() override;
    std::vector<domain::PlanAction> ListActions() override;
    std::optional<domain::PlanAction> FindAction(std::string_view id) override;
    void UpdateAction(const domain::PlanAction& action) override;

private:
    std::optional<domain::StaffMember> FindStaffWhere(const char* column, std::string_view value);
    std::optional<domain::PlanAction> ReadActions(std::string_view id, std::vector<domain::PlanAction>* all);
    domain::StaffMember ReadStaff(const Statement& statement) const;
    domain::DesignatedOfficer ReadOfficer(const Statement& statement) const;

    Connection& db_;
    const FieldCipher& cipher_;
};

}  // namespace meldroute::store::sqlite
