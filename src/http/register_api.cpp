// The API of the registers (issue 7) under /api/v1: training coverage, staff, the CSV import, awareness
// activities, designated officers and the action plan.
#include "http/register_api.hpp"

#include <algorithm>

#include "base/time.hpp"
#include "http/api_support.hpp"

namespace meldroute::http {

namespace {

using boost::beast::http::verb;
using domain::Role;

Json OptionalJson(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

Json CountsJson(const std::map<std::string, int>& counts) {
    Json object = Json::object();
    for (const auto& group : domain::TargetGroups()) {
        auto found = counts.find(group.code);
        object[group.code] = found == counts.end() ? 0 : found->second;
    }
    return object;
}

Json SettingsJson(const domain::TrainingSettings& settings) {
    Json targets = Json::object();
    for (const auto& [group, percent] : settings.target_percent) targets[group] = percent;
    return Json{{"targets", targets}, {"refresherMonths", settings.refresher_months}};
}

Json CoverageJson(const app::TrainingCoverage& coverage) {
    Json groups = Json::array();
    for (const auto& group : coverage.groups) {
        groups.push_back({{"targetGroup", group.target_group},
                          {"label", domain::LabelOf(domain::TargetGroups(), group.target_group)},
                          {"staff", group.staff},
                          {"trained", group.trained},
                          {"refresherDue", group.refresher_due},
                          {"neverTrained", group.never_trained},
                          {"percent", group.percent},
                          {"targetPercent", group.target_percent ? Json(*group.target_percent) : Json(nullptr)},
                          {"targetMet", group.target_met ? Json(*group.target_met) : Json(nullptr)}});
    }
    Json last_import = nullptr;
    if (coverage.last_import) {
        const auto& record = *coverage.last_import;
        last_import = {{"at", record.at},
                       {"rows", record.rows},
                       {"staffAdded", record.staff_added},
                       {"staffUpdated", record.staff_updated},
                       {"completionsAdded", record.completions_added}};
    }
    return Json{{"asOf", coverage.as_of},
                {"refresherMonths", coverage.settings.refresher_months},
                {"groups", groups},
                {"lastImport", last_import}};
}

Json StaffJson(const domain::StaffMember& member) {
    return Json{{"id", member.id},
                {"employeeNumber", member.employee_number},
                {"name", member.name},
                {"department", member.department},
                {"targetGroup", member.target_group},
                {"active", member.active},
                {"lastCompletedOn", OptionalJson(member.last_completed_on)}};
}

Json StaffItemJson(const app::StaffListItem& item) {
    Json json = StaffJson(item.member);
    json["trainingCurrent"] = item.training_current;
    json["refresherDue"] = item.refresher_due;
    json["refresherDueFrom"] = OptionalJson(item.refresher_due_from);
    return json;
}

Json ImportJson(const store::TrainingImportRecord& record) {
    return Json{{"id", record.id},
                {"at", record.at},
                {"rows", record.rows},
                {"staffAdded", record.staff_added},
                {"staffUpdated", record.staff_updated},
                {"completionsAdded", record.completions_added}};
}

Json ActivityJson(const domain::AwarenessActivity& activity) {
    int total = activity.external_attendees;
    for (const auto& [group, count] : activity.attendees) total += count;
    return Json{{"id", activity.id},
                {"title", activity.title},
                {"heldOn", activity.held_on},
                {"description", activity.description},
                {"attendees", CountsJson(activity.attendees)},
                {"externalAttendees", activity.external_attendees},
                {"totalAttendees", total}};
}

Json OfficerJson(const domain::DesignatedOfficer& officer) {
    return Json{{"id", officer.id},       {"name", officer.name},   {"domain", officer.domain},
                {"phone", officer.phone}, {"email", officer.email}, {"active", officer.active}};
}

Json ActionJson(const domain::PlanAction& action, std::chrono::sys_days today) {
    return Json{{"id", action.id},
                {"objective", action.objective},
                {"section", action.section},
                {"title", action.title},
                {"owner", action.owner},
                {"status", action.status},
                {"dueOn", OptionalJson(action.due_on)},
                {"notes", action.notes},
                {"completedOn", OptionalJson(action.completed_on)},
                {"overdue", domain::IsActionOverdue(action, today)},
                {"updatedAt", action.updated_at.empty() ? Json(nullptr) : Json(action.updated_at)},
                {"updatedBy", action.updated_by.empty() ? Json(nullptr) : Json(action.updated_by)}};
}

Json PlanJson(const app::ActionPlan& plan) {
    auto today = ParseDate(plan.as_of).value_or(DayOf(Now()));
    Json objectives = Json::array();
    for (const auto& objective : plan.objectives) {
        Json actions = Json::array();
        for (const auto& action : plan.actions) {
            if (action.objective == objective.number) actions.push_back(ActionJson(action, today));
        }
        objectives.push_back({{"number", objective.number},
                              {"title", objective.title},
                              {"description", objective.description},
                              {"actions", actions}});
    }
    return objectives;
}

Json ReportJson(const app::PlanReport& report) {
    auto day = ParseDate(report.as_of).value_or(DayOf(Now()));
    Json objectives = Json::array();
    for (const auto& progress : report.objectives) {
        Json by_status = Json::object();
        for (const auto& [status, count] : progress.by_status) by_status[status] = count;
        Json overdue = Json::array();
        for (const auto& action : progress.overdue) overdue.push_back(ActionJson(action, day));
        objectives.push_back({{"number", progress.objective.number},
                              {"title", progress.objective.title},
                              {"total", progress.total},
                              {"byStatus", by_status},
                              {"dueInYear", progress.due_in_year},
                              {"completedInYear", progress.completed_in_year},
                              {"overdueActions", overdue}});
    }
    return Json{{"year", report.year}, {"asOf", report.as_of}, {"objectives", objectives}};
}

// Reads an object of counts per target group ({"publiekszaken": 3, …}); an unknown key is named.
std::map<std::string, int> ReadCounts(BodyReader& reader, const std::string& key) {
    std::map<std::string, int> counts;
    const Json* object = reader.OptionalObject(key);
    if (object == nullptr) return counts;
    BodyReader nested{*object, reader.Name(key) + "."};
    for (const auto& group : domain::TargetGroups()) {
        if (auto count = nested.OptionalInt(group.code)) counts[group.code] = *count;
    }
    (void)nested.Finish();
    reader.AddProblems(nested.problems());
    return counts;
}

domain::StaffMember ReadStaff(BodyReader& reader, bool with_active) {
    domain::StaffMember member;
    member.employee_number = reader.RequiredString("employeeNumber");
    member.name = reader.RequiredString("name");
    member.department = reader.RequiredString("department");
    member.target_group = reader.RequiredString("targetGroup");
    if (with_active) member.active = reader.OptionalBool("active").value_or(true);
    return member;
}

domain::DesignatedOfficer ReadOfficer(BodyReader& reader) {
    domain::DesignatedOfficer officer;
    officer.name = reader.RequiredString("name");
    officer.domain = reader.RequiredString("domain");
    officer.phone = reader.RequiredString("phone");
    officer.email = reader.RequiredString("email");
    officer.active = reader.OptionalBool("active").value_or(true);
    return officer;
}

}  // namespace

void RegisterRegisterApi(Router& router, app::Service& service) {
    app::Service* svc = &service;

    // Training.
    router.Add(verb::get, "/api/v1/training-coverage", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->GetTrainingCoverage(principal), 200, CoverageJson);
        });
    });
    AddBodyRoute(router, service, verb::put, "/api/v1/training-settings", {Role::kBeheerder},
                 "training.settings.update",
                 [svc](Context& context, const app::Principal& principal, BodyReader& reader) {
                     domain::TrainingSettings settings;
                     settings.target_percent = ReadCounts(reader, "targets");
                     auto months = reader.OptionalInt("refresherMonths");
                     if (!months) reader.problems().push_back({"refresherMonths", "Verplicht veld ontbreekt."});
                     settings.refresher_months = months.value_or(domain::kDefaultRefresherMonths);
                     MR_READ_DONE(reader);
                     return Answer(context, svc->SetTrainingSettings(principal, settings), 200, SettingsJson);
                 });
    router.Add(verb::get, "/api/v1/staff-members", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->ListStaffMembers(principal), 200, [](const auto& items) {
                Json array = Json::array();
                for (const auto& item : items) array.push_back(StaffItemJson(item));
                return array;
            });
        });
    });
    AddBodyRoute(router, service, verb::post, "/api/v1/staff-members", {Role::kBeheerder}, "staff.create",
                 [svc](Context& context, const app::Principal& principal, BodyReader& reader) {
                     domain::StaffMember member = ReadStaff(reader, false);
                     MR_READ_DONE(reader);
                     return Answer(context, svc->AddStaffMember(principal, member), 201, StaffJson);
                 });
    AddBodyRoute(router, service, verb::put, "/api/v1/staff-members/{}", {Role::kBeheerder}, "staff.update",
                 [svc](Context& context, const app::Principal& principal, BodyReader& reader) {
                     domain::StaffMember member = ReadStaff(reader, true);
                     MR_READ_DONE(reader);
                     return Answer(context, svc->UpdateStaffMember(principal, context.params[0], member), 200,
                                   StaffJson);
                 });
    // The import takes the learning platform's file as it is (text/csv), so it can be posted unchanged:
    // no JSON escaping of a file of thousands of lines, and the line numbers in the report are the file's.
    router.Add(verb::post, "/api/v1/training-imports", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            if (Status allowed = svc->Require(principal, {Role::kBeheerder}, "training.import"); !allowed) {
                return Problem(context.request, allowed.error());
            }
            auto type = context.request[boost::beast::http::field::content_type];
            std::string media_type{type.substr(0, type.find(';'))};
            std::transform(media_type.begin(), media_type.end(), media_type.begin(),
                           [](unsigned char character) { return static_cast<char>(std::tolower(character)); });
            if (media_type != "text/csv") {
                return Problem(context.request,
                               MakeError(ErrorCode::kInvalidArgument, "Stuur het exportbestand als text/csv.",
                                         {{"Content-Type", "Verwacht text/csv; charset=utf-8."}}));
            }
            return Answer(context, svc->ImportCompletions(principal, context.request.body()), 201, ImportJson);
        });
    });

    // Awareness activities.
    router.Add(verb::get, "/api/v1/awareness-activities", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->ListActivities(principal), 200, [](const auto& activities) {
                Json array = Json::array();
                for (const auto& activity : activities) array.push_back(ActivityJson(activity));
                return array;
            });
        });
    });
    AddBodyRoute(router, service, verb::post, "/api/v1/awareness-activities", {Role::kBeheerder}, "activity.create",
                 [svc](Context& context, const app::Principal& principal, BodyReader& reader) {
                     domain::AwarenessActivity activity;
                     activity.title = reader.RequiredString("title");
                     activity.held_on = reader.RequiredString("heldOn");
                     activity.description = reader.OptionalString("description").value_or("");
                     activity.attendees = ReadCounts(reader, "attendees");
                     activity.external_attendees = reader.OptionalInt("externalAttendees").value_or(0);
                     MR_READ_DONE(reader);
                     return Answer(context, svc->AddActivity(principal, activity), 201, ActivityJson);
                 });

    // Designated officers: every signed-in employee may read the active ones' contact details.
    router.Add(verb::get, "/api/v1/designated-officers", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->ListOfficers(principal), 200, [](const auto& officers) {
                Json array = Json::array();
                for (const auto& officer : officers) array.push_back(OfficerJson(officer));
                return array;
            });
        });
    });
    AddBodyRoute(router, service, verb::post, "/api/v1/designated-officers", {Role::kBeheerder}, "officer.create",
                 [svc](Context& context, const app::Principal& principal, BodyReader& reader) {
                     domain::DesignatedOfficer officer = ReadOfficer(reader);
                     MR_READ_DONE(reader);
                     return Answer(context, svc->AddOfficer(principal, officer), 201, OfficerJson);
                 });
    AddBodyRoute(router, service, verb::put, "/api/v1/designated-officers/{}", {Role::kBeheerder}, "officer.update",
                 [svc](Context& context, const app::Principal& principal, BodyReader& reader) {
                     domain::DesignatedOfficer officer = ReadOfficer(reader);
                     MR_READ_DONE(reader);
                     return Answer(context, svc->UpdateOfficer(principal, context.params[0], officer), 200,
                                   OfficerJson);
                 });

    // The action plan.
    router.Add(verb::get, "/api/v1/plan-objectives", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->GetActionPlan(principal), 200, PlanJson);
        });
    });
    AddBodyRoute(router, service, verb::put, "/api/v1/plan-actions/{}", {Role::kBeleid, Role::kBeheerder},
                 "actionplan.update",
                 [svc](Context& context, const app::Principal& principal, BodyReader& reader) {
                     domain::PlanActionUpdate update;
                     update.owner = reader.RequiredString("owner");
                     update.status = reader.RequiredString("status");
                     update.due_on = reader.OptionalString("dueOn");
                     update.notes = reader.OptionalString("notes").value_or("");
                     MR_READ_DONE(reader);
                     auto today = DayOf(Now());
                     return Answer(context, svc->UpdatePlanAction(principal, context.params[0], update), 200,
                                   [today](const domain::PlanAction& action) { return ActionJson(action, today); });
                 });
    router.Add(verb::get, "/api/v1/plan-reports/{}", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            // Not a year: 0, which the use case refuses after its role check.
            const std::string& text = context.params[0];
            bool digits = text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
            return Answer(context, svc->GetPlanReport(principal, digits ? std::stoi(text) : 0), 200, ReportJson);
        });
    });
}

#undef MR_READ_DONE

}  // namespace meldroute::http
