// The registers (training, awareness, designated officers, action plan; tables of migration 7) in SQL both stores
// run, used by SqlTransaction::Registers(). Names and contact details are sealed per cell like every other
// personal-data column (store/sealed_columns.cpp).
#pragma once

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "store/field_cipher.hpp"
#include "store/register_store.hpp"
#include "store/sealed_columns.hpp"

namespace meldroute::store::sql {

template <typename Db>
class SqlRegisters final : public RegisterTransaction {
public:
    using Statement = decltype(std::declval<Db&>().Prepare(std::string{}));

    SqlRegisters(Db& connection, const FieldCipher& cipher) : db_(connection), cipher_(cipher) {}

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

    Db& db_;
    const FieldCipher& cipher_;
};

namespace detail {

inline constexpr const char* kRefresherMonthsKey = "refresher-months";

// Staff columns with the newest completion, in the order ReadStaff expects.
inline constexpr const char* kStaffSelect =
    "SELECT m.id, m.employee_number, m.name, m.department, m.target_group, m.active, "
    "(SELECT max(c.completed_on) FROM training_completions c WHERE c.staff_id = m.id) FROM staff_members m";

inline constexpr const char* kOfficerSelect = "SELECT id, name, domain, phone, email, active FROM designated_officers";

}  // namespace detail

template <typename Db>
domain::StaffMember SqlRegisters<Db>::ReadStaff(const Statement& statement) const {
    const std::string id = statement.Text(0);
    return domain::StaffMember{id,
                               statement.Text(1),
                               OpenCell(cipher_, "staff_members", id, "name", statement.Text(2)),
                               statement.Text(3),
                               statement.Text(4),
                               statement.Int(5) != 0,
                               statement.OptionalText(6)};
}

template <typename Db>
domain::DesignatedOfficer SqlRegisters<Db>::ReadOfficer(const Statement& statement) const {
    const std::string id = statement.Text(0);
    auto open = [&](int column, const char* name) {
        return OpenCell(cipher_, "designated_officers", id, name, statement.Text(column));
    };
    return domain::DesignatedOfficer{id, open(1, "name"), statement.Text(2), open(3, "phone"), open(4, "email"),
                                     statement.Int(5) != 0};
}

template <typename Db>
std::vector<domain::StaffMember> SqlRegisters<Db>::ListStaffMembers() {
    // Sorted here: names are sealed, so the database cannot order them.
    auto statement = db_.Prepare(std::string{detail::kStaffSelect} + " ORDER BY m.target_group, m.sequence");
    std::vector<domain::StaffMember> members;
    while (statement.Step()) members.push_back(ReadStaff(statement));
    std::stable_sort(members.begin(), members.end(), [](const auto& left, const auto& right) {
        return std::tie(left.target_group, left.name) < std::tie(right.target_group, right.name);
    });
    return members;
}

template <typename Db>
std::optional<domain::StaffMember> SqlRegisters<Db>::FindStaffWhere(const char* column, std::string_view value) {
    auto statement = db_.Prepare(std::string{detail::kStaffSelect} + " WHERE m." + column + " = ?");
    statement.Bind(1, value);
    if (!statement.Step()) return std::nullopt;
    return ReadStaff(statement);
}

template <typename Db>
std::optional<domain::StaffMember> SqlRegisters<Db>::FindStaffMember(std::string_view id) {
    return FindStaffWhere("id", id);
}

template <typename Db>
std::optional<domain::StaffMember> SqlRegisters<Db>::FindStaffMemberByNumber(std::string_view employee_number) {
    return FindStaffWhere("employee_number", employee_number);
}

template <typename Db>
void SqlRegisters<Db>::InsertStaffMember(const domain::StaffMember& member, std::string_view at) {
    db_.Prepare(
           "INSERT INTO staff_members (id, employee_number, name, department, target_group, active, created_at, "
           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .BindAll(member.id, member.employee_number, SealCell(cipher_, "staff_members", member.id, "name", member.name),
                 member.department, member.target_group, member.active ? 1 : 0, at, at)
        .Run();
}

template <typename Db>
void SqlRegisters<Db>::UpdateStaffMember(const domain::StaffMember& member, std::string_view at) {
    db_.Prepare(
           "UPDATE staff_members SET employee_number = ?, name = ?, department = ?, target_group = ?, active = ?, "
           "updated_at = ? WHERE id = ?")
        .BindAll(member.employee_number, SealCell(cipher_, "staff_members", member.id, "name", member.name),
                 member.department, member.target_group, member.active ? 1 : 0, at, member.id)
        .Run();
}

template <typename Db>
bool SqlRegisters<Db>::InsertCompletion(std::string_view staff_id, std::string_view completed_on,
                                       std::string_view import_id) {
    db_.Prepare("INSERT INTO training_completions (staff_id, completed_on, import_id) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING")
        .BindAll(staff_id, completed_on, import_id)
        .Run();
    return db_.Changes() > 0;
}

template <typename Db>
void SqlRegisters<Db>::InsertTrainingImport(const TrainingImportRecord& record) {
    db_.Prepare(
           "INSERT INTO training_imports (id, at, actor, rows, staff_added, staff_updated, completions_added) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .BindAll(record.id, record.at, record.actor, record.rows, record.staff_added, record.staff_updated,
                 record.completions_added)
        .Run();
}

template <typename Db>
std::vector<TrainingImportRecord> SqlRegisters<Db>::ListTrainingImports(int limit) {
    auto statement = db_.Prepare(
        "SELECT id, at, actor, rows, staff_added, staff_updated, completions_added FROM training_imports "
        "ORDER BY sequence DESC LIMIT ?");
    statement.Bind(1, limit);
    std::vector<TrainingImportRecord> records;
    while (statement.Step()) {
        records.push_back({statement.Text(0), statement.Text(1), statement.Text(2), static_cast<int>(statement.Int(3)),
                           static_cast<int>(statement.Int(4)), static_cast<int>(statement.Int(5)),
                           static_cast<int>(statement.Int(6))});
    }
    return records;
}

template <typename Db>
domain::TrainingSettings SqlRegisters<Db>::LoadTrainingSettings() {
    domain::TrainingSettings settings;
    auto targets = db_.Prepare("SELECT target_group, target_percent FROM training_targets");
    while (targets.Step()) settings.target_percent[targets.Text(0)] = static_cast<int>(targets.Int(1));
    auto months = db_.Prepare("SELECT value FROM register_settings WHERE key = ?");
    months.Bind(1, detail::kRefresherMonthsKey);
    if (months.Step()) settings.refresher_months = std::stoi(months.Text(0));
    return settings;
}

template <typename Db>
void SqlRegisters<Db>::SaveTrainingSettings(const domain::TrainingSettings& settings) {
    db_.Prepare("DELETE FROM training_targets").Run();
    for (const auto& [group, percent] : settings.target_percent) {
        db_.Prepare("INSERT INTO training_targets (target_group, target_percent) VALUES (?, ?)")
            .BindAll(group, percent)
            .Run();
    }
    db_.Prepare(
           "INSERT INTO register_settings (key, value) VALUES (?, ?) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .BindAll(detail::kRefresherMonthsKey, std::to_string(settings.refresher_months))
        .Run();
}

template <typename Db>
void SqlRegisters<Db>::InsertActivity(const domain::AwarenessActivity& activity, std::string_view at) {
    db_.Prepare(
           "INSERT INTO awareness_activities (id, title, held_on, description, external_attendees, created_at) "
           "VALUES (?, ?, ?, ?, ?, ?)")
        .BindAll(activity.id, activity.title, activity.held_on, activity.description, activity.external_attendees,
                 at)
        .Run();
    for (const auto& [group, count] : activity.attendees) {
        db_.Prepare("INSERT INTO activity_attendees (activity_id, target_group, attendees) VALUES (?, ?, ?)")
            .BindAll(activity.id, group, count)
            .Run();
    }
}

template <typename Db>
std::vector<domain::AwarenessActivity> SqlRegisters<Db>::ListActivities() {
    std::vector<domain::AwarenessActivity> activities;
    {
        auto statement = db_.Prepare(
            "SELECT id, title, held_on, description, external_attendees FROM awareness_activities "
            "ORDER BY held_on DESC, sequence DESC LIMIT 500");
        while (statement.Step()) {
            activities.push_back({statement.Text(0), statement.Text(1), statement.Text(2), statement.Text(3), {},
                                  static_cast<int>(statement.Int(4))});
        }
    }
    for (domain::AwarenessActivity& activity : activities) {
        auto statement = db_.Prepare("SELECT target_group, attendees FROM activity_attendees WHERE activity_id = ?");
        statement.Bind(1, activity.id);
        while (statement.Step()) activity.attendees[statement.Text(0)] = static_cast<int>(statement.Int(1));
    }
    return activities;
}

template <typename Db>
std::vector<domain::DesignatedOfficer> SqlRegisters<Db>::ListOfficers() {
    auto statement = db_.Prepare(std::string{detail::kOfficerSelect} + " ORDER BY active DESC, sequence");
    std::vector<domain::DesignatedOfficer> officers;
    while (statement.Step()) officers.push_back(ReadOfficer(statement));
    return officers;
}

template <typename Db>
std::optional<domain::DesignatedOfficer> SqlRegisters<Db>::FindOfficer(std::string_view id) {
    auto statement = db_.Prepare(std::string{detail::kOfficerSelect} + " WHERE id = ?");
    statement.Bind(1, id);
    if (!statement.Step()) return std::nullopt;
    return ReadOfficer(statement);
}

template <typename Db>
void SqlRegisters<Db>::InsertOfficer(const domain::DesignatedOfficer& officer, std::string_view at) {
    db_.Prepare(
           "INSERT INTO designated_officers (id, name, domain, phone, email, active, created_at, updated_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .BindAll(officer.id, SealCell(cipher_, "designated_officers", officer.id, "name", officer.name),
                 officer.domain, SealCell(cipher_, "designated_officers", officer.id, "phone", officer.phone),
                 SealCell(cipher_, "designated_officers", officer.id, "email", officer.email),
                 officer.active ? 1 : 0, at, at)
        .Run();
}

template <typename Db>
void SqlRegisters<Db>::UpdateOfficer(const domain::DesignatedOfficer& officer, std::string_view at) {
    db_.Prepare(
           "UPDATE designated_officers SET name = ?, domain = ?, phone = ?, email = ?, active = ?, updated_at = ? "
           "WHERE id = ?")
        .BindAll(SealCell(cipher_, "designated_officers", officer.id, "name", officer.name), officer.domain,
                 SealCell(cipher_, "designated_officers", officer.id, "phone", officer.phone),
                 SealCell(cipher_, "designated_officers", officer.id, "email", officer.email),
                 officer.active ? 1 : 0, at, officer.id)
        .Run();
}

template <typename Db>
std::vector<domain::PlanObjective> SqlRegisters<Db>::ListObjectives() {
    auto statement = db_.Prepare("SELECT number, title, description FROM plan_objectives ORDER BY number");
    std::vector<domain::PlanObjective> objectives;
    while (statement.Step()) {
        objectives.push_back({static_cast<int>(statement.Int(0)), statement.Text(1), statement.Text(2)});
    }
    return objectives;
}

template <typename Db>
std::optional<domain::PlanAction> SqlRegisters<Db>::ReadActions(std::string_view id,
                                                               std::vector<domain::PlanAction>* all) {
    auto statement = db_.Prepare(
        "SELECT id, objective, section, title, owner, status, due_on, notes, completed_on, updated_at, updated_by "
        "FROM plan_actions WHERE ?1 IS NULL OR id = ?1 ORDER BY objective, position");
    if (all == nullptr) statement.Bind(1, id);
    std::optional<domain::PlanAction> found;
    while (statement.Step()) {
        domain::PlanAction action;
        action.id = statement.Text(0);
        action.objective = static_cast<int>(statement.Int(1));
        action.section = statement.Text(2);
        action.title = statement.Text(3);
        action.owner = statement.Text(4);
        action.status = statement.Text(5);
        action.due_on = statement.OptionalText(6);
        action.notes = statement.Text(7);
        action.completed_on = statement.OptionalText(8);
        action.updated_at = statement.Text(9);
        action.updated_by = statement.Text(10);
        if (all != nullptr) {
            all->push_back(std::move(action));
        } else {
            found = std::move(action);
        }
    }
    return found;
}

template <typename Db>
std::vector<domain::PlanAction> SqlRegisters<Db>::ListActions() {
    std::vector<domain::PlanAction> actions;
    ReadActions({}, &actions);
    return actions;
}

template <typename Db>
std::optional<domain::PlanAction> SqlRegisters<Db>::FindAction(std::string_view id) { return ReadActions(id, nullptr); }

template <typename Db>
void SqlRegisters<Db>::UpdateAction(const domain::PlanAction& action) {
    db_.Prepare(
           "UPDATE plan_actions SET owner = ?, status = ?, due_on = ?, notes = ?, completed_on = ?, updated_at = ?, "
           "updated_by = ? WHERE id = ?")
        .BindAll(action.owner, action.status, action.due_on, action.notes, action.completed_on, action.updated_at,
                 action.updated_by, action.id)
        .Run();
}

}  // namespace meldroute::store::sql
