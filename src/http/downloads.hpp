// The downloads of the figures, shared by the API (Bearer) and the pages (cookie): CSV of any table, the care
// evaluation pack as PDF and spreadsheet. Each is one audited read ("statistics.export"); no personal data
// in the file, its name or its URL.
#pragma once

#include <string>

#include "app/service.hpp"
#include "http/common.hpp"

namespace meldroute::http {

struct Download {
    std::string content;
    std::string content_type;
    std::string filename;
};

inline constexpr const char* kExportAction = "statistics.export";

//! One table of the statistics of [from, to] as CSV; NotFound for an unknown table.
Result<Download> StatisticsCsv(app::Service& service, const app::Principal& principal, const std::string& from,
                               const std::string& to, bool suppress, const std::string& table);
Result<Download> YearlyOverviewCsv(app::Service& service, const app::Principal& principal, bool suppress);
//! The evaluation's "status", "lead-times" or "trajectories" table as CSV.
Result<Download> CareEvaluationCsv(app::Service& service, const app::Principal& principal, int year, bool suppress,
                                   const std::string& table);
Result<Download> CareEvaluationPdf(app::Service& service, const app::Principal& principal, int year, bool suppress);
Result<Download> CareEvaluationXlsx(app::Service& service, const app::Principal& principal, int year, bool suppress);

//! 200 with the file as an attachment (Cache-Control: no-store like every answer).
Response DownloadResponse(const Request& request, const Download& download);

//! "2024" → 2024; nullopt unless four digits.
std::optional<int> ParseYear(const std::string& text);

}  // namespace meldroute::http
