// The pages of the figures: /cijfers (a year's figures), /dashboard (the yearly overview with charts, and the
// officer's own work), /evaluatie (the care evaluation and its downloads), /jaarcijfers (the figures from
// before meldroute). Charts are inline SVG drawn here, each with a data table beside it; no JavaScript.
#include <algorithm>
#include <cstdio>

#include "base/time.hpp"
#include "http/downloads.hpp"
#include "http/figures.hpp"
#include "http/page_support.hpp"

namespace meldroute::http {

namespace {

using boost::beast::http::verb;
using domain::Role;

constexpr const char* kBarColour = "#00527d";  // contrast above 7:1 on white

std::string ThisYearText() { return FormatDate(DayOf(Now())).substr(0, 4); }

std::string YearFrom(const Context& context) {
    auto year = First(context.query, "jaar");
    return year && ParseYear(*year) ? *year : ThisYearText();
}

bool SuppressedFrom(const Context& context) { return First(context.query, "afgeschermd") == "ja"; }

std::string SuppressQuery(bool suppress) { return suppress ? "&afgeschermd=ja" : ""; }

Json TableModel(const FigureTable& table, const std::string& csv_href) {
    Json rows = Json::array();
    for (const auto& row : table.rows) {
        Json cells = Json::array();
        for (std::size_t index = 0; index < row.size(); ++index) {
            cells.push_back({{"text", row[index]}, {"header", index == 0}});
        }
        rows.push_back({{"cells", cells}});
    }
    return Json{{"slug", table.slug},
                {"caption", table.caption},
                {"columns", table.columns},
                {"columnCount", table.columns.size()},
                {"rows", rows},
                {"withheld", table.withheld},
                {"csvHref", csv_href.empty() ? Json(nullptr) : Json(csv_href)}};
}

// A horizontal bar chart of one column of a table (suppressed cells get no bar, only their marker).
Json ChartModel(const std::string& id, const std::string& title, const FigureTable& table, std::size_t column) {
    constexpr int kWidth = 600, kLabelWidth = 200, kRowHeight = 26, kBarHeight = 18;
    double maximum = 0;
    std::vector<std::pair<double, bool>> values;
    for (const auto& row : table.rows) {
        const std::string& text = row.size() > column ? row[column] : "";
        char* end = nullptr;
        double value = std::strtod(text.c_str(), &end);
        bool numeric = !text.empty() && end != nullptr && *end == '\0';
        values.emplace_back(numeric ? value : 0.0, numeric);
        maximum = std::max(maximum, numeric ? value : 0.0);
    }
    const int plot = kWidth - kLabelWidth - 60;
    Json bars = Json::array();
    std::string description = title + ". ";
    for (std::size_t index = 0; index < table.rows.size(); ++index) {
        const auto& row = table.rows[index];
        const std::string text = row.size() > column ? row[column] : "";
        int length = maximum > 0 ? static_cast<int>(plot * values[index].first / maximum) : 0;
        int top = static_cast<int>(index) * kRowHeight + 4;
        bars.push_back({{"label", row[0]},
                        {"labelX", kLabelWidth - 8},
                        {"textY", top + 14},
                        {"x", kLabelWidth},
                        {"y", top},
                        {"barWidth", std::max(length, values[index].first > 0 ? 2 : 0)},
                        {"barHeight", kBarHeight},
                        {"fill", kBarColour},
                        {"valueX", kLabelWidth + std::max(length, 0) + 6},
                        {"text", text}});
        description += row[0] + ": " + text + (index + 1 < table.rows.size() ? "; " : ".");
    }
    const int height = static_cast<int>(table.rows.size()) * kRowHeight + 8;
    return Json{{"id", id},           {"title", title},          {"description", description}, {"width", kWidth},
                {"height", height},   {"axisX", kLabelWidth},    {"axisHeight", height},       {"bars", bars}};
}

// One column of a table as its own two-column table, for the data table beside a chart.
FigureTable Column(const FigureTable& table, std::size_t column, const std::string& slug, const std::string& caption) {
    FigureTable picked{slug, caption, {table.columns[0], table.columns[column]}, {}, table.withheld};
    for (const auto& row : table.rows) picked.rows.push_back({row[0], row.size() > column ? row[column] : "—"});
    return picked;
}

Json Pair(const std::string& id, const FigureTable& table, std::size_t column, const std::string& title,
          const std::string& csv_href) {
    FigureTable data = Column(table, column, id + "-tabel", title + " (tabel)");
    return Json{{"chart", ChartModel(id, title, data, 1)}, {"table", TableModel(data, csv_href)}};
}

Response StatisticsPage(PageContext& pages, Context& context, const app::Principal& principal) {
    std::string year = YearFrom(context);
    bool suppress = SuppressedFrom(context);
    auto statistics = pages.service.GetStatistics(principal, year + "-01-01", year + "-12-31", suppress);
    if (!statistics) return ErrorPage(context.request, StatusFor(statistics.error().code), statistics.error().detail);
    Json tables = Json::array();
    for (const FigureTable& table : StatisticsTables(*statistics)) {
        if (table.slug == "totals") continue;
        tables.push_back(TableModel(table, "/cijfers/csv/" + table.slug + "?jaar=" + year + SuppressQuery(suppress)));
    }
    const auto& report = statistics->report;
    const auto& shown = statistics->suppression;
    auto total = [&](std::int64_t value, const char* path) {
        return shown ? CountText(value, shown->Of(path), shown->threshold) : std::to_string(value);
    };
    return RenderPage(context.request, &principal, "Cijfers " + year, "statistics",
                      {{"year", year},
                       {"suppressed", suppress},
                       {"threshold", pages.service.config().suppression_threshold},
                       {"signals", total(report.signals, "signals")},
                       {"cases", total(report.cases, "cases")},
                       {"careTrajectories", total(report.care_trajectories, "careTrajectories")},
                       {"tables", tables}},
                      200, "/cijfers");
}

Response DashboardPage(PageContext& pages, Context& context, const app::Principal& principal) {
    bool suppress = SuppressedFrom(context);
    auto overview = pages.service.GetYearlyOverview(principal, suppress);
    if (!overview) return ErrorPage(context.request, StatusFor(overview.error().code), overview.error().detail);
    FigureTable table = YearlyOverviewTable(*overview);
    const std::string csv = std::string{"/dashboard/jaaroverzicht.csv"} + (suppress ? "?afgeschermd=ja" : "");
    Json pairs = Json::array();
    pairs.push_back(Pair("meldingen-regio", table, 1, "Meldingen in de regio Achterhoek/Arnhem per jaar (bron)", ""));
    pairs.push_back(Pair("zorgtrajecten-regio", table, 2, "Zorgtrajecten in de regio per jaar (bron)", ""));
    pairs.push_back(Pair("zevenaar-bron", table, 3, "Aantal voor Zevenaar per jaar (bron)", ""));
    pairs.push_back(Pair("meldingen-meldroute", table, 4, "Meldingen in meldroute per jaar", ""));
    pairs.push_back(Pair("zorgtrajecten-meldroute", table, 6, "Zorgtrajecten in meldroute per jaar", ""));
    pairs.push_back(Pair("heropeningen-meldroute", table, 7, "Heropende casussen in meldroute per jaar", ""));
    Json model{{"pairs", pairs},
               {"overview", TableModel(table, csv)},
               {"suppressed", suppress},
               {"threshold", pages.service.config().suppression_threshold},
               {"work", nullptr}};
    if (principal.Has(Role::kAandachtfunctionaris)) model["work"] = WorkOverviewModel(pages.service, principal);
    return RenderPage(context.request, &principal, "Dashboard", "dashboard", model, 200, "/dashboard");
}

Response EvaluationPage(PageContext& pages, Context& context, const app::Principal& principal) {
    std::string year = YearFrom(context);
    bool suppress = SuppressedFrom(context);
    auto evaluation = pages.service.GetCareEvaluation(principal, std::stoi(year), suppress);
    if (!evaluation) return ErrorPage(context.request, StatusFor(evaluation.error().code), evaluation.error().detail);
    std::optional<domain::Suppression> suppression;
    if (suppress) suppression = domain::SuppressEvaluation(*evaluation, pages.service.config().suppression_threshold);
    auto tables = CareEvaluationTables(*evaluation, suppression);
    const std::string base = "/evaluatie/" + year;
    const std::string query = suppress ? "?afgeschermd=ja" : "";
    Json pairs = Json::array();
    Json rest = Json::array();
    for (const FigureTable& table : tables) {
        std::string csv = base + "/" + table.slug + ".csv" + query;
        if (table.slug == "status") {
            pairs.push_back({{"chart", ChartModel("stand", table.caption, table, 1)}, {"table", TableModel(table, csv)}});
        } else if (table.slug == "lead-times") {
            FigureTable medians = Column(table, 1, "mediaan-tabel", "Mediaan doorlooptijd in dagen");
            for (auto& row : medians.rows) std::replace(row[1].begin(), row[1].end(), ',', '.');
            pairs.push_back({{"chart", ChartModel("doorlooptijden", "Mediaan doorlooptijd in dagen", medians, 1)},
                             {"table", TableModel(table, csv)}});
        } else {
            rest.push_back(TableModel(table, csv));
        }
    }
    return RenderPage(context.request, &principal, "Evaluatie zorgtrajecten " + year, "evaluation",
                      {{"year", year},
                       {"suppressed", suppress},
                       {"threshold", pages.service.config().suppression_threshold},
                       {"pdfHref", base + "/evaluatie.pdf" + query},
                       {"xlsxHref", base + "/evaluatie.xlsx" + query},
                       {"pairs", pairs},
                       {"tables", rest}},
                      200, "/evaluatie");
}

Response YearlyFiguresPage(PageContext& pages, Context& context, const app::Principal& principal, const Form* form,
                           const std::map<std::string, std::string>& errors) {
    auto figures = pages.service.ListYearlyFigures(principal);
    if (!figures) return ErrorPage(context.request, StatusFor(figures.error().code), figures.error().detail);
    FigureTable list{"jaarcijfers", "Ingevoerde jaarcijfers",
                     {"Jaar", "Meldingen regio", "Zorgtrajecten regio", "Zevenaar", "Bron", "Bijgewerkt op"}, {}};
    auto optional = [](const std::optional<std::int64_t>& value) { return value ? std::to_string(*value) : "—"; };
    for (const auto& row : *figures) {
        list.rows.push_back({std::to_string(row.year), optional(row.region_signals), optional(row.region_care_trajectories),
                             optional(row.municipality_count), row.source, row.updated_at.substr(0, 10)});
    }
    auto value = [form](const std::string& name) { return form ? First(*form, name).value_or("") : std::string{}; };
    Json fields = Json::array();
    fields.push_back(Field("year", "Jaar", value("year"), errors, "text", "Bijvoorbeeld 2024.", true));
    fields.push_back(Field("regionSignals", "Meldingen in de regio Achterhoek/Arnhem", value("regionSignals"), errors,
                           "text", "Leeg laten als het niet bekend is."));
    fields.push_back(Field("regionCareTrajectories", "Zorgtrajecten in de regio", value("regionCareTrajectories"),
                           errors, "text", "Leeg laten als het niet bekend is."));
    fields.push_back(Field("municipalityCount", "Aantal voor Zevenaar", value("municipalityCount"), errors, "text",
                           "Leeg laten als het niet bekend is."));
    fields.push_back(Field("source", "Bron", value("source"), errors, "text", "Bijvoorbeeld: CoMensha, jaarcijfers 2024.",
                           true));
    Json model{{"list", TableModel(list, "")},
               {"fields", fields},
               {"csrf", principal.csrf_token},
               {"errorSummary", ErrorSummary(errors)},
               {"savedYear", nullptr}};
    if (auto saved = First(context.query, "opgeslagen"); saved && ParseYear(*saved) && !form) model["savedYear"] = *saved;
    return RenderPage(context.request, &principal, errors.empty() ? "Jaarcijfers" : "Fout: Jaarcijfers",
                      "yearly-figures", model, errors.empty() ? 200 : 400, "/jaarcijfers");
}

// "12" → 12, "" → nullopt; anything else is a problem named `name`.
std::optional<std::int64_t> CountField(const Form& form, const std::string& name,
                                       std::map<std::string, std::string>& errors) {
    std::string text = First(form, name).value_or("");
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    if (text.empty()) return std::nullopt;
    if (text.size() > 7 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        errors.emplace(name, "Geef een aantal in cijfers, zoals 57.");
        return std::nullopt;
    }
    return std::stoll(text);
}

Response SendDownload(Context& context, const Result<Download>& download) {
    if (!download) return ErrorPage(context.request, StatusFor(download.error().code), download.error().detail);
    return DownloadResponse(context.request, *download);
}

// "by-channel.csv" → "by-channel"; anything not ending in `suffix` → empty.
std::string WithoutSuffix(const std::string& name, const std::string& suffix) {
    if (name.size() <= suffix.size() || !name.ends_with(suffix)) return "";
    return name.substr(0, name.size() - suffix.size());
}

}  // namespace

void RegisterStatisticsPages(Router& router, std::shared_ptr<PageContext> pages) {
    router.Add(verb::get, "/cijfers", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeleid, Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form&) {
                           return StatisticsPage(*pages, context, principal);
                       });
    });
    router.Add(verb::get, "/cijfers/csv/{}", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeleid, Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form&) {
                           std::string year = YearFrom(context);
                           return SendDownload(context, StatisticsCsv(pages->service, principal, year + "-01-01",
                                                                      year + "-12-31", SuppressedFrom(context),
                                                                      context.params[0]));
                       });
    });
    router.Add(verb::get, "/dashboard", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeleid, Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form&) {
                           return DashboardPage(*pages, context, principal);
                       });
    });
    router.Add(verb::get, "/dashboard/jaaroverzicht.csv", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeleid, Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form&) {
                           return SendDownload(context, YearlyOverviewCsv(pages->service, principal, SuppressedFrom(context)));
                       });
    });
    router.Add(verb::get, "/evaluatie", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeleid, Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form&) {
                           return EvaluationPage(*pages, context, principal);
                       });
    });
    router.Add(verb::get, "/evaluatie/{}/{}", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeleid, Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form&) {
                           int year = ParseYear(context.params[0]).value_or(0);
                           bool suppress = SuppressedFrom(context);
                           const std::string& file = context.params[1];
                           if (file == "evaluatie.pdf") {
                               return SendDownload(context, CareEvaluationPdf(pages->service, principal, year, suppress));
                           }
                           if (file == "evaluatie.xlsx") {
                               return SendDownload(context, CareEvaluationXlsx(pages->service, principal, year, suppress));
                           }
                           return SendDownload(context, CareEvaluationCsv(pages->service, principal, year, suppress,
                                                                          WithoutSuffix(file, ".csv")));
                       });
    });
    router.Add(verb::get, "/jaarcijfers", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeleid, Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            return YearlyFiguresPage(*pages, context, principal, nullptr, {});
        });
    });
    router.Add(verb::post, "/jaarcijfers", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeleid, Role::kBeheerder}, [&](const app::Principal& principal,
                                                                              const Form& form) {
            std::map<std::string, std::string> errors;
            store::YearlyFiguresRecord figures;
            auto year = ParseYear(First(form, "year").value_or(""));
            if (!year) errors.emplace("year", "Geef een jaar met 4 cijfers, zoals 2024.");
            figures.year = year.value_or(0);
            figures.region_signals = CountField(form, "regionSignals", errors);
            figures.region_care_trajectories = CountField(form, "regionCareTrajectories", errors);
            figures.municipality_count = CountField(form, "municipalityCount", errors);
            figures.source = First(form, "source").value_or("");
            if (errors.empty()) {
                auto saved = pages->service.SetYearlyFigures(principal, figures);
                if (saved) return Redirect(context.request, "/jaarcijfers?opgeslagen=" + std::to_string(saved->year));
                for (const auto& param : saved.error().invalid_params) errors.emplace(param.name, param.reason);
                if (errors.empty()) {
                    return ErrorPage(context.request, StatusFor(saved.error().code), saved.error().detail);
                }
            }
            return YearlyFiguresPage(*pages, context, principal, &form, errors);
        });
    });
}

}  // namespace meldroute::http
