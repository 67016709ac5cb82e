#include "domain/registers.hpp"

#include <algorithm>
#include <cctype>

#include "base/time.hpp"
#include "domain/validation.hpp"

namespace meldroute::domain {

namespace {

using std::chrono::sys_days;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kCsvColumns = 5;
const char* const kCsvHeader[kCsvColumns] = {"medewerker-id", "naam", "afdeling", "doelgroep", "voltooid-op"};

std::string Lower(std::string_view text) {
    std::string lower{text};
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char character) { return static_cast<char>(std::tolower(character)); });
    return lower;
}

// Splits one line on `separator`; a field may be quoted with double quotes ("" inside is one quote).
// Returns nullopt when a quote is not closed.
std::optional<std::vector<std::string>> SplitCsvLine(std::string_view line, char separator) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    bool was_quoted = false;
    for (std::size_t index = 0; index < line.size(); ++index) {
        char character = line[index];
        if (quoted) {
            if (character == '"' && index + 1 < line.size() && line[index + 1] == '"') {
                field.push_back('"');
                ++index;
            } else if (character == '"') {
                quoted = false;
            } else {
                field.push_back(character);
            }
        } else if (character == '"' && Trim(field).empty()) {
            quoted = true;
            was_quoted = true;
            field.clear();
        } else if (character == separator) {
            fields.push_back(was_quoted ? field : Trim(field));
            field.clear();
            was_quoted = false;
        } else if (!was_quoted || character != ' ') {
            field.push_back(character);
        }
    }
    if (quoted) return std::nullopt;
    fields.push_back(was_quoted ? field : Trim(field));
    return fields;
}

// "2024-06-15" or "15-06-2024" → "2024-06-15", or nullopt.
std::optional<std::string> NormaliseDate(std::string_view text) {
    if (ParseDate(text)) return std::string{text};
    if (text.size() == 10 && text[2] == '-' && text[5] == '-') {
        std::string iso = std::string{text.substr(6, 4)} + "-" + std::string{text.substr(3, 2)} + "-" +
                          std::string{text.substr(0, 2)};
        if (ParseDate(iso)) return iso;
    }
    return std::nullopt;
}

bool IsEmployeeNumber(std::string_view text) {
    return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char character) {
        return std::isalnum(static_cast<unsigned char>(character)) || character == '-' || character == '_' ||
               character == '.';
    });
}

bool IsValidUtf8(std::string_view text) {
    std::size_t index = 0;
    while (index < text.size()) {
        auto byte = static_cast<unsigned char>(text[index]);
        std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || index + length > text.size()) return false;
        for (std::size_t next = 1; next < length; ++next) {
            if ((static_cast<unsigned char>(text[index + next]) & 0xC0) != 0x80) return false;
        }
        index += length;
    }
    return true;
}

std::string TargetGroupList() {
    std::string list;
    for (const Label& group : TargetGroups()) list += (list.empty() ? "" : ", ") + group.code;
    return list;
}

// The row's problems, in reading order; empty when the row is good.
std::vector<std::string> RowProblems(const CompletionRow& row, std::string_view completed_text, sys_days today) {
    std::vector<std::string> problems;
    if (row.employee_number.empty()) {
        problems.push_back("het medewerker-id ontbreekt");
    } else if (!IsEmployeeNumber(row.employee_number)) {
        problems.push_back("het medewerker-id mag alleen letters, cijfers, '-', '_' en '.' bevatten (hoogstens 64)");
    }
    if (row.name.empty()) problems.push_back("de naam ontbreekt");
    if (row.name.size() > kMaxShortTextLength) problems.push_back("de naam is te lang");
    if (row.department.empty()) problems.push_back("de afdeling ontbreekt");
    if (row.department.size() > kMaxShortTextLength) problems.push_back("de afdeling is te lang");
    if (!HasCode(TargetGroups(), row.target_group)) {
        problems.push_back("onbekende doelgroep '" + row.target_group + "' (kies " + TargetGroupList() + ")");
    }
    if (!completed_text.empty()) {
        auto iso = NormaliseDate(completed_text);
        if (!iso) {
            problems.push_back("'" + std::string{completed_text} + "' is geen datum (schrijf JJJJ-MM-DD of DD-MM-JJJJ)");
        } else if (*ParseDate(*iso) > today) {
            problems.push_back("de datum " + *iso + " ligt in de toekomst");
        }
    }
    return problems;
}

std::string JoinProblems(const std::vector<std::string>& problems) {
    std::string text;
    for (const std::string& problem : problems) text += (text.empty() ? "" : "; ") + problem;
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text + ".";
}

void CheckRequiredShort(std::vector<InvalidParam>& problems, const std::string& name, std::string_view value,
                        const std::string& empty_reason) {
    if (Trim(value).empty()) {
        problems.push_back({name, empty_reason});
    } else if (value.size() > kMaxShortTextLength) {
        problems.push_back({name, "Mag hoogstens " + std::to_string(kMaxShortTextLength) + " tekens lang zijn."});
    }
}

bool IsEmailAddress(std::string_view text) {
    auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) return false;
    auto dot = text.find('.', at);
    bool has_space = std::any_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    return !has_space && dot != std::string_view::npos && dot > at + 1 && dot + 1 < text.size();
}

}  // namespace

const std::vector<Label>& TargetGroups() {
    static const std::vector<Label> groups{{"publiekszaken", "Publiekszaken"},
                                           {"toezicht", "Toezicht en handhaving"},
                                           {"gebiedsteams", "Gebiedsteams"},
                                           {"overig", "Overige medewerkers"}};
    return groups;
}

const std::vector<Label>& OfficerDomains() {
    static const std::vector<Label> domains{{"veiligheid", "Veiligheid"}, {"sociaal-domein", "Sociaal domein"}};
    return domains;
}

const std::vector<Label>& ActionStatuses() {
    static const std::vector<Label> statuses{{"niet-gestart", "Niet gestart"},
                                             {"loopt", "Loopt"},
                                             {"afgerond", "Afgerond"},
                                             {"vertraagd", "Vertraagd"}};
    return statuses;
}

std::string LabelOf(const std::vector<Label>& labels, std::string_view code) {
    for (const Label& label : labels) {
        if (label.code == code) return label.label;
    }
    return std::string{code};
}

bool HasCode(const std::vector<Label>& labels, std::string_view code) {
    return std::any_of(labels.begin(), labels.end(), [&](const Label& label) { return label.code == code; });
}

// ------------------------------------------------------------------------------------------ training

CompletionCsv ParseCompletionCsv(std::string_view text, sys_days today) {
    CompletionCsv result;
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    if (!IsValidUtf8(text)) {
        result.rejections.push_back({1, "Het bestand is geen UTF-8. Sla het op als CSV in UTF-8 en probeer het opnieuw."});
        return result;
    }
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back(line);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    while (!lines.empty() && Trim(lines.back()).empty()) lines.pop_back();
    if (lines.empty()) {
        result.rejections.push_back({1, "Het bestand is leeg."});
        return result;
    }
    // The header names the columns and, by what separates them, the separator.
    std::string_view header = lines[0];
    char separator = header.find(';') != std::string_view::npos ? ';' : ',';
    auto names = SplitCsvLine(header, separator);
    bool header_ok = names && names->size() == kCsvColumns;
    for (std::size_t column = 0; header_ok && column < kCsvColumns; ++column) {
        header_ok = Lower((*names)[column]) == kCsvHeader[column];
    }
    if (!header_ok) {
        result.rejections.push_back(
            {1, "De eerste regel moet de kolomnamen bevatten: medewerker-id;naam;afdeling;doelgroep;voltooid-op."});
        return result;
    }
    if (lines.size() - 1 > kMaxCsvRows) {
        result.rejections.push_back({1, "Het bestand heeft meer dan " + std::to_string(kMaxCsvRows) +
                                            " regels. Splits het in kleinere bestanden."});
        return result;
    }
    std::map<std::string, int> first_line_of;  // employee number and date → line, to catch repeated rows
    for (std::size_t index = 1; index < lines.size(); ++index) {
        int line_number = static_cast<int>(index) + 1;
        if (Trim(lines[index]).empty()) continue;
        auto fields = SplitCsvLine(lines[index], separator);
        if (!fields) {
            result.rejections.push_back({line_number, "Een aanhalingsteken wordt niet gesloten."});
            continue;
        }
        if (fields->size() != kCsvColumns) {
            result.rejections.push_back({line_number, "Deze regel heeft " + std::to_string(fields->size()) +
                                                          " kolommen in plaats van 5 (gescheiden door '" +
                                                          std::string(1, separator) + "')."});
            continue;
        }
        CompletionRow row{line_number, (*fields)[0], (*fields)[1], (*fields)[2], Lower((*fields)[3]), std::nullopt};
        const std::string& completed_text = (*fields)[4];
        auto problems = RowProblems(row, completed_text, today);
        if (!problems.empty()) {
            result.rejections.push_back({line_number, JoinProblems(problems)});
            continue;
        }
        if (!completed_text.empty()) row.completed_on = NormaliseDate(completed_text);
        std::string key = row.employee_number + "|" + row.completed_on.value_or("");
        auto [existing, inserted] = first_line_of.emplace(key, line_number);
        if (!inserted) {
            result.rejections.push_back(
                {line_number, "Deze regel staat al op regel " + std::to_string(existing->second) + "."});
            continue;
        }
        result.rows.push_back(std::move(row));
    }
    // The same employee must have the same name, department and target group on every line.
    std::map<std::string, const CompletionRow*> first_row_of;
    for (const CompletionRow& row : result.rows) {
        auto [existing, inserted] = first_row_of.emplace(row.employee_number, &row);
        const CompletionRow& first = *existing->second;
        if (!inserted && (first.name != row.name || first.department != row.department ||
                          first.target_group != row.target_group)) {
            result.rejections.push_back({row.line, "Medewerker " + row.employee_number +
                                                       " staat op regel " + std::to_string(first.line) +
                                                       " met een andere naam, afdeling of doelgroep."});
        }
    }
    std::sort(result.rejections.begin(), result.rejections.end(),
              [](const CsvRejection& left, const CsvRejection& right) { return left.line < right.line; });
    if (result.rows.empty() && result.rejections.empty()) {
        result.rejections.push_back({1, "Het bestand bevat alleen de kolomnamen en geen medewerkers."});
    }
    return result;
}

std::vector<InvalidParam> ValidateStaffMember(const StaffMember& member) {
    std::vector<InvalidParam> problems;
    if (!IsEmployeeNumber(member.employee_number)) {
        problems.push_back({"employeeNumber", "Vul het medewerker-id in: letters, cijfers, '-', '_' of '.'."});
    }
    CheckRequiredShort(problems, "name", member.name, "Vul de naam in.");
    CheckRequiredShort(problems, "department", member.department, "Vul de afdeling in.");
    if (!HasCode(TargetGroups(), member.target_group)) problems.push_back({"targetGroup", "Kies een doelgroep."});
    return problems;
}

std::vector<InvalidParam> ValidateTrainingSettings(const TrainingSettings& settings) {
    std::vector<InvalidParam> problems;
    for (const auto& [group, percent] : settings.target_percent) {
        if (!HasCode(TargetGroups(), group)) {
            problems.push_back({"targets." + group, "Onbekende doelgroep."});
        } else if (percent < 0 || percent > 100) {
            problems.push_back({"targets." + group, "Geef een percentage van 0 tot en met 100."});
        }
    }
    if (settings.refresher_months < 1 || settings.refresher_months > 120) {
        problems.push_back({"refresherMonths", "Geef een termijn van 1 tot en met 120 maanden."});
    }
    return problems;
}

sys_days RefresherDueFrom(sys_days completed_on, int refresher_months) {
    std::chrono::year_month_day day{completed_on};
    auto shifted = day.year() / day.month() / std::chrono::day{1} + std::chrono::months{refresher_months};
    // A completion on 31 August is due on the last day of the month when the month is shorter.
    auto last = std::chrono::year_month_day_last{shifted.year(), std::chrono::month_day_last{shifted.month()}};
    std::chrono::day wanted = std::min(day.day(), last.day());
    return sys_days{shifted.year() / shifted.month() / wanted};
}

bool IsTrainingCurrent(const StaffMember& member, sys_days today, int refresher_months) {
    if (!member.active || !member.last_completed_on) return false;
    auto completed = ParseDate(*member.last_completed_on);
    return completed && today < RefresherDueFrom(*completed, refresher_months);
}

bool IsRefresherDue(const StaffMember& member, sys_days today, int refresher_months) {
    return member.active && member.last_completed_on && !IsTrainingCurrent(member, today, refresher_months);
}

std::vector<GroupCoverage> ComputeCoverage(const std::vector<StaffMember>& members, const TrainingSettings& settings,
                                           sys_days today) {
    std::vector<GroupCoverage> coverage;
    for (const Label& group : TargetGroups()) {
        GroupCoverage figures;
        figures.target_group = group.code;
        for (const StaffMember& member : members) {
            if (!member.active || member.target_group != group.code) continue;
            ++figures.staff;
            if (IsTrainingCurrent(member, today, settings.refresher_months)) {
                ++figures.trained;
            } else if (IsRefresherDue(member, today, settings.refresher_months)) {
                ++figures.refresher_due;
            } else {
                ++figures.never_trained;
            }
        }
        figures.percent = figures.staff == 0 ? 0 : figures.trained * 100 / figures.staff;
        auto target = settings.target_percent.find(group.code);
        if (target != settings.target_percent.end()) {
            figures.target_percent = target->second;
            // Exact comparison in whole numbers: trained/staff >= target/100.
            figures.target_met = figures.staff > 0 ? figures.trained * 100 >= target->second * figures.staff
                                                   : target->second == 0;
        }
        coverage.push_back(figures);
    }
    return coverage;
}

// ------------------------------------------------------------------------------------------ awareness activities

std::vector<InvalidParam> ValidateActivity(const AwarenessActivity& activity, sys_days today) {
    std::vector<InvalidParam> problems;
    CheckRequiredShort(problems, "title", activity.title, "Vul de naam van de activiteit in.");
    auto held_on = ParseDate(activity.held_on);
    if (!held_on) {
        problems.push_back({"heldOn", "Geef de datum als JJJJ-MM-DD, bijvoorbeeld 2024-04-15."});
    } else if (*held_on > today + std::chrono::days{366}) {
        problems.push_back({"heldOn", "De datum ligt meer dan een jaar vooruit."});
    }
    if (activity.description.size() > kMaxTextLength) problems.push_back({"description", "De omschrijving is te lang."});
    for (const auto& [group, count] : activity.attendees) {
        if (!HasCode(TargetGroups(), group)) {
            problems.push_back({"attendees." + group, "Onbekende doelgroep."});
        } else if (count < 0 || count > 100000) {
            problems.push_back({"attendees." + group, "Geef een aantal van 0 of meer."});
        }
    }
    if (activity.external_attendees < 0 || activity.external_attendees > 100000) {
        problems.push_back({"externalAttendees", "Geef een aantal van 0 of meer."});
    }
    return problems;
}

// ------------------------------------------------------------------------------------------ designated officers

std::vector<InvalidParam> ValidateOfficer(const DesignatedOfficer& officer) {
    std::vector<InvalidParam> problems;
    CheckRequiredShort(problems, "name", officer.name, "Vul de naam in.");
    if (!HasCode(OfficerDomains(), officer.domain)) problems.push_back({"domain", "Kies veiligheid of sociaal domein."});
    if (!IsPhoneNumber(officer.phone)) problems.push_back({"phone", "Vul een telefoonnummer in, zoals 0316 123 456."});
    if (officer.email.size() > kMaxShortTextLength || !IsEmailAddress(officer.email)) {
        problems.push_back({"email", "Vul een e-mailadres in, zoals naam@zevenaar.nl."});
    }
    return problems;
}

std::vector<std::string> OfficerWarnings(const std::vector<DesignatedOfficer>& officers) {
    int active = 0;
    bool safety = false;
    bool social = false;
    for (const DesignatedOfficer& officer : officers) {
        if (!officer.active) continue;
        ++active;
        safety = safety || officer.domain == "veiligheid";
        social = social || officer.domain == "sociaal-domein";
    }
    std::vector<std::string> warnings;
    if (active == 0) {
        warnings.push_back("Er is geen actieve aandachtfunctionaris. Medewerkers weten dan niet bij wie ze terechtkunnen.");
    } else if (active < 2) {
        warnings.push_back("Er is maar één actieve aandachtfunctionaris. Het beleid adviseert er ten minste twee.");
    }
    if (active > 0 && (!safety || !social)) {
        warnings.push_back("Het beleid adviseert iemand uit veiligheid én iemand uit het sociaal domein; " +
                           std::string{!safety ? "veiligheid" : "het sociaal domein"} + " ontbreekt.");
    }
    return warnings;
}

// ------------------------------------------------------------------------------------------ action plan

std::vector<InvalidParam> ValidateActionUpdate(const PlanActionUpdate& update) {
    std::vector<InvalidParam> problems;
    if (update.owner.size() > kMaxShortTextLength) problems.push_back({"owner", "De eigenaar is te lang."});
    if (!HasCode(ActionStatuses(), update.status)) {
        problems.push_back({"status", "Kies niet gestart, loopt, afgerond of vertraagd."});
    }
    if (update.due_on && !ParseDate(*update.due_on)) {
        problems.push_back({"dueOn", "Geef de datum als JJJJ-MM-DD, bijvoorbeeld 2025-12-31."});
    }
    if (update.notes.size() > kMaxTextLength) problems.push_back({"notes", "De toelichting is te lang."});
    return problems;
}

PlanAction ApplyActionUpdate(const PlanAction& action, const PlanActionUpdate& update, sys_days today) {
    PlanAction updated = action;
    updated.owner = Trim(update.owner);
    updated.status = update.status;
    updated.due_on = update.due_on;
    updated.notes = update.notes;
    if (update.status != "afgerond") {
        updated.completed_on.reset();
    } else if (action.status != "afgerond" || !action.completed_on) {
        updated.completed_on = FormatDate(today);
    }
    return updated;
}

namespace {

// Overdue on `day`: due before it, and not completed by then.
bool OverdueOn(const PlanAction& action, sys_days day) {
    if (!action.due_on) return false;
    auto due = ParseDate(*action.due_on);
    if (!due || *due >= day) return false;
    if (action.status != "afgerond") return true;
    // Completed, but only after that day.
    auto completed = action.completed_on ? ParseDate(*action.completed_on) : std::nullopt;
    return completed && *completed > day;
}

bool InYear(const std::optional<std::string>& date, int year) {
    return date && date->size() >= 4 && date->substr(0, 4) == std::to_string(year);
}

}  // namespace

bool IsActionOverdue(const PlanAction& action, sys_days today) { return OverdueOn(action, today); }

sys_days PlanReportDay(int year, sys_days today) {
    sys_days end_of_year{std::chrono::year{year} / std::chrono::December / std::chrono::day{31}};
    return std::min(today, end_of_year);
}

std::vector<ObjectiveProgress> ComputePlanProgress(const std::vector<PlanObjective>& objectives,
                                                   const std::vector<PlanAction>& actions, int year, sys_days today) {
    sys_days report_day = PlanReportDay(year, today);
    std::vector<ObjectiveProgress> progress;
    for (const PlanObjective& objective : objectives) {
        ObjectiveProgress item;
        item.objective = objective;
        for (const Label& status : ActionStatuses()) item.by_status[status.code] = 0;
        for (const PlanAction& action : actions) {
            if (action.objective != objective.number) continue;
            ++item.total;
            ++item.by_status[action.status];
            if (InYear(action.due_on, year)) ++item.due_in_year;
            if (action.status == "afgerond" && InYear(action.completed_on, year)) ++item.completed_in_year;
            if (OverdueOn(action, report_day)) item.overdue.push_back(action);
        }
        progress.push_back(std::move(item));
    }
    return progress;
}

}  // namespace meldroute::domain
