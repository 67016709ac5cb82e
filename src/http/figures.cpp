#include "http/figures.hpp"

#include <cstdio>
#include <map>

namespace meldroute::http {

namespace {

using domain::Visibility;

const domain::Suppression& NoSuppression() {
    static const domain::Suppression none;
    return none;
}

const domain::Suppression& SuppressionOf(const std::optional<domain::Suppression>& suppression) {
    return suppression ? *suppression : NoSuppression();
}

// A count for JSON: the number, or its marker when suppressed.
Json CountJson(std::int64_t value, Visibility visibility, std::int64_t threshold) {
    if (visibility == Visibility::kShown) return value;
    return CountText(value, visibility, threshold);
}

Json BreakdownJson(const domain::Breakdown& breakdown, const std::string& name, const domain::Suppression& suppression) {
    Json object = Json::object();
    if (suppression.withheld.contains(name)) return object;
    for (const auto& [key, value] : breakdown) {
        object[key] = CountJson(value, suppression.Of(name + "/" + key), suppression.threshold);
    }
    return object;
}

Json LeadJson(const domain::LeadTimeSummary& lead, const std::string& path, const domain::Suppression& suppression) {
    Visibility visibility = suppression.Of(path);
    if (visibility != Visibility::kShown) {
        return Json{{"median", nullptr}, {"p90", nullptr}, {"count", CountText(lead.count, visibility, suppression.threshold)}};
    }
    return Json{{"median", lead.median ? Json(*lead.median) : Json(nullptr)},
                {"p90", lead.p90 ? Json(*lead.p90) : Json(nullptr)},
                {"count", lead.count}};
}

Json PeriodsJson(const std::vector<domain::PeriodCounts>& periods, const char* key, const std::string& prefix,
                 const domain::Suppression& suppression) {
    Json list = Json::array();
    for (const auto& period : periods) {
        auto count = [&](std::int64_t value, const char* measure) {
            return CountJson(value, suppression.Of(prefix + "/" + period.period + "/" + measure), suppression.threshold);
        };
        list.push_back({{key, period.period},
                        {"signals", count(period.signals, "signals")},
                        {"cases", count(period.cases, "cases")},
                        {"careTrajectories", count(period.care_trajectories, "careTrajectories")},
                        {"reopenings", count(period.reopenings, "reopenings")}});
    }
    return list;
}

std::string Cell(std::int64_t value, const std::string& path, const domain::Suppression& suppression) {
    return CountText(value, suppression.Of(path), suppression.threshold);
}

FigureTable BreakdownTable(const std::string& slug, const std::string& caption, const std::string& column,
                           const domain::Breakdown& breakdown, const std::string& name,
                           const domain::Suppression& suppression) {
    FigureTable table{slug, caption, {column, "Aantal"}, {}, suppression.withheld.contains(name)};
    if (table.withheld) return table;
    for (const auto& [key, value] : breakdown) {
        table.rows.push_back({DutchWord(key), Cell(value, name + "/" + key, suppression)});
    }
    return table;
}

std::vector<std::string> LeadRow(const std::string& label, const domain::LeadTimeSummary& lead, const std::string& path,
                                 const domain::Suppression& suppression) {
    Visibility visibility = suppression.Of(path);
    if (visibility != Visibility::kShown) {
        return {label, "—", "—", CountText(lead.count, visibility, suppression.threshold)};
    }
    return {label, DaysText(lead.median), DaysText(lead.p90), std::to_string(lead.count)};
}

// A lead time to show: its Dutch label, its figures and its key under leadTimes/.
struct LeadLine {
    const char* label;
    const domain::LeadTimeSummary* lead;
    const char* key;
};

FigureTable LeadTable(const std::string& caption, const std::vector<LeadLine>& lines,
                      const domain::Suppression& suppression) {
    FigureTable table{"lead-times", caption, {"Van – tot", "Mediaan", "90e percentiel", "Aantal"}, {}};
    for (const LeadLine& line : lines) {
        table.rows.push_back(LeadRow(line.label, *line.lead, std::string{"leadTimes/"} + line.key, suppression));
    }
    return table;
}

std::optional<std::int64_t> Difference(const std::optional<std::int64_t>& now, const std::optional<std::int64_t>& before) {
    if (!now || !before) return std::nullopt;
    return *now - *before;
}

std::string TrendText(const std::optional<std::int64_t>& now, const std::optional<std::int64_t>& before) {
    auto difference = Difference(now, before);
    if (!difference) return "—";
    std::string text = (*difference > 0 ? "+" : "") + std::to_string(*difference);
    if (*before > 0) {
        long percent = std::lround(100.0 * static_cast<double>(*difference) / static_cast<double>(*before));
        text += " (" + std::string{percent > 0 ? "+" : ""} + std::to_string(percent) + "%)";
    }
    return text;
}

std::string Optional(const std::optional<std::int64_t>& value) { return value ? std::to_string(*value) : "—"; }

}  // namespace

std::string CountText(std::int64_t value, Visibility visibility, std::int64_t threshold) {
    switch (visibility) {
        case Visibility::kShown:
            return std::to_string(value);
        case Visibility::kBelowThreshold:
            return "< " + std::to_string(threshold);
        case Visibility::kHidden:
            return "x";
    }
    return "x";
}

std::string DaysText(const std::optional<double>& days) {
    if (!days) return "—";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", *days);
    std::string text{buffer};
    for (char& character : text) {
        if (character == '.') character = ',';
    }
    return text;
}

std::string DutchWord(const std::string& code) {
    static const std::map<std::string, std::string, std::less<>> kWords{
        {"formulier", "Webformulier"},
        {"persoonlijk", "Persoonlijk"},
        {"telefoon", "Telefoon"},
        {"email", "E-mail"},
        {"anoniem", "Anoniem (inwoner)"},
        {"seksueel", "Seksuele uitbuiting"},
        {"arbeid", "Arbeidsuitbuiting"},
        {"crimineel", "Criminele uitbuiting"},
        {"orgaan", "Gedwongen orgaanverwijdering"},
        {"acuut", "Acuut"},
        {"hoog", "Hoog"},
        {"normaal", "Normaal"},
        {domain::kNotWeighed, "Nog niet gewogen"},
        {domain::kResidentDepartment, "Inwoner (anoniem)"},
        {"onbekend", "Onbekend"},
        {"acuut-partnercontact", "Acuut: partnercontact dezelfde dag"},
        {"terugkoppeling-partner", "Terugkoppeling van partner te laat"},
        {"terugkoppeling-melder", "Terugkoppeling aan melder te laat"},
        {"zorgtraject", "Zorgtraject gestart"},
        {"strafrechtelijk", "Strafrechtelijk traject"},
        {"bestuurlijk", "Bestuurlijke maatregel"},
        {"doorverwezen", "Doorverwezen"},
        {"geen-mensenhandel", "Geen mensenhandel"},
        {"onvoldoende-informatie", "Onvoldoende informatie"}};
    auto found = kWords.find(code);
    if (found != kWords.end()) return found->second;
    if (auto status = domain::ParseCaseStatus(code)) return std::string{domain::DutchLabel(*status)};
    return code;
}

Json StatisticsToJson(const app::Statistics& statistics) {
    const auto& report = statistics.report;
    const domain::Suppression& suppression = SuppressionOf(statistics.suppression);
    auto total = [&](std::int64_t value, const std::string& path) {
        return CountJson(value, suppression.Of(path), suppression.threshold);
    };
    Json json{{"from", statistics.from},
              {"to", statistics.to},
              {"signals", total(report.signals, "signals")},
              {"cases", total(report.cases, "cases")},
              {"careTrajectories", total(report.care_trajectories, "careTrajectories")},
              {"referrals", total(report.referrals, "referrals")},
              {"closures", total(report.closures, "closures")},
              {"reopenings", total(report.reopenings, "reopenings")},
              {"byForm", BreakdownJson(report.by_form, "byForm", suppression)},
              {"byChannel", BreakdownJson(report.by_channel, "byChannel", suppression)},
              {"byOutcome", BreakdownJson(report.by_outcome, "byOutcome", suppression)},
              {"byDepartment", BreakdownJson(report.by_department, "byDepartment", suppression)},
              {"byPartner", BreakdownJson(report.by_partner, "byPartner", suppression)},
              {"byUrgency", BreakdownJson(report.by_urgency, "byUrgency", suppression)},
              {"perYear", PeriodsJson(report.per_year, "year", "perYear", suppression)},
              {"perMonth", PeriodsJson(report.per_month, "month", "perMonth", suppression)},
              {"leadTimes",
               {{"signalToRecordedDays", LeadJson(report.signal_to_recorded, "leadTimes/signalToRecordedDays", suppression)},
                {"recordedToReporterFeedbackDays",
                 LeadJson(report.recorded_to_reporter_feedback, "leadTimes/recordedToReporterFeedbackDays", suppression)},
                {"signalToWeighedDays", LeadJson(report.signal_to_weighed, "leadTimes/signalToWeighedDays", suppression)},
                {"signalToPartnerContactDays",
                 LeadJson(report.signal_to_partner_contact, "leadTimes/signalToPartnerContactDays", suppression)},
                {"signalToReporterFeedbackDays",
                 LeadJson(report.signal_to_reporter_feedback, "leadTimes/signalToReporterFeedbackDays", suppression)}}},
              {"overdue",
               {{"cases", total(report.overdue_cases, "overdue/total")},
                {"byReason", BreakdownJson(report.overdue_by_reason, "overdue/byReason", suppression)}}}};
    if (statistics.suppression) {
        json["suppression"] = {{"threshold", suppression.threshold},
                               {"withheld", Json(std::vector<std::string>(suppression.withheld.begin(),
                                                                          suppression.withheld.end()))}};
    }
    return json;
}

Json YearlyOverviewToJson(const app::YearlyOverview& overview) {
    const std::int64_t threshold = overview.threshold.value_or(0);
    auto recorded = [&](std::int64_t value) -> Json {
        if (!overview.threshold || value == 0 || value >= threshold) return value;
        return "< " + std::to_string(threshold);
    };
    auto optional = [](const std::optional<std::int64_t>& value) { return value ? Json(*value) : Json(nullptr); };
    Json rows = Json::array();
    for (const auto& row : overview.rows) {
        Json item{{"year", row.year}};
        item["regionSignals"] = row.entered ? optional(row.entered->region_signals) : Json(nullptr);
        item["regionCareTrajectories"] = row.entered ? optional(row.entered->region_care_trajectories) : Json(nullptr);
        item["municipalityCount"] = row.entered ? optional(row.entered->municipality_count) : Json(nullptr);
        item["source"] = row.entered ? Json(row.entered->source) : Json(nullptr);
        item["signals"] = row.recorded ? recorded(row.recorded->signals) : Json(nullptr);
        item["cases"] = row.recorded ? recorded(row.recorded->cases) : Json(nullptr);
        item["careTrajectories"] = row.recorded ? recorded(row.recorded->care_trajectories) : Json(nullptr);
        item["reopenings"] = row.recorded ? recorded(row.recorded->reopenings) : Json(nullptr);
        rows.push_back(std::move(item));
    }
    Json json{{"years", rows}};
    if (overview.threshold) json["suppression"] = {{"threshold", threshold}, {"withheld", Json::array()}};
    return json;
}

Json CareEvaluationToJson(const domain::CareEvaluation& evaluation, const std::optional<domain::Suppression>& suppression) {
    const domain::Suppression& shown = SuppressionOf(suppression);
    auto count = [&](std::int64_t value, const std::string& path) {
        return CountJson(value, shown.Of(path), shown.threshold);
    };
    auto days = [](const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); };
    Json trajectories = Json::array();
    for (const auto& trajectory : evaluation.trajectories) {
        trajectories.push_back({{"number", trajectory.number},
                                {"startedMonth", trajectory.started_month},
                                {"urgency", trajectory.urgency},
                                {"forms", trajectory.forms},
                                {"status", std::string{domain::ToString(trajectory.status)}},
                                {"outcome", trajectory.outcome ? Json(*trajectory.outcome) : Json(nullptr)},
                                {"reopenCount", trajectory.reopen_count},
                                {"signalToRecordedDays", days(trajectory.signal_to_recorded_days)},
                                {"signalToWeighedDays", days(trajectory.signal_to_weighed_days)},
                                {"signalToReferralDays", days(trajectory.signal_to_referral_days)},
                                {"referralToFeedbackDays", days(trajectory.referral_to_feedback_days)},
                                {"signalToReporterFeedbackDays", days(trajectory.signal_to_reporter_feedback_days)}});
    }
    bool status_withheld = shown.withheld.contains("status");
    Json json{{"year", evaluation.year},
              {"started", count(evaluation.started, "started")},
              {"ledToCare", status_withheld ? Json("x") : count(evaluation.led_to_care, "ledToCare")},
              {"closedOtherwise", status_withheld ? Json("x") : count(evaluation.closed_otherwise, "closedOtherwise")},
              {"open", status_withheld ? Json("x") : count(evaluation.open, "open")},
              {"reopened", count(evaluation.reopened, "reopened")},
              {"leadTimes",
               {{"signalToRecordedDays", LeadJson(evaluation.signal_to_recorded, "leadTimes/signalToRecordedDays", shown)},
                {"signalToWeighedDays", LeadJson(evaluation.signal_to_weighed, "leadTimes/signalToWeighedDays", shown)},
                {"signalToReferralDays", LeadJson(evaluation.signal_to_referral, "leadTimes/signalToReferralDays", shown)},
                {"referralToFeedbackDays",
                 LeadJson(evaluation.referral_to_feedback, "leadTimes/referralToFeedbackDays", shown)},
                {"signalToReporterFeedbackDays",
                 LeadJson(evaluation.signal_to_reporter_feedback, "leadTimes/signalToReporterFeedbackDays", shown)}}},
              {"trajectories", trajectories}};
    if (suppression) {
        json["suppression"] = {{"threshold", shown.threshold},
                               {"withheld", Json(std::vector<std::string>(shown.withheld.begin(), shown.withheld.end()))}};
    }
    return json;
}

Json YearlyFiguresToJson(const store::YearlyFiguresRecord& figures) {
    auto optional = [](const std::optional<std::int64_t>& value) { return value ? Json(*value) : Json(nullptr); };
    return Json{{"year", figures.year},
                {"regionSignals", optional(figures.region_signals)},
                {"regionCareTrajectories", optional(figures.region_care_trajectories)},
                {"municipalityCount", optional(figures.municipality_count)},
                {"source", figures.source},
                {"updatedAt", figures.updated_at}};
}

std::vector<FigureTable> StatisticsTables(const app::Statistics& statistics) {
    const auto& report = statistics.report;
    const domain::Suppression& suppression = SuppressionOf(statistics.suppression);
    std::vector<FigureTable> tables;
    tables.push_back({"totals", "Totalen", {"Wat", "Aantal"},
                      {{"Meldingen", Cell(report.signals, "signals", suppression)},
                       {"Casussen", Cell(report.cases, "cases", suppression)},
                       {"Zorgtrajecten", Cell(report.care_trajectories, "careTrajectories", suppression)},
                       {"Doorzettingen naar partners", Cell(report.referrals, "referrals", suppression)},
                       {"Afsluitingen", Cell(report.closures, "closures", suppression)},
                       {"Heropeningen van afgesloten casussen", Cell(report.reopenings, "reopenings", suppression)},
                       {"Casussen met werk over tijd", Cell(report.overdue_cases, "overdue/total", suppression)}}});
    // One row per year or month: signals, cases, care trajectories and reopenings, each hidden by its own path.
    auto period_table = [&](const char* slug, const char* caption, const char* first_column, const char* prefix,
                            const std::vector<domain::PeriodCounts>& periods) {
        FigureTable table{slug, caption, {first_column, "Meldingen", "Casussen", "Zorgtrajecten", "Heropeningen"}, {}};
        for (const auto& period : periods) {
            const std::string path = std::string{prefix} + "/" + period.period + "/";
            table.rows.push_back({period.period, Cell(period.signals, path + "signals", suppression),
                                  Cell(period.cases, path + "cases", suppression),
                                  Cell(period.care_trajectories, path + "careTrajectories", suppression),
                                  Cell(period.reopenings, path + "reopenings", suppression)});
        }
        return table;
    };
    tables.push_back(period_table("per-year", "Verdeling over de jaren", "Jaar", "perYear", report.per_year));
    tables.push_back(period_table("per-month", "Per maand", "Maand", "perMonth", report.per_month));
    tables.push_back(BreakdownTable("by-channel", "Meldingen per kanaal", "Kanaal", report.by_channel, "byChannel", suppression));
    tables.push_back(BreakdownTable("by-department", "Meldingen per afdeling van de melder", "Afdeling",
                                    report.by_department, "byDepartment", suppression));
    tables.push_back(BreakdownTable("by-form", "Casussen per vorm van uitbuiting (laatste weging)", "Vorm", report.by_form,
                                    "byForm", suppression));
    tables.push_back(BreakdownTable("by-urgency", "Casussen per urgentie (laatste weging)", "Urgentie", report.by_urgency,
                                    "byUrgency", suppression));
    tables.push_back(BreakdownTable("by-partner", "Doorzettingen per partner", "Partner", report.by_partner, "byPartner",
                                    suppression));
    tables.push_back(BreakdownTable("by-outcome", "Afsluitingen per uitkomst (een heropende casus telt bij elke afsluiting)", "Uitkomst", report.by_outcome,
                                    "byOutcome", suppression));
    tables.push_back(LeadTable(
        "Doorlooptijden in dagen",
        {{"Melding tot vastleggen", &report.signal_to_recorded, "signalToRecordedDays"},
         {"Melding tot weging", &report.signal_to_weighed, "signalToWeighedDays"},
         {"Melding tot eerste partnercontact", &report.signal_to_partner_contact, "signalToPartnerContactDays"},
         {"Melding tot terugkoppeling aan melder", &report.signal_to_reporter_feedback, "signalToReporterFeedbackDays"},
         {"Vastleggen tot terugkoppeling aan melder", &report.recorded_to_reporter_feedback,
          "recordedToReporterFeedbackDays"}},
        suppression));
    tables.push_back(BreakdownTable("overdue", "Open casussen met werk over tijd, per reden (vandaag)", "Reden",
                                    report.overdue_by_reason, "overdue/byReason", suppression));
    return tables;
}

FigureTable YearlyOverviewTable(const app::YearlyOverview& overview) {
    FigureTable table{"yearly-overview",
                      "Jaaroverzicht: cijfers van vóór meldroute naast de meldingen in meldroute",
                      {"Jaar", "Meldingen regio (bron)", "Zorgtrajecten regio (bron)", "Zevenaar (bron)",
                       "Meldingen in meldroute", "Casussen in meldroute", "Zorgtrajecten in meldroute",
                       "Heropeningen in meldroute", "Trend meldingen regio", "Trend meldingen meldroute"},
                      {}};
    const std::int64_t threshold = overview.threshold.value_or(0);
    auto recorded = [&](const std::optional<domain::PeriodCounts>& counts, std::int64_t domain::PeriodCounts::*field) {
        if (!counts) return std::string{"—"};
        std::int64_t value = (*counts).*field;
        bool small = overview.threshold && value > 0 && value < threshold;
        return small ? "< " + std::to_string(threshold) : std::to_string(value);
    };
    std::optional<std::int64_t> previous_region, previous_recorded;
    bool previous_recorded_small = false;
    for (const auto& row : overview.rows) {
        std::optional<std::int64_t> region = row.entered ? row.entered->region_signals : std::nullopt;
        std::optional<std::int64_t> signals;
        if (row.recorded) signals = row.recorded->signals;
        bool small = overview.threshold && signals && *signals > 0 && *signals < threshold;
        table.rows.push_back(
            {std::to_string(row.year), Optional(region),
             Optional(row.entered ? row.entered->region_care_trajectories : std::nullopt),
             Optional(row.entered ? row.entered->municipality_count : std::nullopt),
             recorded(row.recorded, &domain::PeriodCounts::signals), recorded(row.recorded, &domain::PeriodCounts::cases),
             recorded(row.recorded, &domain::PeriodCounts::care_trajectories),
             recorded(row.recorded, &domain::PeriodCounts::reopenings), TrendText(region, previous_region),
             small || previous_recorded_small ? "—" : TrendText(signals, previous_recorded)});
        previous_region = region;
        previous_recorded = signals;
        previous_recorded_small = small;
    }
    return table;
}

std::vector<FigureTable> CareEvaluationTables(const domain::CareEvaluation& evaluation,
                                              const std::optional<domain::Suppression>& suppression) {
    const domain::Suppression& shown = SuppressionOf(suppression);
    std::vector<FigureTable> tables;
    FigureTable status{"status", "Zorgtrajecten gestart in " + std::to_string(evaluation.year) + ", naar stand",
                       {"Stand", "Aantal"}, {}, shown.withheld.contains("status")};
    if (!status.withheld) {
        status.rows = {{"Geleid tot zorg (afgesloten als zorgtraject)", Cell(evaluation.led_to_care, "ledToCare", shown)},
                       {"Anders afgesloten", Cell(evaluation.closed_otherwise, "closedOtherwise", shown)},
                       {"Nog open", Cell(evaluation.open, "open", shown)}};
    }
    status.rows.push_back({"Totaal gestart", Cell(evaluation.started, "started", shown)});
    status.rows.push_back({"Waarvan ooit heropend", Cell(evaluation.reopened, "reopened", shown)});
    tables.push_back(std::move(status));
    tables.push_back(LeadTable(
        "Doorlooptijden van de zorgtrajecten in dagen",
        {{"Melding tot vastleggen", &evaluation.signal_to_recorded, "signalToRecordedDays"},
         {"Melding tot weging", &evaluation.signal_to_weighed, "signalToWeighedDays"},
         {"Melding tot doorzetten naar Moviera", &evaluation.signal_to_referral, "signalToReferralDays"},
         {"Doorzetten tot terugkoppeling van Moviera", &evaluation.referral_to_feedback, "referralToFeedbackDays"},
         {"Melding tot terugkoppeling aan melder", &evaluation.signal_to_reporter_feedback,
          "signalToReporterFeedbackDays"}},
        shown));
    if (!shown.withheld.contains("trajectories")) {
        FigureTable list{"trajectories", "De zorgtrajecten, zonder namen",
                         {"Nr.", "Gestart (maand)", "Urgentie", "Vormen", "Stand", "Uitkomst", "Keren heropend", "Dagen tot vastleggen",
                          "Dagen tot weging", "Dagen tot Moviera", "Dagen tot terugkoppeling Moviera",
                          "Dagen tot terugkoppeling melder"},
                         {}};
        for (const auto& trajectory : evaluation.trajectories) {
            std::string forms;
            for (const auto& form : trajectory.forms) forms += (forms.empty() ? "" : ", ") + DutchWord(form);
            list.rows.push_back({std::to_string(trajectory.number), trajectory.started_month, DutchWord(trajectory.urgency),
                                 forms.empty() ? "—" : forms, DutchWord(std::string{domain::ToString(trajectory.status)}),
                                 trajectory.outcome ? DutchWord(*trajectory.outcome) : "—",
                                 std::to_string(trajectory.reopen_count),
                                 DaysText(trajectory.signal_to_recorded_days), DaysText(trajectory.signal_to_weighed_days),
                                 DaysText(trajectory.signal_to_referral_days), DaysText(trajectory.referral_to_feedback_days),
                                 DaysText(trajectory.signal_to_reporter_feedback_days)});
        }
        tables.push_back(std::move(list));
    }
    return tables;
}

std::string ToCsv(const FigureTable& table) {
    auto field = [](std::string value) {
        // A leading =, +, - or @ makes a spreadsheet evaluate the cell; "—" and "< 5" are harmless.
        if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
            value.insert(value.begin(), '\'');
        }
        bool quote = value.find_first_of(",\"\r\n") != std::string::npos;
        if (!quote) return value;
        std::string quoted = "\"";
        for (char character : value) {
            if (character == '"') quoted += '"';
            quoted += character;
        }
        return quoted + "\"";
    };
    std::string csv;
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t index = 0; index < cells.size(); ++index) {
            if (index > 0) csv += ',';
            csv += field(cells[index]);
        }
        csv += "\r\n";
    };
    line(table.columns);
    for (const auto& row : table.rows) line(row);
    return csv;
}

}  // namespace meldroute::http
