#include "http/register_pages.hpp"

#include <algorithm>
#include <memory>

#include "base/time.hpp"
#include "domain/validation.hpp"
#include "http/page_support.hpp"

namespace meldroute::http {

namespace {

using boost::beast::http::verb;
using domain::Role;
using Errors = std::map<std::string, std::string>;

const std::initializer_list<Role> kTrainingReaders{Role::kBeleid, Role::kBeheerder};
const std::initializer_list<Role> kPlanReaders{Role::kBeleid, Role::kBeheerder, Role::kAandachtfunctionaris};
const std::initializer_list<Role> kPlanEditors{Role::kBeleid, Role::kBeheerder};

std::vector<std::pair<std::string, std::string>> Choices(const std::vector<domain::Label>& labels) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (const auto& label : labels) choices.emplace_back(label.code, label.label);
    return choices;
}

Json SelectField(const std::string& name, const std::string& label, const std::string& value, const Errors& errors,
                 const std::vector<domain::Label>& labels, const std::string& placeholder) {
    Json field = Field(name, label, value, errors, "select");
    field["options"] = Options(Choices(labels), value, placeholder);
    return field;
}

// A whole number typed in a form; records `reason` under `name` when it is not one. Empty: nullopt, no error.
std::optional<int> FormNumber(const Form& form, const std::string& name, Errors& errors, const std::string& reason) {
    std::string text = domain::Trim(First(form, name).value_or(""));
    if (text.empty()) return std::nullopt;
    bool digits = text.size() <= 6 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
        errors.emplace(name, reason);
        return std::nullopt;
    }
    return std::stoi(text);
}

std::string Value(const Form& form, const std::string& name) { return First(form, name).value_or(""); }

// Errors from a use case, renamed from the API's names to the form's where they differ.
Errors FormErrors(const Error& error, const std::map<std::string, std::string>& renames = {}) {
    Errors errors;
    for (auto [name, reason] : ErrorsByField(error)) {
        auto renamed = renames.find(name);
        errors.emplace(renamed == renames.end() ? name : renamed->second, reason);
    }
    return errors;
}

Response UseCaseError(const Request& request, const app::Principal& principal, const Error& error) {
    if (error.code == ErrorCode::kNotFound) return NotFoundFor(request, principal, error.detail);
    return ErrorPage(request, StatusFor(error.code), error.detail);
}

std::string Title(const std::string& title, const Errors& errors) { return errors.empty() ? title : "Fout: " + title; }

std::string StatusBadge(const std::string& status) {
    if (status == "afgerond") return "success";
    if (status == "vertraagd") return "danger";
    if (status == "loopt") return "warning";
    return "neutral";
}

// ------------------------------------------------------------------------------------------ training

Json CoverageModel(const app::TrainingCoverage& coverage) {
    Json groups = Json::array();
    for (const auto& group : coverage.groups) {
        std::string target = group.target_percent ? std::to_string(*group.target_percent) + "%" : "Geen doel";
        std::string met = !group.target_met ? "Geen doel" : *group.target_met ? "Gehaald" : "Niet gehaald";
        std::string badge = !group.target_met ? "neutral" : *group.target_met ? "success" : "danger";
        groups.push_back({{"label", domain::LabelOf(domain::TargetGroups(), group.target_group)},
                          {"staff", std::to_string(group.staff)},
                          {"trained", std::to_string(group.trained)},
                          {"percent", std::to_string(group.percent) + "%"},
                          {"target", target},
                          {"met", met},
                          {"badge", badge},
                          {"refresherDue", std::to_string(group.refresher_due)},
                          {"neverTrained", std::to_string(group.never_trained)}});
    }
    Json last_import = nullptr;
    if (coverage.last_import) {
        last_import = {{"at", DutchTime(coverage.last_import->at)},
                       {"rows", std::to_string(coverage.last_import->rows)}};
    }
    return Json{{"asOf", DutchDate(coverage.as_of)},
                {"refresherMonths", std::to_string(coverage.settings.refresher_months)},
                {"groups", groups},
                {"lastImport", last_import}};
}

Json ActivityModel(const domain::AwarenessActivity& activity) {
    Json counts = Json::array();
    int total = activity.external_attendees;
    for (const auto& group : domain::TargetGroups()) {
        auto found = activity.attendees.find(group.code);
        int count = found == activity.attendees.end() ? 0 : found->second;
        total += count;
        counts.push_back({{"count", std::to_string(count)}});
    }
    return Json{{"heldOn", DutchDate(activity.held_on)},
                {"title", activity.title},
                {"description", activity.description},
                {"counts", counts},
                {"external", std::to_string(activity.external_attendees)},
                {"total", std::to_string(total)}};
}

Json GroupHeaders() {
    Json headers = Json::array();
    for (const auto& group : domain::TargetGroups()) headers.push_back({{"label", group.label}});
    return headers;
}

Response TrainingPage(PageContext& pages, Context& context, const app::Principal& principal) {
    auto coverage = pages.service.GetTrainingCoverage(principal);
    if (!coverage) return UseCaseError(context.request, principal, coverage.error());
    auto activities = pages.service.ListActivities(principal);
    if (!activities) return UseCaseError(context.request, principal, activities.error());
    Json model = CoverageModel(*coverage);
    Json list = Json::array();
    for (const auto& activity : *activities) list.push_back(ActivityModel(activity));
    model["activities"] = list;
    model["hasActivities"] = !list.empty();
    model["groupHeaders"] = GroupHeaders();
    model["isBeheerder"] = principal.Has(Role::kBeheerder);
    return RenderPage(context.request, &principal, "Opleiding en bewustwording", "training", model, 200, "/opleiding");
}

Json ImportFormModel(const app::Principal& principal, const std::string& csv, const Error* error) {
    Errors errors;
    Json rejected = Json::array();
    std::string detail;
    if (error != nullptr) {
        for (const auto& param : error->invalid_params) {
            if (param.name.starts_with("csv[")) {
                std::string line = param.name.substr(4, param.name.size() - 5);
                rejected.push_back({{"line", line}, {"reason", param.reason}});
            }
        }
        errors["csv"] = rejected.empty() ? error->detail
                                         : std::to_string(rejected.size()) +
                                               (rejected.size() == 1 ? " regel is" : " regels zijn") +
                                               " afgekeurd; er is niets geïmporteerd. Zie de lijst onder het formulier.";
    }
    return Json{{"csrf", principal.csrf_token},
                {"errorSummary", ErrorSummary(errors)},
                {"csv", Field("csv", "Inhoud van het exportbestand", csv, errors, "textarea",
                              "Open het CSV-bestand van het leerplatform in een teksteditor, kopieer alles en plak "
                              "het hier. De eerste regel bevat de kolomnamen.",
                              true)},
                {"rejected", rejected},
                {"hasRejected", !rejected.empty()},
                {"detail", detail}};
}

Json SettingsFormModel(const app::Principal& principal, const Form& values, const Errors& errors) {
    Json targets = Json::array();
    for (const auto& group : domain::TargetGroups()) {
        std::string name = "targets." + group.code;
        targets.push_back(Field(name, group.label + " (doel in procent)", Value(values, name), errors, "text",
                                "Een heel getal van 0 tot en met 100. Leeg: geen doel."));
    }
    return Json{{"csrf", principal.csrf_token},
                {"errorSummary", ErrorSummary(errors)},
                {"targets", targets},
                {"refresherMonths", Field("refresherMonths", "Herhaling nodig na (maanden)",
                                          Value(values, "refresherMonths"), errors, "text",
                                          "Na hoeveel maanden iemand de e-learning opnieuw moet doen. Standaard 24.",
                                          true)}};
}

Form SettingsValues(const domain::TrainingSettings& settings) {
    Form values;
    for (const auto& [group, percent] : settings.target_percent) values.emplace("targets." + group, std::to_string(percent));
    values.emplace("refresherMonths", std::to_string(settings.refresher_months));
    return values;
}

Json ActivityFormModel(const app::Principal& principal, const Form& values, const Errors& errors) {
    Json counts = Json::array();
    for (const auto& group : domain::TargetGroups()) {
        std::string name = "attendees." + group.code;
        counts.push_back(Field(name, group.label, Value(values, name), errors, "text"));
    }
    return Json{{"csrf", principal.csrf_token},
                {"errorSummary", ErrorSummary(errors)},
                {"title", Field("title", "Naam van de activiteit", Value(values, "title"), errors, "text",
                                "Bijvoorbeeld: Themadag mensenhandel.", true)},
                {"heldOn", Field("heldOn", "Datum", Value(values, "heldOn"), errors, "date", "", true)},
                {"description", Field("description", "Omschrijving (niet verplicht)", Value(values, "description"),
                                      errors, "textarea")},
                {"counts", counts},
                {"external", Field("externalAttendees", "Professionals van ketenpartners",
                                   Value(values, "externalAttendees"), errors, "text")}};
}

Json StaffModel(const app::StaffListItem& item) {
    const auto& member = item.member;
    std::string state;
    std::string badge;
    if (!member.active) {
        state = "Niet actief";
        badge = "inactive";
    } else if (item.training_current) {
        state = "Geldig tot " + DutchDate(item.refresher_due_from.value_or(""));
        badge = "success";
    } else if (item.refresher_due) {
        state = "Herhaling nodig sinds " + DutchDate(item.refresher_due_from.value_or(""));
        badge = "danger";
    } else {
        state = "Nog niet gevolgd";
        badge = "warning";
    }
    return Json{{"id", member.id},
                {"name", member.name},
                {"employeeNumber", member.employee_number},
                {"department", member.department},
                {"group", domain::LabelOf(domain::TargetGroups(), member.target_group)},
                {"lastCompleted", member.last_completed_on ? DutchDate(*member.last_completed_on) : "—"},
                {"state", state},
                {"badge", badge},
                {"due", item.refresher_due}};
}

Json StaffFormModel(const app::Principal& principal, const Form& values, const Errors& errors, bool with_active) {
    Json model{{"csrf", principal.csrf_token},
               {"errorSummary", ErrorSummary(errors)},
               {"employeeNumber", Field("employeeNumber", "Medewerker-id", Value(values, "employeeNumber"), errors,
                                        "text", "Het nummer van de medewerker in het leerplatform.", true)},
               {"name", Field("name", "Naam", Value(values, "name"), errors, "text", "", true)},
               {"department", Field("department", "Afdeling", Value(values, "department"), errors, "text", "", true)},
               {"targetGroup", SelectField("targetGroup", "Doelgroep", Value(values, "targetGroup"), errors,
                                           domain::TargetGroups(), "Kies een doelgroep")}};
    model["withActive"] = with_active;
    model["active"] = with_active && Value(values, "active") == "ja";
    return model;
}

domain::StaffMember StaffFromForm(const Form& form, bool with_active) {
    domain::StaffMember member;
    member.employee_number = domain::Trim(Value(form, "employeeNumber"));
    member.name = domain::Trim(Value(form, "name"));
    member.department = domain::Trim(Value(form, "department"));
    member.target_group = Value(form, "targetGroup");
    member.active = !with_active || Value(form, "active") == "ja";
    return member;
}

// ------------------------------------------------------------------------------------------ officers

Json OfficerFields(const Form& values, const Errors& errors, bool with_active) {
    Json model{{"name", Field("name", "Naam", Value(values, "name"), errors, "text", "", true)},
               {"domain", SelectField("domain", "Domein", Value(values, "domain"), errors, domain::OfficerDomains(),
                                      "Kies een domein")},
               {"phone", Field("phone", "Telefoonnummer", Value(values, "phone"), errors, "tel", "", true)},
               {"email", Field("email", "E-mailadres", Value(values, "email"), errors, "email", "", true)}};
    model["phone"]["autocomplete"] = "off";
    if (with_active) model["active"] = Value(values, "active") == "ja";
    return model;
}

domain::DesignatedOfficer OfficerFromForm(const Form& form, bool with_active) {
    return domain::DesignatedOfficer{"", domain::Trim(Value(form, "name")), Value(form, "domain"),
                                     domain::Trim(Value(form, "phone")), domain::Trim(Value(form, "email")),
                                     with_active ? Value(form, "active") == "ja" : true};
}

Response OfficersPage(PageContext& pages, Context& context, const app::Principal& principal, const Form& values,
                      const Errors& errors, unsigned status) {
    auto officers = pages.service.ListOfficers(principal);
    if (!officers) return UseCaseError(context.request, principal, officers.error());
    Json list = Json::array();
    for (const auto& officer : *officers) {
        list.push_back({{"id", officer.id},
                        {"name", officer.name},
                        {"domain", domain::LabelOf(domain::OfficerDomains(), officer.domain)},
                        {"phone", officer.phone},
                        {"email", officer.email},
                        {"active", officer.active}});
    }
    Json warnings = Json::array();
    for (const auto& warning : domain::OfficerWarnings(*officers)) warnings.push_back(warning);
    Json model = OfficerFields(values, errors, false);
    model["csrf"] = principal.csrf_token;
    model["errorSummary"] = ErrorSummary(errors);
    model["officers"] = list;
    model["hasOfficers"] = !list.empty();
    model["warnings"] = warnings;
    return RenderPage(context.request, &principal, Title("Aandachtfunctionarissen", errors), "officers", model, status,
                      "/aandachtfunctionarissen");
}

// ------------------------------------------------------------------------------------------ action plan

Json ActionModel(const domain::PlanAction& action, std::chrono::sys_days today, bool can_edit) {
    return Json{{"id", action.id},
                {"section", action.section},
                {"title", action.title},
                {"owner", action.owner.empty() ? "Nog niet toegewezen" : action.owner},
                {"status", domain::LabelOf(domain::ActionStatuses(), action.status)},
                {"badge", StatusBadge(action.status)},
                {"dueOn", action.due_on ? DutchDate(*action.due_on) : "—"},
                {"notes", action.notes},
                {"overdue", domain::IsActionOverdue(action, today)},
                {"canEdit", can_edit}};
}

Json ActionFormModel(const app::Principal& principal, const domain::PlanAction& action, const Form& values,
                     const Errors& errors) {
    return Json{{"csrf", principal.csrf_token},
                {"errorSummary", ErrorSummary(errors)},
                {"id", action.id},
                {"section", action.section},
                {"actionTitle", action.title},
                {"owner", Field("owner", "Eigenaar", Value(values, "owner"), errors, "text",
                                "Het team of de functie die de actie trekt.")},
                {"status", SelectField("status", "Status", Value(values, "status"), errors, domain::ActionStatuses(), "")},
                {"dueOn", Field("dueOn", "Klaar uiterlijk (niet verplicht)", Value(values, "dueOn"), errors, "date")},
                {"notes", Field("notes", "Toelichting (niet verplicht)", Value(values, "notes"), errors, "textarea")}};
}

Form ActionValues(const domain::PlanAction& action) {
    return Form{{"owner", action.owner}, {"status", action.status}, {"dueOn", action.due_on.value_or("")},
                {"notes", action.notes}};
}

// The action `id` from the plan, or nullptr.
const domain::PlanAction* FindAction(const app::ActionPlan& plan, const std::string& id) {
    auto found = std::find_if(plan.actions.begin(), plan.actions.end(),
                              [&](const domain::PlanAction& action) { return action.id == id; });
    return found == plan.actions.end() ? nullptr : &*found;
}

Response ActionFormPage(PageContext& pages, Context& context, const app::Principal& principal, const Form* values,
                        const Errors& errors, unsigned status) {
    auto plan = pages.service.GetActionPlan(principal);
    if (!plan) return UseCaseError(context.request, principal, plan.error());
    const domain::PlanAction* action = FindAction(*plan, context.params[0]);
    if (action == nullptr) return NotFoundFor(context.request, principal, "Deze actie bestaat niet.");
    Json model = ActionFormModel(principal, *action, values != nullptr ? *values : ActionValues(*action), errors);
    return RenderPage(context.request, &principal, Title("Actie wijzigen", errors), "action-form", model, status,
                      "/actieplan");
}

Json ReportModel(const app::PlanReport& report) {
    auto day = ParseDate(report.as_of).value_or(DayOf(Now()));
    Json objectives = Json::array();
    for (const auto& progress : report.objectives) {
        Json statuses = Json::array();
        for (const auto& status : domain::ActionStatuses()) {
            statuses.push_back({{"label", status.label}, {"count", std::to_string(progress.by_status.at(status.code))}});
        }
        Json overdue = Json::array();
        for (const auto& action : progress.overdue) overdue.push_back(ActionModel(action, day, false));
        objectives.push_back({{"number", std::to_string(progress.objective.number)},
                              {"title", progress.objective.title},
                              {"total", std::to_string(progress.total)},
                              {"statuses", statuses},
                              {"dueInYear", std::to_string(progress.due_in_year)},
                              {"completedInYear", std::to_string(progress.completed_in_year)},
                              {"overdue", overdue},
                              {"hasOverdue", !overdue.empty()}});
    }
    return Json{{"year", std::to_string(report.year)}, {"asOf", DutchDate(report.as_of)}, {"objectives", objectives}};
}

}  // namespace

Json OfficerContacts(app::Service& service, const app::Principal& principal) {
    auto officers = service.ListOfficers(principal);
    if (!officers || officers->empty()) return nullptr;
    Json list = Json::array();
    for (const auto& officer : *officers) {
        std::string dial;
        for (char character : officer.phone) {
            if ((character >= '0' && character <= '9') || character == '+') dial.push_back(character);
        }
        list.push_back({{"name", officer.name},
                        {"domain", domain::LabelOf(domain::OfficerDomains(), officer.domain)},
                        {"phone", officer.phone},
                        {"dial", dial},
                        {"email", officer.email}});
    }
    return Json{{"list", list}};
}

Json OfficerWarnings(app::Service& service, const app::Principal& principal) {
    Json warnings = Json::array();
    auto officers = service.ListOfficers(principal);
    if (!officers) return warnings;
    for (const auto& warning : domain::OfficerWarnings(*officers)) warnings.push_back(warning);
    return warnings;
}

void RegisterRegisterPages(Router& router, app::Service& service, PageOptions options) {
    auto pages = std::make_shared<PageContext>(PageContext{service, options});

    // Training and awareness: coverage for beleid and the beheerder; the rest for the beheerder.
    router.Add(verb::get, "/opleiding", [pages](Context& context) {
        return Guarded(*pages, context, kTrainingReaders, [&](const app::Principal& principal, const Form&) {
            return TrainingPage(*pages, context, principal);
        });
    });
    router.Add(verb::get, "/opleiding/import", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            return RenderPage(context.request, &principal, "Export van het leerplatform importeren", "training-import",
                              ImportFormModel(principal, "", nullptr), 200, "/opleiding");
        });
    });
    router.Add(verb::post, "/opleiding/import", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form& form) {
            std::string csv = Value(form, "csv");
            auto imported = pages->service.ImportCompletions(principal, csv);
            if (!imported) {
                if (imported.error().code != ErrorCode::kInvalidArgument) {
                    return UseCaseError(context.request, principal, imported.error());
                }
                return RenderPage(context.request, &principal, "Fout: Export van het leerplatform importeren",
                                  "training-import", ImportFormModel(principal, csv, &imported.error()), 400,
                                  "/opleiding");
            }
            Json model = ImportFormModel(principal, "", nullptr);
            model["imported"] = {{"rows", std::to_string(imported->rows)},
                                 {"staffAdded", std::to_string(imported->staff_added)},
                                 {"staffUpdated", std::to_string(imported->staff_updated)},
                                 {"completionsAdded", std::to_string(imported->completions_added)}};
            return RenderPage(context.request, &principal, "Export geïmporteerd", "training-import", model, 200,
                              "/opleiding");
        });
    });
    router.Add(verb::get, "/opleiding/doelen", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            auto coverage = pages->service.GetTrainingCoverage(principal);
            if (!coverage) return UseCaseError(context.request, principal, coverage.error());
            return RenderPage(context.request, &principal, "Doelen en herhaling instellen", "training-settings",
                              SettingsFormModel(principal, SettingsValues(coverage->settings), {}), 200, "/opleiding");
        });
    });
    router.Add(verb::post, "/opleiding/doelen", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form& form) {
            Errors errors;
            domain::TrainingSettings settings;
            for (const auto& group : domain::TargetGroups()) {
                auto percent = FormNumber(form, "targets." + group.code, errors,
                                          "Geef voor " + group.label + " een heel getal van 0 tot en met 100.");
                if (percent) settings.target_percent[group.code] = *percent;
            }
            auto months = FormNumber(form, "refresherMonths", errors, "Geef het aantal maanden als heel getal.");
            if (!months && !errors.count("refresherMonths")) errors["refresherMonths"] = "Vul het aantal maanden in.";
            settings.refresher_months = months.value_or(domain::kDefaultRefresherMonths);
            // Name every problem at once: what the form could not read, and what the rules refuse.
            for (const auto& problem : domain::ValidateTrainingSettings(settings)) errors.emplace(problem.name, problem.reason);
            if (errors.empty()) {
                auto saved = pages->service.SetTrainingSettings(principal, settings);
                if (saved) return Redirect(context.request, "/opleiding");
                errors = FormErrors(saved.error());
            }
            return RenderPage(context.request, &principal, "Fout: Doelen en herhaling instellen", "training-settings",
                              SettingsFormModel(principal, form, errors), 400, "/opleiding");
        });
    });
    router.Add(verb::get, "/opleiding/activiteiten/nieuw", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            return RenderPage(context.request, &principal, "Activiteit toevoegen", "activity-form",
                              ActivityFormModel(principal, {}, {}), 200, "/opleiding");
        });
    });
    router.Add(verb::post, "/opleiding/activiteiten/nieuw", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form& form) {
            Errors errors;
            domain::AwarenessActivity activity;
            activity.title = domain::Trim(Value(form, "title"));
            activity.held_on = Value(form, "heldOn");
            activity.description = Value(form, "description");
            const std::string count_reason = "Geef een aantal als heel getal, of laat het leeg.";
            for (const auto& group : domain::TargetGroups()) {
                auto count = FormNumber(form, "attendees." + group.code, errors, count_reason);
                if (count) activity.attendees[group.code] = *count;
            }
            activity.external_attendees = FormNumber(form, "externalAttendees", errors, count_reason).value_or(0);
            for (const auto& problem : domain::ValidateActivity(activity, DayOf(Now()))) {
                errors.emplace(problem.name, problem.reason);
            }
            if (errors.empty()) {
                auto added = pages->service.AddActivity(principal, activity);
                if (added) return Redirect(context.request, "/opleiding#activiteiten");
                errors = FormErrors(added.error());
            }
            return RenderPage(context.request, &principal, "Fout: Activiteit toevoegen", "activity-form",
                              ActivityFormModel(principal, form, errors), 400, "/opleiding");
        });
    });
    router.Add(verb::get, "/opleiding/medewerkers", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            auto staff = pages->service.ListStaffMembers(principal);
            if (!staff) return UseCaseError(context.request, principal, staff.error());
            Json all = Json::array();
            Json due = Json::array();
            for (const auto& item : *staff) {
                Json row = StaffModel(item);
                if (item.refresher_due) due.push_back(row);
                all.push_back(std::move(row));
            }
            return RenderPage(context.request, &principal, "Medewerkers en herhalingen", "staff",
                              {{"staff", all}, {"hasStaff", !all.empty()}, {"due", due}, {"hasDue", !due.empty()},
                               {"dueCount", std::to_string(due.size())}},
                              200, "/opleiding");
        });
    });

    router.Add(verb::get, "/opleiding/medewerkers/nieuw", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            Json model = StaffFormModel(principal, {}, {}, false);
            model["action"] = "/opleiding/medewerkers/nieuw";
            model["heading"] = "Medewerker toevoegen";
            return RenderPage(context.request, &principal, "Medewerker toevoegen", "staff-form", model, 200,
                              "/opleiding");
        });
    });
    router.Add(verb::post, "/opleiding/medewerkers/nieuw", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form& form) {
            auto added = pages->service.AddStaffMember(principal, StaffFromForm(form, false));
            if (added) return Redirect(context.request, "/opleiding/medewerkers#alle");
            if (added.error().code != ErrorCode::kInvalidArgument) {
                return UseCaseError(context.request, principal, added.error());
            }
            Json model = StaffFormModel(principal, form, FormErrors(added.error()), false);
            model["action"] = "/opleiding/medewerkers/nieuw";
            model["heading"] = "Medewerker toevoegen";
            return RenderPage(context.request, &principal, "Fout: Medewerker toevoegen", "staff-form", model, 400,
                              "/opleiding");
        });
    });
    auto staff_form = [pages](Context& context, const app::Principal& principal, const Form* values,
                              const Errors& errors, unsigned status) {
        auto staff = pages->service.ListStaffMembers(principal);
        if (!staff) return UseCaseError(context.request, principal, staff.error());
        auto item = std::find_if(staff->begin(), staff->end(),
                                 [&](const auto& entry) { return entry.member.id == context.params[0]; });
        if (item == staff->end()) return NotFoundFor(context.request, principal, "Deze medewerker bestaat niet.");
        const auto& member = item->member;
        Form current{{"employeeNumber", member.employee_number}, {"name", member.name},
                     {"department", member.department}, {"targetGroup", member.target_group},
                     {"active", member.active ? "ja" : ""}};
        Json model = StaffFormModel(principal, values != nullptr ? *values : current, errors, true);
        model["action"] = "/opleiding/medewerkers/" + member.id;
        model["heading"] = "Medewerker wijzigen";
        return RenderPage(context.request, &principal, Title("Medewerker wijzigen", errors), "staff-form", model,
                          status, "/opleiding");
    };
    router.Add(verb::get, "/opleiding/medewerkers/{}", [pages, staff_form](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            return staff_form(context, principal, nullptr, {}, 200);
        });
    });
    router.Add(verb::post, "/opleiding/medewerkers/{}", [pages, staff_form](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form& form) {
            auto updated = pages->service.UpdateStaffMember(principal, context.params[0], StaffFromForm(form, true));
            if (updated) return Redirect(context.request, "/opleiding/medewerkers#alle");
            if (updated.error().code != ErrorCode::kInvalidArgument) {
                return UseCaseError(context.request, principal, updated.error());
            }
            return staff_form(context, principal, &form, FormErrors(updated.error()), 400);
        });
    });

    // The designated officers, maintained by the beheerder.
    router.Add(verb::get, "/aandachtfunctionarissen", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            return OfficersPage(*pages, context, principal, {}, {}, 200);
        });
    });
    router.Add(verb::post, "/aandachtfunctionarissen", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form& form) {
            auto added = pages->service.AddOfficer(principal, OfficerFromForm(form, false));
            if (added) return Redirect(context.request, "/aandachtfunctionarissen");
            if (added.error().code != ErrorCode::kInvalidArgument) {
                return UseCaseError(context.request, principal, added.error());
            }
            return OfficersPage(*pages, context, principal, form, FormErrors(added.error()), 400);
        });
    });
    auto officer_form = [pages](Context& context, const app::Principal& principal, const Form* values,
                                const Errors& errors, unsigned status) {
        auto officers = pages->service.ListOfficers(principal);
        if (!officers) return UseCaseError(context.request, principal, officers.error());
        auto officer = std::find_if(officers->begin(), officers->end(),
                                    [&](const auto& item) { return item.id == context.params[0]; });
        if (officer == officers->end()) {
            return NotFoundFor(context.request, principal, "Deze aandachtfunctionaris bestaat niet.");
        }
        Form current{{"name", officer->name}, {"domain", officer->domain}, {"phone", officer->phone},
                     {"email", officer->email}, {"active", officer->active ? "ja" : ""}};
        Json model = OfficerFields(values != nullptr ? *values : current, errors, true);
        model["csrf"] = principal.csrf_token;
        model["errorSummary"] = ErrorSummary(errors);
        model["id"] = officer->id;
        model["officerName"] = officer->name;
        return RenderPage(context.request, &principal, Title("Aandachtfunctionaris wijzigen", errors), "officer-form",
                          model, status, "/aandachtfunctionarissen");
    };
    router.Add(verb::get, "/aandachtfunctionarissen/{}", [pages, officer_form](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            return officer_form(context, principal, nullptr, {}, 200);
        });
    });
    router.Add(verb::post, "/aandachtfunctionarissen/{}", [pages, officer_form](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form& form) {
            auto updated = pages->service.UpdateOfficer(principal, context.params[0], OfficerFromForm(form, true));
            if (updated) return Redirect(context.request, "/aandachtfunctionarissen");
            if (updated.error().code != ErrorCode::kInvalidArgument) {
                return UseCaseError(context.request, principal, updated.error());
            }
            return officer_form(context, principal, &form, FormErrors(updated.error()), 400);
        });
    });

    // The action plan: read by beleid, the beheerder and the officer; changed by beleid and the beheerder.
    router.Add(verb::get, "/actieplan", [pages](Context& context) {
        return Guarded(*pages, context, kPlanReaders, [&](const app::Principal& principal, const Form&) {
            auto plan = pages->service.GetActionPlan(principal);
            if (!plan) return UseCaseError(context.request, principal, plan.error());
            bool can_edit = principal.Has(Role::kBeleid) || principal.Has(Role::kBeheerder);
            auto today = ParseDate(plan->as_of).value_or(DayOf(Now()));
            Json objectives = Json::array();
            for (const auto& objective : plan->objectives) {
                Json actions = Json::array();
                for (const auto& action : plan->actions) {
                    if (action.objective == objective.number) actions.push_back(ActionModel(action, today, can_edit));
                }
                objectives.push_back({{"number", std::to_string(objective.number)},
                                      {"title", objective.title},
                                      {"description", objective.description},
                                      {"actions", actions}});
            }
            return RenderPage(context.request, &principal, "Actieplan mensenhandel", "action-plan",
                              {{"objectives", objectives}, {"canEdit", can_edit},
                               {"year", plan->as_of.substr(0, 4)}},
                              200, "/actieplan");
        });
    });
    router.Add(verb::get, "/actieplan/acties/{}", [pages](Context& context) {
        return Guarded(*pages, context, kPlanEditors, [&](const app::Principal& principal, const Form&) {
            return ActionFormPage(*pages, context, principal, nullptr, {}, 200);
        });
    });
    router.Add(verb::post, "/actieplan/acties/{}", [pages](Context& context) {
        return Guarded(*pages, context, kPlanEditors, [&](const app::Principal& principal, const Form& form) {
            std::string due_on = domain::Trim(Value(form, "dueOn"));
            domain::PlanActionUpdate update{Value(form, "owner"), Value(form, "status"),
                                            due_on.empty() ? std::nullopt : std::optional<std::string>{due_on},
                                            Value(form, "notes")};
            auto updated = pages->service.UpdatePlanAction(principal, context.params[0], update);
            if (updated) return Redirect(context.request, "/actieplan#actie-" + updated->id);
            if (updated.error().code != ErrorCode::kInvalidArgument) {
                return UseCaseError(context.request, principal, updated.error());
            }
            return ActionFormPage(*pages, context, principal, &form, FormErrors(updated.error()), 400);
        });
    });
    router.Add(verb::get, "/actieplan/voortgang", [pages](Context& context) {
        return Guarded(*pages, context, kPlanReaders, [&](const app::Principal& principal, const Form&) {
            std::string this_year = FormatDate(DayOf(Now())).substr(0, 4);
            std::string year = First(context.query, "jaar").value_or(this_year);
            bool year_ok = year.size() == 4 && std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; });
            auto report = pages->service.GetPlanReport(principal, std::stoi(year_ok ? year : this_year));
            if (!report) return UseCaseError(context.request, principal, report.error());
            return RenderPage(context.request, &principal, "Voortgang actieplan " + std::to_string(report->year),
                              "plan-report", ReportModel(*report), 200, "/actieplan");
        });
    });
}

}  // namespace meldroute::http
