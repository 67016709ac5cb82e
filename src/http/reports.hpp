// The evaluation pack as files: a PDF drawn with cairo (charts included) and a spreadsheet written with
// libxlsxwriter. Both are made from FigureTables only, which hold display strings of figures and no person.
#pragma once

#include <string>
#include <vector>

#include "base/result.hpp"
#include "http/figures.hpp"

namespace meldroute::http {

//! One bar of a chart: a label, the value drawn, and the text written on it ("12", "< 5").
struct ChartBar {
    std::string label;
    double value = 0;
    std::string text;
};

struct Chart {
    std::string title;
    std::vector<ChartBar> bars;
};

//! An A4 PDF: a title, a subtitle, the charts and then the tables. Internal on a cairo failure.
Result<std::string> RenderPdf(const std::string& title, const std::string& subtitle, const std::vector<Chart>& charts,
                              const std::vector<FigureTable>& tables);

//! An .xlsx workbook with one worksheet per table and a column chart per table in `charted` (by slug).
Result<std::string> RenderXlsx(const std::string& title, const std::vector<FigureTable>& tables,
                               const std::vector<std::string>& charted);

}  // namespace meldroute::http
