#include "store/sqlite/sqlite_registers.hpp"

#include <algorithm>
#include <tuple>

#include "store/sqlite/connection.hpp"
#include "store/sqlite/sealed_columns.hpp"

namespace meldroute::store::sqlite {

namespace {

constexpr const char* kRefresherMonthsKey = "refresher-months";

// Staff columns with the newest completion, in the order ReadStaff expects.
constexpr const char* kStaffSelect =
    "SELECT m.id, m.employee_number, m.name, m.department, m.target_group, m.active, "
    "(SELECT max(c.completed_on) FROM training_completions c WHERE c.staff_id = m.id) FROM staff_members m";

constexpr const char* kOfficerSelect = "SELECT id, name, domain, phone, email, active FROM designated_officers";

}  // namespace

domain::StaffMember SqliteRegisters::ReadStaff(const Statement& statement) const {
    const std::string id = statement.Text(0);
    return domain::StaffMember{id,
                               statement.Text(1),
                               OpenCell(cipher_, "staff_members", id, "name", statement.Text(2)),
                               statement.Text(3),
                               statement.Text(4),
                               statement.Int(5) != 0,
                               statement.OptionalText(6)};
}

domain::DesignatedOfficer SqliteRegisters::ReadOfficer(const Statement& statement) const {
    const std::string id = statement.Text(0);
    auto open = [&](int column, const char* name) {
        return OpenCell(cipher_, "designated_officers", id, name, statement.Text(column));
    };
    return domain::DesignatedOfficer{id, open(1, "name"), statement.Text(2), open(3, "phone"), open(4, "email"),
                                     statement.Int(5) != 0};
}

std::vector<domain::StaffMember> SqliteRegisters::ListStaffMembers() {
    // Sorted here: names are sealed, so the database cannot order them.
    auto statement = db_.Prepare(std::string{kStaffSelect} + " ORDER BY m.target_group, m.sequence");
    std::vector<domain::StaffMember> members;
    while (statement.Step()) members.push_back(ReadStaff(statement));
    std::stable_sort(members.begin(), members.end(), [](const auto& left, const auto& right) {
        return std::tie(left.target_group, left.name) < std::tie(right.target_group, right.name);
    });
    return members;
}

std::optional<domain::StaffMember> SqliteRegisters::FindStaffWhere(const char* column, std::string_view value) {
    auto statement = db_.Prepare(std::string{kStaffSelect} + " WHERE m." + column + " = ?");
    statement.Bind(1, value);
    if (!statement.Step()) return std::nullopt;
    return ReadStaff(statement);
}

std::optional<domain::StaffMember> SqliteRegisters::FindStaffMember(std::string_view id) {
    return FindStaffWhere("id", id);
}

std::optional<domain::StaffMember> SqliteRegisters::FindStaffMemberByNumber(std::string_view employee_number) {
    return FindStaffWhere("employee_number", employee_number);
}

void SqliteRegisters::InsertStaffMember(const domain::StaffMember& member, std::string_view at) {
    db_.Prepare(
           "INSERT INTO staff_members (id, employee_number, name, department, target_group, active, created_at, "
           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .BindAll(member.id, member.employee_number, SealCell(cipher_, "staff_members", member.id, "name", member.name),
                 member.department, member.target_group, member.active ? 1 : 0, at, at)
        .Run();
}

void SqliteRegisters::UpdateStaffMember(const domain::StaffMember& member, std::string_view at) {
    db_.Prepare(
           "UPDATE staff_members SET employee_number = ?, name = ?, department = ?, target_group = ?, active = ?, "
           "updated_at = ? WHERE id = ?")
        .BindAll(member.employee_number, SealCell(cipher_, "staff_members", member.id, "name", member.name),
                 member.department, member.target_group, member.active ? 1 : 0, at, member.id)
        .Run();
}

bool SqliteRegisters::InsertCompletion(std::string_view staff_id, std::string_view completed_on,
                                       std::string_view import_id) {
    db_.Prepare("INSERT OR IGNORE INTO training_completions (staff_id, completed_on, import_id) VALUES (?, ?, ?)")
        .BindAll(staff_id, completed_on, import_id)
        .Run();
    return db_.Changes() > 0;
}

void SqliteRegisters::InsertTrainingImport(const TrainingImportRecord& record) {
    db_.Prepare(
           "INSERT INTO training_imports (id, at, actor, rows, staff_added, staff_updated, completions_added) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .BindAll(record.id, record.at, record.actor, record.rows, record.staff_added, record.staff_updated,
                 record.completions_added)
        .Run();
}

std::vector<TrainingImportRecord> SqliteRegisters::ListTrainingImports(int limit) {
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

domain::TrainingSettings SqliteRegisters::LoadTrainingSettings() {
    domain::TrainingSettings settings;
    auto targets = db_.Prepare("SELECT target_group, target_percent FROM training_targets");
    while (targets.Step()) settings.target_percent[targets.Text(0)] = static_cast<int>(targets.Int(1));
    auto months = db_.Prepare("SELECT value FROM register_settings WHERE key = ?");
    months.Bind(1, kRefresherMonthsKey);
    if (months.Step()) settings.refresher_months = std::stoi(months.Text(0));
    return settings;
}

void SqliteRegisters::SaveTrainingSettings(const domain::TrainingSettings& settings) {
    db_.Prepare("DELETE FROM training_targets").Run();
    for (const auto& [group, percent] : settings.target_percent) {
        db_.Prepare("INSERT INTO training_targets (target_group, target_percent) VALUES (?, ?)")
            .BindAll(group, percent)
            .Run();
    }
    db_.Prepare(
           "INSERT INTO register_settings (key, value) VALUES (?, ?) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .BindAll(kRefresherMonthsKey, std::to_string(settings.refresher_months))
        .Run();
}

void SqliteRegisters::InsertActivity(const domain::AwarenessActivity& activity, std::string_view at) {
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

std::vector<domain::AwarenessActivity> SqliteRegisters::ListActivities() {
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

std::vector<domain::DesignatedOfficer> SqliteRegisters::ListOfficers() {
    auto statement = db_.Prepare(std::string{kOfficerSelect} + " ORDER BY active DESC, sequence");
    std::vector<domain::DesignatedOfficer> officers;
    while (statement.Step()) officers.push_back(ReadOfficer(statement));
    return officers;
}

std::optional<domain::DesignatedOfficer> SqliteRegisters::FindOfficer(std::string_view id) {
    auto statement = db_.Prepare(std::string{kOfficerSelect} + " WHERE id = ?");
    statement.Bind(1, id);
    if (!statement.Step()) return std::nullopt;
    return ReadOfficer(statement);
}

void SqliteRegisters::InsertOfficer(const domain::DesignatedOfficer& officer, std::string_view at) {
    db_.Prepare(
           "INSERT INTO designated_officers (id, name, domain, phone, email, active, created_at, updated_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .BindAll(officer.id, SealCell(cipher_, "designated_officers", officer.id, "name", officer.name),
                 officer.domain, SealCell(cipher_, "designated_officers", officer.id, "phone", officer.phone),
                 SealCell(cipher_, "designated_officers", officer.id, "email", officer.email),
                 officer.active ? 1 : 0, at, at)
        .Run();
}

void SqliteRegisters::UpdateOfficer(const domain::DesignatedOfficer& officer, std::string_view at) {
    db_.Prepare(
           "UPDATE designated_officers SET name = ?, domain = ?, phone = ?, email = ?, active = ?, updated_at = ? "
           "WHERE id = ?")
        .BindAll(SealCell(cipher_, "designated_officers", officer.id, "name", officer.name), officer.domain,
                 SealCell(cipher_, "designated_officers", officer.id, "phone", officer.phone),
                 SealCell(cipher_, "designated_officers", officer.id, "email", officer.email),
                 officer.active ? 1 : 0, at, officer.id)
        .Run();
}

std::vector<domain::PlanObjective> SqliteRegisters::ListObjectives() {
    auto statement = db_.Prepare("SELECT number, title, description FROM plan_objectives ORDER BY number");
    std::vector<domain::PlanObjective> objectives;
    while (statement.Step()) {
        objectives.push_back({static_cast<int>(statement.Int(0)), statement.Text(1), statement.Text(2)});
    }
    return objectives;
}

std::optional<domain::PlanAction> SqliteRegisters::ReadActions(std::string_view id,
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

std::vector<domain::PlanAction> SqliteRegisters::ListActions() {
    std::vector<domain::PlanAction> actions;
    ReadActions({}, &actions);
    return actions;
}

std::optional<domain::PlanAction> SqliteRegisters::FindAction(std::string_view id) { return ReadActions(id, nullptr); }

void SqliteRegisters::UpdateAction(const domain::PlanAction& action) {
    db_.Prepare(
           "UPDATE plan_actions SET owner = ?, status = ?, due_on = ?, notes = ?, completed_on = ?, updated_at = ?, "
           "updated_by = ? WHERE id = ?")
        .BindAll(action.owner, action.status, action.due_on, action.notes, action.completed_on, action.updated_at,
                 action.updated_by, action.id)
        .Run();
}

}  // namespace meldroute::store::sqlite
