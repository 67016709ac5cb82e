#include "http/downloads.hpp"

#include "http/figures.hpp"
#include "http/reports.hpp"

namespace meldroute::http {

namespace {

constexpr const char* kCsvType = "text/csv; charset=utf-8";
constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Error UnknownTable(const std::string& table) {
    return MakeError(ErrorCode::kNotFound, "De tabel '" + table + "' bestaat niet.");
}

std::string Suffix(bool suppress) { return suppress ? "-afgeschermd" : ""; }

// A bar per row of a two-column table; a suppressed count is drawn as no bar with its marker beside it.
Chart ChartOf(const FigureTable& table, std::size_t value_column = 1) {
    Chart chart{table.caption, {}};
    for (const auto& row : table.rows) {
        if (row.size() <= value_column) continue;
        const std::string& text = row[value_column];
        char* end = nullptr;
        std::string dotted = text;
        for (char& character : dotted) {
            if (character == ',') character = '.';
        }
        double value = std::strtod(dotted.c_str(), &end);
        bool numeric = !dotted.empty() && end != nullptr && *end == '\0';
        chart.bars.push_back({row[0], numeric ? value : 0.0, text});
    }
    return chart;
}

Result<std::vector<FigureTable>> EvaluationTables(app::Service& service, const app::Principal& principal, int year,
                                                  bool suppress) {
    auto evaluation = MR_TRY(service.GetCareEvaluation(principal, year, suppress, kExportAction));
    std::optional<domain::Suppression> suppression;
    if (suppress) suppression = domain::SuppressEvaluation(evaluation, service.config().suppression_threshold);
    return CareEvaluationTables(evaluation, suppression);
}

}  // namespace

std::optional<int> ParseYear(const std::string& text) {
    if (text.size() != 4 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    return std::stoi(text);
}

Result<Download> StatisticsCsv(app::Service& service, const app::Principal& principal, const std::string& from,
                               const std::string& to, bool suppress, const std::string& table) {
    auto statistics = MR_TRY(service.GetStatistics(principal, from, to, suppress, kExportAction));
    for (const FigureTable& candidate : StatisticsTables(statistics)) {
        if (candidate.slug != table) continue;
        return Download{ToCsv(candidate), kCsvType,
                        "meldroute-cijfers-" + from + "-" + to + "-" + table + Suffix(suppress) + ".csv"};
    }
    return UnknownTable(table);
}

Result<Download> YearlyOverviewCsv(app::Service& service, const app::Principal& principal, bool suppress) {
    auto overview = MR_TRY(service.GetYearlyOverview(principal, suppress, kExportAction));
    return Download{ToCsv(YearlyOverviewTable(overview)), kCsvType, "meldroute-jaaroverzicht" + Suffix(suppress) + ".csv"};
}

Result<Download> CareEvaluationCsv(app::Service& service, const app::Principal& principal, int year, bool suppress,
                                   const std::string& table) {
    auto tables = MR_TRY(EvaluationTables(service, principal, year, suppress));
    for (const FigureTable& candidate : tables) {
        if (candidate.slug != table) continue;
        return Download{ToCsv(candidate), kCsvType,
                        "meldroute-evaluatie-zorgtrajecten-" + std::to_string(year) + "-" + table + Suffix(suppress) + ".csv"};
    }
    return UnknownTable(table);
}

Result<Download> CareEvaluationPdf(app::Service& service, const app::Principal& principal, int year, bool suppress) {
    auto tables = MR_TRY(EvaluationTables(service, principal, year, suppress));
    auto overview = MR_TRY(service.GetYearlyOverview(principal, suppress, kExportAction));
    FigureTable yearly = YearlyOverviewTable(overview);
    std::vector<Chart> charts{ChartOf(tables[0]), ChartOf(tables[1]), ChartOf(yearly, 6)};
    charts[2].title = "Zorgtrajecten in meldroute per jaar";
    tables.push_back(std::move(yearly));
    const std::string title = "Evaluatie zorgtrajecten " + std::to_string(year);
    const std::string subtitle = std::string{"meldroute, gemeente Zevenaar - voor het jaarlijkse overleg met Moviera "
                                             "(aanpak 4.5.2). Zonder namen"} +
                                 (suppress ? "; kleine aantallen afgeschermd." : ".");
    auto pdf = MR_TRY(RenderPdf(title, subtitle, charts, tables));
    return Download{std::move(pdf), "application/pdf",
                    "meldroute-evaluatie-zorgtrajecten-" + std::to_string(year) + Suffix(suppress) + ".pdf"};
}

Result<Download> CareEvaluationXlsx(app::Service& service, const app::Principal& principal, int year, bool suppress) {
    auto tables = MR_TRY(EvaluationTables(service, principal, year, suppress));
    auto overview = MR_TRY(service.GetYearlyOverview(principal, suppress, kExportAction));
    tables.push_back(YearlyOverviewTable(overview));
    auto workbook = MR_TRY(RenderXlsx("Evaluatie zorgtrajecten " + std::to_string(year), tables, {"status", "lead-times"}));
    return Download{std::move(workbook), kXlsxType,
                    "meldroute-evaluatie-zorgtrajecten-" + std::to_string(year) + Suffix(suppress) + ".xlsx"};
}

Response DownloadResponse(const Request& request, const Download& download) {
    Response response{boost::beast::http::status::ok, request.version()};
    response.set(boost::beast::http::field::content_type, download.content_type);
    response.set(boost::beast::http::field::content_disposition, "attachment; filename=\"" + download.filename + "\"");
    response.body() = download.content;
    AddSecurityHeaders(response);
    return response;
}

}  // namespace meldroute::http
