// The policy figures as they are shown: JSON for the API, and tables of display strings ("12", "< 5", "x")
// that the pages, CSV, spreadsheet and PDF all render, so every format shows the same suppressed cells.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/service.hpp"
#include "http/json_io.hpp"

namespace meldroute::http {

//! A table of figures, every cell already a display string.
struct FigureTable {
    std::string slug;     // "by-channel": the CSV's name and, on a page, the table's id
    std::string caption;  // Dutch
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    bool withheld = false;  // too few to break down without giving a small count away: no cells at all
};

//! The marker of a suppressed count: "< 5" below the threshold, "x" for a complementary suppression.
std::string CountText(std::int64_t value, domain::Visibility visibility, std::int64_t threshold);

Json StatisticsToJson(const app::Statistics& statistics);
Json YearlyOverviewToJson(const app::YearlyOverview& overview);
Json CareEvaluationToJson(const domain::CareEvaluation& evaluation, const std::optional<domain::Suppression>& suppression);
Json YearlyFiguresToJson(const store::YearlyFiguresRecord& figures);

//! The tables of a statistics answer, in page order; slugs as in GET /api/v1/statistics/tables/{table}.
std::vector<FigureTable> StatisticsTables(const app::Statistics& statistics);
FigureTable YearlyOverviewTable(const app::YearlyOverview& overview);
//! "status", "lead-times" and, unless suppressed, "trajectories".
std::vector<FigureTable> CareEvaluationTables(const domain::CareEvaluation& evaluation,
                                              const std::optional<domain::Suppression>& suppression);

//! RFC 4180 CSV with a header row; a cell that a spreadsheet would read as a formula is prefixed with '.
std::string ToCsv(const FigureTable& table);

//! Dutch words for the codes in the figures (channels, forms, urgencies, statuses, overdue reasons).
std::string DutchWord(const std::string& code);

//! A number of days with one decimal and a comma ("3,5"), or "—".
std::string DaysText(const std::optional<double>& days);

}  // namespace meldroute::http
